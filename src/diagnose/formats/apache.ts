/**
 * Fields of an Apache httpd 2.4 error_log line (`server/log.c` `do_errorlog_default`):
 * `[Wed Oct 11 14:32:52.123456 2000] [module:level] [pid N:tid M] (errno)text:
 * [client 1.2.3.4:5678] AHnnnnn: message`, and of the 2.2 format without AH codes.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';
import { apacheTime, firstMatch, textBetween, wordAfter } from './text.ts';

/** Fields of an Apache httpd error_log line (reference §2 and §12). */
export function apacheFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(apacheUpstream(line)) };
  const timestamp = firstMatch(line, apacheTime);
  const client = textBetween(line, '[client ', ']');
  const returnedBy = wordAfter(line, ' returned by ');
  const request = returnedBy?.startsWith('/') ? returnedBy : undefined;
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (client !== undefined) fields.client = client;
  if (request !== undefined) fields.request = request;
  return fields;
}

/** The backend an Apache proxy line names, in the wording of each AH message. */
function apacheUpstream(line: string): string | undefined {
  const socket = textBetween(line, 'attempt to connect to Unix domain socket ', ' (');
  if (socket !== undefined) return `unix:${socket}`;
  return (
    textBetween(line, 'attempt to connect to ', ' (') ??
    wordAfter(line, 'status line from remote server ') ??
    textBetween(line, 'disabling worker for (', ')') ??
    textBetween(line, 'disabled connection for (', ')') ??
    wordAfter(line, 'failed to make connection to backend: ') ??
    wordAfter(line, 'DNS lookup failure for: ')
  );
}
