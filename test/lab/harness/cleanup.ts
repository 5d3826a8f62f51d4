/**
 * Everything the lab starts, so it can be stopped even when a test fails or the run is
 * interrupted: server processes (found through their pidfiles) and temp dirs. Stopping is
 * synchronous, so the same code serves `afterAll` and the process `exit` and signal hooks.
 * The same list is kept in a registry file for the reaper (reaper.mjs), which cleans up if
 * the worker is killed before any hook can run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Tracked {
  /** The pidfile the server writes; read again at stop time, as reloads may change it. */
  pidfile: string;
  /** The process name (`/proc/<pid>/comm`), so a reused pid is never signalled. */
  name: string;
  /** Pids seen earlier (e.g. an HAProxy replaced by `-sf`), stopped as well if still there. */
  seen: Set<number>;
}

const servers: Tracked[] = [];
const tempDirs = new Set<string>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const registry = join(tmpdir(), `lab-registry-${process.pid}.json`);
let reaperStarted = false;

/** Writes what is running to the registry, starting the reaper the first time. */
function saveRegistry(): void {
  if (servers.length === 0 && tempDirs.size === 0) {
    rmSync(registry, { force: true });
    return;
  }
  const state = { servers: servers.map((server) => ({ ...server, seen: [...server.seen] })), dirs: [...tempDirs] };
  writeFileSync(registry, JSON.stringify(state));
  if (reaperStarted) return;
  reaperStarted = true;
  const script = new URL('reaper.mjs', import.meta.url).pathname;
  spawn(process.execPath, [script, String(process.pid), registry], { detached: true, stdio: 'ignore' }).unref();
}

/** Blocks the thread for `ms`; used only while waiting for a process to exit. */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** The pid in `pidfile`, or undefined when the file is missing or empty. */
export function readPidfile(pidfile: string): number | undefined {
  if (!existsSync(pidfile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidfile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether `pid` is a live (not zombie) process named `name`. */
export function isRunning(pid: number, name: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return comm.startsWith(name.slice(0, 15)) && state !== 'Z';
  } catch {
    return false;
  }
}

/** A new temp dir (mode 0755, so workers that drop to `nobody` can reach sockets in it). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lab-${prefix}-`));
  chmodSync(dir, 0o755);
  tempDirs.add(dir);
  saveRegistry();
  return dir;
}

/**
 * Registers a server for cleanup by its pidfile and process name.
 *
 * @returns A function to call after a reload, recording the pid the file holds now.
 */
export function trackServer(pidfile: string, name: string): () => void {
  const tracked: Tracked = { pidfile, name, seen: new Set() };
  servers.push(tracked);
  const remember = (): void => {
    const pid = readPidfile(pidfile);
    if (pid !== undefined) tracked.seen.add(pid);
    saveRegistry();
  };
  remember();
  return remember;
}

/** Sends `signal` to `pid`, ignoring a process that has just gone (ESRCH). */
function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // It exited between the check and the signal, e.g. after a Ctrl-C sent to the group.
  }
}

/** Sends SIGTERM to `pids`, waits up to 3 s for them to go, then SIGKILLs what is left. */
function stopPids(pids: number[], name: string): void {
  const alive = () => pids.filter((pid) => isRunning(pid, name));
  for (const pid of alive()) signalProcess(pid, 'SIGTERM');
  for (let waited = 0; waited < 3000 && alive().length > 0; waited += 50) sleepSync(50);
  for (const pid of alive()) signalProcess(pid, 'SIGKILL');
}

/** Stops the server registered with `pidfile` now (and forgets it). */
export function stopServer(pidfile: string): void {
  const index = servers.findIndex((server) => server.pidfile === pidfile);
  if (index === -1) return;
  const [server] = servers.splice(index, 1);
  const current = readPidfile(pidfile);
  if (current !== undefined) server!.seen.add(current);
  stopPids([...server!.seen], server!.name);
  saveRegistry();
}

/** Stops every registered server and removes every temp dir. Safe to call twice; never throws. */
export function cleanUpLab(): void {
  while (servers.length > 0) {
    try {
      stopServer(servers[0]!.pidfile);
    } catch (error) {
      servers.shift();
      console.error(`[lab] cleanup: ${(error as Error).message}`);
    }
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  rmSync(registry, { force: true });
}

process.once('exit', cleanUpLab);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUpLab();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}
