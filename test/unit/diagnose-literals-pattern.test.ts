import { describe, expect, it } from 'vitest';
import { formatKeys } from '../../src/diagnose/diagnose';
import { includesAny, literalsPattern } from '../../src/diagnose/match';
import { ruleGroups, rules } from '../../src/diagnose/rules/index';
import { loadCorpus } from '../support/corpus';

describe('literalsPattern', () => {
  it('answers what includesAny answers for every gate list, key list and rule literal list, on every corpus line and rule sample', () => {
    const lists = [
      ...ruleGroups.map((group) => group.gates),
      formatKeys.nginx,
      formatKeys.apache,
      ...rules.flatMap((rule) => [rule.includes, rule.anyOf ?? [], rule.excludes ?? []]),
    ];
    const texts = [
      ...loadCorpus().map((entry) => entry.text),
      ...rules.flatMap((rule) => [...rule.samples, ...rule.nearMisses]),
    ];
    let checks = 0;
    let differences = 0;
    for (const list of lists) {
      const pattern = literalsPattern(list);
      for (const text of texts) {
        checks += 1;
        if (pattern.test(text) !== includesAny(text, list)) differences += 1;
      }
    }
    expect(texts.length).toBeGreaterThan(2000);
    expect(checks).toBeGreaterThan(500_000);
    expect(differences).toBe(0);
    // Millions of checks that grow with the corpus (3.5 s on the 2-core machine with 3,000
    // corpus lines): a hang guard, not a time limit.
  }, 60_000);

  it('takes every character of a literal as itself, matches nothing for no literal and everything for an empty one', () => {
    const specials = [
      'a.c',
      '(111: ',
      '[x]',
      'a*b',
      'a+b?',
      '^start',
      'end$',
      '{2}',
      'a|b',
      'back\\slash',
      '/path/',
      '超时',
    ];
    const pattern = literalsPattern(specials);
    for (const literal of specials) {
      expect(pattern.test(`before ${literal} after`)).toBe(true);
      expect(literalsPattern([literal]).test(literal)).toBe(true);
    }
    for (const text of [
      'abc',
      '111: ',
      'x',
      'aab',
      'ab',
      'start',
      'end',
      'aa',
      'a',
      'b',
      'backslash',
      'path',
      '超',
      '',
    ]) {
      expect(pattern.test(text)).toBe(includesAny(text, specials));
      expect(pattern.test(text)).toBe(false);
    }
    expect(literalsPattern([]).test('anything')).toBe(false);
    expect(literalsPattern([]).test('')).toBe(false);
    expect(literalsPattern(['zz', '']).test('anything')).toBe(true);
  });

  it('keeps no state between calls', () => {
    const pattern = literalsPattern(['upstream']);
    for (let run = 0; run < 3; run += 1)
      expect(pattern.test('connect() failed while connecting to upstream')).toBe(true);
    expect(pattern.lastIndex).toBe(0);
    expect(pattern.flags).toBe('');
  });
});
