/**
 * Stands in for `@pagefind/default-ui` in Starlight's search box (`astro.config.mjs` aliases
 * the bare specifier here). Starlight's `components/Search.astro` imports Pagefind's UI and
 * builds it on the first idle moment of every page: 26.5 KB of gzip script (94 KB
 * unpacked) fetched, compiled and run, and about 14 ms of script on a fix page on the
 * bench machine (CPU profile, unthrottled; a phone is several times slower), for a
 * search box most readers never open.
 *
 * This class takes the same options and defers the work: the code is fetched when the
 * reader first points at, touches or focuses the search button (so it is usually ready by
 * the click), and the real UI is built when the search dialog first opens, then given the
 * focus Starlight tried to give it. If the code cannot be loaded (offline, a failed
 * deploy), the dialog says so and the next opening tries again.
 */

/** The options Starlight passes (Pagefind UI's own, documented at pagefind.app/docs/ui/). */
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

export class PagefindUI {
  #options: PagefindUIOptions;
  #code: Promise<PagefindUIModule> | undefined;
  #built: Promise<void> | undefined;

  /**
   * @param options Pagefind UI options as Starlight's `Search.astro` builds them; kept and
   * handed to the real `PagefindUI` unchanged.
   * Throws nothing: with no mount element or dialog in the page, nothing is deferred or built.
   */
  constructor(options: PagefindUIOptions) {
    this.#options = options;
    const mount = document.querySelector<HTMLElement>(options.element);
    const dialog = mount?.closest('dialog');
    if (!mount || !dialog) return;
    const openButton = dialog.closest('site-search')?.querySelector('button[data-open-modal]');
    const fetchCode = () => void this.#fetch().catch(() => undefined);
    for (const intent of ['pointerenter', 'touchstart', 'focus'] as const) {
      openButton?.addEventListener(intent, fetchCode, { once: true, passive: true });
    }
    const onOpen = () => {
      if (dialog.open) void this.#build(mount, dialog);
    };
    new MutationObserver(onOpen).observe(dialog, { attributes: true, attributeFilter: ['open'] });
    onOpen();
  }

  #fetch(): Promise<PagefindUIModule> {
    this.#code ??= loadPagefindUI().catch((error: unknown) => {
      this.#code = undefined;
      throw error;
    });
    return this.#code;
  }

  #build(mount: HTMLElement, dialog: HTMLDialogElement): Promise<void> {
    this.#built ??= (async () => {
      const status = document.createElement('p');
      status.className = 'search-status';
      status.setAttribute('role', 'status');
      status.textContent = LOADING;
      mount.before(status);
      try {
        const { PagefindUI: RealPagefindUI } = await this.#fetch();
        new RealPagefindUI(this.#options);
        status.remove();
        if (dialog.open) mount.querySelector('input')?.focus();
      } catch {
        this.#built = undefined;
        // Closed while loading: nothing to show, and the next opening starts afresh.
        if (!dialog.open) return status.remove();
        status.textContent = FAILED;
        dialog.addEventListener('close', () => status.remove(), { once: true });
      }
    })();
    return this.#built;
  }
}
