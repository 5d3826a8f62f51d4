import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Every HTML file under dist/, as paths relative to dist/. */
export function htmlFiles(dir = 'dist', base = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = join(base, entry.name);
    if (entry.isDirectory())
      return entry.name === '_astro' || entry.name === 'pagefind' ? [] : htmlFiles(join(dir, entry.name), relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

/** Every page URL path the built site lists in its sitemap. */
export function sitemapPaths(): string[] {
  const index = readFileSync('dist/sitemap-index.xml', 'utf8');
  const files = [...index.matchAll(/<loc>[^<]*\/(sitemap-\d+\.xml)<\/loc>/g)].map((match) => match[1]!);
  return files.flatMap((file) =>
    [...readFileSync(`dist/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]!).pathname,
    ),
  );
}

/** What a page may load besides its own origin: inline data and in-page blobs. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Watches a page for everything the site promises never to do, from the next navigation on:
 * console errors and uncaught exceptions, Content-Security-Policy violations (reported by
 * the browser's `securitypolicyviolation` event), requests to any origin but the site's,
 * and cookies. Call `await watcher.check()` at the end of a test.
 */
export async function watchPage(page: Page) {
  const errors: string[] = [];
  const siteOrigin = new URL(test.info().project.use.baseURL ?? 'http://localhost/').origin;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== siteOrigin) {
      errors.push(`request to another origin: ${request.url()}`);
    }
  });
  await page.exposeFunction('__reportCspViolation', (report: string) => errors.push(`CSP violation: ${report}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`;
      (window as unknown as { __reportCspViolation: (report: string) => void }).__reportCspViolation(report);
    });
  });
  return {
    errors,
    check: async () => {
      expect(errors, 'console errors, CSP violations and other-origin requests').toEqual([]);
      expect(await page.context().cookies(), 'cookies').toEqual([]);
    },
  };
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules and expects no violation. With `soft`, a
 * violation is recorded and the test goes on, so one run reports every page's problems.
 *
 * It first lets the page finish what it does in the frame after the first paint: the tab
 * stops of sideways-scrolling code blocks and tables are set then (scrollable-regions.ts,
 * `requestAnimationFrame` then `setTimeout(0)`), and an axe run that started just before
 * them failed scrollable-region-focusable once in CI. Waiting the same way, queued after
 * the page's own, puts the check after them without a fixed delay.
 */
export async function expectNoAxeViolations(page: Page, label = page.url(), { soft = false } = {}): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  (soft ? expect.soft : expect)(summary, `axe violations on ${label}`).toEqual([]);
}

/** Makes Starlight start in `theme` ('light' or 'dark') on every page of this context. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
}

/**
 * How long (ms) to wait for the first search result. The first query of a page loads
 * `pagefind.js`, its WebAssembly and an index chunk, then waits out the UI's 300 ms debounce
 * and each result's fragment; with two test workers and their browsers on two CPUs that has
 * taken more than Playwright's default 5 s.
 */
export const firstResultTimeout = 15_000;

/**
 * The text that `action` (a click on a copy button) puts in the clipboard. The clipboard is
 * emptied first and polled afterwards: a copy that waits for data (the answers, a report)
 * lands a moment after the click, and reading at once could return the previous test's text.
 * Needs the clipboard permissions granted.
 */
export async function clipboardAfter(page: Page, action: () => Promise<unknown>): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await action();
  let text = '';
  await expect
    .poll(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text;
    })
    .not.toBe('');
  return text;
}
