/** What the wizard concludes for a list of answers, read from the real tree. */
import { resolvePath } from '../../../src/wizard/paths.ts';
import { loadRealTree } from '../../support/tree.ts';

const tree = loadRealTree();

/**
 * The outcome (fix page id) the wizard gives for `answers`, e.g.
 * `['admin', 'nginx', 'refused', 'same-host']` → `upstream-refused`.
 *
 * @throws When the answers do not end at an outcome of the real tree.
 */
export function wizardOutcome(answers: readonly string[]): string {
  const resolution = resolvePath(tree, answers);
  if (resolution.kind !== 'outcome') {
    throw new Error(`[lab] /wizard/${answers.join('/')}/ is not an outcome of content/wizard/tree.yaml`);
  }
  return resolution.outcome;
}
