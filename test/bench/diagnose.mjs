/**
 * Benchmark of `npm run diagnose`: generates a mixed nginx error log (50 MB, then grown to
 * 200 MB) in a temporary directory, and times in the same run, on the same file:
 *   - the CLI (`node scripts/diagnose.mjs FILE`), which splits a log this large between
 *     two threads (`scripts/diagnose-range.ts`), and the CLI in one thread
 *     (`DIAGNOSE_SPLIT_BYTES=Infinity`),
 *   - `grep -c upstream FILE`, the yardstick of the issue (target: CLI within 4× of grep,
 *     issue 21),
 *   - the CLI's reading path alone (32 KiB `readSync` reads into `LogLineReader` from
 *     `scripts/log-lines.ts`, as the CLI does), counting lines: the floor the CLI pays
 *     before recognising anything,
 *   - the same plus `diagnoseLine` on every line (rules and field readers), no tally and no
 *     output, in one thread: what recognition itself costs, the part the reading path
 *     cannot speed up (the CLI's two threads each do about half of it).
 * Each is run three times; the fastest run counts (the machine may be busy). Peak memory
 * is the maximum resident set size from `/usr/bin/time -v`, or from the process itself
 * when that is missing. Then, once, the CLI reads an adversarial log from standard input
 * (test/bench/adversarial-log.mjs: every line a new upstream name of 1,800 non-Latin-1
 * characters; 1,600 MB by default, generated on the fly, never written to disk) and its
 * peak memory is taken the same way. Budget for both peaks: ≤ 150 MB (issue 23).
 * Prints a Markdown table and writes bench-results/diagnose.json.
 *
 * Usage: node test/bench/diagnose.mjs [--adversarial-mb=N] (0 skips the adversarial run)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sizesMB = [50, 200];
const adversarialMB = Number(
  /^--adversarial-mb=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--adversarial-mb=')) ?? '')?.[1] ?? 1600,
);
const runs = 3;
const hasGnuTime = existsSync('/usr/bin/time');

/** A small deterministic generator, so every run benchmarks the same file. */
function* random(seed = 502) {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

const upstreamLines = [
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} connect() failed (111: Connection refused) while connecting to upstream, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", upstream: "http://127.0.0.1:${8000 + (c % 4)}${p}", host: "shop.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} upstream prematurely closed connection while reading response header from upstream, client: ${ip(c)}, server: shop.example, request: "POST ${p} HTTP/1.1", upstream: "http://10.0.3.${c % 9}:3000${p}", host: "shop.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", upstream: "http://127.0.0.1:8001${p}", host: "shop.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} recv() failed (104: Connection reset by peer) while reading response header from upstream, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", upstream: "http://10.0.3.${c % 9}:3000${p}", host: "shop.example"`,
  (t, c, p) =>
    `${t} [crit] 1201#1201: *${c} connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: ${ip(c)}, server: blog.example, request: "GET ${p} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "blog.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} upstream sent too big header while reading response header from upstream, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", upstream: "http://127.0.0.1:8002${p}", host: "shop.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} no live upstreams while connecting to upstream, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", upstream: "http://backend${p}", host: "shop.example"`,
];
const noiseLines = [
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} open() "/var/www/html${p}" failed (2: No such file or directory), client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", host: "shop.example"`,
  (t, c) => `${t} [info] 1201#1201: *${c} client ${ip(c)} closed keepalive connection`,
  (t, c) =>
    `${t} [info] 1201#1201: *${c} SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: ${ip(c)}, server: 0.0.0.0:443`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} access forbidden by rule, client: ${ip(c)}, server: shop.example, request: "GET ${p} HTTP/1.1", host: "shop.example"`,
  (t, c, p) =>
    `${t} [error] 1201#1201: *${c} FastCGI sent in stderr: "PHP message: PHP Warning:  Undefined array key \\"id\\" in /var/www/html/index.php on line 12" while reading response header from upstream, client: ${ip(c)}, server: blog.example, request: "GET ${p} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "blog.example"`,
];
const paths = ['/', '/cart', '/api/orders?page=2', '/checkout', '/static/app.js', '/wp-login.php', '/account/settings'];
const ip = (c) => `198.51.${(c >> 8) % 256}.${c % 256}`;
const pad = (n) => String(n).padStart(2, '0');

/** Appends lines to `file` until it holds `bytes` bytes; returns the number of lines written. */
async function grow(file, fromBytes, bytes, state) {
  const out = createWriteStream(file, { flags: 'a' });
  let written = fromBytes;
  while (written < bytes) {
    let chunk = '';
    while (chunk.length < 1 << 20) {
      state.connection += 1;
      const second = Math.floor(state.connection / 40);
      const time = `2026/11/${pad(24 + Math.floor(second / 86400))} ${pad(Math.floor(second / 3600) % 24)}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
      const pick = state.random.next().value;
      const path = paths[Math.floor(state.random.next().value * paths.length)];
      const list = pick < 0.6 ? upstreamLines : noiseLines;
      const weight = pick < 0.6 ? pick / 0.6 : (pick - 0.6) / 0.4;
      chunk += `${list[Math.floor(weight * weight * list.length)](time, state.connection, path)}\n`;
      state.lines += 1;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

/**
 * Runs a command (with `env` added to the environment); returns its wall time in seconds,
 * peak RSS in KB and stdout.
 */
async function measure(command, args, env = {}) {
  const wrapped = hasGnuTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(wrapped[0], wrapped[1], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const [code] = await once(child, 'close');
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0 && !(command === 'grep' && code === 1)) throw new Error(`${command} exited ${code}: ${stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? /^MAXRSS (\d+)$/m.exec(stderr)?.[1];
  return { seconds, maxRssKB: rss === undefined ? null : Number(rss), stdout };
}

/**
 * Runs the CLI once on `megabytes` of adversarial log piped from the generator; returns
 * wall time in seconds, the CLI's peak RSS in KB and its stdout.
 */
async function measureAdversarial(megabytes) {
  const generator = spawn(process.execPath, ['test/bench/adversarial-log.mjs', String(megabytes)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [command, ...args] = hasGnuTime
    ? ['/usr/bin/time', '-v', process.execPath, 'scripts/diagnose.mjs', '-']
    : [process.execPath, ...cliWrapper('-')];
  const start = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: [generator.stdout, 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const [code] = await once(child, 'close');
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`diagnose exited ${code} on the adversarial log: ${stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? /^MAXRSS (\d+)$/m.exec(stderr)?.[1];
  return { seconds, maxRssKB: rss === undefined ? null : Number(rss), stdout };
}

/** Fastest of `runs` runs (peak memory: the largest seen). */
async function best(command, args, env = {}) {
  const results = [];
  for (let run = 0; run < runs; run += 1) results.push(await measure(command, args, env));
  const fastest = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const rss = results.map((r) => r.maxRssKB).filter((value) => value !== null);
  return { ...fastest, maxRssKB: rss.length > 0 ? Math.max(...rss) : null };
}

/** Node running the ES module `code` with arguments, reporting its own peak RSS when GNU time is absent. */
const nodeModule = (code, ...args) => [
  '--input-type=module',
  '-e',
  hasGnuTime ? code : `${code};process.on('exit',()=>console.error('MAXRSS '+process.resourceUsage().maxRSS))`,
  ...args,
];
/**
 * The CLI's own reading path (readSync, LogLineReader): with one argument (the reader's URL)
 * it only counts lines; with the recogniser's URL as a second, it also runs `diagnoseLine`
 * on each line (the recogniser's own cost, no tally). Like the CLI (`scripts/diagnose.mjs`),
 * it turns on Node's compile cache before loading TypeScript, so the floors and the CLI pay
 * the same start-up.
 */
const readFloor = `import module from 'node:module';
import { openSync, readSync } from 'node:fs';
module.enableCompileCache?.();
const { LogLineReader, pieceBytes } = await import(process.argv[2]);
const diagnoseLine = process.argv[3] ? (await import(process.argv[3])).diagnoseLine : undefined;
let lines = 0;
let found = 0;
const reader = new LogLineReader((line) => {
  lines += 1;
  if (diagnoseLine !== undefined && diagnoseLine(line, lines) !== undefined) found += 1;
});
const fd = openSync(process.argv[1], 'r');
const buffer = Buffer.allocUnsafe(pieceBytes);
for (let read; (read = readSync(fd, buffer, 0, pieceBytes, null)) > 0; ) reader.push(buffer.subarray(0, read));
reader.end();
console.log(diagnoseLine === undefined ? lines : found);`;
const readerUrl = new URL('../../scripts/log-lines.ts', import.meta.url).href;
const diagnoseUrl = new URL('../../src/diagnose/diagnose.ts', import.meta.url).href;
const cliWrapper = (file) =>
  hasGnuTime
    ? ['scripts/diagnose.mjs', file]
    : [
        '--import',
        `data:text/javascript,process.on('exit',()=>console.error('MAXRSS '+process.resourceUsage().maxRSS))`,
        'scripts/diagnose.mjs',
        file,
      ];

const dir = mkdtempSync(join(tmpdir(), 'diagnose-bench-'));
const file = join(dir, 'error.log');
const state = { random: random(), connection: 0, lines: 0 };
const rows = [];
try {
  let bytes = 0;
  for (const sizeMB of sizesMB) {
    bytes = await grow(file, bytes, sizeMB * 1024 * 1024, state);
    const mb = bytes / (1024 * 1024);
    const cli = await best(process.execPath, cliWrapper(file));
    const cliOneThread = await best(process.execPath, cliWrapper(file), { DIAGNOSE_SPLIT_BYTES: 'Infinity' });
    const grep = await best('grep', ['-c', 'upstream', file]);
    const floor = await best(process.execPath, nodeModule(readFloor, file, readerUrl));
    const recogniser = await best(process.execPath, nodeModule(readFloor, file, readerUrl, diagnoseUrl));
    const recognised = Number(/^Recognised ([\d,]+)/.exec(cli.stdout)?.[1]?.replaceAll(',', '') ?? NaN);
    rows.push({
      sizeMB: Math.round(mb),
      lines: state.lines,
      recognisedLines: recognised,
      grepMatches: Number(grep.stdout.trim()),
      cli: { seconds: cli.seconds, mbPerSecond: mb / cli.seconds, maxRssKB: cli.maxRssKB },
      cliOneThread: {
        seconds: cliOneThread.seconds,
        mbPerSecond: mb / cliOneThread.seconds,
        maxRssKB: cliOneThread.maxRssKB,
      },
      grep: { seconds: grep.seconds, mbPerSecond: mb / grep.seconds, maxRssKB: grep.maxRssKB },
      readlineFloor: { seconds: floor.seconds, mbPerSecond: mb / floor.seconds, maxRssKB: floor.maxRssKB },
      recogniserFloor: {
        seconds: recogniser.seconds,
        mbPerSecond: mb / recogniser.seconds,
        maxRssKB: recogniser.maxRssKB,
        recognisedLines: Number(recogniser.stdout.trim()),
      },
      cliToGrep: cli.seconds / grep.seconds,
      cliOneThreadToGrep: cliOneThread.seconds / grep.seconds,
      floorToGrep: floor.seconds / grep.seconds,
      recogniserFloorToGrep: recogniser.seconds / grep.seconds,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
let adversarial = null;
if (adversarialMB > 0) {
  const run = await measureAdversarial(adversarialMB);
  const recognised = Number(/^Recognised ([\d,]+)/.exec(run.stdout)?.[1]?.replaceAll(',', '') ?? NaN);
  adversarial = { sizeMB: adversarialMB, recognisedLines: recognised, seconds: run.seconds, maxRssKB: run.maxRssKB };
}

const fmt = (value, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));
const mem = (kb) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const table = [
  '| File | Lines | Recognised | Command | Time (s) | MB/s | Peak RSS | × grep |',
  '| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ...rows.flatMap((row) => [
    `| ${row.sizeMB} MB | ${row.lines} | ${row.recognisedLines} | \`npm run diagnose\` | ${fmt(row.cli.seconds)} | ${fmt(row.cli.mbPerSecond, 0)} | ${mem(row.cli.maxRssKB)} | ${fmt(row.cliToGrep, 1)} |`,
    `| | | | \`npm run diagnose\` in one thread (\`DIAGNOSE_SPLIT_BYTES=Infinity\`) | ${fmt(row.cliOneThread.seconds)} | ${fmt(row.cliOneThread.mbPerSecond, 0)} | ${mem(row.cliOneThread.maxRssKB)} | ${fmt(row.cliOneThreadToGrep, 1)} |`,
    `| | | | \`grep -c upstream\` (${row.grepMatches} matches) | ${fmt(row.grep.seconds)} | ${fmt(row.grep.mbPerSecond, 0)} | ${mem(row.grep.maxRssKB)} | 1.0 |`,
    `| | | | Node reading and splitting lines only, one thread (floor) | ${fmt(row.readlineFloor.seconds)} | ${fmt(row.readlineFloor.mbPerSecond, 0)} | ${mem(row.readlineFloor.maxRssKB)} | ${fmt(row.floorToGrep, 1)} |`,
    `| | | ${row.recogniserFloor.recognisedLines} | Reading plus \`diagnoseLine\` on each line, no tally, one thread | ${fmt(row.recogniserFloor.seconds)} | ${fmt(row.recogniserFloor.mbPerSecond, 0)} | ${mem(row.recogniserFloor.maxRssKB)} | ${fmt(row.recogniserFloorToGrep, 1)} |`,
  ]),
  ...(adversarial === null
    ? []
    : [
        `| ${adversarial.sizeMB} MB adversarial (stdin) | ${adversarial.recognisedLines} | ${adversarial.recognisedLines} | \`npm run diagnose -- -\` | ${fmt(adversarial.seconds)} | ${fmt(adversarial.sizeMB / adversarial.seconds, 0)} | ${mem(adversarial.maxRssKB)} | |`,
      ]),
].join('\n');
console.log(table);
const [load1] = loadavg();
console.log(
  `\nFastest of ${runs} runs each; Node ${process.version}, ${cpus().length} CPUs, load average ${load1.toFixed(1)}.`,
);

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results/diagnose.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage1m: load1, runs, targetCliToGrep: 4, targetPeakRssMB: 150, rows, adversarial }, null, 2)}\n`,
);
