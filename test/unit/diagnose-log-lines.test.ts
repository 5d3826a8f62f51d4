import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LogLineReader, pieceBytes } from '../../scripts/log-lines';
import { LogDecoder } from '../../src/diagnose/decode';
import { diagnoseLine } from '../../src/diagnose/diagnose';
import { LineSplitter } from '../../src/diagnose/lines';
import { maxLineLength } from '../../src/diagnose/match';
import { Tally } from '../../src/diagnose/summary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = readFileSync(fileURLToPath(new URL('../fixtures/mixed-error.log', import.meta.url)), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'diagnose-log-lines-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The line-by-line path the CLI used before `LogLineReader`: decode the bytes, then split the text. */
function referenceLines(chunks: readonly Uint8Array[], maxLength?: number): string[] {
  const decoder = new LogDecoder();
  const splitter = new LineSplitter(maxLength);
  const lines = chunks.flatMap((chunk) => splitter.push(decoder.write(chunk)));
  return [...lines, ...splitter.push(decoder.end()), ...splitter.end()];
}

/** The lines `LogLineReader` gives for `chunks`, pushed one by one. */
function readerLines(chunks: readonly Uint8Array[], maxLength?: number): string[] {
  const lines: string[] = [];
  const reader = new LogLineReader((line) => lines.push(line), maxLength);
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return lines;
}

/** `bytes` cut into pieces whose sizes a seeded generator picks in [1, maxPiece]. */
function cut(bytes: Uint8Array, maxPiece: number, seed: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let state = seed;
  for (let at = 0; at < bytes.length;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % maxPiece);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/**
 * A log with what could make the byte path and the text path differ: a byte order mark,
 * CRLF and lone CR, a CR at the end of a read then LF, 2-, 3- and 4-byte characters,
 * invalid UTF-8 (a lone continuation byte, sequences cut short by a line break or by the
 * end), a BOM in the middle, empty lines, lines longer than the cap and than a piece,
 * with multi-byte characters across the cap, and a last line without a line break.
 */
const mixed = bytes(
  [0xef, 0xbb, 0xbf],
  fixture.replaceAll('\n', '\r\n'),
  'ascii only\n\n\rlone CR\rthen LF\n',
  'é ü ß (2 bytes) € → (3 bytes) 😀 𝄞 (4 bytes)\r\n',
  [0x80],
  ' lone continuation\n',
  'cut short ',
  [0xe2, 0x82],
  '\ncut short by CR ',
  [0xf0, 0x9f, 0x98],
  '\r\n',
  '\ufeffBOM inside\n',
  `${'é'.repeat(maxLineLength)}€ long line of 2-byte characters\n`,
  `${'€'.repeat(maxLineLength + 10)} long line of 3-byte characters\n`,
  `${'x'.repeat(maxLineLength - 1)}😀 surrogate pair across the cap\n`,
  `${'y'.repeat(pieceBytes + 100)}\r`,
  `${'z'.repeat(3 * pieceBytes)}\r\n`,
  `curl: (52) Empty reply from server ${'ж'.repeat(pieceBytes)}\n`,
  fixture,
  'last line without a break ',
  [0xf0, 0x9f],
);

describe('LogLineReader (the CLI’s byte path)', () => {
  it.each([
    ['whole', 0],
    ['in pieces of 1 to 7 bytes', 7],
    ['in pieces of 1 to 300 bytes', 300],
    ['in pieces of 1 to 100,000 bytes', 100_000],
  ])('gives the same lines as decoding then splitting, read %s', (_name, maxPiece) => {
    const chunks = maxPiece === 0 ? [mixed] : cut(mixed, maxPiece, maxPiece);
    const expected = referenceLines(chunks);
    expect(expected.length).toBeGreaterThan(60);
    expect(readerLines(chunks)).toEqual(expected);
  });

  it('agrees with the text path with a small cap too (lines cut, characters across the cut)', () => {
    for (const maxLength of [1, 3, 4, 16]) {
      const chunks = cut(mixed, 50, maxLength);
      expect(readerLines(chunks, maxLength)).toEqual(referenceLines(chunks, maxLength));
    }
  });

  it.each([
    ['nothing', []],
    ['one letter', [0x61]],
    ['a lone CR', [0x0d]],
    ['CR LF', [0x0d, 0x0a]],
    ['a cut byte order mark', [0xef, 0xbb]],
    ['a byte order mark alone', [0xef, 0xbb, 0xbf]],
    ['a UTF-16 byte order mark alone', [0xff, 0xfe]],
    ['a byte that is not UTF-8', [0xff]],
  ])('agrees on a log of 0 to 3 bytes: %s', (_name, data) => {
    const chunks = [Buffer.from(data)];
    expect(readerLines(chunks)).toEqual(referenceLines(chunks));
  });

  it('reads UTF-16 logs (with and without a BOM, both byte orders) as before', () => {
    const text = `${fixture}é€😀\r\nlast`;
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little).swap16();
    for (const data of [little, big, Buffer.concat([Buffer.from([0xff, 0xfe]), little])]) {
      const chunks = cut(data, 33, 5);
      const lines = readerLines(chunks);
      expect(lines).toEqual(referenceLines(chunks));
      expect(lines.at(-1)).toBe('last');
    }
  });

  it('gives the first maxLength characters of a 10 MB line read in pieces, then the next line', () => {
    const piece = Buffer.alloc(pieceBytes, 0x61);
    const lines = readerLines([...Array.from({ length: (10 << 20) / pieceBytes }, () => piece), bytes('\nb')]);
    expect(lines.map((line) => line.length)).toEqual([maxLineLength, 1]);
  });
});

/** What the CLI printed before `LogLineReader`, computed in-process on the text path. */
function expectedJson(data: Buffer): string {
  const tally = new Tally();
  const findings: string[] = [];
  referenceLines([data]).forEach((line, index) => {
    const finding = diagnoseLine(line, index + 1);
    if (finding === undefined) return;
    tally.add(finding);
    findings.push(JSON.stringify({ line: index + 1, rule: finding.rule.id, outcome: finding.outcome }));
  });
  return `{"findings":[${findings.join(',')}],"summary":${JSON.stringify(tally.summary())}}\n`;
}

/** Where `actual` first differs from `expected`, with 80 characters of each from there; undefined when equal. */
function firstDifference(
  actual: string,
  expected: string,
): { at: number; actual: string; expected: string } | undefined {
  if (actual === expected) return undefined;
  let at = 0;
  while (actual[at] === expected[at]) at += 1;
  return { at, actual: actual.slice(at, at + 80), expected: expected.slice(at, at + 80) };
}

describe('the diagnose CLI on a mixed log', () => {
  const log = Buffer.concat([mixed, bytes('\n'), Buffer.from(fixture.repeat(1000))]);
  const plain = join(work, 'mixed.log');
  const gzipped = join(work, 'mixed.log.gz');
  writeFileSync(plain, log);
  writeFileSync(gzipped, gzipSync(log));
  const expected = expectedJson(log);

  it.each([
    ['a file', [plain], 'pipe'],
    ['a .gz file', [gzipped], 'pipe'],
    ['standard input from a pipe', ['-'], 'pipe'],
    ['standard input redirected from a file', ['-'], 'file'],
  ] as const)(
    'prints, reading %s, what the line-by-line path gives',
    (_name, files, stdin) => {
      const fd = stdin === 'file' ? openSync(plain, 'r') : undefined;
      const result = spawnSync(process.execPath, ['scripts/diagnose.mjs', '--json', ...files], {
        cwd: root,
        input: stdin === 'pipe' && files[0] === '-' ? log : undefined,
        stdio: [fd ?? 'pipe', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      });
      if (fd !== undefined) closeSync(fd);
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(expected.match(/"line":/g)?.length).toBeGreaterThan(16_000);
      expect(firstDifference(result.stdout, expected)).toBeUndefined();
    },
    60_000,
  );
});
