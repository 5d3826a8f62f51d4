import { describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnose/rules/index';
import { loadCorpus, scoreCorpus } from '../support/corpus';
import { loadTreeForRouting } from '../support/tree';

const corpus = loadCorpus();
const tree = loadTreeForRouting();
const outcomes = new Set(tree.outcomes.map((outcome) => outcome.id));
const proxyAnswers = new Set(tree.nodes.find((node) => node.id === 'proxy')!.answers.map((answer) => answer.slug));
const sampleTexts = new Set(rules.flatMap((rule) => rule.samples));
const heldOut = corpus.filter((entry) => !entry.ruleSource);
/**
 * Batches collected after a change to the rules, in order, with how many lines each holds at
 * least. Each was measured blind when collected (the README gives those figures); lines a
 * later rule round was written from are marked ruleSource and leave the held-out figures.
 */
const batches = [
  { name: 'after-rules', minLines: 50 },
  { name: 'after-rules-2', minLines: 80 },
  { name: 'after-rules-3', minLines: 50 },
] as const;

/** Floors of the held-out shares (recognised, routed), set from the last measurement. */
const HELD_RECOGNISED = 0.92;
const HELD_ROUTED = 0.92;

/** `part` of `whole` as a percentage with one decimal. */
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe('the public corpus', () => {
  it('has at least 300 lines, 60 of them in the forms of issue 21', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((entry) => entry.form !== undefined).length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpus.map((entry, index) => [index + 1, entry] as const))(
    'line %i has a public source and a label the wizard knows',
    (_line, entry) => {
      expect(entry.source).toMatch(/^https:\/\/[a-z0-9.-]+\/\S+$/);
      expect(entry.text.trim()).not.toBe('');
      if (entry.label.startsWith('who:')) expect(proxyAnswers).toContain(entry.label.slice(4));
      else expect(outcomes).toContain(entry.label);
    },
  );

  it('marks every line that is also a rule sample as one a rule was written from', () => {
    const unmarked = corpus.filter((entry) => sampleTexts.has(entry.text) && entry.ruleSource !== true);
    expect(unmarked.map((entry) => entry.text)).toEqual([]);
  });

  it('reports recognition and accuracy, and holds the measured shares', () => {
    const all = scoreCorpus(corpus);
    const held = scoreCorpus(heldOut);
    const figures = (score: ReturnType<typeof scoreCorpus>) =>
      `${score.lines} lines, recognised ${percent(score.recognised, score.lines)}, routed ${percent(score.routed, score.lines)}`;
    const perBatch = batches.map(({ name }) => {
      const lines = corpus.filter((entry) => entry.collected === name);
      return {
        name,
        lines: lines.length,
        held: scoreCorpus(lines.filter((entry) => !entry.ruleSource)),
      };
    });
    console.log(
      [
        `public corpus: ${figures(all)}`,
        `no rule written from them: ${figures(held)}`,
        ...perBatch.map(
          (batch) =>
            `batch ${batch.name} (${batch.lines} lines), those no rule was written from: ${figures(batch.held)}`,
        ),
      ].join('; '),
    );
    // Floors at the shares reached when the rules were last changed, rounded down (issue 21's
    // goal is 95 % recognised and 90 % routed on the lines no rule was written from).
    expect(held.recognised / held.lines).toBeGreaterThanOrEqual(HELD_RECOGNISED);
    expect(held.routed / held.lines).toBeGreaterThanOrEqual(HELD_ROUTED);
    for (const [index, batch] of perBatch.entries())
      expect(batch.lines).toBeGreaterThanOrEqual(batches[index]!.minLines);
  });

  it('routes no recognised line written by a rule to another outcome than its label', () => {
    const misrouted = scoreCorpus(corpus.filter((entry) => entry.ruleSource)).misses;
    expect(misrouted).toEqual([]);
  });
});
