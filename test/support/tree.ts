import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { allPaths } from '../../src/wizard/paths.ts';
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

/**
 * A sample of the tree's leaf paths that gives every answer of every question at least
 * once (the first leaf in {@link allPaths} order that takes an answer not yet covered), plus
 * one leaf per outcome. The browser tests click these instead of all ~1,400 leaves, which
 * render the same components with other words; the unit tests walk every path.
 */
export function coveringLeaves<T extends ReturnType<typeof allPaths>[number]>(paths: readonly T[]): T[] {
  const covered = new Set<string>();
  const outcomes = new Set<string>();
  const chosen: T[] = [];
  for (const path of paths) {
    if (path.kind !== 'outcome') continue;
    const edges = path.steps.map((step) => `${step.node.id}/${step.answer.slug}`);
    if (edges.some((edge) => !covered.has(edge)) || !outcomes.has(path.outcome)) {
      chosen.push(path);
      edges.forEach((edge) => covered.add(edge));
      outcomes.add(path.outcome);
    }
  }
  return chosen;
}
