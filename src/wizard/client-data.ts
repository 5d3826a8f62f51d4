/**
 * The wizard's routing data for the browser, served once as `/wizard-data.json`
 * (src/pages/wizard-data.json.ts) instead of inlined in every page: inlined, it made each
 * of the tree's pages grow with the whole tree, so the site's size grew with its square.
 * `<wizard-flow>` and the outcome tools fetch it when they need it; the browser caches it.
 */
import type { TreeShape } from './paths';

/** Where the build writes the data (same origin: the CSP's `connect-src 'self'` allows it). */
export const wizardDataUrl = '/wizard-data.json';

export interface WizardClientData {
  /** Routing shape of the tree: nodes, answer labels and slugs, targets. */
  readonly shape: TreeShape;
  /** `"<code> <title>"` of every outcome, by id, for the document title of a leaf. */
  readonly outcomeTitles: Readonly<Record<string, string>>;
  /** Outcomes for site admins: their wizard leaves show the "Your setup" panel. */
  readonly adminOutcomes: readonly string[];
  /** Each outcome's follow-ups ("Still seeing 502?"), by id, in the order its page lists them. */
  readonly followUps: Readonly<Record<string, readonly string[]>>;
}

let pending: Promise<WizardClientData> | undefined;

/** Whether `value` has the fields every reader of the data relies on. */
function isClientData(value: unknown): value is WizardClientData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<WizardClientData>;
  return (
    typeof data.shape?.root === 'string' &&
    Array.isArray(data.shape.nodes) &&
    typeof data.outcomeTitles === 'object' &&
    data.outcomeTitles !== null &&
    Array.isArray(data.adminOutcomes) &&
    typeof data.followUps === 'object' &&
    data.followUps !== null
  );
}

/**
 * The wizard's data, fetched once per page (later calls share the request).
 *
 * @returns The parsed `/wizard-data.json`.
 * @throws {Error} (as a rejected promise) When the request fails (offline, blocked, an
 *   error status) or the file is not the expected JSON. The next call tries again; callers
 *   fall back to what works without it (plain links, no answers list).
 */
export function loadWizardData(): Promise<WizardClientData> {
  pending ??= fetch(wizardDataUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`${wizardDataUrl}: HTTP ${response.status}`);
      const data: unknown = await response.json();
      if (!isClientData(data)) throw new Error(`${wizardDataUrl}: not the wizard's data`);
      return data;
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}
