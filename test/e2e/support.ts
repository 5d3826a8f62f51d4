import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** Collects console errors and uncaught exceptions; call `.check()` at the end of a test. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    check: () => expect(errors, 'console errors').toEqual([]),
  };
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules and expects no violation. With `soft`, a
 * violation is recorded and the test goes on, so one run reports every page's problems.
 */
export async function expectNoAxeViolations(page: Page, label = page.url(), { soft = false } = {}): Promise<void> {
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
