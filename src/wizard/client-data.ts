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
  /** `"<code> <title>"` of every outcome, by id, to name where a fix page's `?answers=` led. */
  readonly outcomeTitles: Readonly<Record<string, string>>;
  /** Each outcome's follow-ups ("Still seeing 502?"), by id, in the order its page lists them. */
  readonly followUps: Readonly<Record<string, readonly string[]>>;
}

let pending: Promise<WizardClientData> | undefined;

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isOptional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

/** An answer as the routing needs it: a slug and a label, and a next node or outcome. */
function isAnswerShape(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.slug) &&
    isString(value.label) &&
    isOptional(value.next, isString) &&
    isOptional(value.outcome, isString) &&
    isOptional(value.server, isString) &&
    (isString(value.next) || isString(value.outcome))
  );
}

/** A node as the routing needs it (the browser's part of the tree schema in tree.ts). */
function isNodeShape(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.short) &&
    Array.isArray(value.answers) &&
    value.answers.every(isAnswerShape)
  );
}

/**
 * Whether `value` is the wizard's data, down to every node, answer and retired rule the
 * routing reads: a same-origin file of another shape (an old deploy's, a broken one) must
 * not throw inside the wizard, which then keeps its plain links.
 *
 * @param value - Parsed JSON of `/wizard-data.json`.
 */
export function isClientData(value: unknown): value is WizardClientData {
  if (!isObject(value) || !isObject(value.shape)) return false;
  const { shape } = value;
  return (
    isString(shape.root) &&
    Array.isArray(shape.nodes) &&
    shape.nodes.every(isNodeShape) &&
    shape.nodes.some((node) => (node as { id: string }).id === shape.root) &&
    isOptional(shape.version, (version) => typeof version === 'number') &&
    isOptional(
      shape.retired,
      (retired) =>
        Array.isArray(retired) &&
        retired.every((rule) => isObject(rule) && isStringArray(rule.replace) && isStringArray(rule.with)),
    ) &&
    isObject(value.outcomeTitles) &&
    Object.values(value.outcomeTitles).every(isString) &&
    isObject(value.followUps) &&
    Object.values(value.followUps).every(isStringArray)
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
