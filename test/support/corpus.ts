/**
 * The public corpus of real lines and pastes (`test/fixtures/corpus/corpus.jsonl`): each
 * line comes from a public issue thread, Q&A page or vendor document (its `source`), with
 * the outcome the wizard gives it (`label`), or `who:<answer>` for a line that only shows
 * who answered. Lines a rule was written from carry `ruleSource: true`; recognition and
 * accuracy are reported on the others separately. Used by the corpus test and the bench.
 */
import { readFileSync } from 'node:fs';
import { diagnose } from '../../src/diagnose/diagnose.ts';
import type { Finding } from '../../src/diagnose/types.ts';

export interface CorpusEntry {
  readonly text: string;
  /** An outcome id, or `who:<proxy answer>` for a line that only names who answered. */
  readonly label: string;
  readonly source: string;
  readonly ruleSource?: boolean;
  /** Which of issue 21's new forms the line is (fragment, error page, header, …), if any. */
  readonly form?: string;
  /**
   * Whether the line is, or quotes, text a program printed (`output`: a log line or part of
   * one, an error message or code, error-page text, a header, tool output) or only a person's
   * or a document's own words (`prose`). Judged from the text alone by readers who did not
   * know the rules' results (test/fixtures/corpus/README.md, "Kinds").
   */
  readonly kind: 'output' | 'prose';
  /**
   * The batch the line was collected in, after a change to the rules and before any rule saw
   * it: `after-rules` (batch 2), then `after-rules-N` (batch N + 1, collected after rule round
   * N), up to `after-rules-24` (batch 25); see {@link corpusBatches}. Absent for batch 1, the
   * lines collected with the first rules.
   */
  readonly collected?: string;
}

/** A batch's figures when it was measured blind, before any rule saw it (percentages). */
export interface BlindFigures {
  /** Lines in the batch when it was measured. */
  readonly lines: number;
  /** Share recognised, in %, one decimal. */
  readonly recognised: number;
  /** Share routed to the labelled outcome, in %, one decimal. */
  readonly routed: number;
}

/**
 * The batches collected after a change to the rules, in order: their `collected` value, a
 * name, how many lines each holds at least, and the figures measured blind when it was
 * collected (test/fixtures/corpus/README.md gives the steps). A later rule round marks the
 * lines it was written from `ruleSource`, so today's figures on a batch's held-out lines
 * overstate what unseen text gets; the blind figures are the honest ones.
 */
export const corpusBatches: readonly {
  readonly collected: string;
  readonly name: string;
  readonly minLines: number;
  readonly blind: BlindFigures;
}[] = [
  { collected: 'after-rules', name: 'batch 2', minLines: 50, blind: { lines: 56, recognised: 78.6, routed: 76.8 } },
  { collected: 'after-rules-2', name: 'batch 3', minLines: 80, blind: { lines: 99, recognised: 76.8, routed: 75.8 } },
  { collected: 'after-rules-3', name: 'batch 4', minLines: 50, blind: { lines: 52, recognised: 55.8, routed: 55.8 } },
  { collected: 'after-rules-4', name: 'batch 5', minLines: 80, blind: { lines: 86, recognised: 67.4, routed: 67.4 } },
  { collected: 'after-rules-5', name: 'batch 6', minLines: 300, blind: { lines: 373, recognised: 74.8, routed: 68.6 } },
  { collected: 'after-rules-6', name: 'batch 7', minLines: 150, blind: { lines: 194, recognised: 77.8, routed: 69.1 } },
  { collected: 'after-rules-7', name: 'batch 8', minLines: 150, blind: { lines: 189, recognised: 76.7, routed: 67.2 } },
  { collected: 'after-rules-8', name: 'batch 9', minLines: 150, blind: { lines: 179, recognised: 74.9, routed: 65.4 } },
  {
    collected: 'after-rules-9',
    name: 'batch 10',
    minLines: 150,
    blind: { lines: 157, recognised: 79.0, routed: 72.0 },
  },
  {
    collected: 'after-rules-10',
    name: 'batch 11',
    minLines: 150,
    blind: { lines: 191, recognised: 86.9, routed: 78.5 },
  },
  {
    collected: 'after-rules-11',
    name: 'batch 12',
    minLines: 150,
    blind: { lines: 164, recognised: 81.1, routed: 75.0 },
  },
  {
    collected: 'after-rules-12',
    name: 'batch 13',
    minLines: 150,
    blind: { lines: 167, recognised: 86.2, routed: 80.8 },
  },
  {
    collected: 'after-rules-13',
    name: 'batch 14',
    minLines: 150,
    blind: { lines: 153, recognised: 76.5, routed: 66.7 },
  },
  {
    collected: 'after-rules-14',
    name: 'batch 15',
    minLines: 150,
    blind: { lines: 151, recognised: 89.4, routed: 82.8 },
  },
  {
    collected: 'after-rules-15',
    name: 'batch 16',
    minLines: 150,
    blind: { lines: 160, recognised: 83.8, routed: 76.3 },
  },
  {
    collected: 'after-rules-16',
    name: 'batch 17',
    minLines: 150,
    blind: { lines: 152, recognised: 84.9, routed: 75.7 },
  },
  {
    collected: 'after-rules-17',
    name: 'batch 18',
    minLines: 150,
    blind: { lines: 164, recognised: 90.9, routed: 86.6 },
  },
  {
    collected: 'after-rules-18',
    name: 'batch 19',
    minLines: 140,
    blind: { lines: 143, recognised: 88.1, routed: 83.2 },
  },
  {
    collected: 'after-rules-19',
    name: 'batch 20',
    minLines: 140,
    blind: { lines: 148, recognised: 86.5, routed: 80.4 },
  },
  {
    collected: 'after-rules-20',
    name: 'batch 21',
    minLines: 140,
    blind: { lines: 148, recognised: 81.8, routed: 75.0 },
  },
  {
    collected: 'after-rules-21',
    name: 'batch 22',
    minLines: 140,
    blind: { lines: 150, recognised: 81.3, routed: 72.7 },
  },
  {
    collected: 'after-rules-22',
    name: 'batch 23',
    minLines: 140,
    blind: { lines: 150, recognised: 86.0, routed: 80.0 },
  },
  {
    collected: 'after-rules-23',
    name: 'batch 24',
    minLines: 140,
    blind: { lines: 174, recognised: 86.8, routed: 77.6 },
  },
  {
    collected: 'after-rules-24',
    name: 'batch 25',
    minLines: 140,
    blind: { lines: 152, recognised: 84.9, routed: 75.7 },
  },
];

/** The corpus entries, in file order. */
export function loadCorpus(): CorpusEntry[] {
  return readFileSync(new URL('../fixtures/corpus/corpus.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry);
}

/** Whether `finding` routes the entry where its label says. */
export function routesTo(finding: Finding, label: string): boolean {
  if (label.startsWith('who:')) return finding.rule.implies.proxy === label.slice(4);
  return finding.outcome === label;
}

export interface CorpusScore {
  readonly lines: number;
  readonly recognised: number;
  readonly routed: number;
  /** Lines not recognised, and lines routed elsewhere (with the rule that took them). */
  readonly misses: readonly { text: string; label: string; got?: string }[];
}

/**
 * Recognition (at least one finding) and accuracy (the first finding routes to the label)
 * over `entries`.
 */
export function scoreCorpus(entries: readonly CorpusEntry[]): CorpusScore {
  let recognised = 0;
  let routed = 0;
  const misses: { text: string; label: string; got?: string }[] = [];
  for (const entry of entries) {
    const [first] = diagnose(entry.text);
    if (first === undefined) {
      misses.push({ text: entry.text, label: entry.label });
      continue;
    }
    recognised += 1;
    if (routesTo(first, entry.label)) routed += 1;
    else misses.push({ text: entry.text, label: entry.label, got: `${first.rule.id} → ${first.outcome}` });
  }
  return { lines: entries.length, recognised, routed, misses };
}
