/**
 * `/wizard-data.json`: the wizard's routing data for the browser (src/wizard/client-data.ts
 * says who reads it and why it is not inlined in each page). Written once at build time.
 */
import type { APIRoute } from 'astro';
import type { WizardClientData } from '../wizard/client-data';
import { loadWizard, toShape } from '../wizard/content';

/**
 * The file's body, built from the validated tree and the fix pages' frontmatter.
 *
 * @returns A JSON `Response` holding a {@link WizardClientData}.
 * @throws {import('../wizard/tree').TreeError} When the tree is invalid (via `loadWizard`);
 *   the build stops.
 */
export const GET: APIRoute = async () => {
  const { tree, outcomes } = await loadWizard();
  const data: WizardClientData = {
    shape: toShape(tree),
    // One entry per fix page, which loadWizard() has checked is exactly the tree's outcomes.
    outcomeTitles: Object.fromEntries(
      [...outcomes.values()].map((entry) => [entry.id, `${entry.code} ${entry.title}`]),
    ),
    // As the fix pages list them (OutcomeFollowUps.astro): the tree's, then the last resort for admins.
    followUps: Object.fromEntries(
      tree.outcomes.map((entry) => [
        entry.id,
        [
          ...(entry.followUps ?? []).map((followUp) => followUp.outcome),
          ...(entry.id === tree.lastResort || outcomes.get(entry.id)?.audience === 'visitor' ? [] : [tree.lastResort]),
        ],
      ]),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
