/**
 * `<wizard-flow>`: takes over the server-rendered wizard. An answer becomes a transition
 * of the XState actor, the URL follows with `history.pushState`, focus moves to the new
 * question and a live region announces it. An answer that reaches an outcome opens its fix
 * page with the answers (`fixUrl`, src/wizard/paths.ts). Everything is built from
 * `<template>`s and `textContent`; nothing from the URL is ever parsed as HTML.
 *
 * The templates of every step come from one shared page (`/wizard-steps/`, kept parsed and
 * brought in one step at a time) and the routing data from `/wizard-data.json`
 * (src/wizard/client-data.ts), both fetched once after load. Until both have arrived, or if
 * either fails, answers stay plain links to the next static page; `data-ready` on the
 * element says the wizard has taken over.
 */
import { createActor, type Actor } from 'xstate';
import { answerEvent, createWizardMachine, currentStateId, type WizardMachine } from '../../wizard/machine';
import {
  arriveAt,
  fixUrl,
  maxQuestionsFrom,
  resolvePath,
  serverOf,
  stepsToUrl,
  urlToSegments,
} from '../../wizard/paths';
import { loadWizardData, type WizardClientData } from '../../wizard/client-data';
import { $lastWizardPath } from '../../wizard/store';

/**
 * Resolves in a new task, so the browser can handle input and paint in between: Chromium's
 * `scheduler.yield()` (it keeps this work ahead of other queued tasks) where it exists, a
 * zero-delay timeout elsewhere. See https://wicg.github.io/scheduling-apis/#dom-scheduler-yield.
 */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The query parameter "Start over" adds to `/wizard/` while it is a plain link (Wizard.astro). */
const startOverParameter = 'start-over';

class WizardFlow extends HTMLElement {
  #data!: WizardClientData;
  /** The parsed /wizard-steps/ page: one `<template data-template>` per question node. */
  #steps!: Document;
  #actor!: Actor<WizardMachine>;

  connectedCallback(): void {
    this.#forgetOnStartOver();
    this.#fillPlaceholders();
    void this.#start();
  }

  /**
   * Loads the placeholder filling the first time a step shows a command with the reader's
   * values (tree.yaml `command`); most steps have none, so it is not in the first load.
   */
  #fillPlaceholders(): void {
    if (!this.querySelector('[data-placeholder]')) return;
    void import('../../setup/fill-live').then(
      ({ startFilling }) => startFilling(),
      () => undefined, // Offline: the commands keep the examples.
    );
  }

  /**
   * "Start over" is a plain link to `/wizard/?start-over` until the wizard has taken over
   * (and always if its scripts never run). Arriving by it forgets the saved step before
   * anything can offer it, then drops the query so the address is `/wizard/` again. This
   * runs on the page the reader lands on, so it holds however early the link was followed:
   * before the leaving page's scripts had run, or while its data was still loading (when
   * that page may still have saved its step just before it unloaded).
   */
  #forgetOnStartOver(): void {
    const url = new URL(location.href);
    if (!url.searchParams.has(startOverParameter)) return;
    $lastWizardPath.set('');
    url.searchParams.delete(startOverParameter);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }

  /**
   * Takes over once the data and the templates are in; on any failure, links keep working.
   * The work is split into tasks (`yieldToMain`) so no single one blocks input for long.
   */
  async #start(): Promise<void> {
    const [data, steps] = await Promise.all([
      loadWizardData().catch(() => undefined),
      this.#fetchSteps().catch(() => undefined),
    ]);
    // Offline or blocked: the links still lead to the same steps as full pages.
    if (!data || !steps) return;
    await yieldToMain();
    this.#data = data;
    this.#steps = steps;
    this.#actor = createActor(createWizardMachine(data.shape)).start();
    if (!this.#goTo(location.pathname)) return;
    this.#offerResume();
    this.#remember();
    this.addEventListener('click', (event) => this.#onClick(event));
    window.addEventListener('popstate', () => {
      if (this.#goTo(location.pathname)) this.#render({ focus: true });
    });
    this.dataset.ready = '';
  }

  /**
   * Fetches the page of step templates named by the element's `data-steps-src` (our own
   * static page, same origin) and parses its body into an inert document; a template is
   * brought into this page only when its step is shown (`#stepFor`).
   *
   * @throws {Error} When the element names no source, or the page fails or has no templates.
   */
  async #fetchSteps(): Promise<Document> {
    const source = this.dataset.stepsSrc;
    if (!source) throw new Error('no template source');
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    // Only the body: the page's <head> has inline styles that this page's CSP does not
    // list, and Chromium checks them even in a parsed, never-shown document.
    const html = await response.text();
    const body = html.indexOf('<body');
    if (body === -1) throw new Error(`${source}: no body`);
    // Parsing is the costly part: give it a task of its own.
    await yieldToMain();
    const page = new DOMParser().parseFromString(html.slice(body), 'text/html');
    if (!page.querySelector('[data-templates] > template[data-template]')) throw new Error(`${source}: no templates`);
    return page;
  }

  /** Replays the answers in `pathname` on a fresh start; false when the path is unknown. */
  #goTo(pathname: string): boolean {
    const resolution = resolvePath(this.#data.shape, urlToSegments(pathname) ?? []);
    if (resolution.kind === 'invalid') return false;
    this.#actor.send({ type: 'RESTART' });
    for (const step of resolution.steps) this.#actor.send(answerEvent(step.answer.slug));
    return true;
  }

  #onClick(event: MouseEvent): void {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const link = (event.target as Element).closest('a');
    if (!link || !this.contains(link) || this.dataset.ready === undefined) return;
    const before = this.#actor.getSnapshot();
    if (link.dataset.answer !== undefined) {
      performance.mark('wizard:answer');
      this.#actor.send(answerEvent(link.dataset.answer));
      if (this.#openFix()) return event.preventDefault();
    } else if (link.dataset.back !== undefined) {
      this.#actor.send({ type: 'BACK' });
    } else if (link.dataset.restart !== undefined) {
      this.#actor.send({ type: 'RESTART' });
      $lastWizardPath.set('');
    } else if (link.dataset.change !== undefined) {
      const keep = Number(link.dataset.change);
      while (this.#actor.getSnapshot().context.answers.length > keep) this.#actor.send({ type: 'BACK' });
    } else {
      return;
    }
    if (this.#actor.getSnapshot() === before) return;
    if (!this.#hasStep(currentStateId(this.#actor.getSnapshot()))) {
      // A /wizard-steps/ cached from an older deploy can lack a newer step: load the page.
      this.#goTo(location.pathname);
      return;
    }
    event.preventDefault();
    history.pushState(null, '', this.#url());
    this.#render({ focus: true });
    performance.mark('wizard:shown');
  }

  /**
   * When the last answer reached an outcome, opens its fix page with the answers (the leaf's
   * own URL, saved for "Continue where you left off", redirects there too) and steps the
   * actor back, so a page the browser restores from its cache is at its question again.
   *
   * @returns Whether the fix page is being opened.
   */
  #openFix(): boolean {
    const resolution = resolvePath(this.#data.shape, this.#slugs());
    if (resolution.kind !== 'outcome') return false;
    $lastWizardPath.set(this.#url());
    this.#actor.send({ type: 'BACK' });
    location.assign(fixUrl(resolution.outcome, resolution.steps));
    return true;
  }

  #slugs(): string[] {
    return this.#actor.getSnapshot().context.answers.map((answer) => answer.slug);
  }

  #templateFor(stateId: string): HTMLTemplateElement | null {
    return this.#steps.querySelector<HTMLTemplateElement>(
      `[data-templates] > template[data-template="${CSS.escape(stateId)}"]`,
    );
  }

  #hasStep(stateId: string): boolean {
    return this.#templateFor(stateId)?.content.firstElementChild != null;
  }

  /** A fresh copy of the step's markup, created in this document; null if the step is unknown. */
  #stepFor(stateId: string): HTMLElement | null {
    const markup = this.#templateFor(stateId)?.content.firstElementChild;
    return markup ? (document.importNode(markup, true) as HTMLElement) : null;
  }

  #url(): string {
    return `/wizard/${this.#slugs()
      .map((slug) => `${slug}/`)
      .join('')}`;
  }

  #render({ focus }: { focus: boolean }): void {
    const snapshot = this.#actor.getSnapshot();
    const stateId = currentStateId(snapshot);
    const resolution = resolvePath(this.#data.shape, this.#slugs());
    // An outcome's URL (a history entry from before leaves redirected) opens its fix page.
    if (resolution.kind === 'outcome') return location.replace(fixUrl(resolution.outcome, resolution.steps));
    const step = this.#stepFor(stateId);
    const slot = this.querySelector('[data-step-slot]');
    if (!step || !slot || resolution.kind === 'invalid') return;

    const count = snapshot.context.answers.length;
    const position = step.querySelector('[data-position]');
    const most = step.querySelector('[data-most]');
    if (position) position.textContent = String(count + 1);
    if (most) most.textContent = String(count + maxQuestionsFrom(this.#data.shape, stateId));
    slot.replaceChildren(step);

    this.dataset.server = serverOf(resolution.steps) ?? 'all';

    this.#renderTrail(resolution.steps);
    const back = this.querySelector<HTMLAnchorElement>('[data-back]');
    const restart = this.querySelector<HTMLAnchorElement>('[data-restart]');
    if (back) {
      back.hidden = count === 0;
      back.href = stepsToUrl(resolution.steps.slice(0, -1));
    }
    if (restart) restart.hidden = count === 0;
    this.querySelector<HTMLElement>('[data-resume]')?.setAttribute('hidden', '');
    // The introduction on /wizard/ sits outside this element; it belongs to the first question only.
    document.querySelector<HTMLElement>('[data-wizard-intro]')?.toggleAttribute('hidden', count > 0);

    const heading = step.querySelector<HTMLElement>('.wizard-question');
    const title = heading?.textContent?.trim() ?? '';
    document.title = `${title} | Diagnose a 502`;
    const announce = this.querySelector('[data-announce]');
    if (announce) announce.textContent = `Question ${count + 1}: ${title}`;
    if (focus) heading?.focus();
    // The step's check command shows the reader's own values (src/setup/fill-live.ts).
    document.dispatchEvent(new Event('wizard:step'));
    this.#fillPlaceholders();
    this.#remember();
  }

  #renderTrail(steps: ReturnType<typeof resolvePath>['steps']): void {
    const trail = this.querySelector<HTMLElement>('[data-trail]');
    const list = this.querySelector('[data-trail-list]');
    const crumb = this.querySelector<HTMLTemplateElement>('template[data-template-crumb]');
    if (!trail || !list || !crumb) return;
    trail.hidden = steps.length === 0;
    list.replaceChildren(
      ...steps.map((step, index) => {
        const item = crumb.content.firstElementChild!.cloneNode(true) as HTMLElement;
        item.querySelector('[data-crumb-question]')!.textContent = `${step.node.short}:`;
        const link = item.querySelector<HTMLAnchorElement>('[data-crumb-answer]')!;
        link.textContent = step.answer.label;
        link.setAttribute('aria-label', `Change “${step.answer.label}”`);
        link.dataset.change = String(index);
        link.href = stepsToUrl(steps.slice(0, index));
        return item;
      }),
    );
  }

  /** Saves the current step, or nothing at the root, for "Continue where you left off". */
  #remember(): void {
    const answers = this.#actor.getSnapshot().context.answers;
    if (answers.length > 0) $lastWizardPath.set(this.#url());
  }

  /**
   * At the root, offers the saved step. A step saved by an earlier version of the tree is
   * carried over through the tree's `retired` rules, or cut back to the answers that still
   * fit, and the offer says so; with no answer left that fits, it is dropped silently.
   */
  #offerResume(): void {
    if (this.#actor.getSnapshot().context.answers.length > 0) return;
    const saved = $lastWizardPath.get();
    if (!saved) return;
    const segments = urlToSegments(saved);
    const arrival = segments === null || segments.length > 30 ? undefined : arriveAt(this.#data.shape, segments);
    if (arrival === undefined || arrival.resolution.steps.length === 0) {
      $lastWizardPath.set('');
      return;
    }
    const box = this.querySelector<HTMLElement>('[data-resume]');
    const link = this.querySelector<HTMLAnchorElement>('[data-resume-link]');
    const note = this.querySelector<HTMLElement>('[data-resume-note]');
    if (!box || !link) return;
    link.href = stepsToUrl(arrival.resolution.steps);
    if (note) note.hidden = arrival.kind === 'current';
    box.hidden = false;
  }
}

customElements.define('wizard-flow', WizardFlow);
