/**
 * The lab's upstream: a raw TCP server that misbehaves on request. The last segment of
 * the request path names the behaviour, so one upstream serves every case:
 *
 * - `ok` (or anything unknown): `200 OK`;
 * - `close`: accepts, reads the request and closes without answering;
 * - `reset`: reads the request and resets the connection (RST);
 * - `slow`: answers after {@link slowAnswerMs}, past the lab proxies' 1 s timeout;
 * - `big-header`: a `200` with one header of `?bytes=N` bytes (default 20000);
 * - `bad-status`: a malformed status line (`HTTP/1.1 2OO OK`);
 * - `wrong-version`: a well-formed status line of another HTTP version (`HTTP/2.0 200 OK`);
 * - `bad-header`: a header line with a control byte (`Bad\x01Header`).
 *
 * "Not listening" needs no behaviour: the lab uses a free port nobody listens on.
 */
import { createServer, type Server, type Socket } from 'node:net';

/** How long `slow` waits before answering. */
export const slowAnswerMs = 2000;

/** Behaviours the upstream knows; see the module comment. */
export type Behaviour =
  'ok' | 'close' | 'reset' | 'slow' | 'big-header' | 'bad-status' | 'wrong-version' | 'bad-header';

/** A running upstream. */
export interface Upstream {
  /** The TCP port on 127.0.0.1, or 0 when it listens on a unix socket. */
  readonly port: number;
  /** Behaviours it was asked for, in order (health checks with no request are not listed). */
  readonly seen: Behaviour[];
  close(): Promise<void>;
}

const behaviours: readonly Behaviour[] = [
  'ok',
  'close',
  'reset',
  'slow',
  'big-header',
  'bad-status',
  'wrong-version',
  'bad-header',
];

function answer(status: string, headers: string[], body: string): string {
  const head = [status, 'Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(body)}`, ...headers];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/** The behaviour and `bytes` parameter a request target asks for. */
export function parseTarget(target: string): { behaviour: Behaviour; bytes: number } {
  const url = new URL(target, 'http://upstream.invalid');
  const last = url.pathname.split('/').findLast((segment) => segment !== '') ?? 'ok';
  const behaviour = behaviours.find((candidate) => candidate === last) ?? 'ok';
  const bytes = Number(url.searchParams.get('bytes') ?? 20_000);
  return { behaviour, bytes: Number.isInteger(bytes) && bytes > 0 ? bytes : 20_000 };
}

function serve(socket: Socket, target: string, seen: Behaviour[], timers: Set<NodeJS.Timeout>): void {
  const { behaviour, bytes } = parseTarget(target);
  seen.push(behaviour);
  const ok = answer('HTTP/1.1 200 OK', ['Connection: close'], 'ok\n');
  switch (behaviour) {
    case 'close':
      socket.end();
      return;
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'slow': {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!socket.destroyed) socket.end(ok);
      }, slowAnswerMs);
      timers.add(timer);
      return;
    }
    case 'big-header':
      socket.end(answer('HTTP/1.1 200 OK', [`X-Lab-Big: ${'a'.repeat(bytes)}`, 'Connection: close'], 'ok\n'));
      return;
    case 'bad-status':
      socket.end(answer('HTTP/1.1 2OO OK', ['Connection: close'], 'ok\n'));
      return;
    case 'wrong-version':
      socket.end(answer('HTTP/2.0 200 OK', ['Connection: close'], 'ok\n'));
      return;
    case 'bad-header':
      socket.end(answer('HTTP/1.1 200 OK', ['Bad\x01Header: x', 'Connection: close'], 'ok\n'));
      return;
    case 'ok':
      socket.end(ok);
  }
}

/**
 * Starts the upstream on 127.0.0.1:`port` (0: any free port) or on the unix socket `path`.
 */
export function startUpstream(listenOn: { port: number } | { path: string }): Promise<Upstream> {
  const seen: Behaviour[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let head = '';
    socket.on('data', (chunk) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) serve(socket, head.split(' ')[1] ?? '/', seen, timers);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : 0,
        seen,
        close: () =>
          new Promise((done) => {
            for (const timer of timers) clearTimeout(timer);
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    };
    if ('path' in listenOn) server.listen(listenOn.path, ready);
    else server.listen(listenOn.port, '127.0.0.1', ready);
  });
}
