import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixPageIds } from '../support/tree';

describe.each(fixPageIds)('fix page %s', (id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx) ?? [];
  const logMessages: string[] = parse(frontmatter)?.outcome?.logMessages ?? [];
  const h2s = [...mdx.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

  it('has ordered steps, each opening with a heading that gives it an anchor', () => {
    expect(mdx).toContain('<Steps>');
    expect([...mdx.matchAll(/^\s*\d+\.\s+### .+$/gm)].length).toBeGreaterThanOrEqual(2);
  });

  it('ends with the check that shows the problem is gone, then the sources it relies on', () => {
    expect(h2s.slice(-2)).toEqual(['Verify the fix', 'Sources']);
  });

  it('links at least one source (vendor docs, man pages, RFCs) in its Sources section', () => {
    const sources = mdx.split(/^## Sources$/m)[1] ?? '';
    expect([...sources.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].length).toBeGreaterThanOrEqual(1);
  });

  it('quotes every log message it claims for search in its own body', () => {
    expect(body.length).toBeGreaterThan(0);
    expect(logMessages.filter((message) => !body.includes(message))).toEqual([]);
  });
});

it('the log messages fix pages claim for search are not claimed twice', () => {
  const owners = new Map<string, string[]>();
  for (const id of fixPageIds) {
    const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
    for (const message of parse(frontmatter)?.outcome?.logMessages ?? []) {
      owners.set(message, [...(owners.get(message) ?? []), id]);
    }
  }
  expect(owners.size).toBeGreaterThanOrEqual(10);
  expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
});
