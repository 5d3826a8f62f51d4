import { expect, test } from '@playwright/test';
import { firstResultTimeout, watchPage } from './support';

test('a code block’s copy button puts exactly the shown command on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-refused/');
  const block = page.locator('.expressive-code', { has: page.locator('pre[data-language="bash"]') }).first();
  const shown = (await block.locator('pre code').innerText()).replace(/\n$/, '');
  await block.hover();
  await block.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(shown.length).toBeGreaterThan(0);
  await watcher.check();
});

test.describe('at 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the sidebar opens from the menu button and leads to a page', async ({ page }) => {
    await page.goto('/visitors/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(page.locator('#starlight__sidebar')).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: '502 Bad Gateway', exact: false })
      .first()
      .click();
    await expect(page).toHaveURL(/\/errors\/502-bad-gateway\/$/);
  });

  test('the search dialog finds a fix page by its log line', async ({ page }) => {
    const watcher = await watchPage(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Search' }).fill('prematurely closed connection');
    const firstResult = dialog.locator('.pagefind-ui__result-link').first();
    await expect(firstResult).toBeVisible({ timeout: firstResultTimeout });
    await firstResult.click();
    await expect(page).toHaveURL(/\/(fixes|causes)\/[a-z-]+\/$/);
    await expect(page.getByText('prematurely closed connection').first()).toBeVisible();
    await watcher.check();
  });

  test('the theme switch changes the theme and keeps it across pages', async ({ page }) => {
    await page.goto('/visitors/');
    await page.getByRole('button', { name: 'Menu' }).click();
    const select = page.getByRole('combobox', { name: 'Select theme' }).last();
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await select.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.goto('/prevention/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
