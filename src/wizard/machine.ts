/**
 * The decision tree as an XState v5 machine: one state per node, one event per answer
 * (`answer.<slug>`), one final state per outcome, and root-level `BACK` and `RESTART`.
 * The same machine drives the browser and the tests (`xstate/graph` walks it).
 */
import { assign, setup } from 'xstate';
import type { TreeShape } from './paths';

/** One answer given, as ids: the node that asked and the answer's slug. */
export interface GivenAnswer {
  readonly node: string;
  readonly slug: string;
}

export interface WizardContext {
  /** Answers in the order given; the wizard URL is made of their slugs. */
  readonly answers: readonly GivenAnswer[];
}

export type WizardEvent = { type: `answer.${string}` } | { type: 'BACK' } | { type: 'RESTART' };

/** The event that chooses the answer with this slug. */
export const answerEvent = (slug: string): WizardEvent => ({ type: `answer.${slug}` });

/**
 * Builds the wizard machine from a validated tree.
 *
 * @param tree - The tree, or the routing shape of it the browser receives. Node ids and
 *   outcome ids must be distinct (the tree validation checks this).
 * @returns A machine whose state value is `{ tree: <node or outcome id> }`; outcome states
 *   carry `meta.outcome`, node states `meta.node`.
 */
export function createWizardMachine(tree: TreeShape) {
  const outcomes = new Set(
    tree.nodes.flatMap((node) => node.answers.flatMap((answer) => (answer.outcome ? [answer.outcome] : []))),
  );
  const nodeStates = Object.fromEntries(
    tree.nodes.map((node) => [
      node.id,
      {
        meta: { node: node.id },
        on: Object.fromEntries(
          node.answers.map((answer) => [
            `answer.${answer.slug}`,
            {
              target: answer.next ?? answer.outcome!,
              actions: { type: 'recordAnswer' as const, params: { node: node.id, slug: answer.slug } },
            },
          ]),
        ),
      },
    ]),
  );
  const outcomeStates = Object.fromEntries(
    [...outcomes].map((outcome) => [outcome, { type: 'final' as const, meta: { outcome } }]),
  );

  return setup({
    types: { context: {} as WizardContext, events: {} as WizardEvent },
    actions: {
      recordAnswer: assign(({ context }, params: GivenAnswer) => ({
        answers: [...context.answers, params],
      })),
      forgetLastAnswer: assign(({ context }) => ({ answers: context.answers.slice(0, -1) })),
      forgetAllAnswers: assign({ answers: [] }),
    },
    guards: {
      lastAnswerFrom: ({ context }, params: { node: string }) => context.answers.at(-1)?.node === params.node,
    },
  }).createMachine({
    id: 'wizard',
    context: { answers: [] },
    initial: 'tree',
    on: {
      // Back returns to the node that asked the last question; the guard picks it.
      BACK: tree.nodes.map((node) => ({
        guard: { type: 'lastAnswerFrom' as const, params: { node: node.id } },
        target: `.tree.${node.id}`,
        actions: 'forgetLastAnswer' as const,
      })),
      RESTART: { target: `.tree.${tree.root}`, actions: 'forgetAllAnswers' },
    },
    states: {
      tree: {
        initial: tree.root,
        states: { ...nodeStates, ...outcomeStates },
      },
    },
  });
}

export type WizardMachine = ReturnType<typeof createWizardMachine>;

/** The node or outcome id a snapshot is at. */
export function currentStateId(snapshot: { value: unknown }): string {
  const value = snapshot.value as { tree: string };
  return value.tree;
}
