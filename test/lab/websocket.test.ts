/**
 * nginx in front of a WebSocket server (audit row O14): what the client gets when the
 * location does not pass `Upgrade` and `Connection` on, and that the location of
 * fixes/upstream-closed step 6 makes the handshake through. The WebSocket server is
 * Node's own `http` module: it answers a handshake with `101 Switching Protocols` and a
 * plain request either with `426 Upgrade Required` (as the `ws` package does) or, under
 * `/close/`, by closing the connection without an answer.
 */
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBinaries, nginx } from './harness/binaries.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { fixSnippet } from './harness/fix-snippet.ts';
import { freePort } from './harness/ports.ts';
import { nginxConfig, startNginx } from './servers/nginx.ts';
import type { RunningProxy } from './servers/proxy.ts';

/** The GUID RFC 6455 appends to the client's key before hashing. */
const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** The sample key of RFC 6455 section 1.3, as the page's curl command sends it. */
const sampleKey = 'dGhlIHNhbXBsZSBub25jZQ==';

/** What the WebSocket server saw of one request. */
interface Seen {
  url: string;
  httpVersion: string;
  upgrade: string | undefined;
  connection: string | undefined;
  upgraded: boolean;
}

/** The `Sec-WebSocket-Accept` value for `key` (RFC 6455 section 4.2.2). */
function acceptFor(key: string): string {
  return createHash('sha1')
    .update(key + websocketGuid)
    .digest('base64');
}

/** Starts the WebSocket server on 127.0.0.1:`port`; `seen` collects what it was sent. */
function startWebSocketServer(port: number, seen: Seen[]): Promise<Server> {
  const record = (url: string | undefined, httpVersion: string, headers: IncomingHttpHeaders, upgraded: boolean) =>
    seen.push({ url: url ?? '', httpVersion, upgrade: headers.upgrade, connection: headers.connection, upgraded });
  const server = createServer((req, res) => {
    record(req.url, req.httpVersion, req.headers, false);
    if (req.url?.startsWith('/close/')) {
      req.socket.destroy();
      return;
    }
    res.writeHead(426, { 'Content-Type': 'text/plain' });
    res.end('Upgrade Required');
  });
  server.on('upgrade', (req, socket) => {
    record(req.url, req.httpVersion, req.headers, true);
    const key = String(req.headers['sec-websocket-key'] ?? '');
    socket.end(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptFor(key)}\r\n\r\n`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A WebSocket handshake to 127.0.0.1:`port`: the status, and the accept header on a 101. */
function handshake(port: number, path: string): Promise<{ status: number; accept?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      agent: false,
      timeout: 5000,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': sampleKey,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, accept: String(res.headers['sec-websocket-accept']) });
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('timeout', () => req.destroy(new Error('no reply within 5000 ms')));
    req.on('error', reject);
    req.end();
  });
}

describeWithBinaries('nginx in front of a WebSocket server', [nginx], () => {
  const seen: Seen[] = [];
  let server: Server;
  let proxy: RunningProxy;
  let upstreamPort = 0;

  beforeAll(async () => {
    const dir = makeTempDir('websocket');
    upstreamPort = await freePort();
    server = await startWebSocketServer(upstreamPort, seen);
    const port = await freePort();
    const up = `http://127.0.0.1:${upstreamPort}`;
    const fix = fixSnippet(
      { page: 'fixes/upstream-closed.mdx', language: 'nginx', containing: 'proxy_set_header Upgrade' },
      upstreamPort,
    );
    const site = [
      'server {',
      `    listen 127.0.0.1:${port};`,
      `    location /close/ { proxy_pass ${up}; }`,
      `    location /plain/ { proxy_pass ${up}; }`,
      fix.replaceAll(/^/gm, '    '),
      '}',
    ].join('\n');
    proxy = await startNginx(dir, port, nginxConfig(dir, site));
  });

  afterAll(async () => {
    proxy?.stop();
    await new Promise((resolve) => server?.close(resolve));
    cleanUpLab();
  });

  it('the fix snippet is the location the page shows, for /chat/', () => {
    const fix = fixSnippet({ page: 'fixes/upstream-closed.mdx', language: 'nginx', containing: 'Upgrade' });
    expect(fix).toContain('location /chat/ {');
    expect(fix).toContain('proxy_set_header Connection "upgrade";');
  });

  it('without the headers, the server gets a plain HTTP/1.0 GET with Connection: close and no Upgrade', async () => {
    const from = seen.length;
    await handshake(proxy.port, '/plain/chat');
    expect(seen.slice(from)).toEqual([
      { url: '/plain/chat', httpVersion: '1.0', upgrade: undefined, connection: 'close', upgraded: false },
    ]);
  });

  it('without the headers, a server that answers plain requests with 426 gives the client 426', async () => {
    expect((await handshake(proxy.port, '/plain/chat')).status).toBe(426);
  });

  it('without the headers, a server that closes on plain requests gives 502 and the "prematurely closed" line', async () => {
    const mark = proxy.errorLog.mark();
    expect((await handshake(proxy.port, '/close/chat')).status).toBe(502);
    const { line } = await proxy.errorLog.waitForLine(
      mark,
      'upstream prematurely closed connection while reading response header from upstream',
    );
    expect(line).toContain('request: "GET /close/chat HTTP/1.1"');
  });

  it("with the page's location, the handshake reaches the server and the client gets 101", async () => {
    const from = seen.length;
    const reply = await handshake(proxy.port, '/chat/');
    expect(reply).toEqual({ status: 101, accept: acceptFor(sampleKey) });
    expect(seen.slice(from)).toMatchObject([
      { url: '/chat/', httpVersion: '1.1', upgrade: 'websocket', upgraded: true },
    ]);
  });
});
