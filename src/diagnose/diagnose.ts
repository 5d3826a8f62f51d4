/**
 * The recogniser: which rule, if any, explains each line of an error log or of a tool's
 * output. Pure and synchronous; the browser's paste box and the CLI share it.
 */
import { extractFields } from './fields.ts';
import { sniffFormat } from './formats/sniff.ts';
import { buildGateIndex, maxIndexedGroups } from './gate-index.ts';
import { literalsPattern, maxLineLength, ruleMatches } from './match.ts';
import { ruleGroups } from './rules/index.ts';
import { scoredContextGates, scoredRule } from './rules/scored.ts';
import type { Finding, LineFormat, Rule, RuleGroup } from './types.ts';

/**
 * Prefilter for a line of a known format: every rule of that format's groups requires a
 * literal containing one of these words (a unit test checks it), so a line with none of
 * them is dismissed after a few scans, before any gate or rule. nginx's rules all name the
 * upstream or the resolver; Apache's keys are its group's gates.
 */
export const formatKeys: Readonly<Record<LineFormat, readonly string[]>> = {
  nginx: ['upstream', 'Upstream', 'resolv'],
  apache: ruleGroups.filter((group) => group.format === 'apache').flatMap((group) => group.gates),
};

/** A rule group with its gates compiled by `literalsPattern` (the same answer as `includesAny`). */
interface GatedGroup {
  readonly rules: readonly Rule[];
  readonly gates: RegExp;
}

/** `groups` with their gates compiled, in the same order. */
const gated = (groups: readonly RuleGroup[]): readonly GatedGroup[] =>
  groups.map((group) => ({ rules: group.rules, gates: literalsPattern(group.gates) }));

/** The groups a line of a known format is tried against, in matching order. */
const groupsByFormat: Record<LineFormat, readonly GatedGroup[]> = {
  nginx: gated(ruleGroups.filter((group) => group.format === 'nginx')),
  apache: gated(ruleGroups.filter((group) => group.format === 'apache')),
};

/** {@link formatKeys}, compiled. */
const formatKeyPatterns: Record<LineFormat, RegExp> = {
  nginx: literalsPattern(formatKeys.nginx),
  apache: literalsPattern(formatKeys.apache),
};

/**
 * nginx's own messages quoted without their phase (`fragments.ts`): an nginx line cut short
 * (`recv() failed (104: …)` without `while reading …`, `upstream prematurely closed
 * connection` alone, `upstream timed out (110: …) while reading response hea`) falls back to
 * them when no nginx rule took it. Only these: the
 * format-free rules would read app text nginx passes through (`FastCGI sent in stderr:`).
 */
const nginxFallback: readonly GatedGroup[] = gated(ruleGroups.filter((group) => group.name === 'nginx-fragments'));

/** Literals of the nginx messages a cut nginx line may end with (the fallback's keys). */
const nginxFallbackKeys = ['() failed (', 'prematurely closed connection', 'upstream timed out'];

/** Text nginx copies from the upstream or the client into its line: never read by the fallback. */
const passedThrough = ['sent in stderr', 'PHP message', 'upstream sent', 'client sent'];

/** {@link nginxFallbackKeys} and {@link passedThrough}, compiled. */
const nginxFallbackPattern = literalsPattern(nginxFallbackKeys);
const passedThroughPattern = literalsPattern(passedThrough);

/** {@link nginxFallbackKeys} or `connect()`: an nginx line with none of them and no format key is done. */
const nginxCutOrConnectPattern = literalsPattern([...nginxFallbackKeys, 'connect()']);

/**
 * The scored stage's context words (`rules/scored.ts`) as one more gated "group" with no rules:
 * its bit in the gate index tells whether a line no rule took may be read by its words.
 */
const scoredContext: RuleGroup = { name: 'scored-context', gates: scoredContextGates, rules: [] };

/**
 * The format-free path's gates, compiled: {@link ruleGroups} in runs of at most
 * {@link maxIndexedGroups}, each run read in one pass (see `gate-index.ts`) instead of one
 * `includes` per gate literal; the scored context rides in the last run when it has room.
 */
const gateRuns = (() => {
  const runs: RuleGroup[][] = [];
  for (let start = 0; start < ruleGroups.length; start += maxIndexedGroups)
    runs.push(ruleGroups.slice(start, start + maxIndexedGroups));
  const last = runs.at(-1);
  if (last !== undefined && last.length < maxIndexedGroups) last.push(scoredContext);
  else runs.push([scoredContext]);
  return runs.map((groups) => ({ groups, index: buildGateIndex(groups) }));
})();

/** Set by {@link firstMatchIndexed}: whether the last line it read holds a scored context word. */
let scoredContextHit = false;

/**
 * The first rule of {@link ruleGroups} that matches `text`, its gates read by {@link gateRuns};
 * also notes in {@link scoredContextHit} whether the scored stage may read the line.
 */
function firstMatchIndexed(text: string): Rule | undefined {
  scoredContextHit = false;
  for (const { groups, index } of gateRuns) {
    const hits = index.scan(text);
    if (hits === 0) continue;
    for (let bit = 0; bit < groups.length; bit += 1) {
      if ((hits & (1 << bit)) === 0) continue;
      const group = groups[bit]!;
      if (group === scoredContext) {
        scoredContextHit = true;
        continue;
      }
      for (const rule of group.rules) if (ruleMatches(rule, text)) return rule;
    }
  }
  return undefined;
}

/**
 * The first rule that matches `line`, or undefined. Only the first {@link maxLineLength}
 * characters are read. A line that starts like an nginx or Apache error_log entry is only
 * tried against that server's rules (see `formats/sniff.ts`); an nginx line none of them
 * takes is then tried against nginx's messages quoted without their phase, when it ends
 * with one ({@link nginxFallbackKeys}) and carries no text nginx passed through.
 *
 * @param line - One line, without its line break. Any text; never throws.
 */
export function classifyLine(line: string): Rule | undefined {
  const text = line.length > maxLineLength ? line.slice(0, maxLineLength) : line;
  const format = sniffFormat(text);
  if (format === undefined) {
    const rule = firstMatchIndexed(text);
    return rule !== undefined || !scoredContextHit ? rule : scoredRule(text);
  }
  const keyed = formatKeyPatterns[format].test(text);
  const own = keyed ? firstMatch(groupsByFormat[format], text) : undefined;
  if (own !== undefined || format !== 'nginx') return own;
  const cutOrConnect = nginxCutOrConnectPattern.test(text);
  if (!keyed && !cutOrConnect) return undefined;
  if (passedThroughPattern.test(text)) return undefined;
  const fragment = cutOrConnect && nginxFallbackPattern.test(text) ? firstMatch(nginxFallback, text) : undefined;
  // Only a line about the upstream or the resolver (the format's keys, or `connect()`, which
  // nginx only calls towards an upstream, when the line is cut before `upstream`) is read by
  // its words: nginx's other messages (`open() … failed`, `closed keepalive connection`) are
  // not 502s.
  if (fragment !== undefined || !(keyed || text.includes('connect()'))) return fragment;
  return scoredNginxMessage(text);
}

/**
 * The scored reading of an nginx line's own message, when no nginx rule took the line:
 * only the text before nginx's context (`, client: …`), so a host name or request path
 * (`GET /timeout`) never counts as a cause word.
 */
function scoredNginxMessage(text: string): Rule | undefined {
  const end = text.indexOf(', client: ');
  return scoredRule(end === -1 ? text : text.slice(0, end));
}

/** The first rule of `groups` (in order, behind their gates) that matches `text`. */
function firstMatch(groups: readonly GatedGroup[], text: string): Rule | undefined {
  for (const group of groups) {
    if (!group.gates.test(text)) continue;
    for (const rule of group.rules) if (ruleMatches(rule, text)) return rule;
  }
  return undefined;
}

/**
 * Recognises the lines of `text` that explain a 502 (or its 503/504 siblings).
 *
 * Input: any text, such as an error log, a pasted line or curl output; lines end with
 * `\n`, `\r\n` or `\r`. Each line is read up to {@link maxLineLength} characters, so the
 * time taken grows linearly with the length of `text`.
 *
 * Output: one finding per recognised line, in input order, with its 1-based line number,
 * the rule that matched (its cause, fix-page outcome, implied wizard answers and the
 * source of its wording in the reference catalogue `502-causes.md`), and the fields read
 * from the line as plain text: timestamp (as the software writes it), upstream (and its
 * host, port or unix socket), client, server name and request. Unrecognised lines give
 * nothing.
 *
 * Never throws.
 */
export function diagnose(text: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const finding = diagnoseLine(line, index + 1);
    if (finding !== undefined) findings.push(finding);
  });
  return findings;
}

/**
 * The finding for one line, or undefined when no rule matches it.
 *
 * @param line - One line, without its line break. Any text; never throws.
 * @param lineNumber - Its 1-based number in the input, copied to the finding.
 */
export function diagnoseLine(line: string, lineNumber: number): Finding | undefined {
  const text = line.length > maxLineLength ? line.slice(0, maxLineLength) : line;
  const rule = classifyLine(text);
  if (rule === undefined) return undefined;
  return { line: lineNumber, rule, outcome: rule.outcome, fields: extractFields(rule.software, text) };
}
