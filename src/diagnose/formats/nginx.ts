/**
 * Fields of an nginx error_log line (`src/core/ngx_log.c` `ngx_log_error_core` and
 * `src/http/ngx_http_request.c` `ngx_http_log_error_handler`):
 * `YYYY/MM/DD HH:MM:SS [level] PID#TID: *CID message, client: …, server: …,
 * request: "…", upstream: "…", host: "…"`. Docker or journald prefixes may come first.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';
import { firstMatch, nginxTime, textBetween, wordAfter } from './text.ts';

/** Fields of an nginx error_log line (reference §12). */
export function nginxFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(nginxUpstream(line)) };
  const timestamp = startsWithNginxTime.test(line) ? line.slice(0, 19) : firstMatch(line, nginxTime);
  const client = textBetween(line, ', client: ', ',') ?? wordAfter(line, ', client: ');
  const server = textBetween(line, ', server: ', ',');
  const host = textBetween(line, ', host: "', '"');
  const request = textBetween(line, ', request: "', '"');
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (client !== undefined) fields.client = client;
  if (server !== undefined && server !== '') fields.server = server;
  else if (host !== undefined && host !== '') fields.server = host;
  if (request !== undefined) fields.request = request;
  return fields;
}

/**
 * The upstream an nginx line names: the `upstream: "…"` field, else the target of
 * `connect() to X failed`, else the name that did not resolve.
 */
function nginxUpstream(line: string): string | undefined {
  const named = textBetween(line, ', upstream: "', '"') ?? textBetween(line, 'connect() to ', ' failed');
  if (named !== undefined) return named;
  const unresolved = line.indexOf(' could not be resolved (');
  if (unresolved !== -1) {
    const start = line.lastIndexOf(' ', unresolved - 1);
    return start === -1 ? undefined : line.slice(start + 1, unresolved);
  }
  return (
    wordAfter(line, 'no resolver defined to resolve ') ??
    textBetween(line, 'host not found in upstream "', '"') ??
    textBetween(line, 'no port in upstream "', '"')
  );
}

/**
 * `YYYY/MM/DD HH:MM:SS` at the start of the line: the common case, read without searching
 * the line. Anchored, with bounded counts: reads at most 19 characters.
 */
const startsWithNginxTime = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/;
