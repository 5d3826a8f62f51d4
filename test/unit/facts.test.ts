import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { docsPages } from '../support/fences';

/**
 * Facts stated once: every default timeout in content/facts/timeouts.yaml and every size limit in
 * content/facts/limits.yaml must read the same on every page that states it. A page "states" a
 * fact on a prose line or table row (code blocks and frontmatter are skipped) that matches the
 * fact's `mention` (and `lineAlso`) and either says "default", is a table row, or belongs to a
 * fact marked `always` (a fixed limit rather than a default); the quantity in the file's unit
 * (a time, or a size) nearest to the mention is the value the page gives.
 */

interface AlsoValid {
  value: number;
  unit: string;
  when: string;
  why: string;
}

interface Fact {
  id: string;
  name: string;
  value: number;
  unit: string;
  source: string;
  mention: string;
  lineAlso?: string;
  /** Every sentence naming the fact states it, not only those that say "default". */
  always?: boolean;
  /** How far (characters) from the mention the value may stand; 80 unless given (long table rows). */
  reach?: number;
  alsoValid?: AlsoValid[];
}

/** A line of a page that states a fact, with the value it gives in the kind's base unit. */
interface Statement {
  page: string;
  line: number;
  text: string;
  amount: number;
}

/** One data file and how its quantities are written: the units (to a base unit) and their pattern. */
interface FactKind {
  file: string;
  /** What the kind measures, for test names. */
  measure: string;
  /** Units the data file may use. */
  dataUnits: string[];
  /** Base units in one of each unit the pages write. */
  units: Partial<Record<string, number>>;
  /** A number followed by one of `units`; group 1 the digits, group 2 the unit. */
  pattern: RegExp;
  /** The least number of facts the file holds. */
  minimum: number;
}

const docsRoot = new URL('../../content/docs/', import.meta.url);

/**
 * Pages whose stated value disagrees with the data file and cannot be corrected in this change
 * (another worker edits the middle of fix pages). Each entry must still disagree: once the page
 * is fixed, remove the entry.
 */
const knownDisagreements: { fact: string; page: string; line: number; reason: string }[] = [];

/** Digits, grouped by spaces, thin spaces or commas or not, with an optional fraction. */
const numberPattern = String.raw`(\d{1,3}(?:[ ,\u202f]\d{3})+|\d+)(?:\.\d+)?\s?`;

const kibibyte = 1024;
const mebibyte = 1024 * 1024;

/** The two data files: timeouts in milliseconds, size limits in bytes. */
const kinds: FactKind[] = [
  {
    file: 'timeouts.yaml',
    measure: 'timeout',
    dataUnits: ['s', 'ms'],
    units: {
      ms: 1,
      s: 1000,
      sec: 1000,
      second: 1000,
      seconds: 1000,
      min: 60_000,
      minute: 60_000,
      minutes: 60_000,
    },
    pattern: new RegExp(`${numberPattern}(ms|seconds?|sec|minutes?|min|s)\\b`, 'g'),
    minimum: 10,
  },
  {
    file: 'limits.yaml',
    measure: 'size limit',
    dataUnits: ['bytes', 'K', 'KB', 'MB'],
    units: {
      byte: 1,
      bytes: 1,
      k: kibibyte,
      K: kibibyte,
      kB: kibibyte,
      KB: kibibyte,
      KiB: kibibyte,
      m: mebibyte,
      M: mebibyte,
      MB: mebibyte,
      MiB: mebibyte,
      GB: 1024 * mebibyte,
      GiB: 1024 * mebibyte,
    },
    pattern: new RegExp(`${numberPattern}(bytes?|KiB|KB|kB|K|k|MiB|MB|M|m|GiB|GB)(?![\\w-])`, 'g'),
    minimum: 5,
  },
];

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

/**
 * The value (in the kind's base unit) of the quantity nearest to the span [start, end) of a
 * line, or undefined when none is within `reach` characters.
 */
function nearestAmount(kind: FactKind, line: string, start: number, end: number, reach = 80): number | undefined {
  let best: { distance: number; amount: number } | undefined;
  for (const match of line.matchAll(kind.pattern)) {
    const from = match.index;
    const to = from + match[0].length;
    const distance = to <= start ? start - to : from >= end ? from - end : 0;
    const [, digits = '', unit = ''] = match;
    const amount = Number(digits.replace(/[ ,\u202f]/g, '')) * (kind.units[unit] ?? Number.NaN);
    if (!best || distance < best.distance) best = { distance, amount };
  }
  return best && best.distance <= reach ? best.amount : undefined;
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
 * "default" (any such sentence for an `always` fact), or a table row that names it; the value is
 * the nearest quantity to the mention (in a table row, only cells from the mention on, so another
 * column's value is not taken).
 */
function statementsOf(kind: FactKind, fact: Fact): Statement[] {
  const mention = new RegExp(fact.mention);
  const lineAlso = fact.lineAlso ? new RegExp(fact.lineAlso) : undefined;
  const statements: Statement[] = [];
  for (const page of docsPages()) {
    for (const unit of unitsOf(page)) {
      const match = mention.exec(unit.text);
      if (!match || (lineAlso && !lineAlso.test(unit.text))) continue;
      if (!unit.tableRow && !fact.always && !/default/i.test(unit.text)) continue;
      const text = unit.tableRow ? unit.text.slice(match.index) : unit.text;
      const start = unit.tableRow ? 0 : match.index;
      const amount = nearestAmount(kind, text, start, start + match[0].length, fact.reach);
      if (amount !== undefined) statements.push({ page, line: unit.line, text: unit.text, amount });
    }
  }
  return statements;
}

/** Whether a statement gives the fact's value, or a value the data file allows on such a line. */
function agrees(kind: FactKind, fact: Fact, statement: Statement): boolean {
  if (statement.amount === fact.value * (kind.units[fact.unit] ?? Number.NaN)) return true;
  return (fact.alsoValid ?? []).some(
    (other) =>
      statement.amount === other.value * (kind.units[other.unit] ?? Number.NaN) &&
      new RegExp(other.when).test(statement.text),
  );
}

/** The facts of one data file. */
function factsOf(kind: FactKind): Fact[] {
  return parse(readFileSync(new URL(`../../content/facts/${kind.file}`, import.meta.url), 'utf8'));
}

const allIds = kinds.flatMap((kind) => factsOf(kind).map((fact) => fact.id));

describe.each(kinds.map((kind) => [kind.file, kind] as const))('content/facts/%s', (_file, kind) => {
  const facts = factsOf(kind);

  it(`gives every fact a unique id, a positive value in one of ${kind.dataUnits.join(', ')} and an https source`, () => {
    expect(facts.length).toBeGreaterThanOrEqual(kind.minimum);
    for (const fact of facts) {
      expect(fact.value, fact.id).toBeGreaterThan(0);
      expect(kind.dataUnits, fact.id).toContain(fact.unit);
      expect(fact.source, fact.id).toMatch(/^https:\/\//);
    }
  });

  describe.each(facts.map((fact) => [fact.id, fact] as const))(`${kind.measure} %s`, (id, fact) => {
    const statements = statementsOf(kind, fact);

    it('is stated on at least one page', () => {
      expect(statements.length).toBeGreaterThan(0);
    });

    it('reads the same on every page that states it', () => {
      const disagreeing = statements
        .filter((statement) => !agrees(kind, fact, statement))
        .map(({ page, line, text, amount }) => ({ page, line, text, amount }));
      const known = knownDisagreements.filter((entry) => entry.fact === id);
      expect(
        disagreeing.map(({ page, line }) => ({ page, line })),
        `stated values: ${JSON.stringify(disagreeing, null, 1)}; data file: ${fact.value} ${fact.unit} (${fact.source})`,
      ).toEqual(known.map(({ page, line }) => ({ page, line })));
    });
  });
});

it('gives every fact an id no other fact in either data file has', () => {
  expect(allIds.filter((id, index) => allIds.indexOf(id) !== index)).toEqual([]);
});

it('every known disagreement names a fact in a data file', () => {
  const ids = new Set(allIds);
  expect(knownDisagreements.filter((entry) => !ids.has(entry.fact))).toEqual([]);
});

describe('the size check', () => {
  const sizes = kinds[1]!;

  it.each([
    ['nginx reads `4k` as', '`proxy_buffer_size` is `4k`', 4096],
    ['a table cell in MB', '| `client_max_body_size` | 1 MB |', 1024 * 1024],
    ['AWS writes 32 K', 'the header exceeded 32 K in total', 32 * 1024],
    ['bytes with a thousands separator', 'the default is 16,384 bytes', 16384],
  ])('%s', (_name, line, bytes) => {
    expect(nearestAmount(sizes, line, 0, 1)).toBe(bytes);
  });

  it('does not read a time or a bare number as a size', () => {
    expect(nearestAmount(sizes, 'after 5 ms, or 520 times', 0, 1)).toBeUndefined();
  });
});
