import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitemapPaths, useTheme, watchConsole } from './support';

const paths = sitemapPaths();
const themes = ['light', 'dark'] as const;

test('the sitemap lists the site’s pages', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/errors/502-bad-gateway/');
  expect(paths).toContain('/wizard/');
  expect(paths.length).toBeGreaterThan(40);
});

// Pages are checked in batches so each test stays well inside its timeout.
const batchSize = 12;
for (const theme of themes) {
  for (let start = 0; start < paths.length; start += batchSize) {
    const batch = paths.slice(start, start + batchSize);
    test(`${theme}: pages ${start + 1}–${start + batch.length} load with no console error and no axe violation`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await useTheme(page, theme);
      const console = watchConsole(page);
      for (const path of batch) {
        const response = await page.goto(path);
        expect.soft(response?.status(), path).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expectNoAxeViolations(page, `${path} (${theme})`, { soft: true });
      }
      console.check();
    });
  }
}
