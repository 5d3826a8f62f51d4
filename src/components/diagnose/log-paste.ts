/**
 * `<log-paste>`: recognises a pasted error-log line or curl output in the browser and
 * offers the wizard step its answers lead to, the fix page, the fields it read, and fills
 * the reader's setup with the upstream it names. Everything from the paste is shown with
 * `textContent`. The recogniser and its rules are loaded on the first use, not with the page.
 */
import type * as Present from '../../diagnose/present';
import type { Finding } from '../../diagnose/types';
import type { FilledSetup } from './fill-setup';
import { loadWizardData } from '../../wizard/client-data';

interface LogPasteData {
  /** Outcome id → its fix page. */
  fixPages: Record<string, { href: string; title: string }>;
}

/** Largest paste recognised, in bytes of UTF-8: a few hundred log lines. */
const maxInputBytes = 64 * 1024;
/** Further findings listed under the first one. */
const maxOthers = 5;

class LogPaste extends HTMLElement {
  #data: LogPasteData = { fixPages: {} };

  connectedCallback(): void {
    const json = this.querySelector('script[data-log-paste-data]')?.textContent;
    const form = this.querySelector<HTMLFormElement>('[data-log-paste-form]');
    const input = this.#part<HTMLTextAreaElement>('input');
    if (!json || !form || !input || this.dataset.ready !== undefined) return;
    this.#data = JSON.parse(json) as LogPasteData;
    this.dataset.ready = '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#recognise(input.value);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    // Refused when pasted, not when recognised: a 10 MB paste in the box alone froze the page
    // for seconds. The length in UTF-16 units is at least the character count, so it is a
    // cheap first test; the exact UTF-8 size is checked again on Recognise.
    input.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length + input.value.length <= maxInputBytes) return;
      event.preventDefault();
      const size = Math.ceil((pasted.length + input.value.length) / 1024);
      this.#say(`That paste is ${size} KB; the box takes at most 64 KB.`);
    });
    this.#part<HTMLButtonElement>('undo')?.addEventListener('click', () => this.#undoSaved());
  }

  /**
   * Shows pasted text with controls and bidi characters escaped (src/diagnose/escape.ts,
   * loaded with the recogniser on the first paste).
   */
  #escape: (text: string) => string = (text) => text;

  /** How findings read (src/diagnose/present.ts), loaded with the recogniser too. */
  #present!: typeof Present;

  /** The setup keys the last paste wrote, so Undo can clear them again. */
  #saved: readonly FilledSetup['keys'][number][] = [];

  #undoSaved(): void {
    void import('./fill-setup').then(({ clearFilled }) => {
      clearFilled(this.#saved);
      this.#saved = [];
      const note = this.#part('saved');
      if (note) note.textContent = 'Removed from your setup.';
      this.#part<HTMLButtonElement>('undo')?.setAttribute('hidden', '');
    });
  }

  #part<T extends HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-log-paste-${name}]`);
  }

  /**
   * Shows a finding's lead sentence (present.ts `leadText`, plain text) in the status line:
   * its head (`Line 3 (nginx):`, `Line 1: who answered: nginx.`) in bold, the cause in
   * normal weight, since causes run to several lines.
   */
  #sayFinding(text: string): void {
    const status = this.#part('status');
    if (!status) return;
    const head = /^Line \d+(?: \([^()]*\))?:(?: who answered: [^.]*\.)?/.exec(text)?.[0] ?? '';
    status.classList.add('log-paste-reading');
    status.replaceChildren(element('strong', head), text.slice(head.length));
  }

  /**
   * Shows `message` (plain text) in the status line. With `more`, the message is a reading:
   * its headline leads in bold, the message follows in normal weight, then the link.
   */
  #say(message: string, more?: { headline: string; link: { href: string; text: string } }): void {
    const status = this.#part('status');
    const result = this.#part('result');
    if (result) result.hidden = true;
    if (!status) return;
    status.textContent = more ? '' : message;
    status.classList.toggle('log-paste-reading', more !== undefined);
    if (more) {
      const anchor = element('a', more.link.text);
      anchor.href = more.link.href;
      status.append(element('strong', more.headline), ` ${message} `, anchor, '.');
    }
  }

  async #recognise(text: string): Promise<void> {
    if (text.trim() === '') return this.#say('Paste a line from your error log, or the output of curl, first.');
    const bytes = text.length > maxInputBytes ? text.length : new TextEncoder().encode(text).length;
    if (bytes > maxInputBytes) {
      const size = Math.ceil(bytes / 1024);
      return this.#say(
        `That is ${size} KB; paste at most 64 KB. The few lines written at the time of the 502 are enough.`,
      );
    }
    let modules;
    try {
      // The wizard's routing (to follow a rule's implied answers) comes with the recogniser.
      modules = await Promise.all([
        import('../../diagnose/diagnose'),
        import('../../diagnose/wizard'),
        import('./fill-setup'),
        loadWizardData(),
        import('../../diagnose/escape'),
        import('../../diagnose/present'),
        import('../../diagnose/status-reading'),
      ]);
    } catch {
      return this.#say('The recogniser did not load. Check your connection and press Recognise again.');
    }
    const [{ diagnose }, wizard, { fillSetupFrom }, { shape: tree }, { escapeUntrusted }, present, { readStatus }] =
      modules;
    this.#escape = escapeUntrusted;
    this.#present = present;
    const { findingScore, primaryFinding, leadText } = present;
    const findings = diagnose(text);
    // Questions a finding settles; reaching an outcome beats any number of questions.
    // A who-answered finding (an error page, a header) only leads when no line names a cause.
    const score = (finding: Finding) =>
      findingScore(
        finding,
        wizard.impliedSteps(tree, finding.rule.implies).length,
        wizard.reachesOutcome(tree, finding.rule.implies),
      );
    const primary = primaryFinding(findings, score);
    if (primary === undefined) {
      // No cause, but a status code still tells who answered and where to look next.
      const reading = readStatus(text);
      if (reading !== undefined) {
        return this.#say(reading.message, {
          headline: reading.headline,
          link: { href: reading.href, text: `What a ${reading.status} means` },
        });
      }
      return this.#say(
        'We did not recognise a 502 cause in this text. Continue with the questions: they get you to the fix too.',
      );
    }
    this.#sayFinding(leadText(primary));
    this.#show(primary, findings, wizard.pasteLinks(tree, primary.rule.implies, primary.outcome));
    const filled = fillSetupFrom(primary, text);
    this.#saved = filled.keys;
    this.#showSaved(filled.saved, filled.kept);
  }

  #show(primary: Finding, findings: readonly Finding[], links: { next: string; fix: string }): void {
    const result = this.#part('result');
    const fields = this.#part('fields');
    const proceed = this.#part<HTMLAnchorElement>('continue');
    const fix = this.#part<HTMLAnchorElement>('fix');
    if (!result || !fields || !proceed || !fix) return;
    fields.replaceChildren(
      // Values come from the pasted log: shown as text, with controls and bidi characters escaped.
      ...this.#present
        .fieldRows(primary.fields)
        .flatMap(({ label, value }) => [element('dt', label), element('dd', this.#escape(value))]),
    );
    proceed.href = links.next;
    const page = this.#data.fixPages[primary.outcome];
    fix.href = links.fix;
    fix.textContent = `Fix: ${page?.title ?? primary.outcome}`;
    // Who answered is not a cause: the next step is in the text and the wizard, no fix page.
    fix.hidden = this.#present.isWhoAnswered(primary);
    this.#showOthers(findings.filter((finding) => finding !== primary));
    result.hidden = false;
  }

  #showSaved(saved: readonly string[], kept: readonly string[]): void {
    const note = this.#part('saved');
    const undo = this.#part<HTMLButtonElement>('undo');
    if (!note) return;
    const sentences = [
      ...(saved.length > 0 ? [`Saved to your setup, for the commands on fix pages: ${saved.join(', ')}.`] : []),
      ...(kept.length > 0 ? [`Your setup already names ${kept.join(', ')}: kept as it is.`] : []),
    ];
    note.hidden = sentences.length === 0;
    // Values from the paste, escaped like the fields above.
    note.textContent = this.#escape(sentences.join(' '));
    if (undo) undo.hidden = saved.length === 0;
  }

  #showOthers(others: readonly Finding[]): void {
    const box = this.#part('others');
    const list = this.#part('other-list');
    if (!box || !list) return;
    box.hidden = others.length === 0;
    list.replaceChildren(
      ...others.slice(0, maxOthers).map((finding) => {
        const item = element('li', `${this.#present.leadText(finding)} `);
        if (this.#present.isWhoAnswered(finding)) return item;
        const page = this.#data.fixPages[finding.outcome];
        const link = element('a', `Fix: ${page?.title ?? finding.outcome}`);
        link.setAttribute('href', page?.href ?? `/fixes/${finding.outcome}/`);
        item.append(link);
        return item;
      }),
    );
    if (others.length > maxOthers) list.append(element('li', `and ${others.length - maxOthers} more lines`));
  }
}

/** An element holding `text` as text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

customElements.define('log-paste', LogPaste);
