/**
 * "Did you mean …?" on the 404 page for a mistyped fix address (`/fixes/<slug>/`): the fix
 * slug nearest to what was typed by Levenshtein distance, when it is close enough. The
 * slugs come from the page (`script[data-fix-slugs]`, written at build time); the
 * suggestion is written with `textContent` and an `href` built from a known slug only.
 */

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b` (V. I. Levenshtein, 1966).
 */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known slug nearest to `typed`, or undefined when none is within a third of the typed
 * length (at least 2 edits allowed), so an unrelated address gets no suggestion.
 * @param typed the slug from the address, e.g. `upstream-refussed`.
 * @param slugs the fix pages' slugs, e.g. `upstream-refused`.
 */
export function nearestSlug(typed: string, slugs: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: { slug: string; distance: number } | undefined;
  for (const slug of slugs) {
    const distance = levenshtein(wanted, slug);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { slug, distance };
  }
  return best?.slug;
}

/** Fills the 404 page's suggestion when the address is a mistyped fix page. */
function suggest(): void {
  const match = /^\/fixes\/([^/]+)\/?$/.exec(location.pathname);
  const holder = document.querySelector<HTMLElement>('[data-fix-suggestion]');
  const json = document.querySelector('script[data-fix-slugs]')?.textContent;
  if (!match || !holder || !json) return;
  const slugs = JSON.parse(json) as string[];
  const slug = nearestSlug(decodeURIComponent(match[1]!), slugs);
  if (slug === undefined) return;
  const link = holder.querySelector('a')!;
  link.href = `/fixes/${slug}/`;
  link.textContent = `/fixes/${slug}/`;
  holder.hidden = false;
}

if (typeof document !== 'undefined') suggest();
