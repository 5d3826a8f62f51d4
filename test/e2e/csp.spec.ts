import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cspHash } from '../../src/security/csp';
import { htmlFiles, watchPage } from './support';

/** One built page: its policy's directives by name and the markup that follows the policy. */
function policyOf(html: string) {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
  const directives = new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  return { meta, directives };
}

/** Inline `<script>` bodies the browser would run (data blocks such as JSON-LD are not scripts). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attributes = '']) => !/\bsrc=/.test(attributes) && !/\btype="application\/(ld\+)?json"/.test(attributes),
    )
    .map(([, , body = '']) => body);
}

// Astro's build writes the policy; this re-derives every hash from the HTML it shipped.
test('every built page has a policy that allows each of its inline scripts and styles and nothing inline else', () => {
  const problems: string[] = [];
  const pages = htmlFiles();
  let scriptCount = 0;
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(join('dist', page), 'utf8');
    // Astro's redirect pages (outcome leaves and old wizard paths, astro.config.mjs) carry no
    // script and no style at all, only a refresh to the new address: nothing for a policy to allow.
    if (/^<!doctype html><title>Redirecting to: [^<]*<\/title><meta http-equiv="refresh"/.test(html)) {
      expect(html, page).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      continue;
    }
    checked += 1;
    const { meta, directives } = policyOf(html);
    if (!meta) {
      problems.push(`${page}: no CSP <meta>`);
      continue;
    }
    // A <meta> policy governs what is parsed after it. Astro writes it in <head>, after
    // Starlight's theme script; that script is hashed below all the same, so the same
    // policy also works sent as a header.
    if (meta.index > html.indexOf('<body')) problems.push(`${page}: the policy comes after <body>`);
    const scriptSrc = directives.get('script-src') ?? [];
    const styleSrc = directives.get('style-src') ?? [];
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
      if (scriptSrc.includes(forbidden)) problems.push(`${page}: script-src allows ${forbidden}`);
    }
    if (directives.get('default-src')?.join(' ') !== "'self'") problems.push(`${page}: default-src is not 'self'`);
    for (const body of inlineScripts(html)) {
      scriptCount += 1;
      if (!scriptSrc.includes(`'${cspHash(body)}'`))
        problems.push(`${page}: inline script not allowed: ${body.slice(0, 60)}`);
    }
    for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
      if (!styleSrc.includes(`'${cspHash(body)}'`))
        problems.push(`${page}: inline style not allowed: ${body.slice(0, 60)}`);
    }
    for (const [, source = ''] of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)) {
      if (!source.startsWith('/')) problems.push(`${page}: script from another origin: ${source}`);
    }
    for (const [handler = ''] of html.matchAll(/<[a-z][^>]*\son[a-z]+="[^"]*"/g)) {
      problems.push(`${page}: inline event handler: ${handler.slice(0, 80)}`);
    }
  }
  expect(problems).toEqual([]);
  // Every page that is not a redirect runs at least Starlight's theme script inline.
  expect(checked).toBeGreaterThan(250);
  expect(scriptCount).toBeGreaterThan(checked);
});

test('the page watcher reports an injected inline script, a blocked image and another origin', async ({ page }) => {
  const watcher = await watchPage(page);
  await page.route('/visitors/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</main>',
      '<script>document.title = "injected"</script><img src="https://tracker.example/pixel.gif" alt=""></main>',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto('/visitors/');
  await expect.poll(() => watcher.errors.join('\n')).toMatch(/CSP violation: script-src-elem blocked inline/);
  await expect
    .poll(() => watcher.errors.join('\n'))
    .toMatch(/CSP violation: img-src blocked https:\/\/tracker\.example/);
  expect(await page.title()).not.toBe('injected');
  await page.evaluate(() => fetch('https://tracker.example/beacon').catch(() => undefined));
  await expect.poll(() => watcher.errors.join('\n')).toMatch(/connect-src blocked https:\/\/tracker\.example/);
  // The policy cannot stop a top-level navigation; the watcher still names it.
  await page.route('https://tracker.example/**', (route) => route.fulfill({ body: 'elsewhere' }));
  await page.goto('https://tracker.example/');
  expect(watcher.errors).toContain('request to another origin: https://tracker.example/');
});
