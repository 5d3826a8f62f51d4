/**
 * Starlight route middleware: every docs page gets its "Last updated" date from git; and for
 * fix pages:
 * - "On this page" ends with "Did this fix it?" and "Still seeing 502?";
 * - link previews: a link pasted into a ticket or chat unfurls as "<code> <title>" with the
 *   one-line cause, so the reader sees which outcome it is before opening it;
 * - structured data: a schema.org `HowTo` (https://schema.org/HowTo) with the page's steps.
 * See Starlight's "Route data" guide.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { followUpsOf } from './components/outcome/outcome-data';
import { lastUpdatedOf } from './last-updated';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight's own lookup reads src/content/docs only (src/last-updated.ts says why).
  if (route.entry.filePath) route.lastUpdated ??= lastUpdatedOf(route.entry.filePath);
  const outcome = route.entry.data.outcome;
  if (!outcome) return;
  // "Did this fix it?" and "Still seeing 502?" close every fix page (OutcomeFollowUps.astro,
  // rendered by the Footer override, outside the Markdown whose headings fill the list).
  if (route.toc && route.entry.id.startsWith('fixes/')) {
    const hasFollowUps = (await followUpsOf(route.entry.id.slice('fixes/'.length))).length > 0;
    route.toc.items.push({
      depth: 2,
      slug: 'did-this-fix-it',
      text: 'Did this fix it?',
      children: hasFollowUps ? [{ depth: 3, slug: 'still-seeing-502', text: 'Still seeing 502?', children: [] }] : [],
    });
  }
  const title = `${outcome.code} ${route.entry.data.title}`;
  const replacements: Record<string, string> = {
    'og:title': title,
    'twitter:title': title,
    'og:description': outcome.cause,
    'twitter:description': outcome.cause,
  };
  const seen = new Set<string>();
  for (const tag of route.head) {
    const key = String(tag.attrs?.['property'] ?? tag.attrs?.['name'] ?? '');
    if (tag.tag === 'meta' && key in replacements && tag.attrs) {
      tag.attrs['content'] = replacements[key]!;
      seen.add(key);
    }
  }
  for (const [key, content] of Object.entries(replacements)) {
    if (seen.has(key)) continue;
    const attribute = key.startsWith('og:') ? 'property' : 'name';
    route.head.push({ tag: 'meta', attrs: { [attribute]: key, content }, content: '' });
  }
  const steps = stepTitles(route.entry.body ?? '');
  if (steps.length > 0) {
    const howTo = {
      '@context': 'https://schema.org',
      '@type': 'HowTo',
      name: route.entry.data.title,
      description: outcome.cause,
      step: steps.map((name, index) => ({ '@type': 'HowToStep', position: index + 1, name })),
    };
    route.head.push({
      tag: 'script',
      attrs: { type: 'application/ld+json' },
      content: JSON.stringify(howTo).replace(/</g, '\\u003c'),
    });
  }
});

/** The `### ` headings that open each item of a fix page's `<Steps>` list, as plain text. */
export function stepTitles(mdx: string): string[] {
  return [...mdx.matchAll(/^\s*\d+\.\s+###\s+(.+?)\s*$/gm)].map((match) => match[1]!.replace(/[`*_]/g, ''));
}
