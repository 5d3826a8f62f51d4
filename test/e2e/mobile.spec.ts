import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitemapPaths, useTheme } from './support';

/**
 * At 390 px (a common phone width) nothing may stick out past the viewport: the page does
 * not scroll sideways, and no element's right edge passes 390 px unless it sits inside a
 * region that scrolls or clips sideways on purpose (a code block, a table too wide to
 * stack). Every page in the sitemap but the wizard's, plus ten wizard steps spread over the
 * tree (there are ~1,500).
 */
const width = 390;
const paths = sitemapPaths();
const wizardPaths = paths.filter((path) => path.startsWith('/wizard/'));
const sample = [
  ...paths.filter((path) => !path.startsWith('/wizard/')),
  ...Array.from({ length: 10 }, (_, index) => wizardPaths[Math.floor((index * wizardPaths.length) / 10)]!),
];

test.use({ viewport: { width, height: 844 } });

test('the sample covers the site', () => {
  expect(wizardPaths.length).toBeGreaterThan(100);
  expect(sample.length).toBeGreaterThan(40);
});

for (const path of sample) {
  test(`nothing wider than ${width} px on ${path}`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      const offenders: string[] = [];
      for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= viewport + 0.5) continue;
        let contained = false;
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') {
            contained = true;
            break;
          }
        }
        if (!contained) {
          const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
          offenders.push(`${name} right=${Math.round(box.right)}`);
        }
      }
      return { scrollWidth: document.scrollingElement!.scrollWidth, offenders: offenders.slice(0, 5) };
    });
    expect(overflow.offenders, 'elements past the right edge').toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(width);
  });
}

for (const [path, table] of [
  ['/fixes/', 'table.outcome-index'],
  ['/errors/502-bad-gateway/', '.sl-heading-wrapper:has([id="502-vs-500-vs-503-vs-504"]) ~ table'],
] as const) {
  test(`${path}: the wide table is one card per row, each value under its column's name`, async ({ page }) => {
    await page.goto(path);
    const first = page.locator(table).first();
    const shape = await first.evaluate((element) => {
      const row = element.querySelector('tbody tr')!;
      const cell = row.querySelectorAll('td')[1]!;
      return {
        rowDisplay: getComputedStyle(row).display,
        fits: element.scrollWidth <= element.clientWidth,
        rowWidth: row.getBoundingClientRect().width,
        label: getComputedStyle(cell, '::before').content,
        header: element.querySelectorAll('th')[1]!.textContent!.trim(),
      };
    });
    expect(shape.rowDisplay).toBe('block');
    expect(shape.fits).toBe(true);
    expect(shape.rowWidth).toBeGreaterThan(300);
    expect(shape.label).toBe(`"${shape.header}"`);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations at ${width} px in ${theme}: /fixes/ and a fix page`, async ({ page }) => {
    await useTheme(page, theme);
    for (const path of ['/fixes/', '/fixes/header-too-big/']) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${theme}, ${width} px)`, { soft: true });
    }
  });
}

test('output blocks have no copy button; copy buttons have an accessible name and sit in the title bar', async ({
  page,
}) => {
  await page.goto('/fixes/upstream-refused/');
  const textBlocks = page.locator('.sl-markdown-content .expressive-code:has(pre[data-language="text"])');
  expect(await textBlocks.count()).toBeGreaterThan(3);
  await expect(textBlocks.locator('.copy')).toHaveCount(0);
  const buttons = page.locator('.expressive-code .copy button');
  expect(await buttons.count()).toBeGreaterThan(3);
  for (const button of await buttons.all()) {
    await expect(button).toHaveAttribute('aria-label', 'Copy to clipboard');
  }
  // Those on screen (not in a closed tab panel).
  const shown = page.locator('.expressive-code .copy button:visible');
  expect(await shown.count()).toBeGreaterThan(3);
  for (const button of await shown.all()) {
    const [buttonBox, codeBox] = await Promise.all([
      button.boundingBox(),
      button.locator('xpath=ancestor::figure[1]').locator('pre').boundingBox(),
    ]);
    // The whole button is above the code's first pixel row: it never covers text.
    expect(buttonBox!.y + buttonBox!.height).toBeLessThanOrEqual(codeBox!.y + 1);
  }
});
