// The lab's reaper: a detached process that outlives a test worker killed without running
// its exit hooks (SIGKILL, a CI timeout killing the process group). Daemonised servers
// would survive it, so when the worker is gone and its registry is still there, this stops
// the servers it lists (by pidfile, checking the process name) and removes its temp dirs.
// Usage: node reaper.mjs <worker pid> <registry file>. Exits as soon as the registry is gone.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const [workerPid, registry] = [Number(process.argv[2]), process.argv[3]];

function alive(pid, name) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return (name === undefined || comm.startsWith(name.slice(0, 15))) && state !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function reap() {
  const { servers, dirs } = JSON.parse(readFileSync(registry, 'utf8'));
  for (const server of servers) {
    const fromFile = existsSync(server.pidfile) ? Number.parseInt(readFileSync(server.pidfile, 'utf8'), 10) : NaN;
    const pids = [...server.seen, ...(Number.isInteger(fromFile) ? [fromFile] : [])].filter((pid) =>
      alive(pid, server.name),
    );
    for (const pid of pids) signal(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && pids.some((pid) => alive(pid, server.name)))
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    for (const pid of pids.filter((pid) => alive(pid, server.name))) signal(pid, 'SIGKILL');
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  rmSync(registry, { force: true });
}

const timer = setInterval(() => {
  if (!existsSync(registry)) process.exit(0);
  if (alive(workerPid)) return;
  clearInterval(timer);
  try {
    reap();
  } finally {
    process.exit(0);
  }
}, 300);
