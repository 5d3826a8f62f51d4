import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { clipboardAfter, expectNoAxeViolations, watchPage } from './support';

const treeVersion = String((parse(readFileSync('content/wizard/tree.yaml', 'utf8')) as { version: number }).version);
const rows = (page: import('@playwright/test').Page) => page.locator('fix-console tr[data-row]:visible');

test('the support console filters by code, title and log text, grouped by audience', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/fixes/');
  await expect(page.getByRole('heading', { name: 'For visitors' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'For site admins' })).toBeVisible();
  const all = await rows(page).count();
  expect(all).toBeGreaterThan(20);
  await expect(page.locator('[data-tree-version]')).toHaveText(treeVersion);

  const filter = page.getByLabel('Filter by code, title or log text');
  await filter.fill('502-upstream-refused');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole('link')).toHaveAttribute('href', '/fixes/upstream-refused/');
  await expect(page.getByRole('heading', { name: 'For visitors' })).toBeHidden();
  await expect(page.locator('[data-count]')).toHaveText(`1 of ${all} fixes match.`);

  await filter.fill('php-fpm.sock');
  await expect(rows(page).getByRole('link', { name: /socket/i })).toBeVisible();
  await filter.fill('SC--');
  await expect(rows(page).getByRole('link', { name: 'Upstream not running or refusing connections' })).toBeVisible();
  await filter.fill('connection refused while connecting');
  await expect(rows(page).getByRole('link', { name: 'Upstream not running or refusing connections' })).toBeVisible();

  await filter.fill('no such thing anywhere');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No fix matches that text.')).toBeVisible();
  await filter.fill('');
  await expect(rows(page)).toHaveCount(all);
  await expectNoAxeViolations(page);
  await watcher.check();
});

test('each row copies its code, its link and a two-sentence reply with the link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/fixes/');
  expect(
    await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy code 502-UPSTREAM-REFUSED' }).click()),
  ).toBe('502-UPSTREAM-REFUSED');
  expect(
    await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy link to 502-UPSTREAM-REFUSED' }).click()),
  ).toBe('https://502.guide/fixes/upstream-refused/');
  expect(
    await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy reply for 502-UPSTREAM-REFUSED' }).click()),
  ).toBe(
    'The most likely cause of the error you see (502-UPSTREAM-REFUSED) is this: the reverse proxy tries to connect to the app, but nothing is listening on that address and port, so the connection is refused. ' +
      'The steps to fix it are here: https://502.guide/fixes/upstream-refused/',
  );
  await expect(page.locator('[data-copy-status]')).toContainText('Copied:');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the console is a plain list of every fix, with no filter or copy buttons', async ({ page }) => {
    await page.goto('/fixes/');
    await expect(page.getByLabel('Filter by code, title or log text')).toBeHidden();
    await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
    expect(await page.locator('fix-console tr[data-row]').count()).toBeGreaterThan(20);
    await expect(
      page.locator('fix-console').getByRole('link', { name: 'Upstream not running or refusing connections' }),
    ).toBeVisible();
  });
});
