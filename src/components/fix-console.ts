/**
 * `<fix-console>` (OutcomeIndex.astro): the filter and per-row copy buttons of the support
 * console on `/fixes/`. The rows are rendered on the server; this only shows the filter and
 * the copy column, hides rows that do not match, and writes to the clipboard. Nothing typed
 * is ever parsed as HTML.
 */

/**
 * The two-sentence reply a support agent pastes to a customer.
 * @param code the outcome code, e.g. `502-UPSTREAM-REFUSED`.
 * @param cause the fix page's one-line cause (a full sentence ending in a full stop).
 * @param url the fix page's absolute address.
 * @returns e.g. "The most likely cause of the error you see (502-…) is this: the reverse proxy … The steps to fix it are here: https://…"
 */
export function customerReply(code: string, cause: string, url: string): string {
  const sentence = cause.trim().replace(/[.]?$/, '.');
  return `The most likely cause of the error you see (${code}) is this: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)} The steps to fix it are here: ${url}`;
}

/**
 * Whether a row's search text matches a query: every word of the query appears in it
 * (case-insensitive), so a code, a title word or a piece of a log line all work.
 */
export function matches(searchText: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => searchText.includes(word));
}

class FixConsole extends HTMLElement {
  connectedCallback(): void {
    const query = this.querySelector<HTMLInputElement>('[data-query]')!;
    this.querySelector<HTMLElement>('[data-filter]')!.hidden = false;
    this.querySelectorAll<HTMLElement>('[data-copy-column]').forEach((cell) => (cell.hidden = false));
    query.addEventListener('input', () => this.#filter(query.value));
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>(
        'button[data-copy-value], button[data-copy-reply]',
      );
      if (button) void this.#copy(button);
    });
    if (query.value) this.#filter(query.value);
  }

  #filter(text: string): void {
    const rows = [...this.querySelectorAll<HTMLElement>('[data-row]')];
    let shown = 0;
    for (const row of rows) {
      row.hidden = !matches(row.dataset['search'] ?? '', text);
      if (!row.hidden) shown++;
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-group]')) {
      group.hidden = group.querySelector('[data-row]:not([hidden])') === null;
    }
    this.querySelector<HTMLElement>('[data-none]')!.hidden = shown > 0;
    this.querySelector<HTMLElement>('[data-count]')!.textContent = text.trim()
      ? `${shown} of ${rows.length} fixes match.`
      : '';
  }

  async #copy(button: HTMLButtonElement): Promise<void> {
    const status = this.querySelector<HTMLElement>('[data-copy-status]')!;
    const { copyValue, code = '', cause = '', href = '' } = button.dataset;
    const text = copyValue ?? customerReply(code, cause, new URL(href, location.href).href);
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `Copied: ${text}`;
    } catch {
      status.textContent = `Your browser did not let us copy. The text is: ${text}`;
    }
  }
}

if (!customElements.get('fix-console')) customElements.define('fix-console', FixConsole);
