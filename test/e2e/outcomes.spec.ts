import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { clipboardAfter, expectNoAxeViolations, watchPage } from './support';

/** Frontmatter of every fix page, keyed by outcome id. */
const fixPages = Object.fromEntries(
  readdirSync('content/docs/fixes')
    .filter((file) => file.endsWith('.mdx') && file !== 'index.mdx')
    .map((file) => {
      const frontmatter = parseYaml(readFileSync(`content/docs/fixes/${file}`, 'utf8').split(/^---$/m)[1]!) as {
        title: string;
        outcome: { code: string; cause: string };
      };
      return [file.replace(/\.mdx$/, ''), frontmatter];
    }),
);

/** How the summary lists the answers of /wizard/admin/nginx/refused/same-host/. */
const refusedAnswers = [
  'Answers given in the 502 wizard (wizard version 2):',
  '  1. Visitor or admin: I run the site (or support someone who does)',
  '  2. Who answered: nginx',
  '  3. Error log: Connection refused',
  '  4. Where the app runs: On the same server as the proxy, or on another server I run',
];

const stepHeadings = (page: Page) => page.locator('.sl-markdown-content .sl-steps > li h3');
const tick = (page: Page, index: number) =>
  page
    .locator('.sl-markdown-content .sl-steps > li')
    .nth(index)
    .getByRole('checkbox', { name: /^Done: / });

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('every published link still resolves in the built site', () => {
  const missing = readFileSync('test/fixtures/published-links.txt', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('/'))
    .filter((url) => !existsSync(`dist${url}index.html`));
  expect(missing).toEqual([]);
});

test('every fix page has link previews naming its code, title and cause', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [id, { title, outcome }] of Object.entries(fixPages)) {
    await page.goto(`/fixes/${id}/`);
    const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`);
    await expect(meta('og:title')).toHaveAttribute('content', `${outcome.code} ${title}`);
    await expect(meta('twitter:title')).toHaveAttribute('content', `${outcome.code} ${title}`);
    await expect(meta('og:description')).toHaveAttribute('content', outcome.cause);
    await expect(page.locator('.outcome-code').first()).toHaveText(outcome.code);
    const howTo = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(howTo).toMatchObject({ '@type': 'HowTo', name: title, description: outcome.cause });
    // The page's headings have typographic apostrophes (smartypants); the data keeps the source's.
    const plain = (text: string) => text.trim().replaceAll('’', "'");
    expect(howTo.step.map((step: { name: string }) => plain(step.name))).toEqual(
      (await stepHeadings(page).allInnerTexts()).map(plain),
    );
  }
});

test('a ticket link to a wizard leaf opens the fix page, whose Copy link and Copy summary carry the answers and the site', async ({
  page,
  baseURL,
}) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() => localStorage.setItem('502guide:setup:domain', 'shop.example'));
  await page.goto('/wizard/admin/nginx/refused/same-host/');
  const fixUrl = '/fixes/upstream-refused/?answers=admin/nginx/refused/same-host';
  await expect(page).toHaveURL(fixUrl);
  const tools = page.locator('outcome-tools');
  await expect(tools.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Copy link' }).click();
  await expect(tools.getByRole('status')).toHaveText('Link copied to the clipboard.');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${fixUrl}`);
  await tools.getByRole('button', { name: 'Copy summary' }).click();
  const { title, outcome } = fixPages['upstream-refused']!;
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      [
        `${outcome.code} ${title}`,
        `Cause: ${outcome.cause}`,
        'Site: shop.example',
        `Link: ${baseURL}${fixUrl}`,
        '',
        ...refusedAnswers,
      ].join('\n'),
    );
  await watcher.check();
});

test('a ticket link opened in a fresh browser shows the tab of the proxy answered from the first paint, with no shift', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-timeout/?answers=admin/apache/timed-out');
  await expect(page.locator('outcome-tools [data-answers]')).toBeVisible();
  const groups = page.locator('starlight-tabs');
  expect(await groups.count()).toBeGreaterThan(1);
  for (const group of await groups.all()) {
    await expect(group.getByRole('tab', { selected: true })).toHaveText('Apache httpd');
  }
  // A tab far along the strip is scrolled into the strip's view (Cloudflare is the tenth).
  await page.goto('/fixes/cdn-origin/?answers=admin/cloudflare/error-521');
  const cloudflare = page.locator('starlight-tabs').first().getByRole('tab', { name: 'Cloudflare', selected: true });
  await expect(cloudflare).toBeAttached();
  const strip = page.locator('starlight-tabs .tablist-wrapper').first();
  await expect
    .poll(async () => {
      const [stripBox, tabBox] = [await strip.boundingBox(), await cloudflare.boundingBox()];
      return tabBox!.x >= stripBox!.x - 1 && tabBox!.x + tabBox!.width <= stripBox!.x + stripBox!.width + 1;
    })
    .toBe(true);
  await page.goto('/fixes/upstream-timeout/?answers=admin/apache/timed-out');
  await expect(page.locator('outcome-tools [data-answers]')).toBeVisible();
  // The tab was chosen, and the answers' line kept free, before the page was painted: nothing
  // on the page moves. (Chromium sometimes reports a shift of about 0.0003 while the page is
  // still being parsed, from a 1 px box it cannot name; Lighthouse shows CLS 0.000 for it.
  // Any shift it can trace to the outcome bar, a tab group or the content fails here.)
  const shifts = await page.evaluate(
    () =>
      new Promise<{ value: number; ours: boolean }[]>((resolve) => {
        const found: { value: number; ours: boolean }[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            sources: { node: Node | null }[];
          }[]) {
            const ours = entry.sources.some(({ node }) => {
              const element = node instanceof Element ? node : (node?.parentElement ?? null);
              return element?.closest('.outcome-bar, starlight-tabs, .sl-markdown-content, .quick-fix') != null;
            });
            found.push({ value: entry.value, ours });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(found), 1000);
      }),
  );
  expect(shifts.filter((shift) => shift.ours)).toEqual([]);
  expect(shifts.reduce((sum, shift) => sum + shift.value, 0)).toBeLessThan(0.001);
  await watcher.check();
});

test('"Did this fix it?" ends every fix page and is in "On this page"; No points at the next cause and counts as tried', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-timeout/?answers=admin/nginx/timed-out');
  const toc = page.locator('starlight-toc nav');
  await expect(toc.getByRole('link', { name: 'Did this fix it?' })).toHaveAttribute('href', '#did-this-fix-it');
  await expect(toc.getByRole('link', { name: 'Still seeing 502?' })).toHaveAttribute('href', '#still-seeing-502');
  const verdict = page.locator('.fix-verdict');
  await verdict.getByRole('button', { name: 'Yes, the 502 is gone' }).click();
  await expect(verdict.getByRole('status')).toContainText('Copy summary');
  await verdict.getByRole('button', { name: 'No, still 502' }).click();
  const first = page.locator('[data-followup]').first();
  const firstId = (await first.getAttribute('data-followup'))!;
  const next = verdict.getByRole('status').getByRole('link');
  await expect(next).toHaveText(fixPages[firstId]!.title);
  await expect(next).toBeFocused();
  await expect(next).toHaveAttribute('href', `/fixes/${firstId}/?answers=admin/nginx/timed-out`);
  await expect(page.locator('[data-tried-summary]')).toHaveText(
    `Tried in this browser: ${fixPages['upstream-timeout']!.outcome.code}. `,
  );
  await next.click();
  await expect(page).toHaveURL(`/fixes/${firstId}/?answers=admin/nginx/timed-out`);
  // The next page knows this one was tried.
  await expect(page.locator('[data-tried-summary]')).toContainText(fixPages['upstream-timeout']!.outcome.code);
  await watcher.check();
});

test('a step for another layer than the one answered is marked and left out of the summary’s count', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/admin/nginx/invalid-header/');
  await expect(page).toHaveURL('/fixes/invalid-response/?answers=admin/nginx/invalid-header');
  const haproxyStep = page.locator('.sl-steps > li').filter({ hasText: 'Ask HAProxy for the rejected response' });
  await expect(haproxyStep.locator('.step-elsewhere-note')).toHaveText(
    'Not for your setup: this step is for HAProxy. Skip it; it does not count in your summary.',
  );
  const total = await stepHeadings(page).count();
  await tick(page, 0).check();
  const summary = await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy summary' }).click());
  expect(summary).toContain(`Steps done (1 of ${total - 1}):`);
  expect(summary).not.toContain('Ask HAProxy for the rejected response');
  // An HAProxy reader sees it as theirs.
  await page.goto('/fixes/invalid-response/?answers=admin/haproxy/invalid-header');
  await expect(page.locator('outcome-tools [data-answers]')).toBeVisible();
  await expect(page.locator('.step-elsewhere-note')).toHaveCount(0);
  await watcher.check();
});

test('a fix page whose /wizard-data.json cannot be fetched still copies its link and summary, without answers', async ({
  page,
  baseURL,
}) => {
  await page.route('**/wizard-data.json', (route) => route.abort());
  await page.goto('/fixes/upstream-refused/?answers=admin/nginx/refused/same-host');
  await page.getByRole('button', { name: 'Copy summary' }).click();
  const { title, outcome } = fixPages['upstream-refused']!;
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(new RegExp(`^${outcome.code} .*\nCause: .*\nLink: ${baseURL}/fixes/upstream-refused/(\n|$)`));
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(title);
  await expect(page.getByRole('navigation', { name: 'Your answers' })).toBeHidden();
});

test('ticks survive a reload, show in the summary, and can be reset', async ({ page, baseURL }) => {
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-refused/?answers=admin/nginx/refused/same-host');
  await expect(page.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(4);
  await tick(page, 0).check();
  await tick(page, 2).check();
  await page.reload();
  await expect(tick(page, 0)).toBeChecked();
  await expect(tick(page, 1)).not.toBeChecked();
  await expect(tick(page, 2)).toBeChecked();
  const summary = await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy summary' }).click());
  const titles = await stepHeadings(page).allInnerTexts();
  const { title, outcome } = fixPages['upstream-refused']!;
  expect(summary).toBe(
    [
      `${outcome.code} ${title}`,
      `Cause: ${outcome.cause}`,
      `Link: ${baseURL}/fixes/upstream-refused/?answers=admin/nginx/refused/same-host`,
      '',
      ...refusedAnswers,
      '',
      `Steps done (2 of ${titles.length}):`,
      ...titles.map((stepTitle, index) => `  [${index === 0 || index === 2 ? 'x' : ' '}] ${stepTitle.trim()}`),
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Untick all steps' }).click();
  await expect(tick(page, 0)).not.toBeChecked();
  await page.reload();
  await expect(tick(page, 2)).not.toBeChecked();
  await watcher.check();
});

// A → B → C from three different starting outcomes: each later page marks the earlier ones
// as already tried, and its summary lists them in order.
const routes: Record<string, string> = {
  'upstream-refused': 'admin/nginx/refused/same-host',
  'upstream-timeout': 'admin/nginx/timed-out',
  'dns-record': 'admin/cloudflare/error-523',
};
for (const [start, route] of Object.entries(routes)) {
  test(`walking follow-ups from ${start} keeps the answers and lists what was tried, in order`, async ({ page }) => {
    const watcher = await watchPage(page);
    await page.goto(`/fixes/${start}/?answers=${route}`);
    const visited = [start];
    for (let hop = 0; hop < 2; hop++) {
      await tick(page, 0).check();
      const next = page
        .locator('[data-followup]')
        .filter({ has: page.locator('[data-tried-badge]:not([hidden])') })
        .count();
      expect(await next).toBe(visited.length - 1);
      const followUp = page
        .locator('[data-followup]')
        .filter({ hasNot: page.locator('[data-tried-badge]:not([hidden])') })
        .first();
      const nextId = (await followUp.getAttribute('data-followup'))!;
      await followUp.getByRole('link').click();
      await expect(page).toHaveURL(`/fixes/${nextId}/?answers=${route}`);
      visited.push(nextId);
      for (const earlier of visited.slice(0, -1)) {
        const listed = page.locator(`[data-followup="${earlier}"] [data-tried-badge]`);
        if ((await listed.count()) > 0) await expect(listed).toBeVisible();
      }
    }
    await expect(page.locator('[data-tried-summary]')).toHaveText(
      `Tried in this browser: ${visited
        .slice(0, -1)
        .map((id) => fixPages[id]!.outcome.code)
        .join(' → ')}. `,
    );
    const summary = await clipboardAfter(page, () => page.getByRole('button', { name: 'Copy summary' }).click());
    expect(summary).toContain(
      `The wizard answers led to ${fixPages[start]!.outcome.code} ${fixPages[start]!.title}; this fix was reached from there through "Still seeing 502?".`,
    );
    expect(summary).toContain(
      [
        'Already tried, in order:',
        ...visited.map((id, index) => `  ${index + 1}. ${fixPages[id]!.outcome.code} ${fixPages[id]!.title}`),
      ].join('\n'),
    );
    // Two outcomes tried: the escalation report is offered.
    await expect(page.getByRole('heading', { name: 'Prepare a report for your host or support' })).toBeVisible();
    await watcher.check();
  });
}

test('a fix page keeps ?answers= only for a whole route to it or to a fix that leads to it', async ({ page }) => {
  const watcher = await watchPage(page);
  const copySummary = () => clipboardAfter(page, () => page.getByRole('button', { name: 'Copy summary' }).click());
  // Stops at a question: no route at all.
  await page.goto('/fixes/upstream-refused/?answers=admin/nginx');
  await expect(page.locator('wizard-flow, outcome-tools').first()).toBeAttached();
  expect(await copySummary()).not.toContain('Answers given in the 502 wizard');
  // A route to an admin fix, opened on a visitor's page that no follow-up leads to.
  await page.goto('/fixes/visitor-transient/?answers=admin/nginx/refused/same-host');
  const summary = await copySummary();
  expect(summary).not.toContain('Answers given in the 502 wizard');
  expect(summary).toContain(
    `The link's wizard answers led to ${fixPages['upstream-refused']!.outcome.code} ${fixPages['upstream-refused']!.title}, not to this fix, so they are left out.`,
  );
  await watcher.check();
});

test('the report’s text is what the page shows, in the clipboard and in the download', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/fixes/general-checklist/');
  const report = page.locator('[data-report]');
  await report.getByLabel('Time of the error, in UTC').fill('2026-11-25 09:14 UTC');
  await report.getByLabel('Address that showed the 502').fill('https://example.com/checkout');
  await report.getByLabel('Request id or CDN ray id').fill('<img src=x onerror=alert(1)>');
  await report.getByLabel('Output of the checks you ran').fill('502\n<script>alert(1)</script>');
  const shown = (await report.locator('[data-report-text]').textContent())!;
  expect(shown).toContain('Request id or CDN ray id: <img src=x onerror=alert(1)>');
  expect(shown).toContain('Time of the error (UTC): 2026-11-25 09:14 UTC');
  await expect(report.locator('img, script')).toHaveCount(0);
  await report.getByRole('button', { name: 'Copy report' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('link', { name: 'Download .txt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('502-report.txt');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(shown);
  await expectNoAxeViolations(page);
  await watcher.check();
});

test('tampered storage and a hostile ?answers= are dropped without an error', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() => {
    localStorage.setItem('502guide:tried', '<img src=x onerror=alert(1)>');
    localStorage.setItem('502guide:ticks', '{"upstream-refused":"not a list","__proto__":{"x":1}}');
  });
  await page.goto('/fixes/upstream-refused/?answers=%3Cscript%3Ealert(1)%3C/script%3E');
  await expect(page.getByRole('navigation', { name: 'Your answers' })).toBeHidden();
  await expect(page.locator('[data-tried-badge]:not([hidden])')).toHaveCount(0);
  await expect(tick(page, 0)).not.toBeChecked();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/fixes\/upstream-refused\/$/);
  await watcher.check();
});

test('without the Clipboard API, the text is offered selected in a text area', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/fixes/overload/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const area = page.getByRole('textbox', { name: /did not let us copy/ });
  await expect(area).toBeVisible();
  await expect(area).toBeFocused();
  await expect(area).toHaveValue(/\/fixes\/overload\/$/);
});

test('the copy buttons work from the keyboard', async ({ page }) => {
  await page.goto('/fixes/firewall/');
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('Link copied to the clipboard.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('follow-ups are plain links and the page says what needs JavaScript', async ({ page }) => {
    await page.goto('/fixes/upstream-timeout/');
    await expect(page.getByText('Showing which of these you already tried needs JavaScript.')).toBeVisible();
    // "Did this fix it?" says what to do instead of offering buttons that need a script.
    await expect(page.getByRole('button', { name: 'No, still 502' })).toBeHidden();
    await expect(page.getByText('If the 502 is gone, you are done. If not, the next likely causes')).toBeVisible();
    await page.locator('[data-followup]').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/fixes\/[a-z-]+\/$/);
    await page.goto('/fixes/general-checklist/');
    await expect(page.getByText('Building the report needs JavaScript.')).toBeVisible();
  });
});

test('a fix page prints as a checklist without sidebar, header or buttons', async ({ page }) => {
  await page.goto('/fixes/upstream-refused/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#starlight__sidebar')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(stepHeadings(page).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true });
});
