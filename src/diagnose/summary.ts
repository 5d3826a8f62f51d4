/**
 * The tally the CLI prints: per rule, how many lines it matched, the first and last
 * timestamp seen and the upstreams named most often. Memory grows with the number of
 * rules and distinct upstreams, never with the number of lines.
 */
import type { Fields, Finding, OutcomeId, Software } from './types.ts';
import { fixPagePath } from './wizard.ts';

/** One rule's share of a log. */
export interface RuleSummary {
  readonly rule: string;
  readonly software: Software;
  readonly cause: string;
  readonly outcome: OutcomeId;
  /** The fix page's URL path, e.g. `/fixes/upstream-refused/`. */
  readonly fixPage: string;
  readonly count: number;
  /** Timestamps as the log writes them, of the first and last matching line in input order. */
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  /**
   * The most frequent upstreams, at most three, most frequent first (ties: first seen).
   * An upstream is `host:port`, `unix:/path` or, when the log gives no address, the name it
   * uses (an nginx upstream block, an HAProxy `backend/server`).
   */
  readonly topUpstreams: readonly { readonly upstream: string; readonly count: number }[];
}

/** Distinct upstreams counted per rule; beyond this, new ones are not counted. */
const maxUpstreamsPerRule = 10_000;

/** The address an upstream is counted under; see {@link RuleSummary.topUpstreams}. */
export function upstreamAddress(fields: Fields): string | undefined {
  if (fields.socket !== undefined) return `unix:${fields.socket}`;
  const host = fields.upstreamHost;
  if (host === undefined) return fields.upstream;
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return fields.upstreamPort === undefined ? bracketed : `${bracketed}:${fields.upstreamPort}`;
}

interface Entry {
  finding: Finding;
  count: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  upstreams: Map<string, number>;
}

/** Accumulates findings one at a time, then summarises them. */
export class Tally {
  readonly #entries = new Map<string, Entry>();
  #findings = 0;

  /** Counts one finding. */
  add(finding: Finding): void {
    this.#findings += 1;
    let entry = this.#entries.get(finding.rule.id);
    if (entry === undefined) {
      entry = { finding, count: 0, firstTimestamp: null, lastTimestamp: null, upstreams: new Map() };
      this.#entries.set(finding.rule.id, entry);
    }
    entry.count += 1;
    const { timestamp } = finding.fields;
    const upstream = upstreamAddress(finding.fields);
    if (timestamp !== undefined) {
      entry.firstTimestamp ??= timestamp;
      entry.lastTimestamp = timestamp;
    }
    if (upstream !== undefined) {
      const seen = entry.upstreams.get(upstream);
      if (seen !== undefined) entry.upstreams.set(upstream, seen + 1);
      else if (entry.upstreams.size < maxUpstreamsPerRule) entry.upstreams.set(upstream, 1);
    }
  }

  /** How many findings were added. */
  get findings(): number {
    return this.#findings;
  }

  /** One summary per rule that matched, the most frequent first (ties: first seen first). */
  summary(): RuleSummary[] {
    return [...this.#entries.values()]
      .map(({ finding: { rule }, count, firstTimestamp, lastTimestamp, upstreams }) => ({
        rule: rule.id,
        software: rule.software,
        cause: rule.cause,
        outcome: rule.outcome,
        fixPage: fixPagePath(rule.outcome),
        count,
        firstTimestamp,
        lastTimestamp,
        topUpstreams: [...upstreams]
          .map(([upstream, seen]) => ({ upstream, count: seen }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 3),
      }))
      .sort((a, b) => b.count - a.count);
  }
}
