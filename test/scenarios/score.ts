/**
 * Scores the wizard's tree against real troubleshooting threads (test/scenarios/threads.yaml):
 * each scenario's answers are followed from the root, and the outcome reached is compared
 * with the fix page that actually fixed the person's 502. Pure TypeScript with explicit
 * `.ts` imports, so Vitest and the bench (Node 24 strips the types) share it.
 */
import { resolvePath, type TreeShape } from '../../src/wizard/paths.ts';

/** The part of a scenario that scoring needs; an entry of threads.yaml fits it. */
export interface ScenarioShape {
  /** Short kebab-case name, unique in the corpus. */
  readonly id: string;
  /** Answer slugs in the order the person would click them, from the root. */
  readonly answers: readonly string[];
  /** The outcome (fix page id) that matches what fixed the person's cause. */
  readonly outcome: string;
}

/** A scenario the tree does not route to its true outcome. */
export interface Miss {
  readonly id: string;
  /** The scenario's true outcome. */
  readonly expected: string;
  /**
   * The outcome the answers reach, or `invalid at "<slug>"` when a slug does not fit the
   * question it meets, or `unfinished at <node id>` when the answers stop at a question.
   */
  readonly got: string;
}

export interface ScenarioScore {
  /** Number of scenarios scored. */
  readonly total: number;
  /** Scenarios whose answers reach exactly their true outcome. */
  readonly correct: number;
  /** correct ÷ total, between 0 and 1 (0 for an empty corpus). */
  readonly share: number;
  /** Median number of questions answered (answers given) per scenario; 0 for an empty corpus. */
  readonly median: number;
  /** The most questions any scenario answers; 0 for an empty corpus. */
  readonly worst: number;
  /** Every scenario not routed to its true outcome, in corpus order. */
  readonly misses: readonly Miss[];
}

/**
 * Follows one scenario's answers through the tree.
 *
 * @param tree - The tree (or its routing shape: root and nodes with their answers).
 * @param answers - Answer slugs from the root.
 * @returns The outcome id reached, or a description of where the answers went wrong
 *   (`invalid at "<slug>"`, `unfinished at <node id>`); never throws.
 */
export function routeOf(tree: TreeShape, answers: readonly string[]): string {
  const resolution = resolvePath(tree, answers);
  switch (resolution.kind) {
    case 'outcome':
      return resolution.outcome;
    case 'node':
      return `unfinished at ${resolution.node.id}`;
    case 'invalid':
      return `invalid at "${resolution.badSegment}"`;
  }
}

/**
 * Scores a corpus of scenarios against a tree.
 *
 * @param tree - The tree (or its routing shape).
 * @param scenarios - The scenarios, each with its answers and true outcome.
 * @returns Totals, the share routed to the true outcome, the median and largest number of
 *   questions answered, and the misses with the outcome each one reached instead.
 */
export function scoreScenarios(tree: TreeShape, scenarios: readonly ScenarioShape[]): ScenarioScore {
  const misses: Miss[] = [];
  for (const scenario of scenarios) {
    const got = routeOf(tree, scenario.answers);
    if (got !== scenario.outcome) misses.push({ id: scenario.id, expected: scenario.outcome, got });
  }
  const total = scenarios.length;
  const correct = total - misses.length;
  const lengths = scenarios.map((scenario) => scenario.answers.length).sort((a, b) => a - b);
  const middle = Math.floor(lengths.length / 2);
  const median =
    lengths.length === 0
      ? 0
      : lengths.length % 2 === 1
        ? lengths[middle]!
        : (lengths[middle - 1]! + lengths[middle]!) / 2;
  return {
    total,
    correct,
    share: total === 0 ? 0 : correct / total,
    median,
    worst: lengths.at(-1) ?? 0,
    misses,
  };
}
