/**
 * Fields of app-server log lines (reference §9 and §12): gunicorn
 * `[2018-06-05 14:57:47 +0200] [PID] [LEVEL] message`, PHP-FPM
 * `[24-Nov-2026 01:22:04] WARNING: [pool www] message` (Docker images drop the date) and
 * uWSGI's free text, optionally prefixed with `Tue Jun 13 18:33:04 2023 - `.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';
import { firstMatch, gunicornTime, phpFpmTime, textBetween, uwsgiTime } from './text.ts';

/** Fields of a gunicorn log line: only its time. */
export function gunicornFields(line: string): Fields {
  const timestamp = firstMatch(line, gunicornTime);
  return timestamp === undefined ? {} : { timestamp };
}

/** Fields of a PHP-FPM log line: time, the script's request, the socket it failed to bind. */
export function phpFpmFields(line: string): Fields {
  const socket = textBetween(line, "listening socket for address '", "'");
  const fields: Fields = { ...upstreamFields(socket) };
  const timestamp = firstMatch(line, phpFpmTime);
  const request = textBetween(line, '(request: "', '"');
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (request !== undefined) fields.request = request;
  return fields;
}

/** Fields of a uWSGI log line: its time and the socket whose queue is full. */
export function uwsgiFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(textBetween(line, 'listen queue of socket "', '"')) };
  const timestamp = firstMatch(line, uwsgiTime);
  if (timestamp !== undefined) fields.timestamp = timestamp;
  return fields;
}
