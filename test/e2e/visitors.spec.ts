import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

test('visitor buttons on /, /visitors/ and the 502 page open the visitor branch of the wizard', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.locator('.card', { hasText: "I'm visiting a site" }).getByRole('link', { name: /wizard/ }),
  ).toHaveAttribute('href', '/wizard/visitor/');
  await page.goto('/visitors/');
  await expect(page.locator('main').getByRole('link', { name: 'Diagnose my 502' })).toHaveAttribute(
    'href',
    '/wizard/visitor/',
  );
  await page.goto('/errors/502-bad-gateway/');
  const aside = page.locator('.sl-markdown-content aside', { hasText: 'Just visiting?' });
  // The callout comes right after the first paragraph.
  await expect(page.locator('.sl-markdown-content > p:first-child + aside')).toHaveCount(1);
  await expect(aside.getByRole('link', { name: 'Answer a few questions' })).toHaveAttribute('href', '/wizard/visitor/');
  await expectNoAxeViolations(page);
  await aside.getByRole('link', { name: 'Answer a few questions' }).click();
  await expect(page).toHaveURL(/\/wizard\/visitor\/$/);
  // The visitor branch does not ask again whether the reader runs the site.
  await expect(page.getByText('I run the site')).toHaveCount(0);
});
