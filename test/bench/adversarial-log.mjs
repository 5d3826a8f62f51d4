/**
 * An adversarial error log for the diagnose CLI's memory: every line names a new, long
 * upstream made of non-Latin-1 characters (so JavaScript holds it as two bytes per
 * character), spread over several rules, including the two whose readers slice the name
 * out of the line themselves (nginx `… could not be resolved (`, HAProxy `Server … is
 * DOWN`). A remote client can make nginx write such lines: with `proxy_pass http://$host`
 * the name that fails to resolve is the request's Host header.
 *
 * As a module: `adversarialChunks(bytes)` yields strings of about 1 MB until `bytes` are
 * produced. As a script: `node test/bench/adversarial-log.mjs MB` writes that many MB of
 * log to standard output (stops quietly when the reader closes the pipe).
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Characters of each upstream name by default (a remote client can send a Host header this long). */
export const defaultNameLength = 1800;

const letters = 'абвгдежзийклмнопрстуфхцчшщыэюя';

/** A distinct name for line `n`: `n` in base 30 over Cyrillic letters, padded to `nameLength`. */
function name(n, nameLength) {
  let word = '';
  let rest = n;
  do {
    word += letters[rest % letters.length];
    rest = Math.floor(rest / letters.length);
  } while (rest > 0);
  return word + 'я'.repeat(nameLength - word.length);
}

const time = '2026/11/24 01:22:04';
const shapes = [
  (n, host) =>
    `${time} [error] 7#7: *${n} ${host} could not be resolved (3: Host not found), client: 203.0.113.5, server: _, request: "GET / HTTP/1.1", host: "${host}"`,
  (n, host) =>
    `[WARNING]  (8) : Server app/${host} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.`,
  (n, host) =>
    `${time} [error] 7#7: *${n} connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.5, server: _, request: "GET / HTTP/1.1", upstream: "http://${host}:80/", host: "${host}"`,
  (n, host) =>
    `${time} [error] 7#7: *${n} upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.5, server: _, request: "GET / HTTP/1.1", upstream: "http://${host}:80/", host: "${host}"`,
  (n, host) =>
    `${time} [error] 7#7: *${n} upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.5, server: _, request: "GET / HTTP/1.1", upstream: "http://${host}:80/", host: "${host}"`,
  (n, host) =>
    `${time} [error] 7#7: *${n} recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 203.0.113.5, server: _, request: "GET / HTTP/1.1", upstream: "http://${host}:80/", host: "${host}"`,
];

/**
 * Yields the log in chunks of about 1 MB (UTF-8) until `bytes` (or `lines`, whichever
 * comes first) are produced. Deterministic: the same arguments give the same text.
 */
export function* adversarialChunks({ bytes = Infinity, lines = Infinity, nameLength = defaultNameLength }) {
  let produced = 0;
  let n = 0;
  while (produced < bytes && n < lines) {
    let chunk = '';
    let chunkBytes = 0;
    while (chunkBytes < 1 << 20 && produced + chunkBytes < bytes && n < lines) {
      const line = `${shapes[n % shapes.length](n, name(n, nameLength))}\n`;
      chunk += line;
      chunkBytes += Buffer.byteLength(line);
      n += 1;
    }
    produced += chunkBytes;
    yield chunk;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const megabytes = Number(process.argv[2] ?? 100);
  process.stdout.on('error', () => process.exit(0));
  for (const chunk of adversarialChunks({ bytes: megabytes * 1024 * 1024 })) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}
