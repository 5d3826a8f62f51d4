// `npm run bench`: builds the site, then measures what the issues set budgets for and
// prints one Markdown table (also written to bench-results/bench.md and .json).
// Figures: build time, the wizard's JavaScript (gzip), answer click → next question
// (median of 20, performance marks in Chromium), questions per outcome, and the log
// recogniser's throughput (test/bench/diagnose.mjs, when present).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const rows = [];
const row = (figure, value, budget = '', ok = '') => rows.push({ figure, value, budget, ok });
const pass = (condition) => (condition ? 'yes' : 'NO');

// 1. Build time.
const buildStart = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) throw new Error('astro build failed');
row('Build time (whole site)', `${((performance.now() - buildStart) / 1000).toFixed(1)} s`);

// 2. The wizard's own JavaScript: every module /wizard/ loads, followed through imports.
function scriptClosure(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const queue = [...html.matchAll(/<script[^>]+src="(\/_astro\/[^"]+\.js)"/g)].map((match) => match[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(`dist${file}`, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(new URL(match[1], `http://x${file}`).pathname);
    }
  }
  return [...seen];
}
const gzipBytes = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(`dist${file}`)).length, 0);
const wizardFiles = scriptClosure('dist/wizard/index.html');
const contentFiles = scriptClosure('dist/errors/502-bad-gateway/index.html');
const wizardOwn = wizardFiles.filter((file) => !contentFiles.includes(file));
const wizardKb = gzipBytes(wizardOwn) / 1024;
row(
  'Wizard JavaScript (ours + xstate + nanostores), gzip',
  `${wizardKb.toFixed(1)} KB`,
  '≤ 20 KB',
  pass(wizardKb <= 20),
);
row(
  'JavaScript on every page (Starlight: search, theme, tabs), gzip',
  `${(gzipBytes(contentFiles) / 1024).toFixed(1)} KB`,
);
const fixFiles = scriptClosure('dist/fixes/upstream-refused/index.html').filter((file) => !contentFiles.includes(file));
row('Extra JavaScript on a fix page (outcome tools, setup), gzip', `${(gzipBytes(fixFiles) / 1024).toFixed(1)} KB`);

// 3. Answer click → next question visible, in Chromium.
const port = 4377;
const server = spawn('npx', ['astro', 'preview', '--port', String(port)], { stdio: 'ignore', detached: true });
try {
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`http://localhost:${port}/wizard/`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  const page = await browser.newPage();
  const durations = [];
  await page.goto(`http://localhost:${port}/wizard/`);
  while (durations.length < 20) {
    const answer = page.locator('[data-step-slot] a[data-answer]').first();
    if ((await answer.count()) === 0) {
      await page.getByRole('link', { name: 'Start over' }).click();
      continue;
    }
    await page.evaluate(() => performance.clearMarks());
    await answer.click();
    // Visible = the next step is in the DOM and a frame has been painted with it.
    const duration = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const [start] = performance.getEntriesByName('wizard:answer');
            resolve(performance.now() - start.startTime);
          }),
        ),
    );
    durations.push(duration);
  }
  await browser.close();
  durations.sort((a, b) => a - b);
  const median = (durations[9] + durations[10]) / 2;
  row('Answer click → next question painted (median of 20)', `${median.toFixed(1)} ms`, '≤ 50 ms', pass(median <= 50));
} finally {
  process.kill(-server.pid);
}

// 4. Questions per outcome, from the tree (via the same code the site uses).
const shape = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { allPaths } from './src/wizard/paths.ts';
     import { loadRealTree } from './test/support/tree.ts';
     const tree = loadRealTree();
     const leaves = allPaths(tree).filter((p) => p.kind === 'outcome');
     const shortest = {};
     for (const leaf of leaves) shortest[leaf.outcome] = Math.min(shortest[leaf.outcome] ?? 99, leaf.steps.length);
     console.log(JSON.stringify({ leaves: leaves.map((l) => l.steps.length), shortest: Object.values(shortest) }));`,
  ],
  { encoding: 'utf8' },
);
const { leaves, shortest } = JSON.parse(shape.stdout);
const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};
row(
  'Median questions to an outcome (shortest path per outcome)',
  String(medianOf(shortest)),
  '≤ 4',
  pass(medianOf(shortest) <= 4),
);
row('Median questions over every leaf path', `${medianOf(leaves)} (${leaves.length} leaves)`);
row('Deepest branch (questions)', String(Math.max(...leaves)), '≤ 7', pass(Math.max(...leaves) <= 7));

// 5. The log recogniser (test/bench/diagnose.mjs): the CLI against grep on generated logs.
const diagnose = spawnSync(process.execPath, ['test/bench/diagnose.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (diagnose.status === 0) {
  for (const entry of JSON.parse(readFileSync('bench-results/diagnose.json', 'utf8')).rows) {
    const ratio = entry.cli.seconds / entry.grep.seconds;
    row(
      `diagnose CLI over a ${entry.sizeMB} MB nginx error log: speed, peak memory`,
      `${entry.cli.mbPerSecond.toFixed(0)} MB/s, ${(entry.cli.maxRssKB / 1024).toFixed(0)} MB`,
    );
    row(`diagnose CLI ÷ grep -c upstream (${entry.sizeMB} MB)`, `${ratio.toFixed(1)}×`, '≤ 3×', pass(ratio <= 3));
  }
}

const table = [
  '| Figure | Value | Budget | Within |',
  '| --- | --- | --- | --- |',
  ...rows.map((entry) => `| ${entry.figure} | ${entry.value} | ${entry.budget} | ${entry.ok} |`),
].join('\n');
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', `${table}\n`);
writeFileSync('bench-results/bench.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log(table);
