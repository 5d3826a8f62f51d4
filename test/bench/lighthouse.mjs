// Lighthouse (the npm package, run programmatically) against a served build: Lighthouse's
// default mobile form factor and simulated throttling, all four categories, in a Chromium
// this module starts itself (Debian's /usr/bin/chromium when present, else
// CHROME_PATH) with --remote-debugging-port. Each page is run several times; the median
// of each category is reported (performance is the noisy one on a busy machine). Before
// each run it waits, up to 30 s, for the CPUs to be at least 80 % idle over one second:
// Lighthouse's own advice on variability is a quiet machine and the median of 5 runs
// (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md).
//
// CLI: node test/bench/lighthouse.mjs ORIGIN PATH... prints the summaries as JSON.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

/** The four Lighthouse categories, by id. */
export const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The Chromium to drive: CHROME_PATH, else Debian's, else Playwright's default name. */
export const chromePath =
  process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium');

/**
 * Starts a headless Chromium with the DevTools protocol on `port`.
 *
 * @param {number} port - Remote-debugging port (4377–4399 in the benchmarks).
 * @returns {Promise<{ port: number, close: () => Promise<void> }>} `close` ends it and removes its profile.
 */
export async function launchChromium(port) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    chromePath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore', detached: true },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    // Chromium's helper processes share its process group; they all go.
    process.kill(-child.pid, 'SIGTERM');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, close };
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error(`${chromePath} did not open its DevTools port ${port}`);
}

/** Median of numbers (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The audits that cost a category points in one Lighthouse result: scored audits of the
 * category below 1 (weighted or not), with their score and displayed value.
 *
 * @param {import('lighthouse').Result} lhr - A Lighthouse result.
 * @returns {{ category: string, id: string, title: string, score: number, weight: number, displayValue?: string }[]}
 */
export function failingAudits(lhr) {
  const failing = [];
  for (const category of categories) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit === undefined || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable') continue;
      failing.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  return failing;
}

/**
 * The metrics behind the performance score, as Lighthouse simulated them.
 *
 * @param {import('lighthouse').Result} lhr - A Lighthouse result.
 * @returns {{ fcp: number, lcp: number, tbt: number, cls: number }} First and Largest
 *   Contentful Paint and Total Blocking Time in ms, Cumulative Layout Shift (unitless).
 */
export function metricsOf(lhr) {
  const value = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
  };
}

/** Audits whose first rows say where main-thread time went, kept when performance < 100. */
const diagnosticAudits = ['mainthread-work-breakdown', 'bootup-time', 'long-tasks', 'render-blocking-insight'];

/**
 * The first rows of the diagnostic audits (where the main thread's time went, which
 * scripts and long tasks, what blocks rendering), for a result below 100 in performance.
 *
 * @param {import('lighthouse').Result} lhr - A Lighthouse result.
 * @returns {Record<string, { displayValue?: string, items: unknown[] }>}
 */
export function performanceDiagnostics(lhr) {
  const found = {};
  for (const id of diagnosticAudits) {
    const audit = lhr.audits[id];
    if (audit === undefined) continue;
    const items = (audit.details?.items ?? []).slice(0, 6).map((item) => {
      const { node, ...rest } = item;
      return node?.selector ? { ...rest, selector: node.selector } : rest;
    });
    found[id] = { ...(audit.displayValue ? { displayValue: audit.displayValue } : {}), items };
  }
  return found;
}

/** Summed CPU times of every core, in ms (Node's `os.cpus()`). */
function cpuTimes() {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * Waits until the CPUs were at least `idle` idle over one second, or `maxWaitMs` passed.
 *
 * @param {{ idle?: number, maxWaitMs?: number }} [options] - Idle share 0–1 (default 0.8);
 *   longest wait in ms (default 30 000).
 * @returns {Promise<number>} The idle share (0–1) of the last one-second sample.
 */
export async function waitForQuietCpu({ idle = 0.8, maxWaitMs = 30_000 } = {}) {
  const started = Date.now();
  for (;;) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    const share = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    if (share >= idle || Date.now() - started >= maxWaitMs) return share;
  }
}

/**
 * Runs Lighthouse `runs` times on each page, each run once the CPUs are quiet.
 *
 * @param {string} origin - E.g. `http://127.0.0.1:4378`.
 * @param {string[]} paths - Page paths, e.g. `['/', '/wizard/']`.
 * @param {{ runs?: number, port?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string, scores: Record<string, number>, runs: Record<string, number>[],
 *   failing: ReturnType<typeof failingAudits>, diagnostics: ReturnType<typeof performanceDiagnostics>,
 *   metrics: ReturnType<typeof metricsOf>, load: number[], idle: number[], benchmarkIndex: number[] }[]>}
 *   Per page: median score per category (0–100), the median of each metric, every run's scores, the failing audits and diagnostics of the run
 *   with the median performance score, the 1-minute load average and the CPU idle share
 *   (0–1, over the second) before each run, and Lighthouse's CPU benchmark index of each
 *   run (lower = slower or busier machine).
 */
export async function runLighthouse(origin, paths, { runs = 5, port = 4379, log = () => {} } = {}) {
  const chrome = await launchChromium(port);
  const results = [];
  try {
    for (const path of paths) {
      const perRun = [];
      for (let run = 0; run < runs; run++) {
        const idle = await waitForQuietCpu();
        const load = loadavg()[0];
        const result = await lighthouse(`${origin}${path}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: categories,
        });
        if (result === undefined) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(
          categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
        );
        perRun.push({
          scores,
          metrics: metricsOf(lhr),
          failing: failingAudits(lhr),
          diagnostics: scores.performance < 100 ? performanceDiagnostics(lhr) : {},
          load,
          idle,
          benchmarkIndex: lhr.environment.benchmarkIndex,
        });
        log(`lighthouse ${path} run ${run + 1}/${runs}: ${categories.map((c) => scores[c]).join(' / ')}`);
      }
      const scores = Object.fromEntries(
        categories.map((category) => [category, median(perRun.map((entry) => entry.scores[category]))]),
      );
      // The failing audits of the run whose performance score is the median one.
      const byPerformance = [...perRun].sort((a, b) => a.scores.performance - b.scores.performance);
      const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
      results.push({
        path,
        scores,
        metrics: Object.fromEntries(
          Object.keys(perRun[0].metrics).map((name) => [name, median(perRun.map((entry) => entry.metrics[name]))]),
        ),
        runs: perRun.map((entry) => entry.scores),
        failing: middle.failing,
        diagnostics: middle.diagnostics,
        load: perRun.map((entry) => entry.load),
        idle: perRun.map((entry) => entry.idle),
        benchmarkIndex: perRun.map((entry) => entry.benchmarkIndex),
      });
    }
  } finally {
    await chrome.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [origin, ...paths] = process.argv.slice(2);
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
  console.log(JSON.stringify(await runLighthouse(origin, paths, { runs, log: console.error }), null, 2));
}
