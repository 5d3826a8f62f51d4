import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adversarialChunks } from '../bench/adversarial-log.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Peak resident set size of the CLI, in MB. The goal is ≤ 150 MB for any log; the
 * CLI idles at about 62 MB (Node 24 with its compile cache and the plain-JavaScript entry
 * `scripts/diagnose.mjs`; 77 MB with the former TypeScript entry, 95 MB without the
 * cache), so this leaves about 85 MB for its work (a worker thread's included). Before the fix (10,000
 * distinct upstreams per rule, each a slice that kept its whole read chunk alive) the same
 * input peaked at 468 MB; after it, 113 MB; with the byte reader (`scripts/log-lines.ts`)
 * about 106 MB.
 */
const boundMB = 150;

/**
 * Runs `node scripts/diagnose.mjs -` on `chunks`, or `node scripts/diagnose.mjs FILE` on
 * `{ file }` (with `env` added to the environment); resolves with its stdout and peak RSS
 * in MB (of the whole process, worker thread included).
 */
async function runOn(
  input: Iterable<string> | { file: string },
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; peakMB: number }> {
  const fromFile = 'file' in input;
  const child = spawn(
    process.execPath,
    [
      '--import',
      `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS))`,
      'scripts/diagnose.mjs',
      fromFile ? input.file : '-',
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: [fromFile ? 'ignore' : 'pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  // Both are pipes (stdio above), so never null.
  child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  if (!fromFile) {
    for (const chunk of input) if (!child.stdin!.write(chunk)) await once(child.stdin!, 'drain');
    child.stdin!.end();
  }
  const [status] = (await once(child, 'close')) as [number | null];
  const maxRssKB = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
  return { status, stdout, peakMB: maxRssKB / 1024 };
}

describe('the diagnose CLI’s memory', () => {
  it(`stays under ${boundMB} MB on 200,000 distinct upstream names of 600 non-Latin-1 characters`, async () => {
    const { status, stdout, peakMB } = await runOn(adversarialChunks({ lines: 200_000, nameLength: 600 }));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Recognised 200,000 of 200,000 lines in 1 file\./);
    // Names are cut to 256 characters in the report.
    expect(stdout).toMatch(/top upstreams: [а-я]{256}… \(/);
    expect(peakMB).toBeGreaterThan(0);
    expect(peakMB).toBeLessThan(boundMB);
  }, 60_000);

  // A log file this large (or any, with DIAGNOSE_SPLIT_BYTES) is read by two threads
  // (scripts/diagnose-range.ts): both isolates count towards the bound.
  describe('read by two threads', () => {
    const work = mkdtempSync(join(tmpdir(), 'diagnose-memory-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const split = { DIAGNOSE_SPLIT_BYTES: '1' };

    it(`stays under ${boundMB} MB on a file of 60,000 distinct upstream names (the worker stops early)`, async () => {
      const file = join(work, 'adversarial.log');
      writeFileSync(file, '');
      for (const chunk of adversarialChunks({ lines: 60_000, nameLength: 600 })) appendFileSync(file, chunk);
      const { status, stdout, peakMB } = await runOn({ file }, split);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Recognised 60,000 of 60,000 lines in 1 file\./);
      expect(peakMB).toBeGreaterThan(0);
      expect(peakMB).toBeLessThan(boundMB);
    }, 60_000);

    it(`stays under ${boundMB} MB on a 60 MB nginx log whose tallies are merged`, async () => {
      const file = join(work, 'nginx.log');
      writeFileSync(file, '');
      let lines: string[] = [];
      for (let n = 0; n < 250_000; n += 1) {
        if (lines.length === 10_000) {
          appendFileSync(file, lines.join(''));
          lines = [];
        }
        lines.push(
          `2026/11/24 01:22:${String(n % 60).padStart(2, '0')} [error] 7#7: *${n} connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.${(n >> 8) % 256}.${n % 256}, server: shop.example, request: "GET /cart?page=${n} HTTP/1.1", upstream: "http://127.0.0.1:${8000 + (n % 4)}/cart", host: "shop.example"\n`,
        );
      }
      appendFileSync(file, lines.join(''));
      const { status, stdout, peakMB } = await runOn({ file }, split);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Recognised 250,000 of 250,000 lines in 1 file\./);
      expect(stdout).toContain(
        'top upstreams: 127.0.0.1:8000 (62,500), 127.0.0.1:8001 (62,500), 127.0.0.1:8002 (62,500)',
      );
      expect(peakMB).toBeGreaterThan(0);
      expect(peakMB).toBeLessThan(boundMB);
    }, 60_000);
  });
});
