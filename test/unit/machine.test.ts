import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { answerEvent, createWizardMachine, currentStateId, type WizardEvent } from '../../src/wizard/machine';
import { allPaths, stepsToUrl } from '../../src/wizard/paths';
import { loadRealTree } from '../support/tree';

const tree = loadRealTree();
const machine = createWizardMachine(tree);
const nodesById = new Map(tree.nodes.map((node) => [node.id, node]));
/**
 * The events the graph walk tries in a state: the answers of the node it is at (none at an
 * outcome). Offering every answer of the whole tree in every state made xstate/graph try
 * ~100 events in each of ~1,600 states, which took minutes for the same paths.
 */
const answerEvents = (state: { value: unknown }): WizardEvent[] =>
  (nodesById.get(currentStateId(state))?.answers ?? []).map((answer) => answerEvent(answer.slug));
const outcomeIds = new Set(tree.outcomes.map((outcome) => outcome.id));

/** Leaf paths of the machine: simple paths that end in an outcome's final state. */
const leafPaths = getSimplePaths(machine, { events: answerEvents }).filter((path) =>
  outcomeIds.has(currentStateId(path.state)),
);

/** Runs a fresh actor through `events` and returns the state it ends at. */
function run(events: readonly WizardEvent[]) {
  const actor = createActor(machine).start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

describe('wizard machine', () => {
  it('starts at the root node', () => {
    expect(currentStateId(run([]))).toBe(tree.root);
  });

  it('reaches every outcome', () => {
    const shortest = getShortestPaths(machine, { events: answerEvents });
    const reached = new Set(shortest.map((path) => currentStateId(path.state)).filter((id) => outcomeIds.has(id)));
    expect([...reached].sort()).toEqual([...outcomeIds].sort());
  });

  it('has one simple path per leaf URL, the same leaves the static pages have', () => {
    const machineUrls = leafPaths.map(
      (path) => `/wizard/${path.state.context.answers.map((a) => `${a.slug}/`).join('')}`,
    );
    const pageUrls = allPaths(tree)
      .filter((resolution) => resolution.kind === 'outcome')
      .map((resolution) => stepsToUrl(resolution.steps));
    expect(new Set(machineUrls).size).toBe(machineUrls.length);
    expect([...machineUrls].sort()).toEqual([...pageUrls].sort());
  });

  it('ends every path’s answers at the outcome the tree names', () => {
    for (const resolution of allPaths(tree)) {
      if (resolution.kind !== 'outcome') continue;
      const snapshot = run(resolution.steps.map((step) => answerEvent(step.answer.slug)));
      expect(currentStateId(snapshot)).toBe(resolution.outcome);
      expect(snapshot.getMeta()[`wizard.tree.${resolution.outcome}`]).toEqual({ outcome: resolution.outcome });
    }
  });

  it('goes back one question at a time and keeps the earlier answers', () => {
    const actor = createActor(machine).start();
    for (const slug of ['admin', 'nginx', 'refused', 'same-host']) actor.send(answerEvent(slug));
    actor.send({ type: 'BACK' });
    expect(currentStateId(actor.getSnapshot())).toBe('runtime');
    actor.send({ type: 'BACK' });
    expect(currentStateId(actor.getSnapshot())).toBe('log');
    expect(actor.getSnapshot().context.answers.map((answer) => answer.slug)).toEqual(['admin', 'nginx']);
  });

  it('ignores BACK at the root and an answer the current node does not offer', () => {
    expect(currentStateId(run([{ type: 'BACK' }]))).toBe(tree.root);
    expect(currentStateId(run([answerEvent('admin'), answerEvent('reload-works')]))).toBe('proxy');
  });

  it('restarts from an outcome with no answers', () => {
    const snapshot = run([answerEvent('visitor'), answerEvent('reload-works'), { type: 'RESTART' }]);
    expect(currentStateId(snapshot)).toBe(tree.root);
    expect(snapshot.context.answers).toEqual([]);
  });
});
