import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseTree, type Tree } from '../../src/wizard/tree.ts';

/** Slugs of the fix pages in content/docs/fixes/. */
export const fixPageIds = readdirSync(new URL('../../content/docs/fixes/', import.meta.url))
  .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
  .map((file) => file.replace(/\.mdx$/, ''));

/** The real tree, validated against the real fix pages. */
export function loadRealTree(): Tree {
  return parseTree(readFileSync(new URL('../../content/wizard/tree.yaml', import.meta.url), 'utf8'), fixPageIds);
}

/**
 * The real tree, validated as if every outcome it lists had its fix page: for tests of
 * routing (nodes, answers, outcomes), which do not depend on the pages being written yet.
 */
export function loadTreeForRouting(): Tree {
  const text = readFileSync(new URL('../../content/wizard/tree.yaml', import.meta.url), 'utf8');
  const listed = ((parseYaml(text) as { outcomes?: { id?: unknown }[] }).outcomes ?? []).flatMap((outcome) =>
    typeof outcome.id === 'string' ? [outcome.id] : [],
  );
  return parseTree(text, [...new Set([...fixPageIds, ...listed])]);
}
