/**
 * `<setup-panel>`: enables the server-rendered "Your setup" form and binds it to the
 * `$setup` store. A value is stored only when it validates; an invalid one stores '' (so
 * commands keep the example) and gets an inline message once the reader leaves the field
 * ("reward early, punish late"). Messages and the summary are set with `textContent` only.
 */
import { effectiveServer, errorLogDefaults, proxyServers } from '../../setup/defaults';
import { $setup, clearSetup, type ReaderSetup } from '../../setup/store';
import { describeSetup } from '../../setup/summary';
import { setupValidators, validSetup } from '../../setup/validate';
import { errorLogHint } from './fields';
import { writeItem } from '../storage';

type SetupControl = HTMLInputElement | HTMLSelectElement;

/** Starlight's localStorage key for `<Tabs syncKey="server">` (see its Tabs.astro), as wizard-flow.ts writes it. */
const serverTabKey = 'starlight-synced-tabs__server';

class SetupPanel extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.querySelectorAll<HTMLFieldSetElement>('[data-setup-fields]').forEach((set) => (set.disabled = false));
    this.querySelector<HTMLButtonElement>('[data-setup-clear]')!.disabled = false;
    this.querySelector<HTMLElement>('[data-setup-nojs]')!.hidden = true;
    this.addEventListener('input', (event) => this.#onEdit(event, false));
    this.addEventListener('change', (event) => this.#onEdit(event, true));
    this.querySelector('[data-setup-form]')!.addEventListener('submit', (event) => event.preventDefault());
    this.querySelector('[data-setup-clear]')!.addEventListener('click', () => this.#clear());
    this.#unsubscribe = $setup.subscribe((setup) => this.#show(setup));
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  #controls(): SetupControl[] {
    return [...this.querySelectorAll<SetupControl>('[data-setup-key]')];
  }

  /** Validates an edited field; stores the value, or '' when it is invalid. */
  #onEdit(event: Event, committed: boolean): void {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
    const key = control.dataset['setupKey'] as keyof ReaderSetup | undefined;
    if (!key) return;
    this.querySelector<HTMLElement>('[data-setup-status]')!.textContent = '';
    if (control.value === '') {
      this.#setError(control, undefined);
      $setup.setKey(key, '');
      return;
    }
    const result = setupValidators[key](control.value);
    if (result.ok) {
      this.#setError(control, undefined);
      $setup.setKey(key, result.value);
      if (key === 'server' && committed) this.#syncServerTabs(result.value);
      return;
    }
    // The message goes first: #show() keeps a field's text while the field is marked invalid.
    if (committed || control.getAttribute('aria-invalid') === 'true') this.#setError(control, result.message);
    $setup.setKey(key, '');
  }

  /** Shows (or, with `undefined`, removes) a field's inline message. */
  #setError(control: SetupControl, message: string | undefined): void {
    const error = this.querySelector<HTMLElement>(`[data-setup-error="${control.dataset['setupKey']}"]`);
    if (error) error.textContent = message ? `Not used: ${message}` : '';
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }

  /** Shows the stored setup: fields the reader is not editing, summary and log hint. */
  #show(setup: ReaderSetup): void {
    for (const control of this.#controls()) {
      const key = control.dataset['setupKey'] as keyof ReaderSetup;
      if (control === document.activeElement) continue;
      const stored = typeof setup[key] === 'string' ? setup[key] : '';
      if (control instanceof HTMLSelectElement) {
        control.value = effectiveServer(stored);
        continue;
      }
      if (control.getAttribute('aria-invalid') === 'true' && stored === '') continue; // keep the reader's text to fix
      control.value = stored;
      const result = stored === '' ? undefined : setupValidators[key](stored);
      this.#setError(control, result && !result.ok ? result.message : undefined);
    }
    const server = effectiveServer(setup.server ?? '');
    const label = proxyServers.find((entry) => entry.value === server)!.label;
    const logInput = this.querySelector<HTMLInputElement>('[data-setup-key="errorLog"]');
    if (logInput) logInput.placeholder = errorLogDefaults[server] ?? '';
    const logHint = this.querySelector<HTMLElement>('[data-setup-hint="errorLog"]');
    if (logHint) logHint.textContent = errorLogHint(label, errorLogDefaults[server]);
    const summary = this.querySelector<HTMLElement>('[data-setup-summary]');
    if (summary) summary.textContent = describeSetup(validSetup(setup));
  }

  /** Makes pages open the chosen server's tab next time, as the wizard does. */
  #syncServerTabs(server: string): void {
    const label = proxyServers.find((entry) => entry.value === server)?.label;
    if (label) writeItem(serverTabKey, label);
  }

  #clear(): void {
    for (const control of this.#controls()) {
      if (control instanceof HTMLInputElement) control.value = '';
      this.#setError(control, undefined);
    }
    clearSetup();
    this.querySelector<HTMLElement>('[data-setup-status]')!.textContent = 'Cleared: commands show the examples again.';
  }
}

if (!customElements.get('setup-panel')) customElements.define('setup-panel', SetupPanel);
