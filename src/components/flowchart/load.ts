/**
 * The flowchart of the site's own tree, laid out once per build however many pages show
 * it. Build-time only: reads the wizard through `astro:content`.
 */
import { loadWizard, type OutcomeInfo } from '../../wizard/content';
import type { RetiredRule } from '../../wizard/paths';
import type { TreeNode } from '../../wizard/tree';
import { layoutFlowchart, type FlowchartLayout } from './layout';
import { walkTree, type TreeWalk } from './walk';

/** What the flowchart and its list render. */
export interface Flowchart {
  readonly layout: FlowchartLayout;
  readonly walk: TreeWalk<TreeNode>;
  readonly outcomes: ReadonlyMap<string, OutcomeInfo>;
  /** The root question's id: where a stored wizard path starts. */
  readonly root: string;
  /** The tree's `retired` rules, so a path stored by an earlier tree still finds its way. */
  readonly retired: readonly RetiredRule[];
}

let loaded: Promise<Flowchart> | undefined;

/** The laid-out flowchart; the first call starts the layout, later calls share it. */
export function loadFlowchart(): Promise<Flowchart> {
  loaded ??= (async () => {
    const { tree, outcomes } = await loadWizard();
    return {
      layout: await layoutFlowchart(tree, outcomes),
      walk: walkTree(tree),
      outcomes,
      root: tree.root,
      retired: tree.retired,
    };
  })();
  return loaded;
}
