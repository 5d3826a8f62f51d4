// A valid wizard tree N times the size of content/wizard/tree.yaml, for the build-growth
// benchmark (test/bench/growth.mjs). The real nodes stay as they are (copy 1); copies 2..N
// are the same nodes with ids suffixed `-x<k>` and their `next` links renamed to match,
// so every copy is a cycle-free tree of its own. A new root question (`bench-copy`) has one
// answer per copy, so every node of every copy is reachable. Answers keep leading to the
// same outcomes, so no fix page is added: the outcomes list and its follow-ups are
// unchanged. Result: N × the real nodes + 1, and N × the real wizard pages + 1.
//
// CLI: node test/bench/generate-tree.mjs N [IN] > tree.yaml
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/** Id of the generated root question. */
export const benchRootId = 'bench-copy';

/**
 * The tree's YAML with `copies` copies of every node under a new root question.
 *
 * @param {string} yamlText - The real tree (content/wizard/tree.yaml).
 * @param {number} copies - How many copies of the real nodes (1 returns the text as is).
 * @returns {string} YAML for a tree that passes the project's parseTree().
 */
export function generateTree(yamlText, copies) {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a positive integer, got ${copies}`);
  if (copies === 1) return yamlText;
  const tree = parse(yamlText);
  const suffix = (id, k) => (k === 1 ? id : `${id}-x${k}`);
  const nodes = [];
  for (let k = 1; k <= copies; k++) {
    for (const node of tree.nodes) {
      nodes.push({
        ...node,
        id: suffix(node.id, k),
        answers: node.answers.map((answer) =>
          answer.next === undefined ? { ...answer } : { ...answer, next: suffix(answer.next, k) },
        ),
      });
    }
  }
  const root = {
    id: benchRootId,
    question: 'Which copy of the tree? (generated for the build benchmark)',
    short: 'Benchmark copy',
    help: 'Every answer leads to the same questions; only the URL differs.',
    why: 'The build-growth benchmark needs many wizard pages that all pass the tree checks.',
    answers: Array.from({ length: copies }, (_, index) => ({
      slug: `copy-${index + 1}`,
      label: `Copy ${index + 1}`,
      next: suffix(tree.root, index + 1),
    })),
  };
  return stringify({ ...tree, root: benchRootId, nodes: [root, ...nodes] }, { lineWidth: 0 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copies = Number(process.argv[2] ?? 10);
  const input = process.argv[3] ?? new URL('../../content/wizard/tree.yaml', import.meta.url);
  process.stdout.write(generateTree(readFileSync(input, 'utf8'), copies));
}
