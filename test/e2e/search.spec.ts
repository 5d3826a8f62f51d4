import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { firstResultTimeout, watchPage } from './support';

/**
 * Real error-log messages (nginx, Apache httpd), as a reader would paste them, and the fix
 * page that must come first in the site search. The fix pages list these messages in
 * `outcome.logMessages`; Pagefind ranks that metadata above the same words elsewhere.
 */
const phrases: ReadonlyArray<readonly [phrase: string, fixPage: string]> = [
  ['upstream prematurely closed connection while reading response header from upstream', '/fixes/upstream-closed/'],
  ['connect() failed (111: Connection refused) while connecting to upstream', '/fixes/upstream-refused/'],
  [
    'upstream timed out (110: Connection timed out) while reading response header from upstream',
    '/fixes/upstream-timeout/',
  ],
  ['upstream timed out (110: Connection timed out) while connecting to upstream', '/fixes/firewall/'],
  ['upstream sent too big header while reading response header from upstream', '/fixes/header-too-big/'],
  ['upstream sent invalid header while reading response header from upstream', '/fixes/invalid-response/'],
  ['connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory)', '/fixes/unix-socket-missing/'],
  ['connect() to unix:/run/php/php8.2-fpm.sock failed (13: Permission denied)', '/fixes/permission-denied/'],
  ['app.internal could not be resolved (3: Host not found)', '/fixes/proxy-cannot-resolve/'],
  ['no live upstreams while connecting to upstream', '/fixes/no-live-upstreams/'],
  [
    'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream',
    '/fixes/upstream-tls/',
  ],
  ['AH01114: HTTP: failed to make connection to backend: 127.0.0.1', '/fixes/upstream-refused/'],
  ['AH00898: DNS lookup failure for: app.internal returned by /', '/fixes/proxy-cannot-resolve/'],
];

/**
 * Literal tokens a reader or agent pastes (a file name, an Apache message id, a HAProxy
 * termination state) and the fix page that must come first.
 */
const tokens: ReadonlyArray<readonly [token: string, fixPage: string]> = [
  ['php-fpm.sock', '/fixes/unix-socket-missing/'],
  ['AH01102', '/fixes/upstream-closed/'],
  ['SC--', '/fixes/upstream-refused/'],
];

/** Every fix page's outcome code (its frontmatter) and address. */
const outcomeCodes: ReadonlyArray<readonly [code: string, fixPage: string]> = readdirSync('content/docs/fixes')
  .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
  .map((file) => {
    const code = /^\s+code: (\S+)$/m.exec(readFileSync(`content/docs/fixes/${file}`, 'utf8'))![1]!;
    return [code, `/fixes/${file.replace(/\.mdx$/, '')}/`] as const;
  });

/** Types each query into the search dialog; returns those whose first result is not the expected page. */
async function firstResultMisses(page: Page, queries: ReadonlyArray<readonly [string, string]>): Promise<string[]> {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox', { name: 'Search' });
  const first = dialog.locator('.pagefind-ui__result-link').first();
  const misses: string[] = [];
  for (const [query, fixPage] of queries) {
    await box.fill(query);
    await expect(first)
      .toHaveAttribute('href', fixPage, { timeout: firstResultTimeout })
      .catch(async () => {
        misses.push(`${query} → ${await first.getAttribute('href')}`);
      });
  }
  return misses;
}

test('searching a fix page’s own outcome code puts that page first', async ({ page }) => {
  test.setTimeout(180_000);
  expect(outcomeCodes.length).toBeGreaterThan(20);
  await page.goto('/errors/502-bad-gateway/');
  expect(await firstResultMisses(page, outcomeCodes), 'codes whose first result is not their fix page').toEqual([]);
});

test('searching a literal token (file name, message id, termination state) finds its fix page first', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/errors/502-bad-gateway/');
  expect(await firstResultMisses(page, tokens), 'tokens whose first result is not their fix page').toEqual([]);
});

test('searching a real error-log message puts its fix page first', async ({ page }) => {
  test.setTimeout(120_000);
  const watcher = await watchPage(page);
  await page.goto('/errors/502-bad-gateway/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox', { name: 'Search' });
  const first = dialog.locator('.pagefind-ui__result-link').first();
  const misses: string[] = [];
  for (const [phrase, fixPage] of phrases) {
    await box.fill(phrase);
    // Results arrive after a debounce (and, the first time, after Pagefind loads its index).
    await expect(first)
      .toHaveAttribute('href', fixPage, { timeout: firstResultTimeout })
      .catch(async () => {
        misses.push(`${phrase} → ${await first.getAttribute('href')}`);
      });
  }
  expect(misses, 'phrases whose first result is not their fix page').toEqual([]);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${phrases.at(-1)![1]}$`));
  await watcher.check();
});

test('fix pages carry their log messages for search, and other pages do not', async ({ page }) => {
  await page.goto('/fixes/upstream-refused/');
  await expect(page.locator('[data-pagefind-meta="logs[data-logs]"]')).toHaveAttribute(
    'data-logs',
    /connect\(\) failed \(111: Connection refused\) while connecting to upstream/,
  );
  await page.goto('/causes/connection-refused/');
  await expect(page.locator('[data-pagefind-meta]')).toHaveCount(0);
});

/** Resolves once the page's main thread has had an idle moment (after Starlight's own idle work). */
const idle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve, 100))));

test('Pagefind’s UI is fetched when the reader reaches for search and built when the dialog opens', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  const uiRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/ui-core\.[\w-]+\.js$/.test(request.url())) uiRequests.push(request.url());
  });
  const standIn = page.waitForResponse(/\/lazy-pagefind-ui\.[\w-]+\.js$/, { timeout: 15_000 });
  await page.goto('/fixes/upstream-refused/');
  await standIn;
  await idle(page);
  await idle(page);
  expect(uiRequests, 'Pagefind UI fetched before any sign of interest').toEqual([]);
  await expect(page.locator('#starlight__search')).toBeEmpty();

  const search = page.getByRole('button', { name: 'Search' });
  const fetched = page.waitForRequest(/\/ui-core\.[\w-]+\.js$/);
  await search.hover();
  await fetched;
  await expect(page.locator('#starlight__search')).toBeEmpty();

  await search.click();
  const box = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await page.keyboard.type('prematurely closed');
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    '/fixes/upstream-closed/',
    { timeout: firstResultTimeout },
  );
  expect(uiRequests).toHaveLength(1);
  await watcher.check();
});

test('search that cannot load says so, and opening it again retries', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.route(/\/ui-core\.[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/wizard/');
  const search = page.getByRole('button', { name: 'Search' });
  await search.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toHaveText(/Search could not be loaded\. Check your connection/);
  await expect(dialog.getByRole('textbox')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.unroute(/\/ui-core\.[\w-]+\.js$/);
  await search.click();
  await expect(dialog.getByRole('textbox', { name: 'Search' })).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('search opens and ranks the same when the page never has an idle moment for Starlight', async ({ page }) => {
  const watcher = await watchPage(page);
  // Starlight hands Pagefind its options from a requestIdleCallback with no timeout.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await box.fill(phrases[0]![0]);
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', phrases[0]![1], {
    timeout: firstResultTimeout,
  });
  await watcher.check();
});

test('Starlight’s idle callback running after the dialog opened does not build a second search box', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() => {
    const held: IdleRequestCallback[] = [];
    Object.assign(window, { heldIdleCallbacks: held });
    window.requestIdleCallback = (callback) => held.push(callback);
  });
  await page.goto('/fixes/upstream-refused/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Search' })).toBeFocused();
  const released = await page.evaluate(async () => {
    const held = (window as unknown as { heldIdleCallbacks: IdleRequestCallback[] }).heldIdleCallbacks;
    await Promise.all(held.map((callback) => callback({ didTimeout: true, timeRemaining: () => 0 })));
    return held.length;
  });
  expect(released, 'idle callbacks Starlight queued').toBeGreaterThan(0);
  await page.keyboard.type('no live upstreams');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    '/fixes/no-live-upstreams/',
    { timeout: firstResultTimeout },
  );
  await expect(dialog.getByRole('textbox')).toHaveCount(1);
  await expect(dialog.locator('.pagefind-ui__form')).toHaveCount(1);
  await watcher.check();
});
