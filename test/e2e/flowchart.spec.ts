import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, useTheme, watchPage } from './support';

const themes = ['light', 'dark'] as const;

for (const theme of themes) {
  test(`${theme}: the flowchart page has no axe violation, with its list closed and open`, async ({ page }) => {
    await useTheme(page, theme);
    const watcher = await watchPage(page);
    const response = await page.goto('/flowchart/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('group', { name: 'Flowchart of the 502 diagnosis wizard' })).toBeVisible();
    await expectNoAxeViolations(page, `/flowchart/ (${theme})`);
    await page.getByText('The flowchart as a list').click();
    const list = page.locator('details.flowchart-list');
    await expect(list.getByRole('link', { name: 'Are you visiting the site, or do you run it?' })).toBeVisible();
    await expectNoAxeViolations(page, `/flowchart/ with the list open (${theme})`);
    await watcher.check();
  });
}

test('a question in the chart opens its wizard step, a fix opens its fix page', async ({ page }) => {
  const chart = page.getByRole('group', { name: 'Flowchart of the 502 diagnosis wizard' });
  await page.goto('/flowchart/');
  // At the fitted size the boxes are small, but each is still a link to select.
  await chart.getByRole('link', { name: 'Who answered with the 502?' }).click();
  await expect(page).toHaveURL(/\/wizard\/admin\/$/);
  await expect(page.getByText('Who answered with the 502?').first()).toBeVisible();

  await page.goto('/flowchart/');
  await chart.getByRole('link', { name: /^502-FIREWALL/ }).click();
  await expect(page).toHaveURL(/\/fixes\/firewall\/$/);
});

test('keyboard users reach the chart’s links in reading order, the zoomed chart scrolling to each', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/flowchart/');
  const region = page.getByRole('region', { name: 'Flowchart' });
  await region.focus();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('link', { name: 'Are you visiting the site, or do you run it?' })).toBeFocused();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  // Far to the right: the last box of the chart.
  const last = region.locator('a').last();
  await last.focus();
  await expect(last).toBeInViewport();
  expect(await region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});

test('the list holds every link of the chart', async ({ page }) => {
  await page.goto('/flowchart/');
  const chartLinks = await page.locator('svg a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const listLinks = await page
    .locator('details.flowchart-list a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(chartLinks.length).toBeGreaterThan(20);
  expect(listLinks).toEqual(expect.arrayContaining(chartLinks));
  // Each in-page link leads to a question of the list.
  for (const href of new Set(listLinks.filter((href) => href?.startsWith('#')))) {
    await expect(page.locator(`details.flowchart-list li${href}`), href!).toHaveCount(1);
  }
});

/** The rendered width of the chart and of the region that holds it, in CSS px. */
async function widths(page: Page) {
  const region = page.getByRole('region', { name: 'Flowchart' });
  return region.evaluate((element) => ({
    svg: element.querySelector('svg')!.getBoundingClientRect().width,
    natural: Number(element.querySelector('svg')!.getAttribute('width')),
    region: element.clientWidth,
    scrollWidth: element.scrollWidth,
  }));
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the chart fits the width, and the zoom buttons change its scale', async ({ page }) => {
      await page.goto('/flowchart/');
      const fit = await widths(page);
      expect(fit.svg).toBeLessThanOrEqual(fit.region);
      expect(fit.svg).toBeGreaterThan(fit.region - 2);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.region);
      expect(fit.natural).toBeGreaterThan(fit.region);

      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      const zoomOut = page.getByRole('button', { name: 'Zoom out' });
      const fitButton = page.getByRole('button', { name: 'Fit' });
      await expect(zoomOut).toBeDisabled();
      await zoomIn.click();
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg * 1.5, -1);
      await zoomIn.click();
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg * 2.25, -1);
      await expect(page.locator('output[data-scale]')).toHaveText(
        `${Math.round((fit.svg * 2.25 * 100) / fit.natural)} %`,
      );
      await zoomOut.click();
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg * 1.5, -1);
      await fitButton.click();
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg, -1);
      await expect(fitButton).toBeDisabled();

      // Zoomed in all the way, the chart is twice its natural size and its text is never under 13 px there.
      for (let press = 0; press < 12 && (await zoomIn.isEnabled()); press += 1) await zoomIn.click();
      await expect.poll(async () => (await widths(page)).svg).toBe(fit.natural * 2);
      const fontSizes = await page
        .locator('svg text, svg tspan')
        .evaluateAll((elements) => elements.map((element) => parseFloat(getComputedStyle(element).fontSize)));
      expect(fontSizes.length).toBeGreaterThan(50);
      expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(13);
    });

    test('the keyboard zooms and pans the focused chart', async ({ page }) => {
      await page.goto('/flowchart/');
      const region = page.getByRole('region', { name: 'Flowchart' });
      const fit = await widths(page);
      await region.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg * 2.25, -1);
      // Tall enough to pan up and down too.
      const overflowsDown = () => region.evaluate((element) => element.scrollHeight > element.clientHeight + 40);
      for (let press = 0; press < 8 && !(await overflowsDown()); press += 1) await page.keyboard.press('+');
      expect(await overflowsDown()).toBe(true);
      const start = await region.evaluate((element) => ({ left: element.scrollLeft, top: element.scrollTop }));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(start.left);
      const right = await region.evaluate((element) => element.scrollLeft);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeLessThan(right);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(start.top);
      const zoomed = (await widths(page)).svg;
      await page.keyboard.press('-');
      await expect.poll(async () => (await widths(page)).svg).toBeLessThan(zoomed - 10);
      await page.keyboard.press('0');
      await expect.poll(async () => (await widths(page)).svg).toBeCloseTo(fit.svg, -1);
      await expect(region).toBeFocused();
    });
  });
}

test('the reader’s last path through the wizard is highlighted', async ({ page }) => {
  // The key of $lastWizardPath in src/wizard/store.ts; nanostores stores strings as they are.
  await page.addInitScript(() => localStorage.setItem('502guide:wizard-path', '/wizard/admin/cloudflare/error-522/'));
  await page.goto('/flowchart/');
  const svg = page.getByRole('group', { name: 'Flowchart of the 502 diagnosis wizard' });
  const marked = await svg
    .locator('.boxes a.on-path')
    .evaluateAll((links) =>
      links.map((link) => `${link.getAttribute('data-node')}:${link.getAttribute('aria-current')}`),
    );
  expect(marked.sort()).toEqual(['cloudflare-code:step', 'firewall:step', 'proxy:step', 'role:step']);
  await expect(svg.locator('.edges path.on-path')).toHaveCount(3);
  expect(await svg.locator('.labels g.on-path').evaluateAll((groups) => groups.map((g) => g.dataset.slug))).toEqual(
    expect.arrayContaining(['admin', 'cloudflare', 'error-522']),
  );
  await expect(svg.locator('.labels g.on-path')).toHaveCount(3);
  // Only the chosen answer of a question is marked, not the others on the same edge.
  await expect(svg.locator('.labels g.on-path[data-slug="error-521"]')).toHaveCount(0);
  const note = page.locator('[data-path-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('3 answers you gave last time');
  await expect(note.getByRole('link', { name: 'continue in the wizard' })).toHaveAttribute(
    'href',
    '/wizard/admin/cloudflare/error-522/',
  );
  await expectNoAxeViolations(page, '/flowchart/ with a stored path');
});

test('without a stored path nothing is highlighted', async ({ page }) => {
  await page.goto('/flowchart/');
  await expect(page.getByRole('button', { name: 'Fit' })).toBeVisible();
  await expect(page.locator('svg .on-path')).toHaveCount(0);
  await expect(page.locator('[data-path-note]')).toBeHidden();
});

test('the list view is open at 390 px and closed at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/flowchart/');
  const list = page.locator('details.flowchart-list');
  await expect(list).toHaveJSProperty('open', true);
  await expect(list.getByRole('link', { name: 'Are you visiting the site, or do you run it?' })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/flowchart/');
  await expect(page.getByRole('button', { name: 'Fit' })).toBeVisible();
  await expect(list).toHaveJSProperty('open', false);
});
