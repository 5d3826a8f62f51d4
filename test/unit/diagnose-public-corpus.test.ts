import { describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnose/rules/index';
import { corpusBatches, loadCorpus, scoreCorpus } from '../support/corpus';
import { loadTreeForRouting } from '../support/tree';

const corpus = loadCorpus();
const tree = loadTreeForRouting();
const outcomes = new Set(tree.outcomes.map((outcome) => outcome.id));
const proxyAnswers = new Set(tree.nodes.find((node) => node.id === 'proxy')!.answers.map((answer) => answer.slug));
const sampleTexts = new Set(rules.flatMap((rule) => rule.samples));
const heldOut = corpus.filter((entry) => !entry.ruleSource);
const batchNames = corpusBatches.map((batch) => batch.collected);
/**
 * Floors of the held-out shares (recognised, routed): the last measurement rounded down to a
 * whole percent (92.7 % and 87.6 % on the 3,260 lines no rule was written from once batch
 * 24 was added, measured blind on round 23's rules; test/fixtures/corpus/README.md gives every
 * step's figures).
 */
const HELD_RECOGNISED = 0.92;
const HELD_ROUTED = 0.87;

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
      // Pages stored over plain HTTP keep the address they were read at.
      expect(entry.source).toMatch(/^https?:\/\/[a-z0-9.-]+\/\S+$/);
      expect(entry.text.trim()).not.toBe('');
      if (entry.label.startsWith('who:')) expect(proxyAnswers).toContain(entry.label.slice(4));
      else expect(outcomes).toContain(entry.label);
      if (entry.collected !== undefined) expect(batchNames).toContain(entry.collected);
      expect(['output', 'prose']).toContain(entry.kind);
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
    const perBatch = corpusBatches.map((batch) => {
      const lines = corpus.filter((entry) => entry.collected === batch.collected);
      return { ...batch, lines: lines.length, held: scoreCorpus(lines.filter((entry) => !entry.ruleSource)) };
    });
    const heldOfKind = (kind: string) => scoreCorpus(heldOut.filter((entry) => entry.kind === kind));
    console.log(
      [
        `public corpus: ${figures(all)}`,
        `no rule written from them: ${figures(held)}`,
        `of those, program output: ${figures(heldOfKind('output'))}`,
        `of those, prose: ${figures(heldOfKind('prose'))}`,
        ...perBatch.map(
          (batch) =>
            `${batch.name} (${batch.collected}, ${batch.lines} lines): measured blind when collected ${batch.blind.recognised.toFixed(1)} % recognised, ${batch.blind.routed.toFixed(1)} % routed; now, those no rule was written from: ${figures(batch.held)}`,
        ),
      ].join('; '),
    );
    // Floors at the shares reached when the rules were last changed, rounded down (issue 21's
    // goal is 95 % recognised and 90 % routed on the lines no rule was written from).
    expect(held.recognised / held.lines).toBeGreaterThanOrEqual(HELD_RECOGNISED);
    expect(held.routed / held.lines).toBeGreaterThanOrEqual(HELD_ROUTED);
    for (const batch of perBatch) {
      expect(batch.lines, batch.name).toBeGreaterThanOrEqual(batch.minLines);
      // A batch keeps the lines it was measured blind on: none added to it later.
      expect(batch.lines, batch.name).toBe(batch.blind.lines);
    }
  });

  it('routes no recognised line written by a rule to another outcome than its label', () => {
    const misrouted = scoreCorpus(corpus.filter((entry) => entry.ruleSource)).misses;
    expect(misrouted).toEqual([]);
  });
});
