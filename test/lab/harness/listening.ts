/** Which addresses the lab's processes listen on, read from `ss`. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { binaryPath, ss } from './binaries.ts';

/** `pid` and every process below it (nginx and Apache workers, PHP-FPM children). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read /proc.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Local addresses (`address:port`) of the listening TCP and bound UDP sockets owned by
 * any of `pids`, from `ss -H -l -t -u -n -p`.
 */
export function listeningAddresses(pids: readonly number[]): string[] {
  const output = execFileSync(binaryPath(ss), ['-H', '-l', '-t', '-u', '-n', '-p'], { encoding: 'utf8' });
  const wanted = new Set(pids);
  return output
    .split('\n')
    .filter((line) => [...line.matchAll(/pid=(\d+),/g)].some((match) => wanted.has(Number(match[1]))))
    .map((line) => line.trim().split(/\s+/)[4] ?? '');
}

/**
 * Asserts that the processes `pids` (and everything below them) listen on
 * 127.0.0.1:`port`, and on no address but 127.0.0.1.
 */
export function expectLoopbackOnly(pids: readonly number[], port: number): void {
  const addresses = listeningAddresses(pids.flatMap(processTree));
  expect(addresses).toContain(`127.0.0.1:${port}`);
  expect(addresses.filter((address) => !address.startsWith('127.0.0.1:'))).toEqual([]);
}
