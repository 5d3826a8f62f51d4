/**
 * A DNS server on 127.0.0.1 that answers every query NXDOMAIN ("no such name"), as a real
 * resolver answers for a name under `.invalid` (RFC 6761). nginx's `resolver`, HAProxy's
 * `resolvers` and Caddy's `resolvers` point at it, so the lab never sends a query off the machine.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';

/** A running NXDOMAIN server. */
export interface NxdomainServer {
  readonly port: number;
  /** Names asked for, in order. */
  readonly queries: string[];
  close(): Promise<void>;
}

/** The question name of a DNS query (labels joined by dots), or '' when unreadable. */
export function questionName(query: Buffer): string {
  const labels: string[] = [];
  for (let at = 12; at < query.length && query[at] !== 0;) {
    const length = query[at]!;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += 1 + length;
  }
  return labels.join('.');
}

/**
 * The NXDOMAIN reply to `query`: same id and question, QR and RA set, RD copied,
 * RCODE 3, no answers.
 */
export function nxdomainReply(query: Buffer): Buffer {
  let end = 12;
  while (end < query.length && query[end] !== 0) end += 1 + query[end]!;
  end += 5; // the terminating zero label, QTYPE and QCLASS
  const reply = Buffer.from(query.subarray(0, Math.min(end, query.length)));
  reply[2] = 0x80 | (query[2]! & 0x79); // QR, opcode copied, RD copied
  reply[3] = 0x80 | 3; // RA, RCODE 3 (NXDOMAIN)
  reply.writeUInt16BE(1, 4); // QDCOUNT
  reply.fill(0, 6, 12); // ANCOUNT, NSCOUNT, ARCOUNT (drops the EDNS record)
  return reply;
}

/** Binds the UDP socket on 127.0.0.1:`port` (0: any free port). */
function bindUdp(queries: string[], port: number): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    queries.push(questionName(query));
    socket.send(nxdomainReply(query), peer.port, peer.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve(socket));
  });
}

/**
 * Listens for DNS over TCP on 127.0.0.1:`port`: each message is preceded by its length
 * (two bytes, RFC 1035 §4.2.2). Go's resolver, as Caddy's `resolvers` sets it up, asks
 * over TCP.
 */
function listenTcp(queries: string[], port: number): Promise<Server> {
  const server = createServer((connection) => {
    let pending = Buffer.alloc(0);
    connection.on('error', () => connection.destroy());
    connection.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const query = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + query.length);
        if (query.length < 12) continue;
        queries.push(questionName(query));
        const reply = nxdomainReply(query);
        const length = Buffer.alloc(2);
        length.writeUInt16BE(reply.length);
        connection.write(Buffer.concat([length, reply]));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Starts the server on 127.0.0.1, on a free port that answers over UDP and, with
 * `tcp: true`, over TCP too (the same port number, retried when TCP's is taken).
 */
export async function startNxdomainServer(options: { tcp?: boolean } = {}): Promise<NxdomainServer> {
  const queries: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const socket = await bindUdp(queries, 0);
    const port = socket.address().port;
    const closeUdp = () => new Promise<void>((done) => socket.close(() => done()));
    let tcp: Server | undefined;
    if (options.tcp === true) {
      try {
        tcp = await listenTcp(queries, port);
      } catch (error) {
        await closeUdp();
        if (attempt < 5) continue;
        throw error;
      }
    }
    const closeTcp = () => new Promise<void>((done) => (tcp === undefined ? done() : tcp.close(() => done())));
    return { port, queries, close: async () => void (await Promise.all([closeUdp(), closeTcp()])) };
  }
}
