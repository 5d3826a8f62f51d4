// Build time as the wizard tree grows. Each variant builds in its own copy of the project
// (os.tmpdir()/bench-growth-<N>: everything but node_modules, dist, .astro, .git and test
// output is copied; node_modules is hard-linked, its caches left out), with
// content/wizard/tree.yaml replaced by generateTree(real, N) (generate-tree.mjs) and checked
// by the project's own parseTree() first. Never writes to the project's dist/ or content/.
//
// CLI: node test/bench/growth.mjs [N ...]   (default: 1 10) prints one JSON line per N.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateTree } from './generate-tree.mjs';

/** Top-level entries of the project that a build copy leaves out. */
const skipped = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'bench-results',
  'test-results',
  'playwright-report',
]);

/**
 * Copies the project to `dir` (replacing what is there) and hard-links its node_modules.
 *
 * @param {string} projectDir - The project root.
 * @param {string} dir - The copy's root.
 */
export function copyProject(projectDir, dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(projectDir, dir, {
    recursive: true,
    filter: (source) => !skipped.has(relative(projectDir, source).split('/')[0]),
  });
  const link = spawnSync('cp', ['-al', join(projectDir, 'node_modules'), join(dir, 'node_modules')]);
  if (link.status !== 0) throw new Error(`cp -al node_modules failed: ${link.stderr}`);
  // Caches the build writes to: real directories, so the copy cannot rewrite the project's files.
  for (const cache of ['.astro', '.vite']) rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
}

/**
 * Validates a tree with the project's own parser and counts its wizard pages.
 *
 * @param {string} dir - A project root whose content/wizard/tree.yaml is checked.
 * @returns {{ nodes: number, wizardPages: number }} Question nodes and root-to-node/outcome paths.
 * @throws {Error} With parseTree()'s problems when the tree is invalid.
 */
export function checkTree(dir) {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';
       import { parseTree } from './src/wizard/tree.ts';
       import { allPaths } from './src/wizard/paths.ts';
       import { fixPageIds } from './test/support/tree.ts';
       const tree = parseTree(readFileSync('content/wizard/tree.yaml', 'utf8'), fixPageIds);
       console.log(JSON.stringify({ nodes: tree.nodes.length, wizardPages: allPaths(tree).length }));`,
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (result.status !== 0) throw new Error(`generated tree in ${dir} is invalid:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Total size in bytes of the files under `dir`. */
export function dirBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** A build stopped at its time limit; `pagesWritten` HTML files were in dist/ by then. */
export class BuildTimeout extends Error {
  constructor(minutes, pagesWritten) {
    super(`astro build stopped after ${minutes} min, ${pagesWritten} pages written`);
    this.minutes = minutes;
    this.pagesWritten = pagesWritten;
  }
}

/** HTML files under `dir` (0 when it does not exist). */
function htmlFiles(dir) {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length
    : 0;
}

/**
 * Runs `npx astro build` in `dir` and times it.
 *
 * @param {string} dir - The project root to build.
 * @param {number} [timeoutMinutes] - Stop the build after this long (default: no limit).
 * @returns {Promise<{ seconds: number, pages: number, distBytes: number }>} Wall time,
 *   pages Astro reports built (HTML files in dist/ if it does not say), and dist/ size.
 * @throws {BuildTimeout} When the build runs past `timeoutMinutes`.
 */
export async function timeBuild(dir, timeoutMinutes = Infinity) {
  const start = performance.now();
  const child = spawn('npx', ['astro', 'build'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let timedOut = false;
  const timer =
    timeoutMinutes === Infinity
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          process.kill(-child.pid, 'SIGTERM');
        }, timeoutMinutes * 60_000);
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-200_000)));
  child.stderr.on('data', (chunk) => {
    output = (output + chunk).slice(-200_000);
    process.stderr.write(chunk);
  });
  const status = await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const seconds = (performance.now() - start) / 1000;
  if (timedOut) throw new BuildTimeout(timeoutMinutes, htmlFiles(join(dir, 'dist')));
  if (status !== 0) throw new Error(`astro build failed in ${dir}:\n${output.slice(-4000)}`);
  // Astro's summary line: "[build] 363 page(s) built in 24.51s".
  const reported = /(\d+) page\(s\) built in/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  const dist = join(dir, 'dist');
  const pages = reported ? Number(reported[1]) : htmlFiles(dist);
  return { seconds, pages, distBytes: dirBytes(dist) };
}

/**
 * Builds the site with a tree `copies` × the real one, in its own copy of the project.
 *
 * @param {string} projectDir - The project root (only read).
 * @param {number} copies - Size of the tree relative to the real one (1 = the real tree).
 * @param {{ keep?: boolean, timeoutMinutes?: number }} [options] - `keep`: leave the copy
 *   (and its dist/) on disk; `timeoutMinutes`: stop the build after this long.
 * @returns {Promise<{ copies: number, nodes: number, wizardPages: number, pages: number,
 *   seconds: number, distBytes: number, dir: string }>}
 * @throws {BuildTimeout} When the build runs past `timeoutMinutes` (the copy is removed).
 */
export async function buildVariant(projectDir, copies, { keep = false, timeoutMinutes = Infinity } = {}) {
  const dir = join(tmpdir(), `bench-growth-${copies}`);
  copyProject(projectDir, dir);
  try {
    const treeFile = join(dir, 'content/wizard/tree.yaml');
    writeFileSync(treeFile, generateTree(readFileSync(treeFile, 'utf8'), copies));
    const { nodes, wizardPages } = checkTree(dir);
    const build = await timeBuild(dir, timeoutMinutes);
    return { copies, nodes, wizardPages, ...build, dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Estimates the dist/ size of a bigger variant from two measured ones, assuming the
 * average wizard page grows linearly with the tree (as it does while each page embeds
 * the whole tree) and the rest of the site stays the same.
 *
 * @param {{ copies: number, wizardPages: number, distBytes: number }} small - Smaller variant.
 * @param {{ copies: number, wizardPages: number, distBytes: number }} large - Larger variant.
 * @param {number} copies - The variant to estimate.
 * @param {number} wizardPages - Its wizard pages.
 * @returns {number} Estimated bytes.
 */
export function estimateDistBytes(small, large, copies, wizardPages) {
  // dist = rest + wizardPages × (a + b × copies); solved from the two measurements with
  // the rest taken as the small variant's non-wizard share (its pages are few).
  const perPage = (variant) => variant.distBytes / variant.wizardPages;
  const slope = Math.max(0, (perPage(large) - perPage(small)) / (large.copies - small.copies));
  return wizardPages * (perPage(large) + slope * (copies - large.copies));
}

/** Bytes free on the file system that holds `dir`. */
export function freeBytes(dir) {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const projectDir = new URL('../..', import.meta.url).pathname;
  const sizes = process.argv.slice(2).map(Number);
  for (const copies of sizes.length > 0 ? sizes : [1, 10]) {
    if (!existsSync(projectDir)) break;
    console.log(JSON.stringify(await buildVariant(projectDir, copies)));
  }
}
