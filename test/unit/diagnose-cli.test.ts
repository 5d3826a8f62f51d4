import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/mixed-error.log', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'diagnose-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `node scripts/diagnose.mjs ARGS` the way `npm run diagnose --` does. */
function cli(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, ['scripts/diagnose.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonOutput {
  findings: { file?: string; line: number; rule: string; outcome: string }[];
  summary: { rule: string; count: number; fixPage: string; topUpstreams: unknown[] }[];
}

describe('the diagnose CLI', () => {
  it('prints a tally by cause with counts, timestamps, upstreams and fix pages', () => {
    const { status, stdout, stderr } = cli([fixture]);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Recognised 16 of 24 lines in 1 file\.\n/);
    expect(stdout).toContain('2  nginx-connect-refused (nginx)');
    expect(stdout).toContain('first 2026/11/24 01:22:04, last 2026/11/24 01:22:08');
    expect(stdout).toContain('top upstreams: 127.0.0.1:18999 (1), 172.18.0.3:3000 (1)');
    expect(stdout).toContain('fix: /fixes/upstream-refused/');
  });

  it('prints exactly {"findings":[…],"summary":[…]} with --json', () => {
    const { status, stdout } = cli(['--json', fixture]);
    expect(status).toBe(0);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(Object.keys(output)).toEqual(['findings', 'summary']);
    expect(output.findings[0]).toEqual({ line: 2, rule: 'nginx-connect-refused', outcome: 'upstream-refused' });
    expect(output.findings).toHaveLength(16);
    expect(output.summary[0]).toMatchObject({
      rule: 'nginx-connect-refused',
      count: 2,
      fixPage: '/fixes/upstream-refused/',
    });
  });

  it('numbers lines per file and names the file when given several', () => {
    const copy = join(work, 'copy.log');
    writeFileSync(copy, readFileSync(fixture));
    const output = JSON.parse(cli(['--json', fixture, copy]).stdout) as JsonOutput;
    expect(output.findings).toHaveLength(32);
    expect(output.findings[16]).toEqual({
      file: copy,
      line: 2,
      rule: 'nginx-connect-refused',
      outcome: 'upstream-refused',
    });
    expect(output.summary[0]).toMatchObject({ rule: 'nginx-connect-refused', count: 4 });
  });

  it('reads standard input for "-"', () => {
    const { status, stdout } = cli(['--json', '-'], readFileSync(fixture));
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as JsonOutput).findings).toHaveLength(16);
  });

  it('reads a gzipped rotated log', () => {
    const rotated = join(work, 'error.log.2.gz');
    writeFileSync(rotated, gzipSync(readFileSync(fixture)));
    const output = JSON.parse(cli(['--json', rotated]).stdout) as JsonOutput;
    expect(output.findings.map((finding) => finding.line)).toEqual(
      (JSON.parse(cli(['--json', fixture]).stdout) as JsonOutput).findings.map((finding) => finding.line),
    );
  });

  it('exits 0 with a pointer to the questions when nothing is recognised', () => {
    const { status, stdout } = cli(['-'], 'hello\nworld\n');
    expect(status).toBe(0);
    expect(stdout).toBe('No line was recognised in 2 lines in 1 file.\nContinue with the questions: /wizard/\n');
    expect(JSON.parse(cli(['--json', '-'], '').stdout)).toEqual({ findings: [], summary: [] });
  });

  it.each([
    ['a missing file', [join(work, 'missing.log')], /^diagnose: cannot read .*missing\.log: no such file\n$/],
    ['a directory', [work], /^diagnose: .* is a directory, not a log file\n$/],
    ['a corrupt .gz', [join(work, 'corrupt.gz')], /^diagnose: cannot read .*corrupt\.gz: .+\n$/],
    ['no file at all', [], /^diagnose: no FILE given; use "-" to read standard input \(see --help\)\n$/],
    ['an unknown option', ['--verbose', fixture], /^diagnose: unknown option --verbose \(see --help\)\n$/],
  ])('exits 2 with a one-line message on %s', (_name, args, message) => {
    writeFileSync(join(work, 'corrupt.gz'), 'not gzip');
    const { status, stdout, stderr } = cli(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('reads a line of 5 MB without a line break, looking at its first 8 KiB only', () => {
    const { status, stdout } = cli(['-'], `curl: (52) Empty reply from server ${'x'.repeat(5 * 1024 * 1024)}`);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Recognised 1 of 1 lines in 1 file\./);
  });

  it('checks every file before printing anything', () => {
    const { status, stdout } = cli([fixture, join(work, 'missing.log')]);
    expect([status, stdout]).toEqual([2, '']);
  });

  it('reads UTF-16 logs with a byte order mark, little- and big-endian (PowerShell\u2019s >)', () => {
    const text = readFileSync(fixture, 'utf8');
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little);
    big.swap16();
    for (const bytes of [little, big]) {
      const { status, stdout } = cli(['-'], bytes);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Recognised 16 of 24 lines in 1 file\./);
    }
  });

  it('reads what a damaged or cut .gz holds before the damage, with a warning', () => {
    const whole = gzipSync(readFileSync(fixture));
    const cut = join(work, 'cut.log.gz');
    writeFileSync(cut, whole.subarray(0, whole.length - 300));
    const { status, stdout, stderr } = cli([cut]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Recognised \d+ of \d+ lines in 1 file\./);
    expect(stderr).toMatch(
      /^diagnose: warning: .*cut\.log\.gz: the gzip data is damaged or cut short \(unexpected end of file\); read the [\d,]+ bytes of text decoded before that\n$/,
    );
  });

  it('reads every member of a .gz, skips zero padding silently and reports trailing bytes after the text', () => {
    const whole = gzipSync(readFileSync(fixture));
    const cases = [
      ['two-members.log.gz', Buffer.concat([whole, whole]), 32, ''],
      ['padded.log.gz', Buffer.concat([whole, Buffer.alloc(512)]), 16, ''],
      [
        'junk.log.gz',
        Buffer.concat([whole, Buffer.from('\u001b[2Jnot gzip at all')]),
        16,
        /^diagnose: warning: .*junk\.log\.gz: 19 bytes after the end of the gzip data are not gzip; they were skipped\n$/,
      ],
    ] as const;
    for (const [name, bytes, findings, warning] of cases) {
      const file = join(work, name);
      writeFileSync(file, bytes);
      const { status, stdout, stderr } = cli(['--json', file]);
      expect(status).toBe(0);
      expect((JSON.parse(stdout) as JsonOutput).findings).toHaveLength(findings);
      if (warning === '') expect(stderr).toBe('');
      else expect(stderr).toMatch(warning);
    }
  });

  it('writes control and bidi characters of a file name as escapes on stderr', () => {
    const { status, stderr } = cli([join(work, 'a\u001b]0;owned\u0007b\u202e.log')]);
    expect(status).toBe(2);
    expect(stderr).toContain('a\\x1b]0;owned\\x07b\\u202e.log: no such file');
    expect(stderr).not.toMatch(/[\u0007\u001b\u202e]/);
  });

  it('ends quietly with status 0 when the reader closes the pipe early (--json | head)', async () => {
    const big = join(work, 'big.log');
    writeFileSync(big, readFileSync(fixture, 'utf8').repeat(20_000));
    const child = spawn(process.execPath, ['scripts/diagnose.mjs', '--json', big], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    expect(first.toString()).toMatch(/^\{"findings":\[/);
    child.stdout.destroy();
    const [status] = (await once(child, 'close')) as [number | null];
    expect([status, stderr]).toEqual([0, '']);
  }, 60_000);
});
