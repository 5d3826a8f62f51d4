import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { arriveAt, fixUrl, stepsToUrl, urlToSegments } from '../../src/wizard/paths';
import { loadRealTree } from '../support/tree';
import { htmlFiles } from './support';

/** The dist/ file a site path is served from, or undefined when nothing serves it. */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [`${decoded}index.html`]
    : [decoded, `${decoded}.html`, `${decoded}/index.html`];
  return candidates.map((candidate) => join('dist', candidate)).find((file) => existsSync(file) && !file.endsWith('/'));
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

test('dist/ has no broken internal link or anchor', () => {
  const broken: string[] = [];
  for (const page of htmlFiles()) {
    const html = readFileSync(join('dist', page), 'utf8').replace(/<template[\s\S]*?<\/template>/g, '');
    const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, 'http://site.test');
    for (const [, attribute, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      if (!value || /^(mailto:|tel:|data:|javascript:)/.test(value)) continue;
      const target = new URL(value.replaceAll('&amp;', '&'), pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      const file = fileFor(target.pathname);
      if (!file) {
        broken.push(`${page}: ${attribute}="${value}" → nothing at ${target.pathname}`);
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && anchor !== '_top' && file.endsWith('.html') && !idsIn(file).has(anchor)) {
        broken.push(`${page}: ${attribute}="${value}" → no id "${anchor}" in ${file}`);
      }
    }
  }
  expect(broken).toEqual([]);
});

/**
 * Old wizard links (tree version 1) that the current tree moved: a sample of every fifth,
 * opened with JavaScript on and off. Each must land on the step its answers lead to now
 * (src/wizard/paths.ts `arriveAt`), or on the fix page where they end at an outcome, with
 * every answer kept in "Your answers".
 */
const tree = loadRealTree();
const movedLinks = readFileSync('test/fixtures/published-links.txt', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('/wizard/'))
  .map((url) => ({ url, arrival: arriveAt(tree, urlToSegments(url)!) }))
  .filter(({ arrival }) => arrival.kind === 'moved')
  .filter((_, index) => index % 5 === 0);

for (const javaScriptEnabled of [true, false]) {
  test.describe(`old wizard links, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    test(`${movedLinks.length} moved links land on their new step with their answers`, async ({ page }) => {
      test.setTimeout(120_000);
      expect(movedLinks.length).toBeGreaterThanOrEqual(15);
      for (const { url, arrival } of movedLinks) {
        await page.goto(url);
        const { resolution } = arrival;
        // A question's page, or where the answers end at an outcome, its fix page with them.
        await expect(page).toHaveURL(
          resolution.kind === 'outcome' ? fixUrl(resolution.outcome, resolution.steps) : stepsToUrl(resolution.steps),
        );
        // The fix page names the answers with its script; without one, the URL carries them.
        if (resolution.kind === 'node' || javaScriptEnabled) {
          await expect(page.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(
            resolution.steps.length,
          );
        }
      }
    });
  });
}
