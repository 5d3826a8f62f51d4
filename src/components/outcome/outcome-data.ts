/**
 * Build-time data for the outcome tools on fix pages and wizard leaves: each outcome's
 * code and title, and its follow-ups. (The tree's routing shape, to name the answers in a
 * `?answers=` link, is fetched when needed: src/wizard/client-data.ts.)
 */
import { loadWizard, type OutcomeInfo } from '../../wizard/content';

export interface FollowUp {
  readonly outcome: OutcomeInfo;
  readonly reason: string;
}

export interface OutcomeToolsData {
  readonly outcomes: Record<string, { code: string; title: string; href: string; cause: string }>;
}

/**
 * The follow-ups of `outcomeId`, in order, with the last resort appended: not on the last
 * resort itself, and not after a visitor's outcome (the last resort is the admins'
 * checklist; a visitor is never sent to admin steps).
 */
export async function followUpsOf(outcomeId: string): Promise<FollowUp[]> {
  const { tree, outcomes } = await loadWizard();
  const entry = tree.outcomes.find((outcome) => outcome.id === outcomeId);
  const listed = (entry?.followUps ?? []).map((followUp) => ({
    outcome: outcomes.get(followUp.outcome)!,
    reason: followUp.reason,
  }));
  if (outcomeId === tree.lastResort || outcomes.get(outcomeId)?.audience === 'visitor') return listed;
  return [
    ...listed,
    {
      outcome: outcomes.get(tree.lastResort)!,
      reason: 'When none of the above fits: the general checklist, ending with a report for your host.',
    },
  ];
}

/** Whether `outcomeId` is the last resort (the page that always shows the report). */
export async function isLastResort(outcomeId: string): Promise<boolean> {
  return (await loadWizard()).tree.lastResort === outcomeId;
}

/** The JSON the browser needs, small enough to inline on every fix page. */
export async function outcomeToolsData(): Promise<OutcomeToolsData> {
  const { outcomes } = await loadWizard();
  return {
    outcomes: Object.fromEntries(
      [...outcomes.values()].map((outcome) => [
        outcome.id,
        { code: outcome.code, title: outcome.title, href: outcome.href, cause: outcome.cause },
      ]),
    ),
  };
}
