/**
 * Keeps the page's `placeholders` code blocks showing the reader's setup: now, whenever
 * the setup changes, and after the wizard swaps in a step (`wizard:step` on `document`,
 * wizard-flow.ts). Loaded on demand by the wizard when a step has such a block, so the
 * setup store and its validators stay out of the wizard's first load.
 */
import { fillPlaceholders } from './fill';
import { $setup } from './store';
import { validSetup } from './validate';

let started = false;

/** Starts filling; later calls do nothing. */
export function startFilling(): void {
  if (started) return;
  started = true;
  $setup.subscribe((setup) => fillPlaceholders(document, validSetup(setup)));
  document.addEventListener('wizard:step', () => fillPlaceholders(document, validSetup($setup.get())));
}
