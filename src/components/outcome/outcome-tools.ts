/**
 * Browser side of the outcome tools on fix pages:
 * - `<outcome-tools>`: the answers that led here, tick boxes on each step, "Copy link" and
 *   "Copy summary" with a select-to-copy fallback;
 * - `<outcome-followups>`: "already tried" marks, follow-up links that keep the answers,
 *   and the escalation report.
 * Everything is written with `textContent` and attributes: nothing from the URL, storage
 * or a form field is ever parsed as HTML.
 */
import { loadWizardData } from '../../wizard/client-data';
import { readItem } from '../storage';
import { arriveAt, serverOf, stepsToUrl, type Step } from '../../wizard/paths';
import { $setup, setSetupValue } from '../../setup/store';
import { layerNames } from '../../wizard/layers';
import { $ticks, $tried, clearTried, markTried, pastedLineKey, resetTicks, setTick } from '../../wizard/outcome-store';
import { escalationReport, ticketSummary, type TicketSummary } from '../../wizard/summary';

interface OutcomeData {
  outcomes: Record<string, { code: string; title: string; href: string }>;
}

let data: OutcomeData | undefined;
/**
 * `record[key]` when `key` is the record's own property, else undefined. Ids come from
 * storage, which other code or a person can edit: an id like `constructor` must read as
 * unknown, not as `Object.prototype.constructor`.
 */
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function pageData(): OutcomeData | undefined {
  const json = document.querySelector('script[data-outcome-data]')?.textContent;
  data ??= json ? (JSON.parse(json) as OutcomeData) : undefined;
  return data;
}

/** The version of the tree that named the answers (set by {@link answerSteps}), for summaries. */
let treeVersion: number | undefined;

/**
 * When a fix page's `?answers=` led to another outcome, a sentence for the summary saying
 * where they led, and whether they are kept (set by {@link answerSteps}).
 */
let answersNote: string | undefined;

/** The outcomes reached from `start` through follow-ups, at any depth (`start` included). */
function reachableByFollowUps(followUps: Readonly<Record<string, readonly string[]>>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of Object.hasOwn(followUps, id) ? followUps[id]! : []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * The answers that led here: the `?answers=` the wizard's last answer (or a ticket link)
 * put on the fix page. Naming them needs the tree's routing data, fetched only when there
 * are answers to name (a fix page reached from search has none); without it, there are no
 * answers to show.
 *
 * A `?answers=` counts only when it is a whole route to this page's outcome, or to an
 * outcome from which "Still seeing 502?" leads here (the summary then says so); a link
 * made by an earlier tree is read through its `retired` rules. Anything else (a tampered
 * link, a route that stops at a question, one to an unrelated fix) names no answers rather
 * than a route the reader did not take, and the summary says where such answers led.
 *
 * @param outcomeId - The outcome of the page (the element's `data-outcome`).
 */
async function answerSteps(outcomeId: string): Promise<readonly Step[]> {
  const segments = (new URLSearchParams(location.search).get('answers') ?? '').split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 20) return [];
  const data = await loadWizardData().catch(() => undefined);
  if (!data) return [];
  treeVersion = data.shape.version;
  const arrival = arriveAt(data.shape, segments);
  if (arrival.kind === 'nearest') return [];
  const { resolution } = arrival;
  if (resolution.kind !== 'outcome') return [];
  if (resolution.outcome === outcomeId) return resolution.steps;
  const ledTo = Object.hasOwn(data.outcomeTitles, resolution.outcome)
    ? data.outcomeTitles[resolution.outcome]!
    : resolution.outcome;
  if (reachableByFollowUps(data.followUps, resolution.outcome).has(outcomeId)) {
    answersNote = `The wizard answers led to ${ledTo}; this fix was reached from there through "Still seeing 502?".`;
    return resolution.steps;
  }
  answersNote = `The link's wizard answers led to ${ledTo}, not to this fix, so they are left out.`;
  return [];
}

function answersQuery(steps: readonly Step[]): string {
  return steps.length === 0 ? '' : `?answers=${steps.map((step) => step.answer.slug).join('/')}`;
}

/** The link for a ticket: the fix page with the answers that led to it. */
function ticketLink(steps: readonly Step[]): string {
  return `${location.origin}${location.pathname}${answersQuery(steps)}`;
}

/**
 * Makes the proxy the answers named the reader's "Your setup" proxy, when none is chosen
 * yet: the commands that name a proxy then follow it on every page. A proxy the reader
 * chose stays (a support agent opening a customer's link keeps their own). Only values the
 * setup offers are stored (`setSetupValue` validates; src/setup/defaults.ts).
 */
function rememberServer(steps: readonly Step[]): void {
  const server = serverOf(steps);
  if (server !== undefined && $setup.get().server === '') setSetupValue('server', server);
}

/** The fix page's steps: each `<Steps>` item with its heading's anchor. */
function pageSteps(): { anchor: string; title: string; item: HTMLElement }[] {
  return [...document.querySelectorAll<HTMLElement>('.sl-markdown-content .sl-steps > li')].flatMap((item) => {
    const heading = item.querySelector('h3[id]');
    return heading ? [{ anchor: heading.id, title: heading.textContent?.trim() ?? '', item }] : [];
  });
}

/** A step that fits only some layers (PageTitle.astro, from `outcome.stepsOnlyFor`). */
interface OnlyFor {
  fits: string[];
  names: string;
}

/**
 * The layer the reader named: the answer to "Who answered with the 502?" (`proxy` node), or
 * else the proxy chosen in "Your setup"; undefined when neither says (or "Not sure").
 */
function readerLayer(steps: readonly Step[]): string | undefined {
  const answered = steps.find((step) => step.node.id === 'proxy')?.answer.slug;
  if (answered !== undefined) return answered === 'not-sure' ? undefined : answered;
  const server = $setup.get().server;
  // The setup's proxies (nginx, Apache httpd, HAProxy, Caddy) are layers under the same ids; "Other" is none.
  return Object.hasOwn(layerNames, server) ? server : undefined;
}

/**
 * Marks the steps that do not fit the reader's layer: a note under the heading naming the
 * layers they are for, and `data-elsewhere`, which leaves them out of the summary's "n of m".
 * Nothing is marked when the reader named no layer.
 */
function markStepsElsewhere(steps: readonly Step[]): void {
  const json = document.querySelector('script[data-steps-only-for]')?.textContent;
  const layer = readerLayer(steps);
  if (!json || layer === undefined) return;
  const onlyFor = JSON.parse(json) as Record<string, OnlyFor>;
  for (const step of pageSteps()) {
    const rule = ownValue(onlyFor, step.anchor);
    if (!rule || rule.fits.includes(layer) || step.item.dataset.elsewhere !== undefined) continue;
    step.item.dataset.elsewhere = '';
    const note = document.createElement('p');
    note.className = 'step-elsewhere-note';
    note.textContent = `Not for your setup: this step is for ${rule.names}. Skip it; it does not count in your summary.`;
    (step.item.querySelector('.sl-heading-wrapper') ?? step.item.querySelector('h3'))?.after(note);
  }
}

/**
 * Keeps `<html data-layer>` on the layer the reader named, which shows the quick fix's
 * "written for nginx" note (QuickFix.astro, custom.css). TabsFromAnswers.astro sets it before
 * the first paint from the raw answers; this corrects it to the checked answers and follows
 * a proxy chosen later in "Your setup".
 */
function followLayer(steps: readonly Step[]): void {
  const root = document.documentElement;
  $setup.subscribe(() => {
    const layer = readerLayer(steps);
    if (layer === undefined) root.removeAttribute('data-layer');
    else if (root.dataset.layer !== layer) root.dataset.layer = layer;
  });
}

function summaryFor(outcomeId: string, steps: readonly Step[]): TicketSummary | undefined {
  const page = pageData();
  const outcome = page === undefined ? undefined : ownValue(page.outcomes, outcomeId);
  if (!page || !outcome) return undefined;
  const ticked = new Set($ticks.get()[outcomeId] ?? []);
  const triedIds = [...$tried.get().filter((id) => id !== outcomeId), outcomeId];
  return {
    outcome,
    link: ticketLink(steps),
    answers: steps.map((step) => ({ question: step.node.short, answer: step.answer.label })),
    treeVersion,
    answersNote,
    domain: $setup.get().domain || undefined,
    pastedLine: readItem(pastedLineKey) ?? undefined,
    steps: pageSteps()
      .filter((step) => step.item.dataset.elsewhere === undefined)
      .map((step) => ({ title: step.title, done: ticked.has(step.anchor) })),
    tried: triedIds.length > 1 ? triedIds.flatMap((id) => ownValue(page.outcomes, id) ?? []) : [],
  };
}

/** Copies `text`; where the Clipboard API is missing or refuses, shows it selected in a text area. */
async function copyText(root: HTMLElement, text: string, what: string): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  const fallback = root.querySelector<HTMLElement>('[data-copy-fallback]');
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    if (fallback) fallback.hidden = true;
    if (status) status.textContent = `${what} copied to the clipboard.`;
  } catch {
    const area = root.querySelector<HTMLTextAreaElement>('[data-copy-fallback-text]');
    if (fallback && area) {
      fallback.hidden = false;
      area.value = text;
      area.focus();
      area.select();
    }
    if (status) status.textContent = `${what} is in the box below: copy it from there.`;
  }
}

/**
 * Scrolls each tab strip sideways so its open tab is in view. Starlight's strip
 * (`.tablist-wrapper`, `overflow-x: auto`; its Tabs.astro) keeps its scroll at the start, so
 * with ten platforms a tab opened from the wizard's answers (TabsFromAnswers.astro), such as
 * Cloudflare, was open but its label hidden off the strip's end. Only the strip scrolls:
 * nothing on the page moves.
 */
function showOpenTabs(): void {
  for (const wrapper of document.querySelectorAll<HTMLElement>('starlight-tabs .tablist-wrapper')) {
    const tab = wrapper.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    // The first tab is always in view: most loads read no layout here at all.
    if (!tab || tab === wrapper.querySelector('[role="tab"]')) continue;
    const overflow = tab.getBoundingClientRect().right - wrapper.getBoundingClientRect().right;
    if (overflow > 0) wrapper.scrollLeft += overflow;
  }
}

class OutcomeTools extends HTMLElement {
  connectedCallback(): void {
    const page = pageData();
    const outcomeId = this.dataset.outcome;
    if (!page || !outcomeId) return;
    showOpenTabs();
    const answers = answerSteps(outcomeId);
    void answers.then((steps) => {
      this.#showAnswers(steps);
      rememberServer(steps);
      markStepsElsewhere(steps);
      followLayer(steps);
    });
    this.#addTicks(outcomeId);
    this.addEventListener('click', async (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button) return;
      // Settled within a moment of load (or at once): the click's user activation outlasts it.
      if (button.dataset.copy === 'link') void copyText(this, ticketLink(await answers), 'Link');
      if (button.dataset.copy === 'summary') {
        const summary = summaryFor(outcomeId, await answers);
        if (summary) void copyText(this, ticketSummary(summary), 'Summary');
      }
      if (button.dataset.resetTicks !== undefined) {
        resetTicks(outcomeId);
        const status = this.querySelector('[data-copy-status]');
        if (status) status.textContent = 'Ticks cleared for this fix.';
      }
    });
  }

  /** "Your answers": each as "question: answer", the answer a link to its question to change it. */
  #showAnswers(steps: readonly Step[]): void {
    const list = this.querySelector('[data-answers-list]');
    const box = this.querySelector<HTMLElement>('[data-answers]');
    if (!list || !box) return;
    // The line kept free from the first paint (`html[data-answers]`) goes when no answer counts.
    if (steps.length === 0) return document.documentElement.removeAttribute('data-answers');
    list.replaceChildren(
      ...steps.map((step, index) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = stepsToUrl(steps.slice(0, index));
        link.textContent = step.answer.label;
        link.setAttribute('aria-label', `Change “${step.answer.label}” (${step.node.short})`);
        item.append(`${step.node.short}: `, link);
        return item;
      }),
    );
    box.hidden = false;
  }

  #addTicks(outcomeId: string): void {
    const steps = pageSteps();
    if (steps.length === 0) return;
    const boxes = steps.map((step) => {
      const label = document.createElement('label');
      label.className = 'step-tick';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.step = step.anchor;
      // Named with its step, so a screen reader's list of checkboxes says which step each is.
      box.setAttribute('aria-label', `Done: ${step.title}`);
      box.addEventListener('change', () => setTick(outcomeId, step.anchor, box.checked));
      label.append(box, ' Done');
      const wrapper = step.item.querySelector('.sl-heading-wrapper') ?? step.item.querySelector('h3');
      wrapper?.after(label);
      return box;
    });
    $ticks.subscribe((ticks) => {
      const ticked = new Set(ticks[outcomeId] ?? []);
      for (const box of boxes) box.checked = ticked.has(box.dataset.step!);
    });
  }
}

class OutcomeFollowUps extends HTMLElement {
  connectedCallback(): void {
    const page = pageData();
    const outcomeId = this.dataset.outcome;
    if (!page || !outcomeId) return;
    for (const note of this.querySelectorAll<HTMLElement>('[data-needs-js]')) note.hidden = true;
    const answers = answerSteps(outcomeId);
    void answers.then((steps) => {
      const query = answersQuery(steps);
      for (const link of this.querySelectorAll<HTMLAnchorElement>('[data-followup-link]')) {
        link.href = `${new URL(link.href).pathname}${query}`;
      }
    });
    this.querySelector('[data-clear-tried]')?.addEventListener('click', () => clearTried());
    this.#setUpVerdict(outcomeId);
    $tried.subscribe((tried) => this.#showTried(page, tried));
    void answers.then((steps) => this.#setUpReport(outcomeId, steps));
  }

  /**
   * "Did this fix it?": Yes says what to do with the ticket; No counts this outcome as
   * tried and points at the first follow-up not tried yet (its link keeps the answers), or,
   * with none left, at the report, which "tried" has then brought up.
   */
  #setUpVerdict(outcomeId: string): void {
    const status = this.querySelector<HTMLElement>('[data-verdict-status]');
    if (!status) return;
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-verdict]')) {
      button.addEventListener('click', () => {
        if (button.dataset.verdict === 'yes') {
          status.textContent =
            'Good to hear. If a ticket is open, "Copy summary" at the top of this page gives it the cause and the steps you ticked.';
          return;
        }
        markTried(outcomeId);
        const next = [...this.querySelectorAll<HTMLElement>('[data-followup]')].find(
          (item) => !$tried.get().includes(item.dataset.followup!),
        );
        const nextLink = next?.querySelector<HTMLAnchorElement>('[data-followup-link]');
        const report = this.querySelector<HTMLElement>('[data-report]');
        if (nextLink) {
          const link = document.createElement('a');
          link.setAttribute('href', nextLink.getAttribute('href') ?? '');
          link.textContent = nextLink.textContent?.trim() ?? '';
          status.replaceChildren('Then the next likely cause is ', link, '.');
          link.focus();
        } else if (report && !report.hidden) {
          status.textContent = 'You have tried the likely causes: prepare the report below for your host or support.';
          report.querySelector<HTMLElement>('h2')?.scrollIntoView({ block: 'start' });
        } else {
          status.textContent = 'Then work through the list below.';
        }
      });
    }
  }

  #showTried(page: OutcomeData, tried: readonly string[]): void {
    for (const item of this.querySelectorAll<HTMLElement>('[data-followup]')) {
      item.querySelector<HTMLElement>('[data-tried-badge]')!.hidden = !tried.includes(item.dataset.followup!);
    }
    const controls = this.querySelector<HTMLElement>('[data-tried-controls]');
    const summary = this.querySelector('[data-tried-summary]');
    if (controls && summary) {
      controls.hidden = tried.length === 0;
      summary.textContent = `Tried in this browser: ${tried.map((id) => ownValue(page.outcomes, id)?.code ?? id).join(' → ')}. `;
    }
    const report = this.querySelector<HTMLElement>('[data-report]');
    if (report && report.dataset.always !== 'true') report.hidden = tried.length < 2;
  }

  #setUpReport(outcomeId: string, steps: readonly Step[]): void {
    const form = this.querySelector<HTMLFormElement>('[data-report-form]');
    const preview = this.querySelector<HTMLElement>('[data-report-text]');
    const download = this.querySelector<HTMLAnchorElement>('[data-report-download]');
    if (!form || !preview || !download) return;
    form.hidden = false;
    const time = form.querySelector<HTMLInputElement>('[data-report-time]')!;
    time.value = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const section = form.closest<HTMLElement>('[data-report]');
    let blobUrl = '';
    // Built only while the report shows (always on the last resort, elsewhere once two
    // outcomes were tried): most fix page visits never need it. $tried's listener in
    // #showTried runs first, so a report that has just appeared is built at once.
    const update = () => {
      if (section?.hidden) return;
      const summary = summaryFor(outcomeId, steps);
      if (!summary) return;
      // Each control is read by name rather than through `new FormData(form)`: Chromium's
      // HTMLTextAreaElement::AppendToFormData lays the page out before it reads a textarea,
      // and this runs at load from the store subscriptions, where that forced layout of the
      // whole page was the fix page's longest task in Lighthouse.
      const field = (name: string) => {
        const control = form.elements.namedItem(name);
        return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : '';
      };
      const text = escalationReport(summary, {
        time: field('time'),
        url: field('url'),
        requestId: field('requestId'),
        checks: field('checks'),
      });
      preview.textContent = text;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      blobUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      download.href = blobUrl;
    };
    form.addEventListener('input', update);
    form.addEventListener('submit', (event) => event.preventDefault());
    $ticks.subscribe(update);
    $tried.subscribe(update);
    this.querySelector('[data-copy="report"]')?.addEventListener('click', () => {
      update();
      void copyText(this, preview.textContent ?? '', 'Report');
    });
  }
}

customElements.define('outcome-tools', OutcomeTools);
customElements.define('outcome-followups', OutcomeFollowUps);
