/**
 * A DNS server on 127.0.0.1 that answers every query NXDOMAIN ("no such name"), as a real
 * resolver answers for a name under `.invalid` (RFC 6761). nginx's `resolver` and HAProxy's
 * `resolvers` point at it, so the lab never sends a query off the machine.
 */
import { createSocket } from 'node:dgram';

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

/** Starts the server on 127.0.0.1 (a free UDP port). */
export function startNxdomainServer(): Promise<NxdomainServer> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    queries.push(questionName(query));
    socket.send(nxdomainReply(query), peer.port, peer.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () =>
      resolve({ port: socket.address().port, queries, close: () => new Promise((done) => socket.close(() => done())) }),
    );
  });
}
