/**
 * `<wizard-not-found>` on the 404 page: for an unknown `/wizard/…` path, names the first
 * answer that does not fit and links to the nearest step that still fits (the path as the
 * tree's `retired` rules rewrite it, or its longest valid prefix). A path from an earlier
 * tree that the rules carry over whole gets a link to its new address instead. Text only:
 * the path comes from the address bar and is never parsed as HTML.
 */
import { cutWithMarker, escapeUntrusted } from '../../diagnose/escape';
import { arriveAt, stepsToUrl, urlToSegments, type TreeShape } from '../../wizard/paths';

class WizardNotFound extends HTMLElement {
  connectedCallback(): void {
    const segments = urlToSegments(location.pathname);
    const json = this.querySelector('script[data-wizard-tree]')?.textContent;
    if (segments === null || !json) return;
    const arrival = arriveAt(JSON.parse(json) as TreeShape, segments.slice(0, 30));
    if (arrival.kind === 'current') return;
    const { steps } = arrival.resolution;
    const set = (selector: string, text: string) => {
      const element = this.querySelector(selector);
      if (element) element.textContent = text;
    };
    const moved = arrival.kind === 'moved';
    this.querySelector<HTMLElement>('[data-moved]')!.hidden = !moved;
    this.querySelector<HTMLElement>('[data-no-answer]')!.hidden = moved;
    // From the address bar: escaped (bidi overrides, zero-width characters) and cut, marked.
    set('[data-bad-segment]', cutWithMarker(escapeUntrusted(arrival.badSegment ?? ''), 80));
    set('[data-valid-answers]', steps.map((step) => `“${step.answer.label}”`).join(', '));
    this.querySelector<HTMLElement>('[data-after-wrap]')!.hidden = steps.length === 0;
    const link = this.querySelector<HTMLAnchorElement>('[data-continue]')!;
    link.href = stepsToUrl(steps);
    if (moved) link.textContent = 'Continue at the same step of the current wizard';
    else if (steps.length === 0) link.textContent = 'Start the wizard from the first question';
    this.querySelector<HTMLElement>('[data-wizard-message]')!.hidden = false;
  }
}

customElements.define('wizard-not-found', WizardNotFound);
