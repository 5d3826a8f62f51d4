/**
 * Wizard URLs. The path after `/wizard/` is the list of answer slugs from the root, so a
 * URL names every answer the reader gave: `/wizard/admin/nginx/refused/same-host/`.
 * Pure TypeScript: the build, the tests and the browser share it.
 */

/** The part of a tree that routing needs; a full {@link import('./tree').Tree} fits it. */
export interface TreeShape {
  readonly root: string;
  readonly nodes: readonly NodeShape[];
}
export interface NodeShape {
  readonly id: string;
  readonly short: string;
  readonly answers: readonly AnswerShape[];
}
export interface AnswerShape {
  readonly slug: string;
  readonly label: string;
  readonly next?: string | undefined;
  readonly outcome?: string | undefined;
  readonly server?: string | undefined;
}

/** One answer given: the node that asked and the answer chosen. */
export interface Step<N extends NodeShape = NodeShape> {
  readonly node: N;
  readonly answer: N['answers'][number];
}

/** Where a list of answer slugs leads. */
export type Resolution<N extends NodeShape = NodeShape> =
  | { readonly kind: 'node'; readonly node: N; readonly steps: readonly Step<N>[] }
  | { readonly kind: 'outcome'; readonly outcome: string; readonly steps: readonly Step<N>[] }
  | {
      readonly kind: 'invalid';
      /** The longest prefix of the path that is valid, and the node it ends at. */
      readonly steps: readonly Step<N>[];
      readonly node: N | undefined;
      /** The first segment that does not fit; shown to the reader as text only. */
      readonly badSegment: string;
    };

/** URL prefix of every wizard page. */
export const wizardBase = '/wizard/';

/** The URL of the step reached by `steps`, e.g. `/wizard/admin/nginx/`. */
export function stepsToUrl(steps: readonly Step[]): string {
  return wizardBase + steps.map((step) => `${step.answer.slug}/`).join('');
}

/**
 * Splits a pathname under `/wizard/` into its answer slugs.
 *
 * @param pathname - A URL path such as `/wizard/admin/nginx/` (query and hash removed).
 * @returns The decoded segments, or `null` when the path is not under `/wizard/`.
 */
export function urlToSegments(pathname: string): string[] | null {
  const trimmed = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (!trimmed.startsWith(wizardBase)) return null;
  return trimmed
    .slice(wizardBase.length)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * Follows answer slugs from the root.
 *
 * @param tree - The tree (or its routing shape).
 * @param segments - Answer slugs in order.
 * @returns The node or outcome reached, or `invalid` with the longest valid prefix.
 */
export function resolvePath<N extends NodeShape>(
  tree: { readonly root: string; readonly nodes: readonly N[] },
  segments: readonly string[],
): Resolution<N> {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  let node = byId.get(tree.root);
  const steps: Step<N>[] = [];
  for (const segment of segments) {
    const answer = node?.answers.find((candidate) => candidate.slug === segment);
    if (node === undefined || answer === undefined) {
      return { kind: 'invalid', steps, node, badSegment: segment };
    }
    steps.push({ node, answer });
    if (answer.outcome !== undefined) {
      return steps.length === segments.length
        ? { kind: 'outcome', outcome: answer.outcome, steps }
        : { kind: 'invalid', steps, node: undefined, badSegment: segments[steps.length]! };
    }
    node = answer.next === undefined ? undefined : byId.get(answer.next);
  }
  if (node === undefined) return { kind: 'invalid', steps, node, badSegment: '' };
  return { kind: 'node', node, steps };
}

/**
 * Every page of the wizard: each node at each path that reaches it, and each outcome
 * leaf. The tree must be valid (no cycles), or this does not end.
 *
 * @returns Resolutions in depth-first order, the root first.
 */
export function allPaths<N extends NodeShape>(tree: {
  readonly root: string;
  readonly nodes: readonly N[];
}): Exclude<Resolution<N>, { kind: 'invalid' }>[] {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const found: Exclude<Resolution<N>, { kind: 'invalid' }>[] = [];
  const walk = (node: N, steps: Step<N>[]): void => {
    found.push({ kind: 'node', node, steps });
    for (const answer of node.answers) {
      const nextSteps = [...steps, { node, answer }];
      if (answer.outcome !== undefined) found.push({ kind: 'outcome', outcome: answer.outcome, steps: nextSteps });
      const next = answer.next === undefined ? undefined : byId.get(answer.next);
      if (next !== undefined) walk(next, nextSteps);
    }
  };
  const root = byId.get(tree.root);
  if (root !== undefined) walk(root, []);
  return found;
}

/** The proxy software the reader named on this path, if any (the last `server` answer). */
export function serverOf(steps: readonly Step[]): string | undefined {
  return steps.findLast((step) => step.answer.server !== undefined)?.answer.server;
}

/**
 * The most questions still to come below a node, counting the node itself; used for the
 * "question k of at most n" progress line.
 */
export function maxQuestionsFrom(tree: TreeShape, nodeId: string): number {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const memo = new Map<string, number>();
  const depth = (id: string): number => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const below = Math.max(0, ...(node?.answers ?? []).map((answer) => (answer.next ? depth(answer.next) : 0)));
    memo.set(id, 1 + below);
    return 1 + below;
  };
  return depth(nodeId);
}
