/**
 * The tally the CLI prints: per rule, how many lines it matched, the first and last
 * timestamp seen and the upstreams named most often. Memory is bounded by the number of
 * rules times {@link upstreamSlotsPerRule} keys of at most {@link maxKeyLength}
 * characters, whatever the number of lines or of distinct upstreams (a log line, and so
 * an upstream name, can be chosen by a remote client: nginx with `proxy_pass http://$host`
 * logs the name it failed to resolve).
 */
import { type KeptKey, SpaceSaving } from './top-k.ts';
import type { Fields, Finding, OutcomeId, Rule, Software } from './types.ts';
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
  readonly topUpstreams: readonly TopUpstream[];
}

/** One of a rule's most frequent upstreams. */
export interface TopUpstream {
  /** At most {@link maxKeyLength} characters; a longer name is cut and ends with `…`. */
  readonly upstream: string;
  /** Lines naming it; exact unless `approximate` is set. */
  readonly count: number;
  /**
   * Present (true) only when more than {@link upstreamSlotsPerRule} distinct upstreams
   * were seen for the rule and this one's count may be over by up to `count - atLeast`.
   */
  readonly approximate?: true;
  /** With `approximate`: the count it certainly has. */
  readonly atLeast?: number;
}

/**
 * Distinct upstreams counted per rule (space-saving slots, see `top-k.ts`): an upstream
 * named on more than 1/256 of a rule's lines is always among them, and while a rule has
 * no more than this many distinct upstreams every count is exact.
 */
export const upstreamSlotsPerRule = 256;

/** Longest upstream name or timestamp kept, in UTF-16 code units (before the `…`). */
export const maxKeyLength = 256;

/** `text` cut to {@link maxKeyLength} characters, then ending with `…`. */
function cutKey(text: string): string {
  return text.length > maxKeyLength ? `${text.slice(0, maxKeyLength)}…` : text;
}

/**
 * `text` as a string of its own. A JavaScript engine may keep a slice as a view into the
 * string it came from (V8 does for 13 characters or more), so a kept slice of a line
 * would keep the whole line, or the whole chunk read from the file, alive; the copy holds
 * only its own characters. Costs time linear in `text`.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The address an upstream is counted under; see {@link RuleSummary.topUpstreams}. */
export function upstreamAddress(fields: Fields): string | undefined {
  if (fields.socket !== undefined) return `unix:${fields.socket}`;
  const host = fields.upstreamHost;
  if (host === undefined) return fields.upstream;
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return fields.upstreamPort === undefined ? bracketed : `${bracketed}:${fields.upstreamPort}`;
}

interface Entry {
  rule: Rule;
  count: number;
  firstTimestamp: string | null;
  /**
   * The last timestamp as the finding gave it, not cut or copied: see {@link lastOf}.
   * Comparing each line's timestamp with the last one kept, to copy it only when it
   * changed, took about 220 ns per finding (a slice compared with a flat string); storing
   * it takes nothing. It may keep alive the text the line was cut from, one piece per
   * rule: in the CLI a piece of at most 64 KB (`log-lines.ts`).
   */
  lastTimestamp: string | null;
  upstreams: SpaceSaving;
}

/** An entry's last timestamp as reported: cut to {@link maxKeyLength}, a string of its own. */
function lastOf(entry: Entry): string | null {
  return entry.lastTimestamp === null ? null : ownCopy(cutKey(entry.lastTimestamp));
}

/** A {@link Tally} as plain data: see {@link Tally.snapshot} and {@link Tally.merge}. */
export interface TallySnapshot {
  readonly findings: number;
  /** Per rule that matched, in the order first seen. */
  readonly rules: readonly {
    readonly rule: string;
    readonly count: number;
    readonly firstTimestamp: string | null;
    readonly lastTimestamp: string | null;
    /** Its upstream counter's `SpaceSaving.entries()`. */
    readonly upstreams: readonly KeptKey[];
  }[];
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
      // The finding's fields would keep its line alive; the entry keeps the rule only.
      entry = {
        rule: finding.rule,
        count: 0,
        firstTimestamp: null,
        lastTimestamp: null,
        upstreams: new SpaceSaving(upstreamSlotsPerRule, maxKeyLength),
      };
      this.#entries.set(finding.rule.id, entry);
    }
    entry.count += 1;
    const { timestamp } = finding.fields;
    const upstream = upstreamAddress(finding.fields);
    if (timestamp !== undefined) {
      entry.firstTimestamp ??= ownCopy(cutKey(timestamp));
      entry.lastTimestamp = timestamp;
    }
    if (upstream !== undefined) entry.upstreams.add(upstream);
  }

  /** How many findings were added. */
  get findings(): number {
    return this.#findings;
  }

  /**
   * Whether every rule's upstream counts are exact (no rule has had more than
   * {@link upstreamSlotsPerRule} distinct upstreams). Once false it stays false, and
   * {@link Tally.merge} of anything with upstreams for those rules is refused.
   */
  get exact(): boolean {
    for (const entry of this.#entries.values()) if (!entry.upstreams.exact) return false;
    return true;
  }

  /**
   * The tally as plain data (it can be posted between threads), for {@link Tally.merge}.
   */
  snapshot(): TallySnapshot {
    return {
      findings: this.#findings,
      rules: [...this.#entries.values()].map((entry) => ({
        rule: entry.rule.id,
        count: entry.count,
        firstTimestamp: entry.firstTimestamp,
        lastTimestamp: lastOf(entry),
        upstreams: entry.upstreams.entries(),
      })),
    };
  }

  /**
   * Adds the tally of the lines that came after this tally's (a later part of the same
   * log, or a later log), so that this tally ends exactly as if it had been given those
   * lines itself: counts add up, first timestamps stay, last timestamps are the later
   * tally's, rules first seen there come after this tally's own, and upstream counts add
   * up (see `SpaceSaving.merge`). When a rule's upstream counts cannot be added exactly
   * (either side has counted more than {@link upstreamSlotsPerRule} distinct upstreams
   * for it, or both together have), nothing is changed and false is returned: the caller
   * must then add the later lines' findings itself.
   *
   * @param later - The later lines' {@link Tally.snapshot}.
   * @param ruleOf - The rule with a given id (every id in `later` must have one).
   * @returns Whether `later` was added (true) or nothing changed (false).
   * @throws Error when `ruleOf` knows no rule for an id of `later`.
   */
  merge(later: TallySnapshot, ruleOf: (id: string) => Rule | undefined): boolean {
    // Checked first, so that a refusal leaves this tally as it was.
    for (const theirs of later.rules) {
      const ours = this.#entries.get(theirs.rule)?.upstreams ?? new SpaceSaving(upstreamSlotsPerRule, maxKeyLength);
      if (!ours.canMerge(theirs.upstreams)) return false;
    }
    for (const theirs of later.rules) {
      let ours = this.#entries.get(theirs.rule);
      if (ours === undefined) {
        const rule = ruleOf(theirs.rule);
        if (rule === undefined) throw new Error(`no rule ${theirs.rule}`);
        ours = {
          rule,
          count: 0,
          firstTimestamp: null,
          lastTimestamp: null,
          upstreams: new SpaceSaving(upstreamSlotsPerRule, maxKeyLength),
        };
        this.#entries.set(theirs.rule, ours);
      }
      ours.count += theirs.count;
      ours.firstTimestamp ??= theirs.firstTimestamp;
      if (theirs.lastTimestamp !== null) ours.lastTimestamp = theirs.lastTimestamp;
      if (!ours.upstreams.merge(theirs.upstreams)) throw new Error(`upstreams of ${theirs.rule} could not be merged`);
    }
    this.#findings += later.findings;
    return true;
  }

  /** One summary per rule that matched, the most frequent first (ties: first seen first). */
  summary(): RuleSummary[] {
    return [...this.#entries.values()]
      .map((entry) => ({ ...entry, lastTimestamp: lastOf(entry) }))
      .map(({ rule, count, firstTimestamp, lastTimestamp, upstreams }) => ({
        rule: rule.id,
        software: rule.software,
        cause: rule.cause,
        outcome: rule.outcome,
        fixPage: fixPagePath(rule.outcome),
        count,
        firstTimestamp,
        lastTimestamp,
        topUpstreams: upstreams
          .top(3)
          .map(({ key, count, error }) =>
            error === 0
              ? { upstream: key, count }
              : { upstream: key, count, approximate: true as const, atLeast: count - error },
          ),
      }))
      .sort((a, b) => b.count - a.count);
  }
}
