/**
 * Recognising a log format from a line's first characters, in constant time. A line that
 * starts like an nginx or Apache error_log entry was written by that server, so only its
 * rules apply: text the app passed through (`FastCGI sent in stderr: "…"`) cannot be
 * mistaken for another program's message, and the common case stays fast.
 */
import type { LineFormat } from '../types.ts';

const nginxShape = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[[a-z]{4,6}\] /;
const apacheShape = /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.?\d{0,6} \d{4}\] \[/;

/**
 * The format of `line` when it starts with an nginx (`2026/11/24 01:22:04 [error] `) or an
 * Apache httpd (`[Tue Nov 24 01:22:04.118342 2026] [`) error_log prefix; undefined
 * otherwise (including lines with a Docker or journald prefix). Never throws.
 */
export function sniffFormat(line: string): LineFormat | undefined {
  const first = line.charCodeAt(0);
  if (first >= 48 && first <= 57 && line.charCodeAt(4) === 47 && nginxShape.test(line)) return 'nginx';
  if (first === 91 && line.charCodeAt(4) === 32 && apacheShape.test(line)) return 'apache';
  return undefined;
}
