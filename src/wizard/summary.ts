/**
 * Plain-text summaries for support tickets and escalation reports. Pure functions: the
 * browser fills them from the page and the stores; the unit tests check them directly.
 * The text is meant to paste well into Zendesk, Jira or GitHub: no HTML, no Markdown
 * tables, one fact per line.
 */
import { cutWithMarker, escapeUntrusted } from '../diagnose/escape';

/** One step of a fix page and whether the reader ticked it. */
export interface StepState {
  readonly title: string;
  readonly done: boolean;
}

/** An outcome named in a summary. */
export interface OutcomeLabel {
  readonly code: string;
  readonly title: string;
  /** The cause in one sentence (the fix page's `outcome.cause`), shown under the title. */
  readonly cause?: string | undefined;
}

export interface TicketSummary {
  readonly outcome: OutcomeLabel;
  /** Absolute URL: the wizard leaf, or the fix page with `?answers=`. */
  readonly link: string;
  /** "Question: answer" pairs in the order given; empty when the reader came straight to the page. */
  readonly answers: readonly { readonly question: string; readonly answer: string }[];
  /** The version of the wizard's tree (tree.yaml `version`) that asked the questions, if known. */
  readonly treeVersion?: number | undefined;
  /** When the link's answers led to another outcome: one sentence saying where, and whether they are kept. */
  readonly answersNote?: string | undefined;
  /** The site's domain from the reader's "Your setup", if set (capped and escaped here). */
  readonly domain?: string | undefined;
  /** The log line the reader last pasted into the wizard's paste box, as pasted (capped and escaped here). */
  readonly pastedLine?: string | undefined;
  readonly steps: readonly StepState[];
  /** Outcomes tried before this one, oldest first. */
  readonly tried: readonly OutcomeLabel[];
}

/** The "Copy summary" text. */
export function ticketSummary(summary: TicketSummary): string {
  const lines = [`${summary.outcome.code} ${summary.outcome.title}`];
  if (summary.outcome.cause) lines.push(`Cause: ${summary.outcome.cause}`);
  if (summary.domain !== undefined && summary.domain.trim() !== '') {
    lines.push(`Site: ${capField(summary.domain, domainLimit)}`);
  }
  lines.push(`Link: ${summary.link}`);
  if (summary.answersNote !== undefined) lines.push('', summary.answersNote);
  if (summary.answers.length > 0) {
    const version = summary.treeVersion === undefined ? '' : ` (wizard version ${summary.treeVersion})`;
    lines.push('', `Answers given in the 502 wizard${version}:`);
    summary.answers.forEach((entry, index) => lines.push(`  ${index + 1}. ${entry.question}: ${entry.answer}`));
  }
  if (summary.pastedLine !== undefined && summary.pastedLine.trim() !== '') {
    lines.push('', 'Log line pasted into the wizard:', `  ${capField(summary.pastedLine, pastedLineLimit)}`);
  }
  // A checklist with nothing ticked says nothing: it is left out.
  if (summary.steps.some((step) => step.done)) {
    const done = summary.steps.filter((step) => step.done).length;
    lines.push('', `Steps done (${done} of ${summary.steps.length}):`);
    for (const step of summary.steps) lines.push(`  [${step.done ? 'x' : ' '}] ${step.title}`);
  }
  if (summary.tried.length > 0) {
    lines.push('', 'Already tried, in order:');
    summary.tried.forEach((entry, index) => lines.push(`  ${index + 1}. ${entry.code} ${entry.title}`));
  }
  return lines.join('\n');
}

/** Most characters kept of the site's domain (a DNS name has at most 253). */
export const domainLimit = 253;

/** Most characters kept of a pasted log line in a summary (one line is enough to say what was seen). */
export const pastedLineLimit = 500;

/** Most characters kept from each free-text field of the report. */
export const reportFieldLimit = { time: 64, url: 2048, requestId: 256, checks: 20_000 } as const;

export interface ReportFields {
  /** When the error was seen, in UTC, as the reader typed it. */
  readonly time: string;
  /** The address that showed the 502. */
  readonly url: string;
  /** Request id or CDN ray id from the error page, if any. */
  readonly requestId: string;
  /** The output of the checks the reader ran, pasted. */
  readonly checks: string;
}

/**
 * Trims a free-text field, writes its control, bidirectional-formatting and zero-width
 * characters as escapes (`escapeUntrusted`; line feeds and tabs kept), and cuts it at
 * `limit` characters with a marker saying how many more there were.
 */
export function capField(value: string, limit: number): string {
  return cutWithMarker(escapeUntrusted(value.trim(), { keepLineBreaks: true }), limit);
}

/** The escalation report: the ticket summary, then what a host's support asks for. */
export function escalationReport(summary: TicketSummary, fields: ReportFields): string {
  const value = (text: string, limit: number) => capField(text, limit) || '(not given)';
  return [
    'Report for hosting or support: HTTP 502 Bad Gateway',
    '',
    `Time of the error (UTC): ${value(fields.time, reportFieldLimit.time)}`,
    `Address that showed the error: ${value(fields.url, reportFieldLimit.url)}`,
    `Request id or CDN ray id: ${value(fields.requestId, reportFieldLimit.requestId)}`,
    '',
    ticketSummary(summary),
    '',
    'Output of the checks:',
    value(fields.checks, reportFieldLimit.checks),
  ].join('\n');
}
