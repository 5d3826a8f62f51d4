/**
 * Starlight route middleware: link previews for fix pages. A link pasted into a ticket or
 * chat unfurls as "<code> <title>" with the one-line cause, so the reader sees which
 * outcome it is before opening it. See Starlight's "Route data" guide.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const outcome = route.entry.data.outcome;
  if (!outcome) return;
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
});
