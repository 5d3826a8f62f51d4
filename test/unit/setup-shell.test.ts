import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillCode } from '../../src/setup/placeholders';
import { quoteForShell, shellContexts, type ShellContext } from '../../src/setup/shell';
import { hostileValues } from '../support/hostile';

describe('shellContexts', () => {
  const contextOf = (script: string, marker: string) => shellContexts(script)[script.indexOf(marker)];
  it.each([
    ['curl X', 'X', 'unquoted'],
    ["grep 'a X b' f", 'X', 'single'],
    ['grep "a X b" f', 'X', 'double'],
    ["grep $'a\\'X' f", 'X', 'single'],
    ['grep "a \\" X" f', 'X', 'double'],
    ["echo \\' X", 'X', 'unquoted'],
    ['curl x # X', 'X', 'comment'],
    ["# it's\ncurl X", 'X', 'unquoted'],
    ['curl a#X', 'X', 'unquoted'],
    ["echo 'a'X", 'X', 'unquoted'],
  ])('in %j the marker is %s', (script, marker, context) => {
    expect(contextOf(script, marker)).toBe(context);
  });
});

const contexts: ShellContext[] = ['unquoted', 'single', 'double', 'comment', 'config'];

describe('quoteForShell', () => {
  it.each(contexts)('keeps inert values as they are (%s)', (context) => {
    for (const value of ['example.com', '10.0.0.5', '::1', '8080', '/run/php/php8.3-fpm.sock']) {
      expect(quoteForShell(value, context)).toBe(value);
    }
  });

  it.each([
    ['unquoted', "'[::1]'"],
    ['single', '[::1]'],
    ['double', '[::1]'],
    ['comment', '[::1]'],
    ['config', '[::1]'],
  ] as const)('quotes IPv6 brackets only where they would glob (%s)', (context, text) => {
    expect(quoteForShell('[::1]', context)).toBe(text);
  });

  it.each(hostileValues)('refuses %s in every context', (_label, value) => {
    for (const context of contexts) expect(quoteForShell(value, context)).toBeUndefined();
  });

  it.each(['-rf', '--output=/etc/passwd', ''])('refuses %j, which a command could read as an option', (value) => {
    expect(quoteForShell(value, 'unquoted')).toBeUndefined();
  });
});

/** The words bash makes of `command` (run in `cwd`), without running the command itself. */
function wordsOf(command: string, cwd: string): string[] {
  const script = `words() { printf '%s\\0' "$@"; }; words ${command}`;
  return execFileSync('bash', ['-c', script], { cwd, encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('filled commands, as bash reads them', () => {
  // A directory where the unquoted glob `http://[::1]:8080/` matches `http://1:8080/`.
  const cwd = mkdtempSync(join(tmpdir(), 'setup-shell-'));
  mkdirSync(join(cwd, 'http:', '1:8080'), { recursive: true });
  writeFileSync(join(cwd, 'http:', '1:8080', 'x'), '');
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  const setup = {
    domain: 'shop.example.org',
    upstreamHost: '::1',
    upstreamPort: '3000',
    socket: '/run/app/app.sock',
    errorLog: '/srv/logs/nginx-error.log',
  };

  it.each([
    ['curl -I http://127.0.0.1:8080/', ['curl', '-I', 'http://[::1]:3000/']],
    ["sudo ss -ltnp 'sport = :8080'", ['sudo', 'ss', '-ltnp', 'sport = :3000']],
    [
      "curl -H 'Host: example.com' https://example.com/",
      ['curl', '-H', 'Host: shop.example.org', 'https://shop.example.org/'],
    ],
    ['sudo tail -n 20 /var/log/nginx/error.log', ['sudo', 'tail', '-n', '20', '/srv/logs/nginx-error.log']],
    ['namei -l /run/php/php8.2-fpm.sock', ['namei', '-l', '/run/app/app.sock']],
  ])('%j keeps its words', (command, words) => {
    expect(wordsOf(command, cwd)).toHaveLength(words.length);
    expect(wordsOf(fillCode(command, { language: 'bash', extra: '' }, setup), cwd)).toEqual(words);
  });

  it('would have globbed without the quotes (the test directory is a real trap)', () => {
    expect(wordsOf('http://[::1]:3000/ http://[::1]:8080/', cwd)).toEqual(['http://[::1]:3000/', 'http://1:8080/']);
  });
});
