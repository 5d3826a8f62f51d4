import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillCode } from '../../src/setup/placeholders';
import { docsPages, fencesOf, type Fence } from '../support/fences';

/**
 * Every ```bash block in content/docs must pass ShellCheck as a reader would paste it:
 * with the examples (what the page shows without JavaScript) and, for `placeholders`
 * blocks, filled with a reader's setup that exercises quoting (an IPv6 upstream).
 *
 * Excluded codes (`-e`): none. Every block passes as written; a block that needs an
 * exclusion should get it here with the reason, not a `# shellcheck disable` in the page.
 */
const excludedCodes: string[] = [];

/** A reader's setup using every placeholder, with values that need care (brackets, paths). */
const readerSetup = {
  domain: 'shop.example.org',
  upstreamHost: '2001:db8::10',
  upstreamPort: '3000',
  socket: '/run/php/php8.3-fpm.sock',
  server: 'apache',
  errorLog: '/srv/logs/apache-error.log',
};

interface Sample {
  name: string;
  code: string;
}

const samples: Sample[] = docsPages()
  .flatMap((page) => fencesOf(page))
  .filter((fence) => fence.language === 'bash')
  .flatMap((fence: Fence) => {
    const name = `${fence.page}:${fence.line}`;
    const extra = /\bplaceholders="([^"]*)"/.exec(fence.meta)?.[1] ?? '';
    const filled = /\bplaceholders\b/.test(fence.meta)
      ? [{ name: `${name} (filled)`, code: fillCode(fence.code, { language: 'bash', extra }, readerSetup) }]
      : [];
    return [{ name, code: fence.code }, ...filled];
  });

const installed = spawnSync('shellcheck', ['--version']).status === 0;

/** ShellCheck's findings per sample, from one run over all of them (one process per block takes minutes). */
function runShellCheck(): Map<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shellcheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = samples.map((sample, index) => {
    const file = join(dir, `${index}.sh`);
    writeFileSync(file, `${sample.code}\n`);
    return file;
  });
  const exclude = excludedCodes.length > 0 ? ['-e', excludedCodes.join(',')] : [];
  const run = spawnSync('shellcheck', ['-s', 'bash', '-f', 'json1', ...exclude, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`shellcheck failed to run: ${run.stderr}`);
  const { comments } = JSON.parse(run.stdout) as {
    comments: { file: string; line: number; code: number; message: string }[];
  };
  const findings = new Map<string, string[]>();
  for (const comment of comments) {
    const sample = samples[Number(comment.file.replace(/^.*\/(\d+)\.sh$/, '$1'))]!;
    const found = findings.get(sample.name) ?? [];
    found.push(`line ${comment.line}: SC${comment.code} ${comment.message}`);
    findings.set(sample.name, found);
  }
  return findings;
}

describe('bash blocks pass shellcheck', () => {
  // Without shellcheck the blocks cannot be checked: fail with the fix, never skip.
  if (!installed) {
    it('needs shellcheck', () => {
      throw new Error(
        'shellcheck is not installed, so the bash blocks cannot be checked: apt-get install -y shellcheck (see .ci/run and the README).',
      );
    });
    return;
  }

  const findings = runShellCheck();
  it('found the blocks', () => {
    expect(samples.length).toBeGreaterThan(100);
  });
  it.each(samples.map((sample) => [sample.name, sample.code] as const))('%s', (name, code) => {
    expect(findings.get(name) ?? [], code).toEqual([]);
  });
});
