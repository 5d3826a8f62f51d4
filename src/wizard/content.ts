/**
 * Loads the wizard for Astro pages: the validated tree plus what each outcome's fix page
 * says about itself. Build-time only (uses `astro:content`; the YAML is bundled by Vite).
 */
import { getCollection } from 'astro:content';
import treeYaml from '../../content/wizard/tree.yaml?raw';
import { parseTree, type Tree } from './tree';

/** What the wizard shows of an outcome, read from its fix page's frontmatter. */
export interface OutcomeInfo {
  readonly id: string;
  readonly title: string;
  readonly code: string;
  readonly audience: 'visitor' | 'admin' | 'everyone';
  readonly cause: string;
  /** The fix page's URL, e.g. `/fixes/upstream-refused/`. */
  readonly href: string;
}

export interface Wizard {
  readonly tree: Tree;
  readonly outcomes: ReadonlyMap<string, OutcomeInfo>;
}

let loaded: Promise<Wizard> | undefined;

/**
 * The wizard, loaded once per build.
 *
 * @throws {import('./tree').TreeError} When `content/wizard/tree.yaml` is invalid, naming
 *   the node and the reason; the build stops.
 * @throws {Error} When a fix page lacks the `outcome` frontmatter.
 */
export function loadWizard(): Promise<Wizard> {
  loaded ??= (async () => {
    const fixPages = (await getCollection('docs')).filter(
      (entry) => entry.id.startsWith('fixes/') && entry.id !== 'fixes',
    );
    const tree = parseTree(
      treeYaml,
      fixPages.map((entry) => entry.id.slice('fixes/'.length)),
    );
    const outcomes = new Map<string, OutcomeInfo>();
    for (const entry of fixPages) {
      const id = entry.id.slice('fixes/'.length);
      const outcome = entry.data.outcome;
      if (outcome === undefined) {
        throw new Error(`[wizard] content/docs/${entry.id}.mdx has no "outcome" frontmatter (code, audience, cause).`);
      }
      outcomes.set(id, { id, title: entry.data.title, href: `/fixes/${id}/`, ...outcome });
    }
    return { tree, outcomes };
  })();
  return loaded;
}

export { toShape } from './shape';

/** JSON for a `<script type="application/json">` block: `<` escaped so no tag can close it. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
