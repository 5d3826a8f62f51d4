import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allPaths, fixUrl, stepsToUrl } from '../../src/wizard/paths';
import { coveringLeaves, loadRealTree } from '../support/tree';
import { expectNoAxeViolations, watchPage } from './support';

const tree = loadRealTree();
const leaves = allPaths(tree).filter((path) => path.kind === 'outcome');
const step = (page: Page) => page.locator('[data-step-slot]');
const answerLink = (page: Page, label: string) => step(page).getByRole('link', { name: label, exact: true });
/** The fix page's "Your answers" strip (OutcomeHeader.astro). */
const answersStrip = (page: Page) => page.locator('outcome-tools').getByRole('navigation', { name: 'Your answers' });
/** Each fix page's title, from its frontmatter. */
const fixTitles = new Map(
  tree.outcomes.map((outcome) => {
    const mdx = readFileSync(new URL(`../../content/docs/fixes/${outcome.id}.mdx`, import.meta.url), 'utf8');
    return [outcome.id, /^title: (.+)$/m.exec(mdx)![1]!.replace(/^(['"])(.*)\1$/, '$2')];
  }),
);

test('the tree yields leaves for every outcome', () => {
  expect(new Set(leaves.map((leaf) => leaf.outcome)).size).toBe(tree.outcomes.length);
});

// Leaf paths that give every answer at least once and reach every outcome (about 90 of the
// ~1,400 leaves, which differ only in words; test/unit/ walks them all), clicked from
// /wizard/ with JavaScript on. The last answer opens the fix page with the answers.
const sample = coveringLeaves(leaves);
const batchSize = 15;
for (let start = 0; start < sample.length; start += batchSize) {
  const batch = sample.slice(start, start + batchSize);
  test(`clicking sample paths ${start + 1}–${start + batch.length} of ${sample.length} opens the right fix page`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const watcher = await watchPage(page);
    for (const leaf of batch) {
      await page.goto('/wizard/');
      await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
      for (const { answer } of leaf.steps.slice(0, -1)) await answerLink(page, answer.label).click();
      await expect(page).toHaveURL(stepsToUrl(leaf.steps.slice(0, -1)));
      await answerLink(page, leaf.steps.at(-1)!.answer.label).click();
      await expect(page).toHaveURL(fixUrl(leaf.outcome, leaf.steps));
      await expect(answersStrip(page).getByRole('listitem')).toHaveCount(leaf.steps.length);
    }
    await watcher.check();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const leaf of [leaves[0]!, leaves[Math.floor(leaves.length / 2)]!, leaves.at(-1)!]) {
    test(`links alone lead to ${leaf.outcome} from ${stepsToUrl(leaf.steps)}`, async ({ page }) => {
      await page.goto('/wizard/');
      for (const { answer } of leaf.steps.slice(0, -1)) await answerLink(page, answer.label).click();
      await expect(page.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(
        leaf.steps.length - 1,
      );
      // The last answer is a link to the fix page itself, carrying the answers.
      const last = answerLink(page, leaf.steps.at(-1)!.answer.label);
      await expect(last).toHaveAttribute('href', fixUrl(leaf.outcome, leaf.steps));
      await last.click();
      await expect(page).toHaveURL(fixUrl(leaf.outcome, leaf.steps));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixTitles.get(leaf.outcome)!);
    });
  }

  test('a ticket link to a leaf still opens its fix page with the answers', async ({ page }) => {
    const leaf = leaves[0]!;
    await page.goto(stepsToUrl(leaf.steps));
    await expect(page).toHaveURL(fixUrl(leaf.outcome, leaf.steps));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixTitles.get(leaf.outcome)!);
  });

  test('the paste box, which needs a script, is not shown', async ({ page }) => {
    await page.goto('/wizard/');
    await expect(step(page).getByRole('link', { name: 'I run the site (or support someone who does)' })).toBeVisible();
    await expect(page.locator('log-paste')).toBeHidden();
  });
});

test('works from the keyboard alone, moving focus to each new question and announcing it', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/');
  // Tab from the top of the page to the first answer, "I run the site".
  const admin = answerLink(page, 'I run the site (or support someone who does)');
  for (let presses = 0; presses < 60 && !(await admin.evaluate((link) => link === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(admin).toBeFocused();
  await page.keyboard.press('Enter');
  const question = step(page).getByRole('heading', { level: 2 }).first();
  await expect(question).toHaveText('Who answered with the 502?');
  await expect(question).toBeFocused();
  await expect(page.locator('[data-announce]')).toHaveText('Question 2: Who answered with the 502?');
  // The first answer is one Tab away from the focused question.
  await page.keyboard.press('Tab');
  await expect(answerLink(page, 'nginx')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/wizard/admin/nginx/');
  await page.keyboard.press('Tab');
  await expect(answerLink(page, 'Connection refused')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/wizard/admin/nginx/refused/');
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The last answer opens the fix page, with the answers that led there.
  await expect(page).toHaveURL('/fixes/upstream-refused/?answers=admin/nginx/refused/same-host');
  await expect(answersStrip(page).getByRole('listitem')).toHaveCount(4);
  await watcher.check();
});

test('once the step templates are in, answers move on without loading a page', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await answerLink(page, 'I run the site (or support someone who does)').click();
  await answerLink(page, 'nginx').click();
  await expect(page).toHaveURL('/wizard/admin/nginx/');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(page.getByText('Answer a few questions and land on the fix')).toBeHidden();
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(page.getByText('Answer a few questions and land on the fix')).toBeVisible();
  // The wizard page itself carries only its own step; the other steps came from
  // /wizard-steps/ and the routing data from /wizard-data.json.
  for (const path of ['/wizard/', `${stepsToUrl(leaves[0]!.steps)}`]) {
    const html = await (await page.request.get(path)).text();
    expect(html).not.toContain('<template data-template="log">');
    expect(html).not.toContain('"nodes":');
  }
  const data = (await (await page.request.get('/wizard-data.json')).json()) as { shape: { nodes: unknown[] } };
  expect(data.shape.nodes.length).toBeGreaterThan(10);
  await watcher.check();
});

test('the last answer opens the fix page on the tab of the proxy answered, sets it in "Your setup", and keeps the way back', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.locator('setup-panel')).toHaveCount(0);
  for (const label of ['I run the site (or support someone who does)', 'Apache httpd', 'Timed out']) {
    await answerLink(page, label).click();
  }
  await expect(page).toHaveURL('/fixes/upstream-timeout/?answers=admin/apache/timed-out');
  await expect(page.getByRole('tab', { name: 'Apache httpd', selected: true }).first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'nginx', selected: true })).toHaveCount(0);
  await expect(page.locator('setup-panel select[data-setup-key="server"]').first()).toHaveValue('apache');
  // Each answer links back to its question; the browser's Back returns to the last question.
  const strip = answersStrip(page);
  await expect(strip.getByRole('link', { name: /^Change “Apache httpd”/ })).toHaveAttribute('href', '/wizard/admin/');
  await page.goBack();
  await expect(page).toHaveURL('/wizard/admin/apache/');
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    /What does the log say about the failing requests/,
  );
  await watcher.check();
});

for (const shared of ['/wizard-steps/', '/wizard-data.json']) {
  test(`when ${shared} cannot be fetched, the answers are plain links to the same steps`, async ({ page }) => {
    await page.route(`**${shared}`, (route) => route.abort());
    await page.goto('/wizard/');
    const leaf = leaves[0]!;
    for (const { answer } of leaf.steps.slice(0, -1)) await answerLink(page, answer.label).click();
    await expect(page).toHaveURL(stepsToUrl(leaf.steps.slice(0, -1)));
    await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(0);
    await answerLink(page, leaf.steps.at(-1)!.answer.label).click();
    await expect(page).toHaveURL(fixUrl(leaf.outcome, leaf.steps));
  });
}

test('the browser’s Back and Forward buttons and the Back link move between questions', async ({ page }) => {
  await page.goto('/wizard/');
  await answerLink(page, 'I run the site (or support someone who does)').click();
  await answerLink(page, 'HAProxy').click();
  await expect(page).toHaveURL('/wizard/admin/haproxy/');
  await page.goBack();
  await expect(page).toHaveURL('/wizard/admin/');
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(/Who answered with the 502/);
  await page.goForward();
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    /What does the log say about the failing requests/,
  );
  await page.getByRole('link', { name: '← Back' }).click();
  await expect(page).toHaveURL('/wizard/admin/');
  await expect(page.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(1);
});

test('changing an earlier answer from the list of answers goes back to that question', async ({ page }) => {
  await page.goto('/wizard/admin/nginx/refused/');
  await page.getByRole('navigation', { name: 'Your answers' }).getByRole('link', { name: 'Change “nginx”' }).click();
  await expect(page).toHaveURL('/wizard/admin/');
  await answerLink(page, 'Caddy').click();
  await expect(page).toHaveURL('/wizard/admin/caddy/');
  // Caddy's wording of the log lines is shown, nginx's is not.
  await expect(step(page).getByText('dial tcp 127.0.0.1:8080: connect: connection refused')).toBeVisible();
  await expect(
    step(page).getByText('connect() failed (111: Connection refused) while connecting to upstream'),
  ).toBeHidden();
});

test('a reload resumes at the same step, and /wizard/ offers to continue', async ({ page }) => {
  await page.goto('/wizard/');
  await answerLink(page, 'I run the site (or support someone who does)').click();
  await answerLink(page, 'nginx').click();
  await page.reload();
  await expect(page).toHaveURL('/wizard/admin/nginx/');
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    /What does the log say about the failing requests/,
  );
  // The step is saved when the wizard takes over; leaving before that would save nothing.
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await page.goto('/wizard/');
  const resume = page.getByRole('link', { name: 'Continue where you left off' });
  await expect(resume).toHaveAttribute('href', '/wizard/admin/nginx/');
  await resume.click();
  await expect(page).toHaveURL('/wizard/admin/nginx/');
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(page).toHaveURL('/wizard/');
  await page.reload();
  // Only once the wizard has taken over could it offer a saved step.
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeHidden();
});

test('Start over forgets the saved step even when followed before the page’s scripts have run', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/admin/nginx/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  // Hold back the wizard's script: Start over is a plain link, as in the first moments of a load.
  // Only this load's request is held; /wizard/ then loads the script as usual.
  let held = false;
  await page.route('**/_astro/Wizard.astro_astro_type_script_*', async (route) => {
    if (held) return route.continue();
    held = true;
  });
  await page.reload({ waitUntil: 'commit' });
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    /What does the log say about the failing requests/,
  );
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(page).toHaveURL('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeHidden();
  // The saved step is gone, not merely hidden: a reload does not offer it either.
  await page.reload();
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeHidden();
  await watcher.check();
});

test('Start over forgets the saved step even before the wizard has taken over', async ({ page }) => {
  await page.goto('/wizard/admin/nginx/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  // Hold back the routing data: the page stays plain links, as on a slow connection.
  const holdBack = () => {};
  await page.route('**/wizard-data.json', holdBack);
  await page.reload();
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    /What does the log say about the failing requests/,
  );
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(page).toHaveURL('/wizard/');
  // Let /wizard/'s own request through: the wizard takes over and would offer a saved step.
  await page.unroute('**/wizard-data.json', holdBack);
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeHidden();
});

test('saved progress from an older tree is offered at the step its answers lead to now, saying so', async ({
  page,
}) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() =>
    localStorage.setItem('502guide:wizard-path', '/wizard/admin/nginx/unclear/cdn-no/deployed/'),
  );
  await page.goto('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  const resume = page.getByRole('link', { name: 'Continue where you left off' });
  await expect(resume).toHaveAttribute('href', '/wizard/admin/nginx/unclear/cdn-no/all/deployed/');
  await expect(page.getByText('the wizard has changed since you saved it')).toBeVisible();
  await resume.click();
  await expect(step(page).getByRole('heading', { level: 2 }).first()).toHaveText(
    'From where the proxy runs, does the upstream answer?',
  );
  await watcher.check();
});

test('saved progress with an answer the tree no longer has resumes at the last answer that fits', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() => localStorage.setItem('502guide:wizard-path', '/wizard/admin/retired-answer/'));
  await page.goto('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toHaveAttribute(
    'href',
    '/wizard/admin/',
  );
  await expect(page.getByText('the wizard has changed since you saved it')).toBeVisible();
  await watcher.check();
});

test('saved progress of which no answer fits is dropped without a word', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.addInitScript(() => localStorage.setItem('502guide:wizard-path', '/wizard/retired-answer/'));
  await page.goto('/wizard/');
  // The saved step is checked when the wizard takes over (data-ready), not before.
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('502guide:wizard-path'))).toBe('');
  await watcher.check();
});

test('an unknown wizard path names the answer that does not fit and offers the valid part', async ({ page }) => {
  const watcher = await watchPage(page);
  const response = await page.goto('/wizard/admin/bogus/more/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('[data-bad-segment]')).toHaveText('bogus');
  await expect(page.getByRole('link', { name: 'Continue from the last answer that still fits' })).toHaveAttribute(
    'href',
    '/wizard/admin/',
  );
  // The browser logs the 404 status of the page itself; nothing else may appear.
  expect(watcher.errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
});

test('markup in a tampered wizard URL is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await page.goto('/wizard/admin/%3Cimg%20src=x%20onerror=alert(1)%3E/');
  await expect(page.locator('[data-bad-segment]')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a step swapped in by the browser has no axe violation', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/');
  await expect(page.locator('wizard-flow[data-ready]')).toHaveCount(1);
  await answerLink(page, 'I run the site (or support someone who does)').click();
  await answerLink(page, 'Apache httpd').click();
  await expectNoAxeViolations(page);
  await answerLink(page, 'Connection refused').click();
  await expect(page).toHaveURL('/wizard/admin/apache/refused/');
  await expectNoAxeViolations(page);
  await watcher.check();
});

test('a pasted log line answers the questions it implies', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.goto('/wizard/admin/nginx/');
  const box = page.locator('[data-step-slot] log-paste');
  await box
    .getByLabel('Paste an error-log line or curl output')
    .fill(
      '2026/11/24 01:22:08 [crit] 15577#15577: *19 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /nosock HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.test"',
    );
  await box.getByRole('button', { name: 'Recognise' }).click();
  await expect(box.locator('[data-log-paste-saved]')).toHaveText(
    'Saved to your setup, for the commands on fix pages: domain example.test, socket /run/php/php8.2-fpm.sock.',
  );
  // The lead names the line and its source in bold; the cause follows in normal weight.
  await expect(box.getByRole('status').locator('strong')).toHaveText('Line 1 (nginx):');
  await expect(box.getByRole('status')).toContainText('Line 1 (nginx): ');
  // A second paste naming another socket leaves the saved one alone, and says so.
  await box
    .getByLabel('Paste an error-log line or curl output')
    .fill(
      '2026/11/24 01:22:09 [crit] 15577#15577: *20 connect() to unix:/run/php/php8.3-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.3-fpm.sock:", host: "example.test"',
    );
  await box.getByRole('button', { name: 'Recognise' }).click();
  await expect(box.locator('[data-log-paste-saved]')).toHaveText(
    'Your setup already names socket /run/php/php8.2-fpm.sock: kept as it is.',
  );
  expect(await page.evaluate(() => localStorage.getItem('502guide:setup:socket'))).toBe('/run/php/php8.2-fpm.sock');
  // The answers reach an outcome: both links open its fix page with them.
  const fix = '/fixes/unix-socket-missing/?answers=admin/nginx/no-such-file';
  await expect(box.getByRole('link', { name: /^Fix: / })).toHaveAttribute('href', fix);
  await box.getByRole('link', { name: 'Continue in the wizard with these answers' }).click();
  await expect(page).toHaveURL(fix);
  // The recognised line travels to the outcome's summary (escaped and capped there).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('outcome-tools').getByRole('button', { name: 'Copy summary' }).click();
  // The copy waits for the answers to be read: poll instead of reading the clipboard at once.
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain(
      'Log line pasted into the wizard:\n  2026/11/24 01:22:09 [crit] 15577#15577: *20 connect() to unix:/run/php/php8.3-fpm.sock failed',
    );
  await expect(page.getByRole('navigation', { name: 'Your answers' })).toContainText(
    'No such file or directory (unix socket)',
  );
  await watcher.check();
});

test('Undo takes back what a paste saved to the setup, and a paste over 64 KB is refused when pasted', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watcher = await watchPage(page);
  await page.goto('/wizard/admin/nginx/');
  const box = page.locator('[data-step-slot] log-paste');
  const input = box.getByLabel('Paste an error-log line or curl output');
  await input.fill(
    '2026/11/24 01:22:04 [error] 15577#15577: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.7, server: shop.example, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8123/", host: "shop.example"',
  );
  await box.getByRole('button', { name: 'Recognise' }).click();
  await expect(box.locator('[data-log-paste-saved]')).toHaveText(
    'Saved to your setup, for the commands on fix pages: domain shop.example, upstream 127.0.0.1:8123.',
  );
  await box.getByRole('button', { name: 'Undo' }).click();
  await expect(box.locator('[data-log-paste-saved]')).toHaveText('Removed from your setup.');
  await expect(box.getByRole('button', { name: 'Undo' })).toBeHidden();
  expect([null, '']).toContain(await page.evaluate(() => localStorage.getItem('502guide:setup:domain')));
  // 70 KB on the clipboard: the paste is refused and the box keeps what it had.
  await input.fill('');
  await page.evaluate(() => navigator.clipboard.writeText('x'.repeat(70 * 1024)));
  await input.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(box.locator('[data-log-paste-status]')).toContainText('the box takes at most 64 KB');
  await expect(input).toHaveValue('');
  await watcher.check();
});

test('the paste box is laid out before its script runs, and sends nothing until it has', async ({ page }) => {
  // Shown by the script, the box pushed the question's lower half down after the first
  // paint (a layout shift Lighthouse counted). Now it is in place from the start.
  await page.route(/LogPaste\.astro_astro_type_script/, (route) => route.abort());
  await page.goto('/wizard/');
  const box = page.locator('[data-step-slot] log-paste');
  await expect(box.getByRole('heading', { name: 'Start from your error log' })).toBeVisible();
  await box.getByLabel('Paste an error-log line or curl output').fill('upstream: "http://10.0.0.5:8080/"');
  await box.getByRole('button', { name: 'Recognise' }).click();
  await expect(page).toHaveURL('/wizard/');
  await expect(box.getByLabel('Paste an error-log line or curl output')).toHaveValue(
    'upstream: "http://10.0.0.5:8080/"',
  );
});

test('an unrecognised paste says so and the questions go on', async ({ page }) => {
  await page.goto('/wizard/');
  const box = page.locator('[data-step-slot] log-paste');
  await box.getByLabel('Paste an error-log line or curl output').fill('<b>hello</b> this is not a log line');
  await box.getByRole('button', { name: 'Recognise' }).click();
  await expect(box.getByRole('status')).toContainText('We did not recognise a 502 cause in this text.');
  await expect(box.locator('b')).toHaveCount(0);
  await expect(page).toHaveURL('/wizard/');
});

test('a paste that only shows a status code says what the code tells and links its explainer', async ({ page }) => {
  await page.goto('/wizard/');
  const box = page.locator('[data-step-slot] log-paste');
  await box
    .getByLabel('Paste an error-log line or curl output')
    .fill('<img src=x onerror=alert(1)> I keep getting a 502 when I open the admin page');
  await box.getByRole('button', { name: 'Recognise' }).click();
  const status = box.getByRole('status');
  await expect(status).toContainText('The text shows a 502 Bad Gateway, but no line names its cause.');
  await expect(status).not.toContainText('We did not recognise');
  await expect(box.locator('img')).toHaveCount(0);
  await status.getByRole('link', { name: 'What a 502 means' }).click();
  await expect(page).toHaveURL('/errors/502-bad-gateway/');
});
