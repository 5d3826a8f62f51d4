import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { docsPages } from '../support/fences';

/**
 * Facts stated once: every default timeout in content/facts/timeouts.yaml must read the same on
 * every page that states it. A page "states" a fact on a prose line or table row (code blocks
 * and frontmatter are skipped) that matches the fact's `mention` (and `lineAlso`) and either says
 * "default" or is a table row; the number with a time unit nearest to the mention is the value
 * the page gives.
 */

interface AlsoValid {
  value: number;
  unit: Unit;
  when: string;
  why: string;
}

interface Fact {
  id: string;
  name: string;
  value: number;
  unit: Unit;
  source: string;
  mention: string;
  lineAlso?: string;
  alsoValid?: AlsoValid[];
}

type Unit = 's' | 'ms';

/** A line of a page that states a fact, with the value it gives in milliseconds. */
interface Statement {
  page: string;
  line: number;
  text: string;
  ms: number;
}

const facts: Fact[] = parse(readFileSync(new URL('../../content/facts/timeouts.yaml', import.meta.url), 'utf8'));
const docsRoot = new URL('../../content/docs/', import.meta.url);

/**
 * Pages whose stated value disagrees with the data file and cannot be corrected in this change
 * (another worker edits the middle of fix pages). Each entry must still disagree: once the page
 * is fixed, remove the entry.
 */
const knownDisagreements: { fact: string; page: string; line: number; reason: string }[] = [];

/** Milliseconds in one of each unit the pages write. */
const unitMs: Partial<Record<string, number>> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
};

/** A number (digits grouped by spaces, thin spaces or commas allowed) followed by a time unit. */
const durationPattern = /(\d{1,3}(?:[ ,\u202f]\d{3})+|\d+)(?:\.\d+)?\s?(ms|seconds?|sec|minutes?|min|s)\b/g;

/** The prose lines of a page (frontmatter and fenced code blocks blanked), 1-based line numbers kept. */
function proseLines(page: string): string[] {
  const lines = readFileSync(new URL(page, docsRoot), 'utf8').split('\n');
  let inFrontmatter = lines[0] === '---';
  let inFence = false;
  return lines.map((line, index) => {
    if (inFrontmatter) {
      if (index > 0 && line === '---') inFrontmatter = false;
      return '';
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return '';
    }
    return inFence ? '' : line;
  });
}

/** The value (ms) of the duration nearest to the span [start, end) of a line, or undefined. */
function nearestDuration(line: string, start: number, end: number): number | undefined {
  let best: { distance: number; ms: number } | undefined;
  for (const match of line.matchAll(durationPattern)) {
    const from = match.index;
    const to = from + match[0].length;
    const distance = to <= start ? start - to : from >= end ? from - end : 0;
    const [, digits = '', unit = ''] = match;
    const ms = Number(digits.replace(/[ ,\u202f]/g, '')) * (unitMs[unit] ?? Number.NaN);
    if (!best || distance < best.distance) best = { distance, ms };
  }
  return best && best.distance <= 80 ? best.ms : undefined;
}

/**
 * The units a page states facts in: each table row on its own, and each sentence of a prose
 * paragraph (pages wrap prose, so a sentence can span lines), with the line it starts on.
 */
function unitsOf(page: string): { line: number; text: string; tableRow: boolean }[] {
  const units: { line: number; text: string; tableRow: boolean }[] = [];
  let paragraph: { line: number; parts: string[] } | undefined;
  const flush = () => {
    if (!paragraph) return;
    for (const sentence of paragraph.parts.join(' ').split(/(?<=[.!?])\s+(?=[A-Z`*[(])/)) {
      units.push({ line: paragraph.line, text: sentence, tableRow: false });
    }
    paragraph = undefined;
  };
  proseLines(page).forEach((raw, index) => {
    const text = raw.trim();
    if (text.startsWith('|')) {
      flush();
      units.push({ line: index + 1, text, tableRow: true });
    } else if (text === '' || /^(#|<|:::|[-*] |\d+\. )/.test(text)) {
      flush();
      const item = /^(?:[-*] |\d+\. )(.*)$/.exec(text);
      if (item) paragraph = { line: index + 1, parts: [item[1] ?? ''] };
    } else if (paragraph) {
      paragraph.parts.push(text);
    } else {
      paragraph = { line: index + 1, parts: [text] };
    }
  });
  flush();
  return units;
}

/**
 * Every statement of `fact` in content/docs: a sentence that names it (and `lineAlso`) and says
 * "default", or a table row that names it; the value is the nearest duration to the mention (in a
 * table row, only cells from the mention on, so another column's value is not taken).
 */
function statementsOf(fact: Fact): Statement[] {
  const mention = new RegExp(fact.mention);
  const lineAlso = fact.lineAlso ? new RegExp(fact.lineAlso) : undefined;
  const statements: Statement[] = [];
  for (const page of docsPages()) {
    for (const unit of unitsOf(page)) {
      const match = mention.exec(unit.text);
      if (!match || (lineAlso && !lineAlso.test(unit.text))) continue;
      if (!unit.tableRow && !/default/i.test(unit.text)) continue;
      const text = unit.tableRow ? unit.text.slice(match.index) : unit.text;
      const start = unit.tableRow ? 0 : match.index;
      const ms = nearestDuration(text, start, start + match[0].length);
      if (ms !== undefined) statements.push({ page, line: unit.line, text: unit.text, ms });
    }
  }
  return statements;
}

/** Whether a statement gives the fact's value, or a value the data file allows on such a line. */
function agrees(fact: Fact, statement: Statement): boolean {
  if (statement.ms === fact.value * (unitMs[fact.unit] ?? Number.NaN)) return true;
  return (fact.alsoValid ?? []).some(
    (other) =>
      statement.ms === other.value * (unitMs[other.unit] ?? Number.NaN) && new RegExp(other.when).test(statement.text),
  );
}

describe('content/facts/timeouts.yaml', () => {
  it('gives every fact a unique id, a positive value in s or ms and an https source', () => {
    expect(facts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(facts.map((fact) => fact.id)).size).toBe(facts.length);
    for (const fact of facts) {
      expect(fact.value, fact.id).toBeGreaterThan(0);
      expect(['s', 'ms'], fact.id).toContain(fact.unit);
      expect(fact.source, fact.id).toMatch(/^https:\/\//);
    }
  });
});

describe.each(facts.map((fact) => [fact.id, fact] as const))('fact %s', (id, fact) => {
  const statements = statementsOf(fact);

  it('is stated on at least one page', () => {
    expect(statements.length).toBeGreaterThan(0);
  });

  it('reads the same on every page that states it', () => {
    const disagreeing = statements
      .filter((statement) => !agrees(fact, statement))
      .map(({ page, line, text, ms }) => ({ page, line, text, ms }));
    const known = knownDisagreements.filter((entry) => entry.fact === id);
    expect(
      disagreeing.map(({ page, line }) => ({ page, line })),
      `stated values: ${JSON.stringify(disagreeing, null, 1)}; data file: ${fact.value} ${fact.unit} (${fact.source})`,
    ).toEqual(known.map(({ page, line }) => ({ page, line })));
  });
});

it('every known disagreement names a fact in the data file', () => {
  const ids = new Set(facts.map((fact) => fact.id));
  expect(knownDisagreements.filter((entry) => !ids.has(entry.fact))).toEqual([]);
});
