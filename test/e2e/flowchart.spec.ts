import { expect, test } from '@playwright/test';
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
  await chart.getByRole('link', { name: 'Which reverse proxy or load balancer sits in front of your app?' }).click();
  await expect(page).toHaveURL(/\/wizard\/admin\/$/);
  await expect(page.getByText('Which reverse proxy or load balancer sits in front of your app?').first()).toBeVisible();

  await page.goto('/flowchart/');
  await chart.getByRole('link', { name: /^502-FIREWALL/ }).click();
  await expect(page).toHaveURL(/\/fixes\/firewall\/$/);
});

test('keyboard users reach the chart’s links in reading order, the chart scrolling to each', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/flowchart/');
  const region = page.getByRole('region', { name: 'Flowchart (scrolls)' });
  await region.focus();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('link', { name: 'Are you visiting the site, or do you run it?' })).toBeFocused();
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

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the chart keeps its size and scrolls, with no text under 13 px', async ({ page }) => {
    await page.goto('/flowchart/');
    const region = page.getByRole('region', { name: 'Flowchart (scrolls)' });
    const size = await region.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      scrollHeight: element.scrollHeight,
      clientHeight: element.clientHeight,
    }));
    expect(size.scrollWidth).toBeGreaterThan(size.clientWidth);
    expect(size.scrollHeight).toBeGreaterThan(size.clientHeight);

    const svg = region.locator('svg');
    const rendered = await svg.evaluate((element) => ({
      width: element.getBoundingClientRect().width,
      natural: Number(element.getAttribute('width')),
    }));
    expect(rendered.width).toBe(rendered.natural);

    const fontSizes = await svg
      .locator('text, tspan')
      .evaluateAll((elements) => elements.map((element) => parseFloat(getComputedStyle(element).fontSize)));
    expect(fontSizes.length).toBeGreaterThan(50);
    expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(13);

    // The chart opens on its first question.
    const regionBox = (await region.boundingBox())!;
    const rootBox = (await svg.locator('a[href="/wizard/"]').boundingBox())!;
    expect(rootBox.x).toBeGreaterThanOrEqual(regionBox.x);
    expect(rootBox.x + rootBox.width).toBeLessThanOrEqual(regionBox.x + regionBox.width);
    expect(rootBox.y + rootBox.height).toBeLessThanOrEqual(regionBox.y + regionBox.height);

    // Keyboard users scroll it too: the region takes focus.
    // One CI run saw a single press leave the region unscrolled while it had focus (on a
    // 2-CPU machine running two test workers); a reader would press again, and so does this.
    await region.focus();
    await expect(async () => {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((element) => element.scrollLeft), { timeout: 1_000 }).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000 });
    await expect(region).toBeFocused();
  });
});
