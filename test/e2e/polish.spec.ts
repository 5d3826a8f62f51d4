import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

test('a mistyped fix address gets the nearest fix page as a suggestion on the 404 page', async ({ page }) => {
  const response = await page.goto('/fixes/upstream-refussed/');
  expect(response?.status()).toBe(404);
  const suggestion = page.locator('[data-fix-suggestion]');
  await expect(suggestion).toHaveText('Did you mean /fixes/upstream-refused/?');
  await expect(suggestion.getByRole('link')).toHaveAttribute('href', '/fixes/upstream-refused/');
  await expectNoAxeViolations(page);
  await page.goto('/fixes/pricing-plans-and-more/');
  await expect(page.locator('[data-fix-suggestion]')).toBeHidden();
});

test('the 404 message for a wizard path keeps a space before "after"', async ({ page }) => {
  await page.goto('/wizard/admin/nginx/no-such-answer/');
  await expect(page.locator('[data-wizard-message]')).toContainText(/no-such-answer after /);
});

test('the audience badge is not set in the code font', async ({ page }) => {
  await page.goto('/fixes/upstream-refused/');
  const badge = page.locator('.outcome-meta .sl-badge').first();
  const [badgeFont, codeFont] = await Promise.all([
    badge.evaluate((element) => getComputedStyle(element).fontFamily),
    page
      .locator('.outcome-code')
      .first()
      .evaluate((element) => getComputedStyle(element).fontFamily),
  ]);
  expect(badgeFont).not.toBe(codeFont);
});

test('docs pages say when they last changed, from git; wizard steps, which no file backs, do not', async ({ page }) => {
  for (const [path, file] of [
    ['/fixes/firewall/', 'content/docs/fixes/firewall.mdx'],
    ['/concepts/dns/', 'content/docs/concepts/dns.mdx'],
  ] as const) {
    const committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8' }).trim();
    await page.goto(path);
    const time = page.locator('footer').getByText('Last updated:').locator('time');
    await expect(time).toHaveAttribute('datetime', new Date(committed).toISOString());
  }
  await page.goto('/wizard/admin/');
  await expect(page.getByText('Last updated:')).toHaveCount(0);
});
