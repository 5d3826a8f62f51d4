import { describe, expect, it } from 'vitest';
import { buildGateIndex, maxIndexedGroups } from '../../src/diagnose/gate-index';
import { includesAny } from '../../src/diagnose/match';
import { ruleGroups, rules } from '../../src/diagnose/rules/index';
import type { RuleGroup } from '../../src/diagnose/types';
import { loadCorpus } from '../support/corpus';

/** The bits `includesAny` gives, group by group: what the index must answer. */
function expected(groups: readonly RuleGroup[], text: string): number {
  let bits = 0;
  groups.forEach((group, bit) => {
    if (includesAny(text, group.gates)) bits |= 1 << bit;
  });
  return bits;
}

const group = (name: string, gates: string[]): RuleGroup => ({ name, gates, rules: [] });

describe('the gate index', () => {
  it('answers what includesAny answers for every group, on every corpus line and rule sample', () => {
    const runs = [];
    for (let start = 0; start < ruleGroups.length; start += maxIndexedGroups)
      runs.push(ruleGroups.slice(start, start + maxIndexedGroups));
    const texts = [
      ...loadCorpus().map((entry) => entry.text),
      ...rules.flatMap((rule) => [...rule.samples, ...rule.nearMisses]),
    ];
    let differences = 0;
    for (const run of runs) {
      const index = buildGateIndex(run);
      for (const text of texts) if (index.scan(text) !== expected(run, text)) differences += 1;
    }
    expect(texts.length).toBeGreaterThan(2000);
    expect(differences).toBe(0);
  });

  it('finds overlapping gates, gates inside other gates, and gates at either end of the line', () => {
    const groups = [group('a', ['abcd']), group('b', ['bc']), group('c', ['cdx', 'zz']), group('d', ['超时'])];
    const index = buildGateIndex(groups);
    for (const text of ['abcd', 'xabcdx', 'abcdx', 'zz', 'bcd', 'abc', 'ab cd', '响应超时 504', '', 'aabcdzz'])
      expect(index.scan(text), text).toBe(expected(groups, text));
    expect(index.scan('abcdx')).toBe(0b0111);
    expect(index.scan('ab cd')).toBe(0);
  });

  it('reads every rule group and the scored context in one pass (a 32nd rule group would double the scans of a line of no known format)', () => {
    expect(ruleGroups.length + 1).toBeLessThanOrEqual(maxIndexedGroups);
  });

  it('answers for all 32 groups, the last one in the sign bit', () => {
    const groups = Array.from({ length: maxIndexedGroups }, (_, n) => group(`g${n}`, [`<${n}>`]));
    const index = buildGateIndex(groups);
    expect(index.scan('<31>')).toBe(1 << 31);
    expect(index.scan('<31> <0>')).toBe((1 << 31) | 1);
    expect(index.scan('<30>') & (1 << 31)).toBe(0);
  });

  it('matches every line for a group with an empty gate, and refuses more groups than bits', () => {
    const index = buildGateIndex([group('all', ['']), group('x', ['x'])]);
    expect(index.scan('nothing')).toBe(0b01);
    expect(index.scan('x')).toBe(0b11);
    const tooMany = Array.from({ length: maxIndexedGroups + 1 }, (_, n) => group(`g${n}`, [`g${n}`]));
    expect(() => buildGateIndex(tooMany)).toThrow(RangeError);
  });

  it('reads a long line in time linear in its length', () => {
    const index = buildGateIndex(ruleGroups.slice(0, maxIndexedGroups));
    const line = 'upstream timed out '.repeat(430).slice(0, 8192);
    const start = performance.now();
    for (let n = 0; n < 200; n += 1) index.scan(line);
    // 200 lines of 8 KiB: a pass per line, far under a second even on a busy machine.
    expect(performance.now() - start).toBeLessThan(2000);
    expect(index.scan(line)).toBe(expected(ruleGroups.slice(0, maxIndexedGroups), line));
  });
});
