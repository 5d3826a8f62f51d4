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

/** `parseUpstreamAddress` plus the upstream as written, for a rule's field extractor. */
export function upstreamFields(upstream: string | undefined): Fields {
  if (upstream === undefined || upstream === '') return {};
  return { upstream, ...parseUpstreamAddress(upstream) };
}
