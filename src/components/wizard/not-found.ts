/**
 * `<wizard-not-found>` on the 404 page: for an unknown `/wizard/…` path, names the first
 * answer that does not fit and links to the longest valid prefix. Text only: the path
 * comes from the address bar and is never parsed as HTML.
 */
import { cutWithMarker, escapeUntrusted } from '../../diagnose/escape';
import { resolvePath, stepsToUrl, urlToSegments, type TreeShape } from '../../wizard/paths';

class WizardNotFound extends HTMLElement {
  connectedCallback(): void {
    const segments = urlToSegments(location.pathname);
    const json = this.querySelector('script[data-wizard-tree]')?.textContent;
    if (segments === null || !json) return;
    const resolution = resolvePath(JSON.parse(json) as TreeShape, segments);
    if (resolution.kind !== 'invalid') return;
    const set = (selector: string, text: string) => {
      const element = this.querySelector(selector);
      if (element) element.textContent = text;
    };
    // From the address bar: escaped (bidi overrides, zero-width characters) and cut, marked.
    set('[data-bad-segment]', cutWithMarker(escapeUntrusted(resolution.badSegment), 80));
    set('[data-valid-answers]', resolution.steps.map((step) => `“${step.answer.label}”`).join(', '));
    this.querySelector<HTMLElement>('[data-after-wrap]')!.hidden = resolution.steps.length === 0;
    const link = this.querySelector<HTMLAnchorElement>('[data-continue]')!;
    link.href = stepsToUrl(resolution.steps);
    if (resolution.steps.length === 0) link.textContent = 'Start the wizard from the first question';
    this.querySelector<HTMLElement>('[data-wizard-message]')!.hidden = false;
  }
}

customElements.define('wizard-not-found', WizardNotFound);
