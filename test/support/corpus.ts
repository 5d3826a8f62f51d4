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
  /** `after-rules`: collected after the last change to the rules, so no rule saw it. */
  readonly collected?: string;
}

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
