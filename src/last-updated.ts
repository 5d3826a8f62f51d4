/**
 * "Last updated" dates for the docs pages, from git. Starlight's own `lastUpdated` reads the
 * history of `src/content/docs/` only (its vite-virtual-modules.js `resolveCollectionPath`),
 * while this site keeps its pages in the top-level `content/docs/`, so the route middleware
 * (src/route-data.ts) sets each page's date from here.
 *
 * One `git log` over the folder at build time, as Starlight does it (utils/git.ts
 * `getAllNewestCommitDate`): for each file, the commit time of the newest commit that
 * touched it.
 */
import { spawnSync } from 'node:child_process';

let dates: Map<string, Date> | undefined;

/**
 * The newest commit date per file under `folder`, keyed by path relative to the repository
 * root (e.g. `content/docs/fixes/firewall.mdx`).
 *
 * @param folder - Folder to read the history of, relative to the working directory.
 * @returns An empty map when git or the history is missing (a tarball, no `.git`); pages then
 *   show no date rather than a wrong one. Never throws.
 */
export function newestCommitDates(folder: string): Map<string, Date> {
  const result = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', folder], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  const found = new Map<string, Date>();
  if (result.error || result.status !== 0) return found;
  let time = 0;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('t:')) time = Number.parseInt(line.slice(2), 10) * 1000;
    else if (line !== '' && !found.has(line)) found.set(line, new Date(time));
  }
  return found;
}

/**
 * When the page in `filePath` last changed in git, or undefined when unknown (an untracked
 * file, or no history). Reads the history once per build.
 *
 * @param filePath - The entry's `filePath`, relative to the project root.
 */
export function lastUpdatedOf(filePath: string): Date | undefined {
  dates ??= newestCommitDates('content/docs');
  return dates.get(filePath.replace(/\\/g, '/'));
}
