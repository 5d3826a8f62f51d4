/**
 * Upstream addresses as logs write them: `http://127.0.0.1:8080/path`,
 * `fastcgi://unix:/run/php/php8.2-fpm.sock:`, `127.0.0.1:8000`, `[::1]:8765`, `deadpool`.
 */
import type { Fields } from './types.ts';

type AddressFields = Pick<Fields, 'upstreamHost' | 'upstreamPort' | 'socket'>;

const scheme = /^[a-z][a-z0-9+.-]{0,15}:\/\//;
const digits = /^\d{1,5}$/;

/**
 * Splits an upstream as written in a log into host and port, or a unix socket path.
 *
 * @param upstream - e.g. `http://127.0.0.1:18999/refused` (nginx `upstream:`), or
 *   `unix:/run/app.sock`. Any text; never throws.
 * @returns The parts found; `{}` when the text is not an address. The host keeps its
 *   spelling (an nginx pool name such as `deadpool` is returned as a host).
 */
export function parseUpstreamAddress(upstream: string): AddressFields {
  let rest = upstream.replace(scheme, '');
  if (rest.startsWith('unix:')) {
    // nginx appends ":" and the URI after a socket path: "unix:/run/x.sock:/path".
    const path = rest.slice('unix:'.length).split(':', 1)[0]!;
    return path.startsWith('/') ? { socket: path.replace(/^\/+/, '/') } : {};
  }
  if (rest.startsWith('/')) return { socket: rest };
  const slash = rest.indexOf('/');
  if (slash !== -1) rest = rest.slice(0, slash);
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return {};
    const host = rest.slice(1, close);
    const port = rest.slice(close + 2);
    return rest[close + 1] === ':' && digits.test(port)
      ? { upstreamHost: host, upstreamPort: port }
      : { upstreamHost: host };
  }
  const colon = rest.lastIndexOf(':');
  if (colon === -1) return rest === '' || rest === '-' ? {} : { upstreamHost: rest };
  const port = rest.slice(colon + 1);
  const host = rest.slice(0, colon);
  if (host === '' || host.includes(':')) return {};
  return digits.test(port) ? { upstreamHost: host, upstreamPort: port } : { upstreamHost: host };
}

/**
 * Upstreams already read, as text → fields. A log names the same few upstreams on line
 * after line, so most lines skip {@link parseUpstreamAddress}: on the bench's 200 MB nginx
 * log (518,627 recognised lines, a few dozen distinct upstreams) the field readers took
 * about 0.17 s less CPU. Bounded: it is emptied when it holds {@link cachedUpstreams}
 * entries, and upstreams longer than {@link longestCachedUpstream} are not kept, so a log
 * in which every line names a new upstream costs one copy per line and flat memory.
 */
const upstreamCache = new Map<string, Readonly<Fields>>();
const cachedUpstreams = 1024;
const longestCachedUpstream = 256;
const noFields: Readonly<Fields> = Object.freeze({});

/**
 * `text` as a string of its own: a slice of a line may be a view into the line, or into
 * the whole chunk read from a file, which a kept slice would keep alive (see `ownCopy` in
 * `summary.ts`).
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * `parseUpstreamAddress` plus the upstream as written, for a rule's field extractor.
 *
 * @param upstream - The upstream as the line writes it; undefined or `''` gives `{}`.
 * @returns A frozen object that may be shared between calls with the same text: spread it
 *   into the fields (`{ ...upstreamFields(x) }`) rather than changing it.
 */
export function upstreamFields(upstream: string | undefined): Readonly<Fields> {
  if (upstream === undefined || upstream === '') return noFields;
  const cached = upstreamCache.get(upstream);
  if (cached !== undefined) return cached;
  if (upstream.length > longestCachedUpstream) return Object.freeze({ upstream, ...parseUpstreamAddress(upstream) });
  const own = ownCopy(upstream);
  const fields = Object.freeze({ upstream: own, ...parseUpstreamAddress(own) });
  if (upstreamCache.size >= cachedUpstreams) upstreamCache.clear();
  upstreamCache.set(own, fields);
  return fields;
}
