/**
 * Hostile input for the recogniser and the CLI (issue 23): text a remote client or a
 * broken tool can put in a log, and what must happen to it.
 */
import { describe, expect, it } from 'vitest';
import { LogDecoder, sniffEncoding } from '../../src/diagnose/decode';
import { diagnoseLine } from '../../src/diagnose/diagnose';
import { cutWithMarker, escapeUntrusted } from '../../src/diagnose/escape';
import { maxFieldLength } from '../../src/diagnose/formats/text';
import { formatReport } from '../../src/diagnose/report';
import { Tally } from '../../src/diagnose/summary';
import { escalationReport } from '../../src/wizard/summary';

const longName = 'ж'.repeat(5000);

describe('fields read from hostile lines', () => {
  it.each([
    [
      'nginx … could not be resolved',
      `2026/11/24 01:22:10 [error] 1#1: *28 ${longName} could not be resolved (3: Host not found), client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", host: "x"`,
    ],
    [
      'HAProxy Server … is DOWN',
      `Server app/${longName} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.`,
    ],
  ])('keeps at most maxFieldLength characters of the upstream in %s', (_, line) => {
    const finding = diagnoseLine(line, 1);
    expect(finding).toBeDefined();
    expect(finding!.fields.upstream!.length).toBe(maxFieldLength);
  });

  it('keeps upstream names in the tally to 256 characters, then …', () => {
    const tally = new Tally();
    const line = `Server app/${longName} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.`;
    tally.add(diagnoseLine(line, 1)!);
    const [upstream] = tally.summary()[0]!.topUpstreams;
    expect(upstream).toEqual({ upstream: `app/${'ж'.repeat(252)}…`, count: 1 });
  });
});

describe('escapeUntrusted, the one function for showing untrusted text', () => {
  it.each([
    ['ESC, BEL and NUL', 'a\u001b[31mb\u0007c\u0000', 'a\\x1b[31mb\\x07c\\x00'],
    ['DEL and C1 controls', 'x\u007fy\u0085z\u009b', 'x\\x7fy\\x85z\\x9b'],
    ['line breaks and tabs on one line', 'a\r\nb\tc', 'a\\x0d\\x0ab\\x09c'],
    ['bidi overrides and isolates', 'evil\u202eexe.txt\u2066x\u2069', 'evil\\u202eexe.txt\\u2066x\\u2069'],
    ['zero-width characters and the BOM', 'a\u200bb\u200dc\ufeffd\u2028', 'a\\u200bb\\u200dc\\ufeffd\\u2028'],
    ['lone surrogates', 'a\ud800b\udc00', 'a\\ud800b\\udc00'],
    ['nothing in ordinary text', 'имя.пример:8080 😀 C:\\logs\\x', 'имя.пример:8080 😀 C:\\logs\\x'],
  ])('escapes %s', (_, text, expected) => {
    expect(escapeUntrusted(text)).toBe(expected);
  });

  it('keeps line feeds and tabs for multi-line text when asked, still escaping a bare CR', () => {
    expect(escapeUntrusted('a\r\nb\tc\rd\u001b', { keepLineBreaks: true })).toBe('a\nb\tc\\x0dd\\x1b');
  });
});

describe('cutWithMarker', () => {
  it('says how many characters were cut, and leaves short text alone', () => {
    expect(cutWithMarker('abcdef', 4)).toBe('abcd… [cut: 2 more characters]');
    expect(cutWithMarker('abcd', 4)).toBe('abcd');
  });

  it('never splits a surrogate pair', () => {
    expect(cutWithMarker('ab😀cd', 3)).toBe('ab… [cut: 4 more characters]');
  });
});

describe('the text report and the escalation report', () => {
  it('show a bidi override in an upstream name as \\u202e', () => {
    const tally = new Tally();
    const line =
      '2026/11/24 01:22:04 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://gpj.\u202eexe:80/", host: "a"';
    tally.add(diagnoseLine(line, 1)!);
    const report = formatReport(tally.summary(), { files: 1, lines: 1, recognised: 1 });
    expect(report).toContain('top upstreams: gpj.\\u202eexe:80 (1)');
    expect(report).not.toMatch(/[\u202e\u001b]/);
  });

  it('escape controls in the pasted checks, keep their lines and mark a cut', () => {
    const summary = { outcome: { code: 'A1', title: 'T' }, link: 'https://x/', answers: [], steps: [], tried: [] };
    const fields = {
      time: 'now\u0007',
      url: 'https://x/\u202e',
      requestId: '',
      checks: `ok\n\u001b[2Jcleared\n${'x'.repeat(30_000)}`,
    };
    const report = escalationReport(summary, fields);
    expect(report).toContain('Time of the error (UTC): now\\x07');
    expect(report).toContain('Address that showed the error: https://x/\\u202e');
    expect(report).toContain('ok\n\\x1b[2Jcleared\n');
    expect(report).toMatch(/x… \[cut: 10,018 more characters\]$/);
    expect(report).not.toMatch(/[\u0007\u001b\u202e]/);
  });
});

describe('decoding a log whatever Unicode encoding wrote it', () => {
  const text = 'upstream: "http://имя.пример:80/"\n';
  const utf16le = new Uint8Array(Buffer.from(text, 'utf16le'));
  const utf16be = new Uint8Array(Buffer.from(text, 'utf16le')).map((_, index, bytes) => bytes[index ^ 1]!);

  it.each([
    ['UTF-8', new Uint8Array(Buffer.from(text)), 'utf-8'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]), 'utf-8'],
    ['UTF-16LE with a BOM (PowerShell 5 >)', new Uint8Array([0xff, 0xfe, ...utf16le]), 'utf-16le'],
    ['UTF-16BE with a BOM', new Uint8Array([0xfe, 0xff, ...utf16be]), 'utf-16be'],
    ['UTF-16LE without a BOM', utf16le, 'utf-16le'],
    ['UTF-16BE without a BOM', utf16be, 'utf-16be'],
  ])('reads %s, one byte at a time, to the same text', (_, bytes, encoding) => {
    const decoder = new LogDecoder();
    let decoded = '';
    for (const byte of bytes) decoded += decoder.write(new Uint8Array([byte]));
    decoded += decoder.end();
    expect(decoder.encoding).toBe(encoding);
    expect(decoded).toBe(text);
  });

  it('sniffs short input at the end, and takes UTF-8 when nothing says otherwise', () => {
    expect(sniffEncoding(new Uint8Array([0x61]))).toBe('utf-8');
    const decoder = new LogDecoder();
    expect(decoder.write(new Uint8Array([0x6f, 0x6b]))).toBe('');
    expect(decoder.end()).toBe('ok');
  });
});
