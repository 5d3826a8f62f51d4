/** The lab's HTTP client: one request, a fresh connection each time, a bounded wait. */
import { request } from 'node:http';

/** What the client got: a status code, or the error when the reply was not valid HTTP. */
export type Reply = { status: number; body: string } | { status: undefined; error: string };

/**
 * Sends `GET path` to 127.0.0.1:`port` with `Host: host`, on a new connection that is
 * closed afterwards (Apache answers a failed reused keep-alive connection with nothing at
 * all, so reusing one would change what is measured).
 */
export function get(port: number, host: string, path = '/', timeoutMs = 10_000): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host, connection: 'close' },
        agent: false,
        timeout: timeoutMs,
        maxHeaderSize: 64 * 1024, // the big-header case's 20 KB header must reach the client after its fix
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (error) => resolve({ status: undefined, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no reply within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: undefined, error: error.code ?? error.message }),
    );
    req.end();
  });
}
