import { expect, test } from '@playwright/test';
import { allPaths, stepsToUrl } from '../../src/wizard/paths';
import { loadRealTree } from '../support/tree';
import { expectNoAxeViolations, sitemapPaths, useTheme, watchPage } from './support';

const paths = sitemapPaths();
const isWizardStep = (path: string) => path.startsWith('/wizard/') && path !== '/wizard/';

/**
 * Every page but the wizard's questions is checked in both themes. The ~270 question pages
 * all render the same components with other words, so the sweep takes a sample of them:
 * every question at the first path that reaches it in the light theme, and the first two
 * levels in the dark theme. (An outcome leaf's URL redirects to its fix page, which the
 * sweep checks; outcomes.spec.ts and wizard.spec.ts follow such redirects.)
 */
const tree = loadRealTree();
const firstPathOfNode = new Map<string, string>();
for (const resolution of allPaths(tree)) {
  if (resolution.kind === 'node' && !firstPathOfNode.has(resolution.node.id)) {
    firstPathOfNode.set(resolution.node.id, stepsToUrl(resolution.steps));
  }
}
const lightWizard = new Set(firstPathOfNode.values());
const lightPaths = paths.filter((path) => !isWizardStep(path) || lightWizard.has(path));
const darkPaths = paths.filter((path) => !isWizardStep(path) || path.split('/').filter(Boolean).length <= 3);
const sweeps = [
  ['light', lightPaths],
  ['dark', darkPaths],
] as const;

test('the sitemap lists the site’s pages', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/errors/502-bad-gateway/');
  expect(paths).toContain('/wizard/');
  expect(paths.length).toBeGreaterThan(40);
});

// Pages are checked in batches so each test stays well inside its timeout.
const batchSize = 12;
for (const [theme, themePaths] of sweeps) {
  for (let start = 0; start < themePaths.length; start += batchSize) {
    const batch = themePaths.slice(start, start + batchSize);
    test(`${theme}: pages ${start + 1}–${start + batch.length} load with no console error, CSP violation, other-origin request, cookie or axe violation`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await useTheme(page, theme);
      const watcher = await watchPage(page);
      for (const path of batch) {
        const response = await page.goto(path);
        expect.soft(response?.status(), path).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expectNoAxeViolations(page, `${path} (${theme})`, { soft: true });
      }
      await watcher.check();
    });
  }
}
