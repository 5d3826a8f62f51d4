/**
 * Stands in for `@pagefind/default-ui` in Starlight's search box (`astro.config.mjs` aliases
 * the bare specifier here). Starlight's `components/Search.astro` imports Pagefind's UI and
 * builds it on the first idle moment of every page: 26.5 KB of gzip script (94 KB
 * unpacked) fetched, compiled and run, and about 14 ms of script on a fix page on the
 * bench machine (CPU profile, unthrottled; a phone is several times slower), for a
 * search box most readers never open.
 *
 * Here the work waits for the reader: the code is fetched when they first point at, touch
 * or focus the search button (so it is usually ready by the click), and the real UI is
 * built when the search dialog first opens, then given the focus Starlight tried to give
 * it. If the code cannot be loaded (offline, a failed deploy), the dialog says so and the
 * next opening tries again.
 *
 * The dialog is watched from page load (`watchSearch`, called by our `Search.astro`
 * override), not from Starlight's idle callback: that callback has no timeout, and in a
 * fresh-clone CI run the dialog once stayed empty for 60 s after it opened. So the UI's
 * options are read from the page the way `Search.astro` reads them, and what that
 * callback constructs is a no-op.
 */
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

/** Pagefind UI's options, documented at pagefind.app/docs/ui/. */
interface PagefindUIOptions {
  /** CSS selector of the element the UI mounts into: `#starlight__search`. */
  element: string;
  [option: string]: unknown;
}

type PagefindUIModule = { PagefindUI: new (options: PagefindUIOptions) => unknown };

/** Deep path, so that this import is not caught by the alias that points the bare name here. */
const loadPagefindUI = (): Promise<PagefindUIModule> =>
  // @ts-expect-error: @pagefind/default-ui ships no type declarations.
  import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs') as Promise<PagefindUIModule>;

/** Shown in the dialog while the UI loads, and in its place if it cannot. */
const LOADING = 'Loading search…';
const FAILED = 'Search could not be loaded. Check your connection, then close this and open search again.';

/** Where Starlight's search box mounts Pagefind's UI (`Search.astro`). */
const MOUNT = '#starlight__search';

let code: Promise<PagefindUIModule> | undefined;
let built: Promise<void> | undefined;

function fetchCode(): Promise<PagefindUIModule> {
  code ??= loadPagefindUI().catch((error: unknown) => {
    code = undefined;
    throw error;
  });
  return code;
}

/**
 * The options Starlight's `Search.astro` script (Starlight 0.42) builds, from the same sources: the
 * `pagefind` option of the Starlight config (its virtual module), the translations and
 * trailing-slash flag in the `<site-search>` element's data attributes, and the base path.
 * @param siteSearch Starlight's `<site-search>` element.
 */
function optionsFromPage(siteSearch: HTMLElement): PagefindUIOptions {
  let translations = {};
  try {
    translations = JSON.parse(siteSearch.dataset['translations'] || '{}');
  } catch {
    // Untranslated labels are better than no search.
  }
  const base = import.meta.env.BASE_URL;
  const strip = siteSearch.dataset['stripTrailingSlash'] !== undefined;
  const formatURL = (path: string) => (strip ? path.replace(/(.)\/(#.*)?$/, '$1$2') : path);
  return {
    ...pagefindUserConfig,
    element: MOUNT,
    baseUrl: base,
    bundlePath: base.replace(/\/$/, '') + '/pagefind/',
    showImages: false,
    translations,
    showSubResults: true,
    processResult: (result: { url: string; sub_results: Array<{ url: string }> }) => {
      result.url = formatURL(result.url);
      for (const sub of result.sub_results) sub.url = formatURL(sub.url);
    },
  };
}

/** Builds Pagefind's UI once, showing a status line while its code loads or if it cannot. */
function build(siteSearch: HTMLElement, mount: HTMLElement, dialog: HTMLDialogElement): Promise<void> {
  built ??= (async () => {
    const status = document.createElement('p');
    status.className = 'search-status';
    status.setAttribute('role', 'status');
    status.textContent = LOADING;
    mount.before(status);
    try {
      const { PagefindUI: RealPagefindUI } = await fetchCode();
      new RealPagefindUI(optionsFromPage(siteSearch));
      status.remove();
      if (dialog.open) mount.querySelector('input')?.focus();
    } catch {
      built = undefined;
      // Closed while loading: nothing to show, and the next opening starts afresh.
      if (!dialog.open) return status.remove();
      status.textContent = FAILED;
      dialog.addEventListener('close', () => status.remove(), { once: true });
    }
  })();
  return built;
}

/**
 * Starts watching Starlight's search button and dialog: intent fetches Pagefind's UI code,
 * the dialog's first opening builds the UI. Call once, when the page is parsed.
 * Throws nothing: a page without Starlight's search box is left alone.
 */
export function watchSearch(): void {
  const siteSearch = document.querySelector<HTMLElement>('site-search');
  const dialog = siteSearch?.querySelector('dialog');
  const mount = dialog?.querySelector<HTMLElement>(MOUNT);
  if (!siteSearch || !dialog || !mount) return;
  const openButton = siteSearch.querySelector('button[data-open-modal]');
  const prefetch = () => void fetchCode().catch(() => undefined);
  for (const intent of ['pointerenter', 'touchstart', 'focus'] as const) {
    openButton?.addEventListener(intent, prefetch, { once: true, passive: true });
  }
  const onOpen = () => {
    if (dialog.open) void build(siteSearch, mount, dialog);
  };
  new MutationObserver(onOpen).observe(dialog, { attributes: true, attributeFilter: ['open'] });
  onOpen();
}

/**
 * What Starlight's idle callback constructs. It builds nothing: `watchSearch` already
 * watches the dialog and reads the same options from the page. Throws nothing.
 */
export class PagefindUI {}
