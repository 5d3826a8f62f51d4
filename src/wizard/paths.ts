/**
 * Wizard URLs. The path after `/wizard/` is the list of answer slugs from the root, so a
 * URL names every answer the reader gave: `/wizard/admin/nginx/refused/same-host/`.
 * Pure TypeScript: the build, the tests and the browser share it.
 */

/** The part of a tree that routing needs; a full {@link import('./tree').Tree} fits it. */
export interface TreeShape {
  readonly root: string;
  readonly nodes: readonly NodeShape[];
  /** The tree's version (`version` in tree.yaml), shown in summaries and reports. */
  readonly version?: number | undefined;
  /** How older trees' paths map onto this one (`retired` in tree.yaml). */
  readonly retired?: readonly RetiredRule[] | undefined;
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
  return stepsToUrlOf(steps.map((step) => step.answer.slug));
}

/**
 * Where the wizard's last answer leads: the outcome's fix page, carrying the answers that
 * reached it, e.g. `/fixes/upstream-refused/?answers=admin/nginx/refused`. The fix page
 * names the answers from the query (src/components/outcome/outcome-tools.ts), and the
 * wizard's own URL for the same answers (`/wizard/admin/nginx/refused/`) redirects here, so
 * either one can go in a ticket. Slugs are `[a-z0-9-]` (tree.ts), safe in a query as they are.
 *
 * @param outcome - The outcome's id, which is its fix page's slug.
 * @param steps - The answers from the root to the outcome.
 */
export function fixUrl(outcome: string, steps: readonly { readonly answer: { readonly slug: string } }[]): string {
  return `/fixes/${outcome}/?answers=${steps.map((step) => step.answer.slug).join('/')}`;
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

/** A rule of the tree's `retired` list: a run of answer slugs a published path had, and its replacement. */
export interface RetiredRule {
  readonly replace: readonly string[];
  readonly with: readonly string[];
}

/**
 * Rewrites a path published by an earlier version of the tree: every run of slugs equal
 * to a rule's `replace` becomes its `with`, rules in the order listed, runs left to right.
 *
 * @param rules - The tree's `retired` list.
 * @param segments - Answer slugs of the old path.
 * @returns The rewritten slugs (a new array; equal to `segments` when no rule applies).
 */
export function migrateSegments(rules: readonly RetiredRule[], segments: readonly string[]): string[] {
  let result = [...segments];
  for (const rule of rules) {
    const out: string[] = [];
    for (let index = 0; index < result.length;) {
      if (rule.replace.length > 0 && rule.replace.every((slug, offset) => result[index + offset] === slug)) {
        out.push(...rule.with);
        index += rule.replace.length;
      } else {
        out.push(result[index]!);
        index += 1;
      }
    }
    result = out;
  }
  return result;
}

/** A path that still leads somewhere: as it is, rewritten by the retired rules, or cut back to a step that fits. */
export type Arrival<N extends NodeShape = NodeShape> = {
  /** `current`: the path fits this tree; `moved`: an older tree's path, rewritten; `nearest`: only a prefix fits. */
  readonly kind: 'current' | 'moved' | 'nearest';
  readonly resolution: Exclude<Resolution<N>, { kind: 'invalid' }>;
  /** For `nearest`: the first slug that did not fit (text only, never markup). */
  readonly badSegment?: string;
};

/**
 * Where a possibly outdated path leads: the path itself when it fits the tree; else the
 * path rewritten by the tree's `retired` rules when that fits; else the longest prefix
 * (of the rewritten path) that fits, ending at its question, or at its outcome when the
 * path ran on past one. Never fails: at worst it is the first question.
 *
 * @param tree - The tree (or its routing shape) with its `retired` rules.
 * @param segments - Answer slugs, e.g. from a saved step, a `?answers=` parameter or a URL.
 */
export function arriveAt<N extends NodeShape>(
  tree: { readonly root: string; readonly nodes: readonly N[]; readonly retired?: readonly RetiredRule[] | undefined },
  segments: readonly string[],
): Arrival<N> {
  const exact = resolvePath(tree, segments);
  if (exact.kind !== 'invalid') return { kind: 'current', resolution: exact };
  const rewritten = migrateSegments(tree.retired ?? [], segments);
  const moved = resolvePath(tree, rewritten);
  if (moved.kind !== 'invalid') return { kind: 'moved', resolution: moved };
  const { steps, node, badSegment } = moved;
  const last = steps.at(-1);
  if (node !== undefined) return { kind: 'nearest', resolution: { kind: 'node', node, steps }, badSegment };
  if (last?.answer.outcome !== undefined) {
    return { kind: 'nearest', resolution: { kind: 'outcome', outcome: last.answer.outcome, steps }, badSegment };
  }
  const root = tree.nodes.find((candidate) => candidate.id === tree.root)!;
  return { kind: 'nearest', resolution: { kind: 'node', node: root, steps: [] }, badSegment };
}

/**
 * The old paths the tree's `retired` rules still serve: for every path of this tree that
 * contains a rule's `with` run, the path with that run put back to `replace`, when that
 * old path no longer fits the tree and the rules lead it back to the same new path.
 *
 * @returns Old URL (`/wizard/…/`) → the new step's URL, or, where the new path ends at an
 *   outcome, its fix page ({@link fixUrl}): one hop, not two. In the order of {@link allPaths}.
 */
export function retiredRedirects(tree: {
  readonly root: string;
  readonly nodes: readonly NodeShape[];
  readonly retired?: readonly RetiredRule[] | undefined;
}): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const path of allPaths(tree)) {
    const slugs = path.steps.map((step) => step.answer.slug);
    for (const rule of tree.retired ?? []) {
      if (rule.with.length === 0) continue;
      for (let index = 0; index + rule.with.length <= slugs.length; index += 1) {
        if (!rule.with.every((slug, offset) => slugs[index + offset] === slug)) continue;
        const old = [...slugs.slice(0, index), ...rule.replace, ...slugs.slice(index + rule.with.length)];
        const arrival = arriveAt(tree, old);
        if (arrival.kind === 'moved' && arrival.resolution.steps.length === slugs.length) {
          redirects.set(
            stepsToUrlOf(old),
            path.kind === 'outcome' ? fixUrl(path.outcome, path.steps) : stepsToUrl(path.steps),
          );
        }
      }
    }
  }
  return redirects;
}

/**
 * The wizard's own URL of every outcome leaf, sent on to the fix page with the answers
 * ({@link fixUrl}): a leaf is no page of its own, so the last answer opens the fix at once,
 * and a ticket link to a leaf still lands there with the answers that led to it.
 *
 * @returns Leaf URL (`/wizard/…/`) → fix page URL, in the order of {@link allPaths}.
 */
export function leafRedirects(tree: {
  readonly root: string;
  readonly nodes: readonly NodeShape[];
}): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const path of allPaths(tree)) {
    if (path.kind === 'outcome') redirects.set(stepsToUrl(path.steps), fixUrl(path.outcome, path.steps));
  }
  return redirects;
}

/** `/wizard/` followed by the slugs, each with a trailing slash. */
function stepsToUrlOf(slugs: readonly string[]): string {
  return wizardBase + slugs.map((slug) => `${slug}/`).join('');
}
