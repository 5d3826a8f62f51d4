/**
 * Matching one line against one rule, in time linear in the line: literal substring
 * checks first, then the rule's own `test`, which only ever uses anchored or bounded
 * patterns (no nested quantifiers, no alternation under a quantifier).
 */
import type { Rule } from './types.ts';

/**
 * How much of a line the recogniser reads, in UTF-16 code units (8 KiB). Real messages
 * put the cause well before this; the cap keeps the cost per line bounded whatever the
 * input, so a whole log costs time linear in its size.
 */
export const maxLineLength = 8192;

/**
 * Whether `line` matches `rule` (see {@link Rule} for the meaning of each field).
 *
 * @param rule - The rule to test.
 * @param line - One line of text, without its line break. Any length; never throws.
 */
export function ruleMatches(rule: Rule, line: string): boolean {
  for (const literal of rule.includes) if (!line.includes(literal)) return false;
  if (rule.anyOf !== undefined && !includesAny(line, rule.anyOf)) return false;
  if (rule.excludes !== undefined && includesAny(line, rule.excludes)) return false;
  return rule.test === undefined || rule.test(line);
}

/** Whether `line` contains at least one of `literals`. */
export function includesAny(line: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (line.includes(literal)) return true;
  return false;
}

/**
 * One regular expression whose `test(line)` answers what `includesAny(line, literals)`
 * answers: the literals, escaped, as alternatives (code units compared exactly, no flags),
 * or a pattern that never matches when there are none. For lists that are usually all
 * absent, such as a group's gates: V8 reads the line once for the whole list instead of
 * once per literal (in-process on the bench's nginx log, the nginx-response group's five
 * gates on 241,176 lines: 20 ms against 49 ms). Not for lists whose first literal is
 * usually found, where one `includes` is faster. Linear in the line times the literals'
 * total length (no quantifier).
 *
 * @param literals - Case-sensitive literals, any characters.
 * @returns A stateless pattern (no `g` or `y` flag), safe to share.
 */
export function literalsPattern(literals: readonly string[]): RegExp {
  if (literals.length === 0) return /(?!)/;
  return new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
}

/**
 * Whether `literal` occurs in `line` as a whole: not followed by a letter, digit or `_`.
 * `Error code 521` does not match `Error code 5210`. Linear: one pass of `indexOf`.
 */
export function includesWhole(line: string, literal: string): boolean {
  let from = 0;
  for (;;) {
    const at = line.indexOf(literal, from);
    if (at === -1) return false;
    if (!/^\w$/.test(line.charAt(at + literal.length))) return true;
    from = at + 1;
  }
}

/**
 * Whether `literal` occurs in `line` as a whole word: neither preceded nor followed by a
 * letter, digit or `_` (`Error 522` matches `Got Error 522.` but not `1522` or `5220`).
 * Linear: one pass of `indexOf`.
 */
export function includesWord(line: string, literal: string): boolean {
  let from = 0;
  for (;;) {
    const at = line.indexOf(literal, from);
    if (at === -1) return false;
    if (!/^\w$/.test(line.charAt(at + literal.length)) && (at === 0 || !/^\w$/.test(line.charAt(at - 1)))) return true;
    from = at + 1;
  }
}

/** Whether any of `literals` occurs in `line` as a whole word (see {@link includesWord}). */
export function includesAnyWord(line: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (includesWord(line, literal)) return true;
  return false;
}
