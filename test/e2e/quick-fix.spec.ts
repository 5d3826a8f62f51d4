import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
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
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("sudo ss -ltnp 'sport = :9000'");
  await expectNoAxeViolations(page);
  await watcher.check();
});

test.describe('a quick fix written for nginx', () => {
  const note = (page: Page) => page.locator('[data-quick-fix] .quick-fix-elsewhere');

  test('tells a reader whose answers name Apache httpd, from the first paint, and leads to the step on their tab', async ({
    page,
  }) => {
    const watcher = await watchPage(page);
    // Shown by CSS from <html data-layer>, set before the first paint: it must be there on the first frame.
    await page.addInitScript(() => {
      addEventListener('DOMContentLoaded', () => {
        const shown = document.querySelector('.quick-fix-elsewhere');
        (window as unknown as { noteAtParse: boolean }).noteAtParse =
          shown !== null && getComputedStyle(shown).display !== 'none';
      });
    });
    await page.goto('/fixes/upstream-timeout/?answers=admin/apache/timed-out');
    await expect(note(page)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { noteAtParse: boolean }).noteAtParse)).toBe(true);
    await expect(note(page)).toHaveText(
      'Written for nginx. For your server, step 4, Raise the proxy timeout on purpose, has a tab with its own commands.',
    );
    await note(page).getByRole('link', { name: 'Raise the proxy timeout on purpose' }).click();
    await expect(page).toHaveURL(/#raise-the-proxy-timeout-on-purpose$/);
    const step = page.locator('li', { has: page.locator('#raise-the-proxy-timeout-on-purpose') });
    await expect(step.getByRole('tab', { name: 'Apache httpd' })).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
    await watcher.check();
  });

  test('stays hidden for nginx and for a reader who named no server', async ({ page }) => {
    await page.goto('/fixes/upstream-timeout/?answers=admin/nginx/timed-out');
    await expect(note(page)).toBeHidden();
    await page.goto('/fixes/header-too-big/');
    await expect(note(page)).toBeHidden();
  });

  test('follows the proxy chosen in "Your setup"', async ({ page }) => {
    await page.goto('/fixes/header-too-big/');
    await page.locator('setup-panel summary').click();
    await page.getByLabel('Proxy software').selectOption('haproxy');
    await expect(note(page)).toBeVisible();
    await page.reload();
    await expect(note(page)).toBeVisible();
    await page.locator('setup-panel summary').click();
    await page.getByLabel('Proxy software').selectOption('nginx');
    await expect(note(page)).toBeHidden();
  });
});
