/**
 * The CLI's text report on a large log: the log is split at a line break, a worker thread
 * recognises the second part, and its tally is merged into the main thread's
 * (`scripts/diagnose-range.ts`, `Tally.merge`, `SpaceSaving.merge`). The report must be
 * the one of reading the log in one go, for every input.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { splitPoint, tallyRange, tallySplit } from '../../scripts/diagnose-range';
import { diagnose } from '../../src/diagnose/diagnose';
import { rules } from '../../src/diagnose/rules/index';
import { Tally } from '../../src/diagnose/summary';
import { SpaceSaving } from '../../src/diagnose/top-k';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = readFileSync(fileURLToPath(new URL('../fixtures/mixed-error.log', import.meta.url)), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'diagnose-split-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A deterministic pseudo-random stream of keys, skewed towards the first ones. */
function* stream(length: number, distinct: number, seed: number) {
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const uniform = state / 2147483648;
    yield `key-${Math.floor(uniform * uniform * distinct)}`;
  }
}

describe('SpaceSaving.merge', () => {
  it('ends exactly as one counter fed both streams, at every split, while the keys fit', () => {
    const keys = [...stream(300, 40, 7)];
    const whole = new SpaceSaving(40, 8);
    for (const key of keys) whole.add(key);
    for (let split = 0; split <= keys.length; split += 1) {
      const first = new SpaceSaving(40, 8);
      const second = new SpaceSaving(40, 8);
      for (const key of keys.slice(0, split)) first.add(key);
      for (const key of keys.slice(split)) second.add(key);
      expect(first.merge(second.entries())).toBe(true);
      expect(first.top(40)).toEqual(whole.top(40));
      expect(first.entries()).toEqual(whole.entries());
    }
  });

  it('keeps ties in the order the keys first came, across the split', () => {
    const first = new SpaceSaving(8, 8);
    const second = new SpaceSaving(8, 8);
    for (const key of ['b', 'a']) first.add(key);
    for (const key of ['c', 'a', 'b', 'd', 'c']) second.add(key);
    expect(first.merge(second.entries())).toBe(true);
    expect(first.top(4)).toEqual([
      { key: 'b', count: 2, error: 0 },
      { key: 'a', count: 2, error: 0 },
      { key: 'c', count: 2, error: 0 },
      { key: 'd', count: 1, error: 0 },
    ]);
  });

  it('merges cut keys as the counter fed both streams counts them', () => {
    const long = (tail: string) => `${'x'.repeat(10)}${tail}`;
    const whole = new SpaceSaving(4, 10);
    const first = new SpaceSaving(4, 10);
    const second = new SpaceSaving(4, 10);
    for (const key of [long('a'), 'x'.repeat(10)]) (whole.add(key), first.add(key));
    for (const key of [long('b'), 'y']) (whole.add(key), second.add(key));
    expect(first.merge(second.entries())).toBe(true);
    expect(first.top(4)).toEqual(whole.top(4));
  });

  it('refuses, changing nothing, when the keys together exceed the capacity or a key was replaced', () => {
    const first = new SpaceSaving(3, 8);
    const second = new SpaceSaving(3, 8);
    for (const key of ['a', 'b']) first.add(key);
    for (const key of ['c', 'd']) second.add(key);
    const before = first.entries();
    expect(first.merge(second.entries())).toBe(false);
    expect(first.entries()).toEqual(before);

    const replaced = new SpaceSaving(2, 8);
    for (const key of ['a', 'b']) replaced.add(key);
    expect(replaced.exact).toBe(true);
    replaced.add('c');
    expect(replaced.exact).toBe(false);
    expect(new SpaceSaving(8, 8).merge(replaced.entries())).toBe(false);
    expect(replaced.merge([])).toBe(false);
  });
});

/** Summary of `text` tallied in one go. */
function wholeSummary(text: string) {
  const tally = new Tally();
  for (const finding of diagnose(text)) tally.add(finding);
  return { summary: tally.summary(), findings: tally.findings };
}

const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

describe('Tally.merge', () => {
  it('gives the summary of the whole text for a split after every line of the mixed log', () => {
    const lines = fixture.split('\n');
    const expected = wholeSummary(fixture);
    for (let split = 0; split <= lines.length; split += 1) {
      const first = new Tally();
      const second = new Tally();
      for (const finding of diagnose(lines.slice(0, split).join('\n'))) first.add(finding);
      for (const finding of diagnose(lines.slice(split).join('\n'))) second.add(finding);
      expect(first.merge(second.snapshot(), (id) => rulesById.get(id))).toBe(true);
      expect({ summary: first.summary(), findings: first.findings }).toEqual(expected);
    }
  });

  it('refuses, changing nothing, when a rule has more than 256 distinct upstreams across the parts', () => {
    const refused = (port: number) =>
      `2026/11/24 01:22:04 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:${port}/", host: "a"`;
    const first = new Tally();
    const second = new Tally();
    for (let port = 1; port <= 200; port += 1) first.add(diagnose(refused(port))[0]!);
    for (let port = 201; port <= 400; port += 1) second.add(diagnose(refused(port))[0]!);
    const before = first.summary();
    expect([first.exact, second.exact]).toEqual([true, true]);
    expect(first.merge(second.snapshot(), (id) => rulesById.get(id))).toBe(false);
    expect(first.summary()).toEqual(before);
    expect(first.findings).toBe(200);
  });
});

/** 600 nginx lines of one rule naming 300 distinct upstreams, more than a tally counts exactly. */
function manyUpstreams(): string[] {
  return Array.from(
    { length: 600 },
    (_, index) =>
      `2026/11/24 01:22:04 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.${index % 3}.1:${1000 + (index % 300)}/", host: "a"\n`,
  );
}

/** A log that tests the split: BOM, CRLF, lone CR, multi-byte and invalid UTF-8, long lines. */
function trickyLog(): Buffer {
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  const lines = fixture.split('\n');
  for (let round = 0; round < 12; round += 1) {
    for (const [index, line] of lines.entries()) {
      const end = index % 3 === 0 ? '\r\n' : index % 7 === 0 ? '\r' : '\n';
      parts.push(Buffer.from(`${line}${end}`));
    }
    parts.push(Buffer.from(`\ufeff2026/11/24 01:30:0${round % 10} [error] 1#1: *1 имя ж 😀 upstream timed out\n`));
    parts.push(Buffer.from([0xc3, 0x28, 0x0a, 0xe2, 0x82, 0x0a]));
    parts.push(Buffer.from(`${'ж'.repeat(9000)} connect() failed (111: Connection refused)\n`));
  }
  parts.push(Buffer.from('curl: (52) Empty reply from server'));
  return Buffer.concat(parts);
}

describe('splitting a log file', () => {
  it('gives, split after any line break, the lines and tally of reading it in one go', async () => {
    const bytes = trickyLog();
    const file = join(work, 'tricky.log');
    writeFileSync(file, bytes);
    const fd = openSync(file, 'r');
    try {
      const whole = new Tally();
      const wholeLines = tallyRange(fd, 0, Infinity, whole);
      const expected = { lines: wholeLines, summary: whole.summary(), findings: whole.findings };
      expect(expected.findings).toBeGreaterThan(100);
      // Every line break, in a few places: the start, around the long lines, the end.
      const breaks = [...bytes.entries()].filter(([, byte]) => byte === 10).map(([at]) => at + 1);
      for (const split of [...breaks.slice(0, 40), ...breaks.slice(-40), ...breaks.filter((_, i) => i % 17 === 0)]) {
        const tally = new Tally();
        const first = tallyRange(fd, 0, split, tally);
        const second = new Tally();
        const rest = tallyRange(fd, split, Infinity, second);
        expect(tally.merge(second.snapshot(), (id) => rulesById.get(id))).toBe(true);
        expect({ lines: first! + rest!, summary: tally.summary(), findings: tally.findings }).toEqual(expected);
      }
      // And through the worker thread, at the split the CLI picks.
      process.env.DIAGNOSE_SPLIT_BYTES = '1';
      const split = splitPoint(fd, bytes.length);
      delete process.env.DIAGNOSE_SPLIT_BYTES;
      expect(split).toBeGreaterThan(bytes.length / 2);
      expect(bytes[split! - 1]).toBe(10);
      const tally = new Tally();
      const result = await tallySplit(file, fd, split!, tally);
      expect(result.byWorker).toBe(true);
      expect({ lines: result.lines, summary: tally.summary(), findings: tally.findings }).toEqual(expected);
    } finally {
      closeSync(fd);
    }
  });

  it('reads the second part itself when the worker tally cannot be merged, with the same report', async () => {
    const lines = manyUpstreams();
    const file = join(work, 'many-upstreams.log');
    writeFileSync(file, lines.join(''));
    const fd = openSync(file, 'r');
    try {
      const whole = new Tally();
      const wholeLines = tallyRange(fd, 0, Infinity, whole);
      expect(whole.exact).toBe(false);
      const tally = new Tally();
      const result = await tallySplit(file, fd, lines.slice(0, 250).join('').length, tally);
      expect(result.byWorker).toBe(false);
      expect({ lines: result.lines, summary: tally.summary() }).toEqual({
        lines: wholeLines,
        summary: whole.summary(),
      });
      expect(tally.summary()[0]!.topUpstreams[0]).toMatchObject({ approximate: true });
    } finally {
      closeSync(fd);
    }
  });

  it('stops reading a part once its tally cannot be merged', () => {
    const file = join(work, 'many-upstreams-stop.log');
    writeFileSync(file, manyUpstreams().join(''));
    const fd = openSync(file, 'r');
    try {
      const tally = new Tally();
      expect(tallyRange(fd, 0, Infinity, tally, () => !tally.exact)).toBeUndefined();
      expect(tally.exact).toBe(false);
    } finally {
      closeSync(fd);
    }
  });

  it('is not done for small, UTF-16 or line-break-free logs', () => {
    const cases: [string, Buffer, string | undefined, boolean][] = [
      ['small', Buffer.from('a\nb\nc\n'), undefined, false],
      ['small, split size set', Buffer.from('a\nb\nc\n'), '1', true],
      ['UTF-16', Buffer.from('\ufeffa\nb\nc\n', 'utf16le'), '1', false],
      ['no \\n', Buffer.from('a\rb\rc\r'), '1', false],
      ['only a last \\n', Buffer.from('abcdef\n'), '1', false],
    ];
    for (const [name, bytes, setting, splits] of cases) {
      const file = join(work, 'small.log');
      writeFileSync(file, bytes);
      const fd = openSync(file, 'r');
      if (setting === undefined) delete process.env.DIAGNOSE_SPLIT_BYTES;
      else process.env.DIAGNOSE_SPLIT_BYTES = setting;
      try {
        expect([name, splitPoint(fd, bytes.length) !== undefined]).toEqual([name, splits]);
      } finally {
        delete process.env.DIAGNOSE_SPLIT_BYTES;
        closeSync(fd);
      }
    }
  });
});

describe('the CLI on a split log', () => {
  /** Runs the CLI with `DIAGNOSE_SPLIT_BYTES` set to `split` ('Infinity': never split). */
  const cli = (split: string, args: string[]) =>
    spawnSync(process.execPath, ['scripts/diagnose.mjs', ...args], {
      cwd: root,
      env: { ...process.env, DIAGNOSE_SPLIT_BYTES: split },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the report of reading the logs in one go, for one log and for several', () => {
    const tricky = join(work, 'cli-tricky.log');
    const plain = join(work, 'cli-plain.log');
    writeFileSync(tricky, trickyLog());
    writeFileSync(plain, fixture.repeat(5));
    const many = join(work, 'cli-many.log');
    writeFileSync(many, manyUpstreams().join(''));
    for (const files of [[tricky], [plain, tricky, plain], [many], [many, tricky], [tricky, many]]) {
      const split = cli('1', files);
      const whole = cli('Infinity', files);
      expect([split.status, split.stderr]).toEqual([0, '']);
      expect(split.stdout).toMatch(/^Recognised \d+/);
      expect(split.stdout).toBe(whole.stdout);
    }
    // Ten CLI runs, each starting Node (3.4 s in all on the 2-core machine): a hang guard.
  }, 60_000);
});
