/** What every server driver of the lab offers, and the waits they share. */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from '../harness/cleanup.ts';
import type { ErrorLog } from '../harness/errorlog.ts';
import { processTree } from '../harness/listening.ts';

/** The proxy software the lab runs, named as the wizard's `proxy` answers name it. */
export type ProxySoftware = 'nginx' | 'apache' | 'haproxy' | 'caddy';

/** A proxy server the lab started. */
export interface RunningProxy {
  readonly software: ProxySoftware;
  /** Its listening port on 127.0.0.1. */
  readonly port: number;
  /** Its error log (for HAProxy: the log its `log stdout` target writes; for Caddy: its stderr). */
  readonly errorLog: ErrorLog;
  /** The pid of the main process (nginx master, Apache parent, HAProxy, Caddy), if running. */
  mainPid(): number | undefined;
  /** Checks `config` with the server's own test mode, then loads it without a restart. */
  reload(config: string): Promise<void>;
  stop(): void;
}

/** True for the lab running as root: servers are then told to drop to `nobody`/`www-data`. */
export const runsAsRoot = process.getuid?.() === 0;

/** Runs `command` (with `options.env` when given) and throws with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  what: string,
  options: { env?: NodeJS.ProcessEnv } = {},
): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) throw new Error(`[lab] ${what} failed (${command} ${args.join(' ')}):\n${output}`);
  return output;
}

/** Polls `condition` every 50 ms until it holds; throws `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`[lab] timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Polls until 127.0.0.1:`port` accepts connections. */
export async function waitForListener(port: number, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (Date.now() > deadline) throw new Error(`[lab] ${what} does not listen on 127.0.0.1:${port}`);
    await sleep(50);
  }
}

/** The children of `pid` now (nginx workers, Apache children); empty when it is not running. */
export function childrenOf(pid: number | undefined): number[] {
  return pid === undefined ? [] : processTree(pid).filter((child) => child !== pid);
}

/**
 * Waits until every process in `before` (the children of a generation being replaced) has
 * exited. Until then an old child may still take a new connection and answer with the old
 * config, which makes a check right after a reload flaky.
 */
export function waitForOldChildren(before: readonly number[], name: string): Promise<void> {
  return waitFor(() => before.every((pid) => !isRunning(pid, name)), `the old ${name} children to exit`);
}
