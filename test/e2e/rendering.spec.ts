import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './support';

/**
 * Code blocks and asides below the fold are rendered when the reader nears them
 * (`content-visibility: auto` in src/styles/custom.css), and the tab stops of sideways
 * scrolling regions are set in slices (src/components/overrides/scrollable-regions.ts).
 * These tests hold the behaviour a reader relies on: nothing is missing once it is
 * reached, and keyboard users still get every tab stop.
 */

const phone = { width: 390, height: 844 };
const regions = '.sl-markdown-content table, .sl-markdown-content .expressive-code pre';
/** Code blocks a reader can reach by scrolling (not in a tab panel that is closed). */
const codeBlocks = '.sl-markdown-content .expressive-code:not([hidden] *)';

/**
 * Whether the browser is skipping the rendering of the last code block right now. Asked of
 * the block's `pre`: `checkVisibility()` reports content inside a skipped block, not the
 * block's own (placeholder) box.
 */
const lastBlockIsSkipped = (page: Page) =>
  page
    .locator(`${codeBlocks} pre`)
    .last()
    .evaluate((element) => !element.checkVisibility({ contentVisibilityAuto: true }));

/** How many tables and code blocks are wider inside than their box, with and without a tab stop. */
const overflowing = (page: Page) =>
  page.evaluate((selector) => {
    const wide = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (region) => region.scrollWidth > region.clientWidth + 1,
    );
    return { wide: wide.length, withoutTabStop: wide.filter((region) => region.tabIndex !== 0).length };
  }, regions);

test('on a phone, code blocks below the fold wait to be rendered, and every one that scrolls sideways still gets a tab stop', async ({
  page,
}) => {
  await page.setViewportSize(phone);
  const watcher = await watchPage(page);
  await page.goto('/fixes/upstream-refused/');
  const lastBlock = page.locator(codeBlocks).last();
  expect(await lastBlockIsSkipped(page)).toBe(true);

  // The tab stops do not wait for the reader to scroll: all are set shortly after load.
  await expect.poll(() => overflowing(page)).toEqual({ wide: expect.any(Number), withoutTabStop: 0 });
  expect((await overflowing(page)).wide).toBeGreaterThan(0);

  await lastBlock.scrollIntoViewIfNeeded();
  await expect.poll(() => lastBlockIsSkipped(page)).toBe(false);
  await expect(lastBlock.locator('pre')).toBeInViewport();
  await expect(lastBlock.locator('.ec-line').first()).toBeVisible();
  await watcher.check();
});

test('a link to a heading far down a long page lands on that heading', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/errors/502-bad-gateway/');
  const id = await page.locator('.sl-markdown-content h2[id]').last().getAttribute('id');
  await page.goto(`/errors/502-bad-gateway/#${id}`);
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading).toBeInViewport();
  // Below the fixed header and table-of-contents bar, not somewhere further down.
  const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThan(phone.height / 3);
});
