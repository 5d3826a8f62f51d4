import { describe, expect, it } from 'vitest';
import { levenshtein, nearestSlug } from '../../src/components/fix-suggestion';

const slugs = ['upstream-refused', 'upstream-timeout', 'upstream-tls', 'firewall', 'dns-record'];

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('firewall', 'firewall')).toBe(0);
  });
});

describe('nearestSlug', () => {
  it.each([
    ['upstream-refussed', 'upstream-refused'],
    ['Upstream-Timeout', 'upstream-timeout'],
    ['firewal', 'firewall'],
    ['dns-recrod', 'dns-record'],
  ])('suggests %s → %s', (typed, slug) => {
    expect(nearestSlug(typed, slugs)).toBe(slug);
  });

  it('suggests nothing for an unrelated address', () => {
    expect(nearestSlug('pricing', slugs)).toBeUndefined();
    expect(nearestSlug('a', slugs)).toBeUndefined();
  });
});
