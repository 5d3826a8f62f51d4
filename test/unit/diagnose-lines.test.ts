import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose';
import { sniffFormat } from '../../src/diagnose/formats/sniff';
import { LineSplitter } from '../../src/diagnose/lines';
import { rules } from '../../src/diagnose/rules/index';

/** All lines of `chunks` fed one by one. */
function split(chunks: string[], maxLength?: number): string[] {
  const splitter = new LineSplitter(maxLength);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  it.each([
    ['no text gives no line', [''], []],
    ['a lone line break gives one empty line', ['\n'], ['']],
    ['a final line without a break still counts', ['a\nb'], ['a', 'b']],
    ['a trailing break adds no empty line', ['a\nb\n'], ['a', 'b']],
    ['empty lines in between are kept', ['a\n\nb\n'], ['a', '', 'b']],
    ['\\r\\n and \\r end lines like \\n', ['a\r\nb\rc\n'], ['a', 'b', 'c']],
    ['a line may span chunks', ['ab', 'c', 'd\ne'], ['abcd', 'e']],
    ['\\r\\n split across chunks is one break', ['a\r', '\nb'], ['a', 'b']],
    ['\\r then an empty chunk then \\n is still one break', ['a\r', '', '\nb'], ['a', 'b']],
    ['\\r\\r is two breaks', ['a\r', '\rb'], ['a', '', 'b']],
  ])('%s', (_name, chunks, lines) => {
    expect(split(chunks)).toEqual(lines);
  });

  it('keeps only the first characters of an overlong line, across chunks', () => {
    expect(split(['abcdef', 'ghij\nxyz'], 4)).toEqual(['abcd', 'xyz']);
  });

  it('numbers lines exactly as diagnose() does', () => {
    const text = 'noise\r\ncurl: (52) Empty reply from server\rnoise\n\ncurl: (52) Empty reply from server';
    const lines = split([...text]);
    const found = lines.flatMap((line, index) => diagnose(line).map(() => index + 1));
    expect(found).toEqual(diagnose(text).map((finding) => finding.line));
  });

  it('splits 10 MB in one chunk in linear time', () => {
    const text = 'x'.repeat(100).concat('\n').repeat(100_000);
    const start = performance.now();
    expect(split([text])).toHaveLength(100_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('the format sniffer (constant time, part of the prefilter)', () => {
  // Shapes checked another way than the sniffer does; it must agree with them on every line.
  /**
   * nginx's prefix checked one character at a time, independently of the pattern in
   * `sniff.ts`: `dddd/dd/dd dd:dd:dd [`, a level of 4 to 6 lower-case letters, `] `.
   */
  const nginxShape = {
    test(line: string): boolean {
      const shape = 'dddd/dd/dd dd:dd:dd [';
      for (let index = 0; index < shape.length; index += 1) {
        const char = line.charAt(index);
        if (shape[index] === 'd' ? !'0123456789'.includes(char) || char === '' : char !== shape[index]) return false;
      }
      const close = line.indexOf(']', shape.length);
      if (close === -1 || line.charAt(close + 1) !== ' ') return false;
      const level = line.slice(shape.length, close);
      return level.length >= 4 && level.length <= 6 && [...level].every((char) => char >= 'a' && char <= 'z');
    },
  };
  const apacheShape = /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.?\d{0,6} \d{4}\] \[/;
  const reference = (line: string) => (nginxShape.test(line) ? 'nginx' : apacheShape.test(line) ? 'apache' : undefined);
  const lines = [
    ...rules.flatMap((rule) => [...rule.samples, ...rule.nearMisses]),
    '2026/11/24 01:22:04 [error] x',
    '2026/11/24 01:22:04 [emerg] x',
    '2026/11/24 01:22:04 [notice] x',
    '2026/11/24 01:22:04 [err] x',
    '2026/11/24 01:22:04 [alertss] x',
    '2026/11/24 01:22:04 [Error] x',
    '2026/11/24 01:22:04 [error]x',
    '2026/11/24 01:22:04 [error] ',
    '2026/11/24 01:22:04 [error]',
    '2026/11/24 01:22:04 [er1or] x',
    '2026/11/24 01:22:04  [error] x',
    '2026/11/24T01:22:04 [error] x',
    '20261/11/24 01:22:04 [error] x',
    '2026/11/24 01:22:0x [error] x',
    `2026/11/24 01:22:04 [error] ${'2'.repeat(8192)}`,
    '1'.repeat(8192),
    '2026-11-24 01:22:04 [error] x',
    '2026/11/24 1:22:04 [error] x',
    '[Tue Nov 24 01:22:04.118342 2026] [proxy:error] x',
    '[Tue Nov  4 01:22:04 2026] [proxy:error] x',
    '[Tue Nov 24 01:22:04.1183421 2026] [proxy:error] x',
    '[Tue Nov 24 01:22:04. 2026] [x',
    '[tue Nov 24 01:22:04 2026] [x',
    '[Tue Nov 24 01:22:04 2026][x',
    '[Tue Nov 24 01:22:04 26] [x',
    '',
    '2',
    '[',
  ];
  it.each(lines.map((line) => [line] as const))('agrees with the reference patterns on %j', (line) => {
    expect(sniffFormat(line)).toBe(reference(line));
  });
});
