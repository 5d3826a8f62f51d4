/**
 * Small, linear readers for parts of a log line: the text between two markers, the word
 * after a marker, a JSON string or number field, and the timestamp shapes real logs use.
 * None of them throws; each keeps at most {@link maxFieldLength} characters.
 */

/** Longest field kept, in UTF-16 code units. */
export const maxFieldLength = 2048;

/** The text between `start` and the next `end` after it; undefined when either is missing. */
export function textBetween(line: string, start: string, end: string): string | undefined {
  const at = line.indexOf(start);
  if (at === -1) return undefined;
  const from = at + start.length;
  const to = line.indexOf(end, from);
  if (to === -1) return undefined;
  return line.slice(from, Math.min(to, from + maxFieldLength));
}

/**
 * The word after `start`: the text up to the next space, comma, semicolon or the end of
 * the line (a trailing `.` or `:` is dropped); undefined when `start` is missing or the
 * word is empty.
 */
export function wordAfter(line: string, start: string): string | undefined {
  const at = line.indexOf(start);
  if (at === -1) return undefined;
  const from = at + start.length;
  let to = from;
  const limit = Math.min(line.length, from + maxFieldLength);
  while (to < limit) {
    const code = line.charCodeAt(to);
    if (code === 32 || code === 44 || code === 59 || code === 9) break;
    to += 1;
  }
  const word = line.slice(from, to).replace(/[.:]$/, '');
  return word === '' ? undefined : word;
}

/**
 * The value of a JSON string field `"key":"value"` (also with a space after the colon),
 * with `\"` and `\\` unescaped; other escapes are kept as written.
 */
export function jsonStringField(line: string, key: string): string | undefined {
  let at = line.indexOf(`"${key}":"`);
  let from = at + key.length + 4;
  if (at === -1) {
    at = line.indexOf(`"${key}": "`);
    from = at + key.length + 5;
  }
  if (at === -1) return undefined;
  let value = '';
  const limit = Math.min(line.length, from + maxFieldLength);
  for (let index = from; index < limit; index += 1) {
    const char = line[index]!;
    if (char === '"') return value;
    if (char === '\\' && (line[index + 1] === '"' || line[index + 1] === '\\')) {
      value += line[index + 1];
      index += 1;
    } else {
      value += char;
    }
  }
  return undefined;
}

/** The value of a JSON number field `"key":123.45`, as written; undefined when missing. */
export function jsonNumberField(line: string, key: string): string | undefined {
  const at = line.indexOf(`"${key}":`);
  if (at === -1) return undefined;
  return /^ ?(\d{1,15}\.?\d{0,9})/.exec(line.slice(at + key.length + 3, at + key.length + 30))?.[1];
}

// Timestamp shapes. Each regex has bounded quantifiers only and no quantified group or
// alternation, so an unanchored search costs at most a few dozen steps per position:
// linear in the line. Optional parts (`\.?\d{0,6}`) are written flat for the same reason.

/** nginx error_log: `2026/11/24 01:22:04`. */
export const nginxTime = /\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/;
/** Apache 2.x error_log: `[Wed Oct 11 14:32:52.123456 2000]` (the part inside brackets). */
export const apacheTime = /\[([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.?\d{0,6} \d{4})\]/;
/** ISO 8601, as Envoy, ALB, Traefik, cloudflared and Google Cloud write it. */
export const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.?\d{0,9}[Z+-]?\d{0,2}:?\d{0,2}/;
/** gunicorn: `[2018-06-05 14:57:47 +0200]`. */
export const gunicornTime = /\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\]/;
/** PHP-FPM: `[24-Nov-2026 01:22:04]`. */
export const phpFpmTime = /\[(\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\.?\d{0,6})\]/;
/** uWSGI verbose prefix: `Tue Jun 13 18:33:04 2023 - `. */
export const uwsgiTime = /^([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}) - /;

/** The first match of `pattern` in `line` (its first group when it has one). */
export function firstMatch(line: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(line);
  return match === null ? undefined : (match[1] ?? match[0]);
}
