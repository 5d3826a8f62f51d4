import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, watchPage } from './support';

/** Every fix page's slug, from content/docs/fixes/ (the index is not a fix page). */
const fixSlugs = readdirSync('content/docs/fixes')
  .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
  .map((file) => file.replace(/\.mdx$/, ''));

/** The two first screens the fix must show on: a phone and a small laptop. */
const screens = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

test('every fix page has a quick fix', () => {
  expect(fixSlugs.length).toBeGreaterThan(20);
});

for (const viewport of screens) {
  test.describe(`fix first at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const slug of fixSlugs) {
      test(`/fixes/${slug}/: the quick fix starts on the first screen`, async ({ page }) => {
        await page.goto(`/fixes/${slug}/`);
        const quickFix = page.locator('[data-quick-fix]');
        await expect(quickFix).toHaveCount(1);
        // The first command, or for pages without one (visitor pages) the sentence.
        const commands = quickFix.locator('.expressive-code pre');
        const first = (await commands.count()) > 0 ? commands.first() : quickFix.locator('.quick-fix-text');
        const box = (await first.boundingBox())!;
        console.log(`${slug} ${viewport.width}×${viewport.height}: first command top ${Math.round(box.y)} px`);
        // Its top edge, plus one line of it, is inside the first screen.
        expect(box.y + 24).toBeLessThanOrEqual(viewport.height);
        await expect(quickFix.getByRole('link', { name: 'Full steps ↓' })).toHaveAttribute(
          'href',
          '#fix-it-step-by-step',
        );
        await expect(page.locator('#fix-it-step-by-step')).toHaveCount(1);
      });
    }
  });
}

test('the quick fix commands copy and take the reader’s setup like the steps', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-refused/');
  await page.locator('setup-panel summary').click();
  await page.getByLabel('Upstream port').fill('9000');
  const block = page.locator('[data-quick-fix] .expressive-code').first();
  await expect(block.locator('pre')).toHaveText("sudo ss -ltnp 'sport = :9000'");
  await block.getByRole('button', { name: /copy/i }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("sudo ss -ltnp 'sport = :9000'");
  await expectNoAxeViolations(page);
  await watcher.check();
});
