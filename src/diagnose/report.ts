/**
 * The CLI's text report: one block per rule, the most frequent first. Pure, so the
 * format is unit-tested without spawning the CLI.
 */
import { escapeUntrusted } from './escape.ts';
import { rules } from './rules/index.ts';
import type { RuleSummary } from './summary.ts';

/** Rules that only name who answered (error pages, headers): reported without a fix page. */
const whoAnsweredIds = new Set(rules.filter((rule) => rule.kind === 'who-answered').map((rule) => rule.id));

/** What was read, for the report's first line. */
export interface ReadTotals {
  readonly files: number;
  readonly lines: number;
  readonly recognised: number;
}

const number = new Intl.NumberFormat('en');

/**
 * The tally as plain text (upstreams and timestamps come from the log, so they go through
 * `escapeUntrusted`: a log line cannot send escape sequences to the terminal), e.g.
 * ```
 * Recognised 2 of 5 lines in 1 file.
 *
 * 2  nginx-connect-refused (nginx)
 *    Nothing listens at the upstream address and port, so the connection is refused.
 *    first 2026/11/24 01:22:04, last 2026/11/24 01:22:09
 *    top upstreams: 127.0.0.1:18999 (2)
 *    fix: /fixes/upstream-refused/
 * ```
 * A rule that only names who answered (an error page or header) shows
 * `(who answered: nginx)` and no fix line: its text says where to look next.
 * An upstream's count reads `(12 to 15)` when the rule named more distinct upstreams than
 * the tally keeps (see `upstreamSlotsPerRule`) and the count is only known within a range.
 * @param summary - From `Tally.summary()`.
 * @param totals - Files, lines read and lines recognised.
 * @returns Lines joined with `\n`, ending with a newline.
 */
export function formatReport(summary: readonly RuleSummary[], totals: ReadTotals): string {
  const files = `${number.format(totals.files)} ${totals.files === 1 ? 'file' : 'files'}`;
  if (summary.length === 0) {
    return (
      `No line was recognised in ${number.format(totals.lines)} lines in ${files}.\n` +
      'Continue with the questions: /wizard/\n'
    );
  }
  const width = Math.max(...summary.map((entry) => number.format(entry.count).length));
  const indent = ' '.repeat(width + 2);
  const blocks = summary.map((entry) => {
    const who = whoAnsweredIds.has(entry.rule);
    const label = who ? `who answered: ${entry.software}` : entry.software;
    const lines = [`${number.format(entry.count).padStart(width)}  ${entry.rule} (${label})`, entry.cause];
    if (entry.firstTimestamp !== null)
      lines.push(`first ${escapeUntrusted(entry.firstTimestamp)}, last ${escapeUntrusted(entry.lastTimestamp ?? '')}`);
    if (entry.topUpstreams.length > 0) {
      // An approximate count (more distinct upstreams than the tally keeps) shows its range.
      const upstreams = entry.topUpstreams.map(
        ({ upstream, count, atLeast }) =>
          `${escapeUntrusted(upstream)} (${atLeast === undefined ? '' : `${number.format(atLeast)} to `}${number.format(count)})`,
      );
      lines.push(`top upstreams: ${upstreams.join(', ')}`);
    }
    if (!who) lines.push(`fix: ${entry.fixPage}`);
    return lines.map((line, index) => (index === 0 ? line : indent + line)).join('\n');
  });
  const head = `Recognised ${number.format(totals.recognised)} of ${number.format(totals.lines)} lines in ${files}.`;
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}
