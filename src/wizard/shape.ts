/**
 * The part of the tree the browser receives (src/pages/wizard-data.json.ts, the 404 page).
 * Pure: unit tests use it without Astro's content layer.
 */
import type { TreeShape } from './paths';
import type { Tree } from './tree';

/** The routing shape of the tree that the browser receives (labels, slugs, targets). */
export function toShape(tree: Tree): TreeShape {
  return {
    version: tree.version,
    root: tree.root,
    retired: tree.retired,
    nodes: tree.nodes.map((node) => ({
      id: node.id,
      short: node.short,
      answers: node.answers.map(({ slug, label, next, outcome, server }) => ({ slug, label, next, outcome, server })),
    })),
  };
}
