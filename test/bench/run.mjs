// `npm run bench`: builds the site, measures what the issues set budgets for, and prints
// one Markdown table (also written to bench-results/bench.md, with every detail in
// bench-results/bench.json). Heavy steps run one after another (the machine may have 2 cores).
//
// Builds never touch the project's dist/ or content/: each one runs in a copy of the project
// under os.tmpdir() (test/bench/growth.mjs), the real site in bench-growth-1.
//
// Figures, in table order:
// - Build: wall time of a cold `npx astro build` of the real site, with the pages Astro
//   reports, seconds per 1000 pages and the size of dist/.
// - Lighthouse (test/bench/lighthouse.mjs): performance / accessibility / best practices /
//   SEO, 0–100, with the median TBT, FCP, LCP and CLS behind the performance score;
//   Lighthouse's default mobile form factor and simulated throttling, in Debian's
//   Chromium, on /, /errors/502-bad-gateway/, /wizard/, a wizard step (a question deep in the
//   tree, taken from the sitemap; an outcome's own URL is a redirect to its fix page) and
//   /fixes/upstream-refused/, served by
//   test/bench/serve.mjs (gzip, immutable /_astro/ like a real host). Each page runs 5 times
//   (--lighthouse-runs=N), each run once the CPUs are ≥ 80 % idle (up to 30 s of waiting);
//   each category is the median. Budget: 100 in all four. A page
//   below 100 gets bench-results/lighthouse-<page>.json listing the audits that cost points
//   (id, score, displayValue; from the run with the median performance score). The footer
//   gives the CPU idle share before the runs and the 1-minute load average: performance is
//   CPU-bound.
// - JavaScript, gzip, per page type (landing, content page, fix page, /wizard/, wizard step,
//   /flowchart/, /404.html): "on load" = every external module script of the HTML followed
//   through static imports of ./x.js chunks, plus the inline scripts; "on demand" = chunks
//   reached only through dynamic import() (search UI, log recogniser), loaded on use.
//   Pagefind's own files (loaded when search opens, by a computed URL) are not counted.
// - Wizard JavaScript (ours + xstate + nanostores): modules /wizard/ loads on load that a
//   content page does not. Budget ≤ 20 KB.
// - Answer click → next question painted (started on quiet CPUs, as Lighthouse is): median
//   of 20 clicks in Chromium (Playwright), from the wizard's `wizard:answer` performance
//   mark to the next animation frame. Clicks
//   start once `wizard-flow[data-ready]` exists (the client has its step templates), or
//   after network idle if that attribute has not appeared within 5 s. Budget ≤ 50 ms.
// - Questions per outcome (src/wizard/paths.ts on the real tree): median of the shortest
//   path to each outcome (≤ 4), median over all leaf paths, deepest branch (≤ 10; real
//   threads' routes are held to ≤ 7 by the scenario rows).
// - Scenario threads (test/scenarios/threads.yaml, scored by test/scenarios/score.ts, the
//   same module as test/unit/scenarios.test.ts): share of real 502 threads whose answers
//   reach the fix that fixed them (≥ 80 %), median (≤ 4) and most (≤ 7) questions answered.
// - diagnose CLI (test/bench/diagnose.mjs): MB/s and peak memory on generated nginx logs,
//   and its time ÷ `grep -c upstream` on the same file (≤ 4×, issue 21); peak memory on a 1.6 GB
//   adversarial log of ever-new long upstream names. Budget for peak memory: ≤ 150 MB.
// - Public corpus (test/fixtures/corpus/): recognition and accuracy of the recogniser, and each
//   batch's figures measured blind when it was collected.
// - Build growth: the site built with a generated tree 10× the real one
//   (test/bench/generate-tree.mjs: copies of the real nodes under a new root question, the
//   same 20 outcomes), checked by the project's parseTree() first; pages, seconds,
//   seconds per 1000 pages, dist/ size. --growth=10,100 adds the 100× tree (about 31,000
//   pages and 2 GB of dist/; skipped with a note when the estimated dist/ would not fit the
//   disk); --growth=0 skips growth. Linearity: seconds
//   per page of the largest variant ÷ the real site's, "linear" within 1.5×.
//
// Flags: --only=diagnose (step 5 alone: the CLI's speed and peak memory, no build),
// --adversarial-mb=N (size of the CLI's adversarial log, default 1600; 0 skips it),
// --growth=LIST (default 10), --growth-timeout=MIN (default 30: a variant's build is
// stopped after this long and reported as such), --lighthouse-runs=N (default 5), --keep
// (leave the build copies in os.tmpdir()).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BuildTimeout, buildVariant, estimateDistBytes, freeBytes } from './growth.mjs';
import { categories, median, runLighthouse, waitForQuietCpu } from './lighthouse.mjs';
import { serveDir } from './serve.mjs';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
process.chdir(projectDir);
const flags = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [name, value];
  }),
);
const growthSizes = (flags.growth ?? '10')
  .split(',')
  .map(Number)
  .filter((size) => size > 1)
  .sort((a, b) => a - b);
const lighthouseRuns = Number(flags['lighthouse-runs'] ?? 5);
const keep = flags.keep === 'true';
const growthTimeout = Number(flags['growth-timeout'] ?? 30);
const ports = { site: 4378, chromium: 4379 };

const rows = [];
const details = {};
const footer = [];
/** Adds a table row. */
const row = (figure, value, budget = '', ok = '') => rows.push({ figure, value, budget, ok });
/** "yes" or "NO" for the Within column. */
const pass = (condition) => (condition ? 'yes' : 'NO');
/** Progress on stderr, so stdout is only the table. */
const log = (line) => console.error(`[bench] ${line}`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const percent = (share) => `${Math.round(share * 100)} %`;
const perThousand = (variant) => (variant.seconds / variant.pages) * 1000;

// --only=diagnose: step 5 alone (no build), for the CLI's figures.
if (flags.only === 'diagnose') {
  diagnoseRows();
  const table = ['| Figure | Value | Budget | Within |', '| --- | --- | --- | --- |'];
  for (const entry of rows) table.push(`| ${entry.figure} | ${entry.value} | ${entry.budget} | ${entry.ok} |`);
  console.log(table.join('\n'));
  process.exit(0);
}

// 1. Build the real site (in its own copy of the project).
log('building the real site');
const real = await buildVariant(projectDir, 1, { keep: true });
const dist = join(real.dir, 'dist');
details.builds = [{ ...real, dir: undefined }];
row(
  `Build time, real site (${real.pages} pages, ${real.wizardPages} in the wizard)`,
  `${real.seconds.toFixed(1)} s (${perThousand(real).toFixed(0)} s / 1000 pages), dist ${mb(real.distBytes)}`,
);

try {
  // 2. JavaScript per page type.
  const stepPath = pickWizardStep(dist);
  const pageTypes = [
    ['landing', '/'],
    ['content page', '/errors/502-bad-gateway/'],
    ['fix page', '/fixes/upstream-refused/'],
    ['wizard start', '/wizard/'],
    ['wizard step', stepPath],
    ['flowchart', '/flowchart/'],
    ['404 page', '/404.html'],
  ];
  details.javascript = {};
  for (const [name, path] of pageTypes) {
    const scripts = pageScripts(dist, path);
    const onLoad = gzipBytes(dist, scripts.onLoad) + scripts.inlineGzip;
    const onDemand = gzipBytes(dist, scripts.onDemand);
    details.javascript[path] = { ...scripts, onLoadGzip: onLoad, onDemandGzip: onDemand };
    row(`JavaScript on the ${name} (${path}), gzip: on load (+ on demand)`, `${kb(onLoad)} (+ ${kb(onDemand)})`);
  }
  const wizard = details.javascript['/wizard/'].onLoad;
  const content = details.javascript['/errors/502-bad-gateway/'].onLoad;
  const wizardOwn = gzipBytes(
    dist,
    wizard.filter((file) => !content.includes(file)),
  );
  row('Wizard JavaScript (ours + xstate + nanostores), gzip', kb(wizardOwn), '≤ 20 KB', pass(wizardOwn <= 20 * 1024));

  // 3. Lighthouse and the click → paint time, against the served build.
  const site = await serveDir(dist, ports.site);
  try {
    log(`Lighthouse, ${lighthouseRuns} run(s) per page`);
    const lighthousePages = ['/', '/errors/502-bad-gateway/', '/wizard/', stepPath, '/fixes/upstream-refused/'];
    for (const file of existsSync('bench-results') ? readdirSync('bench-results') : []) {
      if (/^lighthouse-.*\.json$/.test(file)) rmSync(join('bench-results', file));
    }
    const results = await runLighthouse(site.origin, lighthousePages, {
      runs: lighthouseRuns,
      port: ports.chromium,
      log,
    });
    details.lighthouse = results;
    for (const result of results) {
      const all100 = categories.every((category) => result.scores[category] === 100);
      row(
        `Lighthouse ${result.path}: performance / accessibility / best practices / SEO (median of ${lighthouseRuns})`,
        `${categories.map((category) => result.scores[category]).join(' / ')} ` +
          `(TBT ${Math.round(result.metrics.tbt)} ms, FCP ${(result.metrics.fcp / 1000).toFixed(1)} s, ` +
          `LCP ${(result.metrics.lcp / 1000).toFixed(1)} s, CLS ${result.metrics.cls.toFixed(3)})`,
        '100 / 100 / 100 / 100',
        pass(all100),
      );
      if (!all100) {
        mkdirSync('bench-results', { recursive: true });
        const name = result.path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
        writeFileSync(
          `bench-results/lighthouse-${name}.json`,
          `${JSON.stringify(
            {
              path: result.path,
              scores: result.scores,
              runs: result.runs,
              load: result.load,
              benchmarkIndex: result.benchmarkIndex,
              failing: result.failing,
              diagnostics: result.diagnostics,
            },
            null,
            2,
          )}\n`,
        );
      }
    }
    const loads = results.flatMap((result) => result.load);
    const indexes = results.flatMap((result) => result.benchmarkIndex);
    const idles = results.flatMap((result) => result.idle);
    footer.push(
      `CPU idle in the second before each Lighthouse run: ${percent(Math.min(...idles))}–${percent(Math.max(...idles))} ` +
        `(median ${percent(median(idles))}; each run waits up to 30 s for 80 %). ` +
        `Load average (1 min) during Lighthouse: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} ` +
        `on ${cpus().length} CPUs (median ${median(loads).toFixed(2)}); Lighthouse CPU benchmark index ` +
        `${Math.min(...indexes)}–${Math.max(...indexes)}. Performance is CPU-bound: a load above the CPU count ` +
        'inflates Total Blocking Time.',
    );

    log('answer click → next question');
    // Like each Lighthouse run, the clicks start on quiet CPUs: the timing is CPU-bound too.
    await waitForQuietCpu();
    const clickMedian = await clickToPaint(site.origin);
    row(
      'Answer click → next question painted (median of 20)',
      `${clickMedian.toFixed(1)} ms`,
      '≤ 50 ms',
      pass(clickMedian <= 50),
    );
  } finally {
    await site.close();
  }
} finally {
  if (!keep) rmSync(real.dir, { recursive: true, force: true });
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
row(
  'Median questions to an outcome (shortest path per outcome)',
  String(median(shortest)),
  '≤ 4',
  pass(median(shortest) <= 4),
);
row('Median questions over every leaf path', `${median(leaves)} (${leaves.length} leaves)`);
row('Deepest branch (questions)', String(Math.max(...leaves)), '≤ 10', pass(Math.max(...leaves) <= 10));

// 4b. Real threads walked through the tree (the scoring the unit test uses). The tree is read
// with its schema only, so outcomes whose fix pages are still unwritten do not stop the figures.
const scenarioRun = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { readFileSync } from 'node:fs';
     import { parse } from 'yaml';
     import { treeSchema } from './src/wizard/tree.ts';
     import { scoreScenarios } from './test/scenarios/score.ts';
     const tree = treeSchema.parse(parse(readFileSync('content/wizard/tree.yaml', 'utf8')));
     const scenarios = parse(readFileSync('test/scenarios/threads.yaml', 'utf8'));
     console.log(JSON.stringify(scoreScenarios(tree, scenarios)));`,
  ],
  { encoding: 'utf8' },
);
if (scenarioRun.status === 0) {
  const scenarios = JSON.parse(scenarioRun.stdout);
  details.scenarios = scenarios;
  row(
    'Real 502 threads routed to the fix that fixed them',
    `${scenarios.correct} of ${scenarios.total} (${(scenarios.share * 100).toFixed(1)} %)`,
    '≥ 80 %',
    pass(scenarios.share >= 0.8),
  );
  row('Median questions per thread', String(scenarios.median), '≤ 4', pass(scenarios.median <= 4));
  row('Most questions in a thread', String(scenarios.worst), '≤ 7', pass(scenarios.worst <= 7));
  for (const miss of scenarios.misses) log(`scenario miss: ${miss.id} expected ${miss.expected}, got ${miss.got}`);
} else {
  row(
    'Real 502 threads routed to the fix that fixed them',
    `not measured: ${scenarioRun.stderr.trim().split('\n')[0]}`,
  );
}

// 5. The log recogniser (test/bench/diagnose.mjs): the CLI against grep on generated logs.
diagnoseRows();

// 5b. The recogniser on the public corpus (test/fixtures/corpus/): recognition and accuracy,
// on every line and on the lines no rule was written from (issue 21's goal: 95 % and 90 %),
// then each batch collected after a rule change: the figures measured blind when it was
// collected (recorded in test/support/corpus.ts) and today's on its lines no rule was written from.
log('public corpus');
const { corpusBatches, loadCorpus, scoreCorpus } = await import('../support/corpus.ts');
const corpus = loadCorpus();
const heldOutLines = corpus.filter((entry) => !entry.ruleSource);
for (const [name, entries, goal] of [
  ['every line', corpus, undefined],
  ['lines no rule was written from', heldOutLines, [95, 90]],
  // The same lines split by kind (README "Kinds"): what a program printed, and people's words.
  [
    'lines no rule was written from, program output',
    heldOutLines.filter((entry) => entry.kind === 'output'),
    undefined,
  ],
  ['lines no rule was written from, prose', heldOutLines.filter((entry) => entry.kind === 'prose'), undefined],
]) {
  const score = scoreCorpus(entries);
  const recognised = (100 * score.recognised) / score.lines;
  const routed = (100 * score.routed) / score.lines;
  row(
    `Public corpus, ${name} (${score.lines}): recognised`,
    `${recognised.toFixed(1)} %`,
    goal ? `≥ ${goal[0]} %` : '',
    goal ? pass(recognised >= goal[0]) : '',
  );
  row(
    `Public corpus, ${name} (${score.lines}): routed to the labelled outcome`,
    `${routed.toFixed(1)} %`,
    goal ? `≥ ${goal[1]} %` : '',
    goal ? pass(routed >= goal[1]) : '',
  );
}
for (const batch of corpusBatches) {
  const { blind } = batch;
  row(
    `Public corpus, ${batch.name} (${batch.collected}, ${blind.lines}), measured blind when collected: recognised / routed`,
    `${blind.recognised.toFixed(1)} % / ${blind.routed.toFixed(1)} %`,
    '≥ 95 % / ≥ 90 %',
    pass(blind.recognised >= 95 && blind.routed >= 90),
  );
  const held = scoreCorpus(corpus.filter((entry) => entry.collected === batch.collected && !entry.ruleSource));
  row(
    `Public corpus, ${batch.name}, now, lines no rule was written from (${held.lines}): recognised / routed`,
    `${((100 * held.recognised) / held.lines).toFixed(1)} % / ${((100 * held.routed) / held.lines).toFixed(1)} %`,
    '',
    '',
  );
}

// 6. Build growth: generated trees N × the real one.
const built = [real];
let timedOut = false;
for (const copies of growthSizes) {
  const label = `Build time, tree ${copies}× the real one`;
  const [small, large] = built.slice(-2).length === 2 ? built.slice(-2) : [real, real];
  const wizardPages = real.wizardPages * copies + 1;
  if (large !== small) {
    const estimate = estimateDistBytes(small, large, copies, wizardPages);
    const free = freeBytes(tmpdir());
    if (estimate > 0.8 * free) {
      row(label, `skipped: dist/ estimated at ${mb(estimate)}, ${mb(free)} free in ${tmpdir()}`);
      details.builds.push({ copies, skipped: true, estimatedDistBytes: estimate, freeBytes: free });
      continue;
    }
  }
  log(`building with a tree ${copies}× the real one (${wizardPages} wizard pages)`);
  let variant;
  try {
    variant = await buildVariant(projectDir, copies, { keep, timeoutMinutes: growthTimeout });
  } catch (error) {
    if (error instanceof BuildTimeout) {
      row(
        `${label} (${wizardPages} wizard pages)`,
        `> ${error.minutes} min: stopped, ${error.pagesWritten} pages written by then`,
        '',
        'NO',
      );
      details.builds.push({ copies, wizardPages, timedOutMinutes: error.minutes, pagesWritten: error.pagesWritten });
      timedOut = true;
      continue;
    }
    row(label, `failed: ${String(error.message).split('\n')[0]}`);
    details.builds.push({ copies, error: String(error.message) });
    continue;
  }
  built.push(variant);
  details.builds.push({ ...variant, dir: keep ? variant.dir : undefined });
  row(
    `${label} (${variant.pages} pages, ${variant.wizardPages} in the wizard, ${variant.nodes} questions)`,
    `${variant.seconds.toFixed(1)} s (${perThousand(variant).toFixed(0)} s / 1000 pages), dist ${mb(variant.distBytes)}`,
  );
}
if (built.length > 1) {
  const largest = built.at(-1);
  const ratio = perThousand(largest) / perThousand(real);
  row(
    `Build seconds per page, ${largest.copies}× tree ÷ real site`,
    timedOut
      ? `${ratio.toFixed(2)}× at ${largest.copies}×, but a bigger tree did not finish in ${growthTimeout} min: not linear`
      : `${ratio.toFixed(2)}× (${ratio <= 1.5 ? 'linear' : 'worse than linear'})`,
    '≤ 1.5× (linear)',
    pass(ratio <= 1.5 && !timedOut),
  );
}

const table = [
  '| Figure | Value | Budget | Within |',
  '| --- | --- | --- | --- |',
  ...rows.map((entry) => `| ${entry.figure} | ${entry.value} | ${entry.budget} | ${entry.ok} |`),
  '',
  ...footer,
].join('\n');
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', `${table}\n`);
writeFileSync('bench-results/bench.json', `${JSON.stringify({ rows, footer, details }, null, 2)}\n`);
console.log(table);

/**
 * Step 5: runs test/bench/diagnose.mjs and adds its rows: speed and peak memory on
 * ordinary nginx logs (50 and 200 MB), the ratio to grep, and peak memory on the
 * adversarial log (budget for peak memory: ≤ 150 MB, issue 23).
 */
function diagnoseRows() {
  log('diagnose CLI');
  const diagnose = spawnSync(
    process.execPath,
    [
      'test/bench/diagnose.mjs',
      ...(flags['adversarial-mb'] === undefined ? [] : [`--adversarial-mb=${flags['adversarial-mb']}`]),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (diagnose.status !== 0) {
    row('diagnose CLI', `failed (exit ${diagnose.status})`, '', 'NO');
    return;
  }
  const results = JSON.parse(readFileSync('bench-results/diagnose.json', 'utf8'));
  const peakMB = (kb) => kb / 1024;
  for (const entry of results.rows) {
    const ratio = entry.cli.seconds / entry.grep.seconds;
    row(
      `diagnose CLI over a ${entry.sizeMB} MB nginx error log: speed, peak memory`,
      `${entry.cli.mbPerSecond.toFixed(0)} MB/s, ${peakMB(entry.cli.maxRssKB).toFixed(0)} MB`,
      '≤ 150 MB',
      pass(peakMB(entry.cli.maxRssKB) <= 150),
    );
    row(`diagnose CLI ÷ grep -c upstream (${entry.sizeMB} MB)`, `${ratio.toFixed(1)}×`, '≤ 4×', pass(ratio <= 4));
  }
  if (results.adversarial !== null) {
    const { sizeMB, seconds, maxRssKB, recognisedLines } = results.adversarial;
    row(
      `diagnose CLI over a ${sizeMB} MB adversarial log (${recognisedLines} distinct 1,800-character upstreams): peak memory`,
      `${peakMB(maxRssKB).toFixed(0)} MB (${(sizeMB / seconds).toFixed(0)} MB/s)`,
      '≤ 150 MB',
      pass(peakMB(maxRssKB) <= 150),
    );
  }
}

/**
 * A wizard step deep in the tree from the sitemap: "Where does the application behind the
 * proxy run?" after nginx's "connection refused" when it exists, else the first wizard URL
 * no other wizard URL continues. (Outcome leaves are redirects to fix pages, not in the
 * sitemap.)
 */
function pickWizardStep(distDir) {
  const sitemap = readdirSync(distDir)
    .filter((file) => /^sitemap-\d+\.xml$/.test(file))
    .map((file) => readFileSync(join(distDir, file), 'utf8'))
    .join('');
  const wizardPaths = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+(\/wizard\/[^<]*)<\/loc>/g)].map((match) => match[1]);
  const leaves = wizardPaths.filter((path) => !wizardPaths.some((other) => other !== path && other.startsWith(path)));
  const preferred = '/wizard/admin/nginx/refused/';
  const leaf = leaves.includes(preferred) ? preferred : leaves[0];
  if (leaf === undefined || !existsSync(join(distDir, leaf, 'index.html')))
    throw new Error('no wizard step in the sitemap');
  return leaf;
}

/**
 * The scripts a built page loads. External module scripts (and absolute /_astro/ imports
 * in inline modules) are followed through static imports of ./x.js chunks (`onLoad`);
 * chunks reached only through dynamic import() are `onDemand`. Inline scripts (not JSON
 * data blocks) count as one gzip stream, as they travel inside the HTML.
 *
 * @param {string} distDir - The built site.
 * @param {string} path - The page's URL path (`/wizard/`, `/404.html`).
 * @returns {{ onLoad: string[], onDemand: string[], inlineGzip: number }} Files as /_astro/… URL paths.
 */
function pageScripts(distDir, path) {
  const htmlFile = path.endsWith('.html') ? join(distDir, path) : join(distDir, path, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const entries = [];
  const inline = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src !== undefined) {
      if (src.startsWith('/')) entries.push(src);
      continue;
    }
    const type = /\btype="([^"]+)"/.exec(attributes)?.[1] ?? '';
    if (/json/.test(type)) continue;
    inline.push(body);
    for (const match of body.matchAll(/["'`](\/_astro\/[^"'`]+\.js)["'`]/g)) entries.push(match[1]);
  }
  const follow = (start, withDynamic) => {
    const seen = new Set();
    const dynamic = new Set();
    const queue = [...start];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(join(distDir, file), 'utf8');
      const resolve = (relative) => new URL(relative, `http://x${file}`).pathname;
      for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.\.?\/[^"'`]+\.js)["'`]/g)) {
        queue.push(resolve(match[1]));
      }
      for (const match of code.matchAll(/\bimport\s*\(\s*["'`](\.\.?\/[^"'`]+\.js)["'`]\s*\)/g)) {
        (withDynamic ? queue : []).push(resolve(match[1]));
        dynamic.add(resolve(match[1]));
      }
    }
    return { files: [...seen], dynamic: [...dynamic] };
  };
  const onLoad = follow(entries, false);
  const everything = follow([...onLoad.files, ...onLoad.dynamic], true);
  return {
    onLoad: onLoad.files,
    onDemand: everything.files.filter((file) => !onLoad.files.includes(file)),
    inlineGzip: inline.length > 0 ? gzipSync(inline.join('\n')).length : 0,
  };
}

/** Sum of each file's gzip size (files as /_astro/… URL paths under `distDir`). */
function gzipBytes(distDir, files) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
}

/** Waits until the wizard is ready for clicks: `wizard-flow[data-ready]`, else network idle. */
async function waitForWizard(page) {
  try {
    await page.waitForSelector('wizard-flow[data-ready]', { state: 'attached', timeout: 5000 });
  } catch {
    await page.waitForLoadState('networkidle');
  }
}

/**
 * Median time from an answer click to the next question painted, over 20 clicks.
 *
 * @param {string} origin - The served build.
 * @returns {Promise<number>} Milliseconds.
 */
async function clickToPaint(origin) {
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const durations = [];
    await page.goto(`${origin}/wizard/`);
    await waitForWizard(page);
    for (let attempts = 0; durations.length < 20 && attempts < 200; attempts++) {
      const answer = page.locator('[data-step-slot] a[data-answer]').first();
      if ((await answer.count()) === 0) {
        // The last answer opened a fix page: start again.
        await page.goto(`${origin}/wizard/`);
        await waitForWizard(page);
        continue;
      }
      await page.evaluate(() => performance.clearMarks());
      await answer.click();
      // Visible = the next step is in the DOM and a frame has been painted with it.
      const duration = await page
        .evaluate(
          () =>
            new Promise((resolve) =>
              requestAnimationFrame(() => {
                const [start] = performance.getEntriesByName('wizard:answer');
                resolve(start === undefined ? null : performance.now() - start.startTime);
              }),
            ),
        )
        .catch(() => null);
      // No mark: the click was a plain link (the client was not ready); wait and go on.
      if (duration === null) await waitForWizard(page);
      else durations.push(duration);
    }
    if (durations.length < 20) throw new Error(`only ${durations.length} answer clicks were handled by the wizard`);
    return median(durations);
  } finally {
    await browser.close();
  }
}
