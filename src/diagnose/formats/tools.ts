/**
 * Fields of the output of the checks admins run (reference §10 and §11): curl's error
 * messages, which name the host and port they tried, and dig, nslookup and host, which
 * name the host they looked up.
 */
import { parseUpstreamAddress } from '../address.ts';
import type { Fields } from '../types.ts';
import { textBetween, wordAfter } from './text.ts';

const port = /^ port (\d{1,5})\b/;

/**
 * Fields of a curl error message: `Failed to connect to 127.0.0.1 port 18999 after …`,
 * `Failed to connect to 127.0.0.1:18999 after …` (curl 8.21+), `Failed connect to
 * IP:8955;` (7.29), `Could not resolve host: name`.
 */
export function curlFields(line: string): Fields {
  const marker = line.includes('Failed to connect to ') ? 'Failed to connect to ' : 'Failed connect to ';
  const target = wordAfter(line, marker);
  if (target !== undefined) {
    const after = line.indexOf(marker) + marker.length + target.length;
    const explicitPort = port.exec(line.slice(after, after + 16))?.[1];
    if (explicitPort !== undefined) {
      return { upstream: `${target}:${explicitPort}`, upstreamHost: target, upstreamPort: explicitPort };
    }
    return { upstream: target, ...parseUpstreamAddress(target) };
  }
  const unresolved = wordAfter(line, 'Could not resolve host: ');
  return unresolved === undefined ? {} : { upstream: unresolved, upstreamHost: unresolved };
}

/** Fields of dig, nslookup or host output: the name that was looked up, when the line says. */
export function digFields(line: string): Fields {
  const name = textBetween(line, "server can't find ", ':') ?? textBetween(line, 'Host ', ' not found');
  return name === undefined ? {} : { upstream: name, upstreamHost: name };
}
