/**
 * The order in which the flowchart shows the decision tree, and the wizard URL of each
 * question. Pure TypeScript: the layout, the list and the unit tests share it.
 */
import { wizardBase } from '../../wizard/paths';

/** The part of an answer the flowchart shows; a tree answer fits it. */
export interface FlowAnswer {
  readonly slug: string;
  readonly label: string;
  readonly next?: string | undefined;
  readonly outcome?: string | undefined;
}

/** The part of a question the flowchart shows; a tree node fits it. */
export interface FlowQuestion {
  readonly id: string;
  readonly question: string;
  readonly answers: readonly FlowAnswer[];
}

/** The part of the tree the flowchart shows; the wizard's validated tree fits it. */
export interface FlowTree {
  readonly root: string;
  readonly nodes: readonly FlowQuestion[];
}

/** A question with the URL of the wizard step that asks it. */
export interface WalkedQuestion<Q extends FlowQuestion = FlowQuestion> {
  readonly node: Q;
  /** The wizard step at the end of the shortest answer path, e.g. `/wizard/admin/`. */
  readonly href: string;
}

/** The tree in reading order: the root first, then breadth-first in answer order. */
export interface TreeWalk<Q extends FlowQuestion = FlowQuestion> {
  readonly questions: readonly WalkedQuestion<Q>[];
  /** Outcome ids in the order an answer first leads to them. */
  readonly outcomeIds: readonly string[];
  /** Question and outcome ids together, in the order an answer first leads to them. */
  readonly order: readonly string[];
}

/**
 * Walks the tree breadth-first from the root, answers in their order. Each question's URL
 * is therefore its shortest answer path, and among equally short ones the first in
 * `allPaths` order (depth-first, answers in order), which is the same as the least in
 * answer order: the URL a question keeps however many paths lead to it.
 */
export function walkTree<Q extends FlowQuestion>(tree: {
  readonly root: string;
  readonly nodes: readonly Q[];
}): TreeWalk<Q> {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const questions: WalkedQuestion<Q>[] = [];
  const outcomeIds: string[] = [];
  const seenOutcomes = new Set<string>();
  const slugsTo = new Map<string, readonly string[]>([[tree.root, []]]);
  const queue = [tree.root];
  const order = [tree.root];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = byId.get(id);
    if (node === undefined)
      throw new Error(`[flowchart] the tree has no node "${id}"; validate it with parseTree first.`);
    const slugs = slugsTo.get(id)!;
    questions.push({ node, href: wizardBase + slugs.map((slug) => `${slug}/`).join('') });
    for (const answer of node.answers) {
      if (answer.outcome !== undefined && !seenOutcomes.has(answer.outcome)) {
        seenOutcomes.add(answer.outcome);
        outcomeIds.push(answer.outcome);
        order.push(answer.outcome);
      }
      if (answer.next !== undefined && !slugsTo.has(answer.next)) {
        slugsTo.set(answer.next, [...slugs, answer.slug]);
        queue.push(answer.next);
        order.push(answer.next);
      }
    }
  }
  return { questions, outcomeIds, order };
}
