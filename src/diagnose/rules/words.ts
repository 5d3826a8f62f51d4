/**
 * Word tests the sentence, page and header rules share (pages.ts, prose.ts, retold.ts,
 * vendor.ts): a line lower-cased once per line, whether it names a gateway status, and the
 * spellings of a header name. Each is linear in the line.
 */
import { includesAnyWord } from '../match.ts';
import type { Rule } from '../types.ts';

let lastLine = '';
let lastLower = '';

/**
 * `line` in lower case, with typographic apostrophes made plain (`didn’t` → `didn't`). The
 * rules of a group are tried on the same line one after another, so the last answer is kept:
 * one lower-casing per line, not one per rule.
 */
export function lowered(line: string): string {
  if (line !== lastLine) {
    lastLine = line;
    lastLower = line.toLowerCase().replaceAll('’', "'");
  }
  return lastLower;
}

/**
 * Whether `lower` (a lower-cased line) carries a gateway status: 502 or 504 (also written
 * `502s`, "AWS ALB 502s"), their names, and 503 or "service unavailable" too when `with503`.
 * "API Gateway timeout" names the product, not the status. Chinese readers write `502 错误`,
 * which the digits cover.
 */
export function namesGatewayStatus(lower: string, with503 = false): boolean {
  if (includesAnyWord(lower, ['502', '504', '502s', '504s'])) return true;
  if (lower.includes('bad gateway')) return true;
  if (lower.includes('gateway time') && lower.replaceAll('api gateway time', ' ').includes('gateway time')) return true;
  return with503 && (includesAnyWord(lower, ['503', '503s']) || lower.includes('service unavailable'));
}

/**
 * The spellings of a header name a line can carry, each with its colon: as sent (lower case),
 * capitalised per word (`X-Served-By:`), upper case.
 */
export function spellings(name: string): string[] {
  const capitalised = name.replace(
    /(^|-)([a-z])/g,
    (_all, dash: string, letter: string) => dash + letter.toUpperCase(),
  );
  return [...new Set([`${name}:`, `${capitalised}:`, `${name.toUpperCase()}:`])];
}

/**
 * `gates` without the literals that contain another of them (and without repeats): a line
 * holds one of the literals exactly when it holds one of those kept, so a group's gate check
 * answers the same with fewer literals, and the gate index (`gate-index.ts`) compiles fewer
 * automaton states. Quadratic in the number of literals, once when the rules load.
 */
export function minimalGates(gates: readonly string[]): string[] {
  const unique = [...new Set(gates)];
  return unique.filter((gate) => !unique.some((other) => other !== gate && gate.includes(other)));
}

/**
 * The line's text without what a quote or a Markdown heading puts around it (`> `, `#`,
 * quotes, backticks, asterisks, a closing full stop), lower case: what a page's heading or
 * title copied alone on its line reads as. A line over 64 characters is returned as it is, as
 * such a heading is short.
 *
 * @param lower - The line, lower case.
 */
export function aloneOnLine(lower: string): string {
  if (lower.length > 64) return lower;
  return lower.replace(/^[\s>#*"'`+-]{0,8}/, '').replace(/[\s"'`*.:!]{0,8}$/, '');
}

/** The gate literals of `rules` (each rule's `anyOf`), without repeats: a group's gates. */
export function gatesOfRules(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.anyOf ?? []))];
}
