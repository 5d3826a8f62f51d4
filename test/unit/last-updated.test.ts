import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newestCommitDates } from '../../src/last-updated';

/** A throwaway repository with two commits at known times. */
const repo = mkdtempSync(join(tmpdir(), 'last-updated-'));
const git = (args: string[], when?: string) =>
  execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}),
    },
  });

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('newestCommitDates', () => {
  it('gives each file the time of the newest commit that touched it', () => {
    git(['init', '-q']);
    mkdirSync(join(repo, 'content/docs'), { recursive: true });
    writeFileSync(join(repo, 'content/docs/a.mdx'), 'a');
    writeFileSync(join(repo, 'content/docs/b.mdx'), 'b');
    git(['add', '.']);
    git(['commit', '-qm', 'first'], '2026-01-02T03:04:05Z');
    writeFileSync(join(repo, 'content/docs/b.mdx'), 'b2');
    git(['commit', '-qam', 'second'], '2026-03-04T05:06:07Z');
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const dates = newestCommitDates('content/docs');
      expect(dates.get('content/docs/a.mdx')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      expect(dates.get('content/docs/b.mdx')?.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    } finally {
      process.chdir(cwd);
    }
  });

  it('gives nothing, without throwing, outside a repository', () => {
    const bare = mkdtempSync(join(tmpdir(), 'no-git-'));
    const cwd = process.cwd();
    process.chdir(bare);
    try {
      expect(newestCommitDates('content/docs').size).toBe(0);
    } finally {
      process.chdir(cwd);
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
