import { readFileSync, readdirSync } from 'node:fs';
import { parseTree, type Tree } from '../../src/wizard/tree.ts';

/** Slugs of the fix pages in content/docs/fixes/. */
export const fixPageIds = readdirSync(new URL('../../content/docs/fixes/', import.meta.url))
  .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
  .map((file) => file.replace(/\.mdx$/, ''));

/** The real tree, validated against the real fix pages. */
export function loadRealTree(): Tree {
  return parseTree(readFileSync(new URL('../../content/wizard/tree.yaml', import.meta.url), 'utf8'), fixPageIds);
}
