import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adversarialChunks } from '../bench/adversarial-log.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Peak resident set size of the CLI, in MB. The goal is ≤ 150 MB for any log; the
 * CLI idles at about 77 MB (Node 24 with type stripping and its compile cache; 95 MB
 * without the cache), so this leaves about 70 MB for its work. Before the fix (10,000
 * distinct upstreams per rule, each a slice that kept its whole read chunk alive) the same
 * input peaked at 468 MB; after it, 113 MB; with the byte reader (`scripts/log-lines.ts`)
 * about 106 MB.
 */
const boundMB = 150;

/** Runs `node scripts/diagnose.mjs -` on `chunks`; resolves with its stdout and peak RSS in MB. */
async function runOn(chunks: Iterable<string>): Promise<{ status: number | null; stdout: string; peakMB: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS))`,
      'scripts/diagnose.mjs',
      '-',
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  for (const chunk of chunks) if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  child.stdin.end();
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
});
