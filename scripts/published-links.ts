/**
 * Prints every URL published for tickets: each fix page and each wizard step. Run it when
 * adding outcomes or answers and append the new lines to test/fixtures/published-links.txt
 * (never remove a line: the contract test checks every listed URL still resolves).
 *
 *   node scripts/published-links.ts >> test/fixtures/published-links.txt
 */
import { allPaths, stepsToUrl } from '../src/wizard/paths.ts';
import { fixPageIds, loadRealTree } from '../test/support/tree.ts';

const tree = loadRealTree();
const urls = [
  '/fixes/',
  ...fixPageIds.map((id) => `/fixes/${id}/`).sort(),
  ...allPaths(tree).map((path) => stepsToUrl(path.steps)),
];
process.stdout.write(`${urls.join('\n')}\n`);
