import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixPageIds } from '../support/tree';

describe.each(fixPageIds)('fix page %s', (id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const h2s = [...mdx.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

  it('has ordered steps, each opening with a heading that gives it an anchor', () => {
    expect(mdx).toContain('<Steps>');
    expect([...mdx.matchAll(/^\s*\d+\.\s+### .+$/gm)].length).toBeGreaterThanOrEqual(2);
  });

  it('ends with the check that shows the problem is gone', () => {
    expect(h2s.at(-1)).toBe('Verify the fix');
  });
});
