import { expect, test, type Locator, type Page } from '@playwright/test';
import { clipboardAfter, expectNoAxeViolations, useTheme, watchPage } from './support';

/** The "Your setup" panel of a fix page, opened. */
async function openPanel(page: Page): Promise<Locator> {
  const panel = page.locator('setup-panel');
  await panel.locator('summary').click();
  await expect(panel.getByRole('textbox', { name: 'Site domain' })).toBeEnabled();
  return panel;
}

/** The first code block whose text contains `text`. */
const blockWith = (page: Page, text: string) => page.locator('.expressive-code', { hasText: text }).first();

/** Clicks a block's copy button and returns the clipboard. */
async function copy(block: Locator): Promise<string> {
  await block.hover();
  return clipboardAfter(block.page(), () => block.getByRole('button', { name: 'Copy to clipboard' }).click());
}

/** The command as the block shows it (comment lines are not copied by terminal frames). */
async function shown(block: Locator): Promise<string> {
  const text = (await block.locator('pre code').innerText()).replace(/\n$/, '');
  return text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}

test.describe('Your setup', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('fills commands on three fix pages, and Copy copies exactly what is shown', async ({ page }) => {
    const watcher = await watchPage(page);
    await page.goto('/fixes/upstream-refused/');
    const panel = await openPanel(page);
    await panel.getByRole('textbox', { name: 'Site domain' }).fill('shop.example.org');
    await panel.getByRole('combobox', { name: 'Proxy software' }).selectOption({ label: 'Apache httpd' });
    await panel.getByRole('textbox', { name: 'Error log' }).fill('/srv/logs/apache-error.log');
    await panel.getByRole('textbox', { name: 'Upstream host' }).fill('10.1.2.3');
    await panel.getByRole('textbox', { name: 'Upstream port' }).fill('3000');
    await panel.getByRole('textbox', { name: 'Unix socket' }).fill('/run/php/php8.3-fpm.sock');
    await expect(panel.locator('summary')).toContainText('Commands use shop.example.org and 10.1.2.3:3000.');

    const curl = blockWith(page, 'curl -I http://');
    await expect(curl.locator('pre code')).toHaveText('curl -I http://10.1.2.3:3000/');
    expect(await copy(curl)).toBe('curl -I http://10.1.2.3:3000/');
    await expect(blockWith(page, "sudo ss -ltnp 'sport").locator('pre code')).toHaveText(
      "sudo ss -ltnp 'sport = :3000'",
    );

    await page.goto('/fixes/general-checklist/');
    const direct = blockWith(page, 'curl -I --resolve');
    await expect(direct.locator('pre code')).toContainText('curl -I http://10.1.2.3:3000/');
    await expect(direct.locator('pre code')).toContainText(
      'curl -I --resolve shop.example.org:443:203.0.113.10 https://shop.example.org/',
    );
    expect(await copy(direct)).toBe(await shown(direct));

    await page.goto('/fixes/permission-denied/');
    const socket = blockWith(page, 'namei -l');
    await expect(socket.locator('pre code')).toHaveText('namei -l /run/php/php8.3-fpm.sock');
    expect(await copy(socket)).toBe('namei -l /run/php/php8.3-fpm.sock');
    // Only the chosen server's log changes; the nginx and HAProxy tabs keep theirs.
    const apacheLog = blockWith(page, "sudo grep 'Permission denied' /srv/logs/apache-error.log");
    await page.getByRole('tab', { name: 'Apache httpd' }).first().click();
    expect(await copy(apacheLog)).toBe("sudo grep 'Permission denied' /srv/logs/apache-error.log | tail -n 5");
    await expect(page.locator('pre code', { hasText: '/var/log/apache2/error.log' })).toHaveCount(0);
    await expect(page.locator('pre code', { hasText: '/var/log/haproxy.log' }).first()).toBeAttached();
    await watcher.check();
  });

  test('keeps the values over a reload, and Clear restores the examples', async ({ page }) => {
    await page.goto('/fixes/upstream-refused/');
    let panel = await openPanel(page);
    await panel.getByRole('textbox', { name: 'Upstream host' }).fill('::1');
    await panel.getByRole('textbox', { name: 'Upstream port' }).fill('9000');
    const curl = blockWith(page, 'curl -I http://');
    await expect(curl.locator('pre code')).toHaveText("curl -I http://'[::1]':9000/");

    await page.reload();
    panel = await openPanel(page);
    await expect(panel.getByRole('textbox', { name: 'Upstream host' })).toHaveValue('::1');
    await expect(curl.locator('pre code')).toHaveText("curl -I http://'[::1]':9000/");
    expect(await copy(curl)).toBe("curl -I http://'[::1]':9000/");

    await panel.getByRole('button', { name: 'Clear' }).click();
    await expect(panel.getByRole('status')).toHaveText('Cleared: commands show the examples again.');
    await expect(panel.getByRole('textbox', { name: 'Upstream host' })).toHaveValue('');
    await expect(curl.locator('pre code')).toHaveText('curl -I http://127.0.0.1:8080/');
    expect(await copy(curl)).toBe('curl -I http://127.0.0.1:8080/');
    await page.reload();
    await expect(blockWith(page, 'curl -I http://').locator('pre code')).toHaveText('curl -I http://127.0.0.1:8080/');
  });

  const hostile = [
    '; rm -rf /',
    '$(id)',
    '`id`',
    '"example.org"',
    "'example.org'",
    'shop example.org',
    'a'.repeat(10_000),
    'ex\u0430mple.org',
    '<img src=x onerror="document.title=1">',
  ];
  for (const value of hostile) {
    test(`refuses ${JSON.stringify(value.slice(0, 24))} with an inline message and never shows it`, async ({
      page,
    }) => {
      const watcher = await watchPage(page);
      await page.goto('/fixes/upstream-refused/');
      const panel = await openPanel(page);
      const domain = panel.getByRole('textbox', { name: 'Site domain' });
      await domain.fill(value);
      await domain.press('Tab');
      await expect(domain).toHaveAttribute('aria-invalid', 'true');
      const message = panel.locator('[data-setup-error="domain"]');
      await expect(message).toContainText('Not used:');
      await expect(domain).toHaveAccessibleDescription(/Not used:/);
      const verify = blockWith(page, 'https://example.com/');
      await expect(verify.locator('pre code')).toHaveText(
        "curl -sS -o /dev/null -w '%{http_code}\\n' https://example.com/",
      );
      expect(await copy(verify)).toBe("curl -sS -o /dev/null -w '%{http_code}\\n' https://example.com/");
      await expect(page.locator('main img[src="x"]')).toHaveCount(0);
      expect(await page.title()).not.toBe('1');
      await watcher.check();
    });
  }

  test('ignores invalid values that other code stored, and says so in the panel', async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('502guide:setup:upstreamHost', '$(id)');
      localStorage.setItem('502guide:setup:domain', 'shop.example.org\nrm -rf /');
    });
    await page.goto('/fixes/upstream-refused/');
    await expect(blockWith(page, 'curl -I http://').locator('pre code')).toHaveText('curl -I http://127.0.0.1:8080/');
    await expect(blockWith(page, 'https://example.com/').locator('pre code')).toContainText('https://example.com/');
    const panel = await openPanel(page);
    await expect(panel.locator('[data-setup-error="upstreamHost"]')).toContainText('Not used:');
    await expect(panel.locator('[data-setup-error="domain"]')).toContainText('line break');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no axe violations, open, with a message showing (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/fixes/upstream-refused/');
      const panel = await openPanel(page);
      await panel.getByRole('textbox', { name: 'Upstream port' }).fill('70000');
      await panel.getByRole('textbox', { name: 'Upstream port' }).press('Tab');
      await expect(panel.locator('[data-setup-error="upstreamPort"]')).toContainText('1 to 65535');
      await panel.getByRole('textbox', { name: 'Site domain' }).fill('shop.example.org');
      await expectNoAxeViolations(page);
      await page.goto('/your-setup/');
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('commands show the examples, complete, and the panel says why it is off', async ({ page }) => {
    await page.goto('/fixes/upstream-refused/');
    await expect(blockWith(page, 'curl -I http://').locator('pre code')).toHaveText('curl -I http://127.0.0.1:8080/');
    await expect(blockWith(page, 'curl -I http://').locator('.copy button')).toHaveAttribute(
      'data-code',
      'curl -I http://127.0.0.1:8080/',
    );
    const panel = page.locator('setup-panel');
    await panel.locator('summary').click();
    await expect(panel.getByText('Filling in commands needs JavaScript')).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'Site domain' })).toBeDisabled();
  });
});
