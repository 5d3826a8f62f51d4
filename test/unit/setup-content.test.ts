import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../src/setup/placeholders';
import { docsPages, fencesOf } from '../support/fences';

/** Pages whose commands are the reader's own: fix pages for site owners, and concept pages. */
const ownerPages = docsPages().filter(
  (page) => (page.startsWith('fixes/') && !page.startsWith('fixes/visitor-')) || page.startsWith('concepts/'),
);
/** Commands and the proxies' config files; logs and outputs (`text`) stay as printed. */
const fillable = new Set(['bash', 'nginx', 'apacheconf', 'haproxy', 'ini']);
const fences = ownerPages.flatMap((page) => fencesOf(page));
const extraOf = (meta: string) => /\bplaceholders="([^"]*)"/.exec(meta)?.[1] ?? '';
const named = (fence: { page: string; line: number }) => `${fence.page}:${fence.line}`;

describe('placeholders in content', () => {
  it.each(fences.filter((fence) => fillable.has(fence.language) && !/\bplaceholders\b/.test(fence.meta)).map(named))(
    '%s names none of the reader’s values without the placeholders meta',
    (name) => {
      const fence = fences.find((entry) => named(entry) === name)!;
      expect(findPlaceholders(fence.code, { language: fence.language, extra: '' })).toEqual([]);
    },
  );

  it.each(fences.filter((fence) => /\bplaceholders\b/.test(fence.meta)).map(named))(
    '%s has something to fill, in a block that may be filled',
    (name) => {
      const fence = fences.find((entry) => named(entry) === name)!;
      expect(fillable.has(fence.language)).toBe(true);
      expect(
        findPlaceholders(fence.code, { language: fence.language, extra: extraOf(fence.meta) }).length,
      ).toBeGreaterThan(0);
    },
  );

  it('covers the fix pages', () => {
    expect(ownerPages.filter((page) => page.startsWith('fixes/')).length).toBeGreaterThanOrEqual(17);
  });
});
