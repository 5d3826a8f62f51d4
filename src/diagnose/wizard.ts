/**
 * From a finding to the wizard: the answers its rule implies, followed from the root as
 * far as they go, give the URL of the deepest step the reader can skip to.
 */
import { fixUrl, wizardBase } from '../wizard/paths.ts';
import type { Finding, ImpliedAnswers, WizardNodeId } from './types.ts';

/** The part of the wizard tree that routing needs; the full tree and `TreeShape` fit it. */
export interface RoutingTree<N extends RoutingNode = RoutingNode> {
  readonly root: string;
  readonly nodes: readonly N[];
}
export interface RoutingNode {
  readonly id: string;
  readonly answers: readonly {
    readonly slug: string;
    readonly next?: string | undefined;
    readonly outcome?: string | undefined;
  }[];
}

/** One implied answer taken: the node that asks and the answer chosen. */
export interface ImpliedStep<N extends RoutingNode = RoutingNode> {
  readonly node: N;
  readonly answer: N['answers'][number];
}

/**
 * The steps the implied answers give, from the root: at each node, the implied answer's
 * slug is taken; the walk stops at the first node with no implied answer (or an implied
 * slug the node does not offer), or at an outcome.
 *
 * @param tree - The wizard tree, or just its routing (ids, slugs, `next`, `outcome`).
 * @param implies - Node id → answer slug, as on a rule.
 * @returns The steps taken, possibly none. Never throws.
 */
export function impliedSteps<N extends RoutingNode>(tree: RoutingTree<N>, implies: ImpliedAnswers): ImpliedStep<N>[] {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const steps: ImpliedStep<N>[] = [];
  const seen = new Set<string>();
  let node = byId.get(tree.root);
  while (node !== undefined && !seen.has(node.id)) {
    seen.add(node.id);
    const slug = implies[node.id as WizardNodeId];
    const answer = slug === undefined ? undefined : node.answers.find((candidate) => candidate.slug === slug);
    if (answer === undefined) break;
    steps.push({ node, answer });
    node = answer.next === undefined ? undefined : byId.get(answer.next);
  }
  return steps;
}

/**
 * The wizard URL path for a rule's implied answers, e.g. `/wizard/admin/nginx/refused/`,
 * or `/wizard/` when the first question is not answered.
 */
export function wizardPathFor(tree: RoutingTree, implies: ImpliedAnswers): string {
  return (
    wizardBase +
    impliedSteps(tree, implies)
      .map((step) => `${step.answer.slug}/`)
      .join('')
  );
}

/**
 * The wizard URL path a finding leads to: its rule's implied answers, as deep as they go.
 * Same as `wizardPathFor(tree, finding.rule.implies)`.
 */
export function findingWizardPath(tree: RoutingTree, finding: Finding): string {
  return wizardPathFor(tree, finding.rule.implies);
}

/** Whether the implied answers reach an outcome, not just a question. */
export function reachesOutcome(tree: RoutingTree, implies: ImpliedAnswers): boolean {
  return impliedSteps(tree, implies).at(-1)?.answer.outcome !== undefined;
}

/**
 * Where a paste's links go: the wizard step its implied answers reach (`next`), and the fix
 * page of `outcome` (`fix`). When the answers reach that very outcome, both are its fix page
 * with the answers (`fixUrl`, as the wizard's last answer opens it), so the page names them.
 *
 * @param tree - The wizard's routing shape.
 * @param implies - The recognised rule's implied answers.
 * @param outcome - The finding's outcome id.
 */
export function pasteLinks(tree: RoutingTree, implies: ImpliedAnswers, outcome: string): { next: string; fix: string } {
  const steps = impliedSteps(tree, implies);
  if (steps.at(-1)?.answer.outcome === outcome) {
    const url = fixUrl(outcome, steps);
    return { next: url, fix: url };
  }
  return { next: wizardPathFor(tree, implies), fix: fixPagePath(outcome) };
}

/** The fix page of an outcome, e.g. `/fixes/upstream-refused/`. */
export function fixPagePath(outcome: string): string {
  return `/fixes/${outcome}/`;
}
