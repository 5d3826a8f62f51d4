/**
 * Lays out the wizard's decision tree as a flowchart with ELK's layered algorithm (elkjs,
 * its pure-JavaScript bundle: no worker, no browser), into boxes, edges and text lines
 * in SVG coordinates. Pure: runs in the build and in unit tests.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api';
import { labelText, outcomeText, placeText, questionText, type BoxText, type TextLine } from './box-text';
import type { Point } from './route';
import { walkTree, type FlowAnswer, type FlowTree } from './walk';

/** What the flowchart shows of an outcome: its fix page. */
export interface FlowOutcome {
  readonly title: string;
  readonly code: string;
  /** The fix page's URL, e.g. `/fixes/upstream-refused/`. */
  readonly href: string;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A question or an outcome: a box that links to its wizard step or fix page. */
export interface FlowBox extends Rect {
  readonly id: string;
  readonly kind: 'question' | 'outcome';
  readonly href: string;
  /** The box's text in full, for its tooltip. */
  readonly title: string;
  readonly lines: readonly TextLine[];
}

/** The label of one answer on an edge, wrapped in full; `title` is the answer too, for the tooltip. */
export interface FlowLabel extends Rect {
  readonly slug: string;
  readonly title: string;
  readonly lines: readonly TextLine[];
}

/** All answers of one question that lead to the same question or outcome. */
export interface FlowEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly answers: readonly FlowAnswer[];
  /** The route: start point, bend points, end point (orthogonal segments). */
  readonly points: readonly Point[];
  readonly labels: readonly FlowLabel[];
}

/** The whole flowchart in SVG user units (1 unit = 1 CSS px at natural size). */
export interface FlowchartLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly FlowBox[];
  readonly edges: readonly FlowEdge[];
}

const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Keep the YAML's order: boxes top to bottom as an answer first leads to them (walk.ts),
  // so each question's answers read in the order the wizard lists them.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  // Linear segments: each chain of boxes is placed as one straight run, then pushed apart
  // only as far as needed, top first. With the root's first edge kept straight
  // (rootFirstEdgeOptions) the root stays level with the top branch, near the top left where
  // the chart opens. Brandes-Köpf (even with `bk.fixedAlignment: LEFTUP`) put the root of the
  // 18-question tree (tree.yaml version 2) about 1,000 px down, centred on its subtree; network
  // simplex about 700 px down. Measured with elkjs 0.12.1 on the real tree: root top at
  // y = 168, chart 5,964 x 1,633 px, against 1,038 and 5,632 x 2,843 px with Brandes-Köpf.
  'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeNode': '14',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelLabel': '4',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/**
 * Above this many boxes (questions + outcomes) the chart is laid out with
 * {@link largeTreeOptions} instead of {@link layoutOptions}. The real tree has 32 boxes, so it
 * keeps the detailed layout with room to grow about threefold. Why a threshold: the detailed
 * options' cost grows far faster than the tree. Measured with elkjs 0.12.1 on trees from
 * test/bench/generate-tree.mjs (CPU seconds of `layoutFlowchart`, 2-core machine under load):
 * 0.6-0.8 s for the real tree, about 2.4 s at 5 copies (81 boxes), 5.9 s at 8 (117 boxes),
 * 6.4 s at 10 (141 boxes), 33 s at 20, and no result within 300 s at 50.
 */
export const detailedLayoutMaxBoxes = 100;

/**
 * The layout of a large tree: {@link layoutOptions} without the steps whose cost grows much
 * faster than the tree. Found with ELK's own per-step times
 * (`elk.layout(graph, { measureExecutionTime: true })`, elkjs README "Logging and Execution
 * Times"; wall-clock on a busy machine, so rough) on generated trees of 10 to 50 copies:
 *
 * - Model order (`elk.layered.considerModelOrder.strategy`,
 *   `elk.layered.crossingMinimization.forceNodeModelOrder`): ELK's "Sort By Input Model" step
 *   took 27 to 80 s of a 50-copy layout. Without it a question's answers may no longer be
 *   stacked in the wizard's order; every box and edge is still drawn and linked.
 * - Crossing minimization effort: `elk.layered.thoroughness` 1 instead of the default 7
 *   (https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-thoroughness.html:
 *   "How much effort should be spent to produce a nice layout"). At 10 copies the barycenter
 *   crossing minimization went from 8.8 s to 1.6 s.
 * - Layering: `LONGEST_PATH_SOURCE` instead of the default `NETWORK_SIMPLEX`
 *   (https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-layering-strategy.html).
 *   Network simplex took 1.4 s at 20 copies and 9 to 28 s at 50.
 *
 * Orthogonal edge routing stays: route.ts draws right-angle routes. It is now the largest
 * step, because the edges of every copy to the same 20 outcomes share the gaps between layers,
 * so time still grows a little faster than the tree: 2.2 s at 10 copies, 3.1 s at 20, 4.8 s at
 * 50, 11.8 s at 100 (CPU seconds, as above). `POLYLINE` routing would take 7 s at 100 copies
 * but draws slanted edges and a chart 2.6 times as wide.
 */
const largeTreeOptions: Record<string, string> = Object.fromEntries([
  ...Object.entries(layoutOptions).filter(
    ([key]) =>
      key !== 'elk.layered.considerModelOrder.strategy' &&
      key !== 'elk.layered.crossingMinimization.forceNodeModelOrder',
  ),
  ['elk.layered.thoroughness', '1'],
  ['elk.layered.layering.strategy', 'LONGEST_PATH_SOURCE'],
]);

/** Each answer's label sits on its edge, which is drawn behind it. */
const labelOptions: Record<string, string> = { 'elk.edgeLabels.inline': 'true' };

/**
 * The root's first answer runs straight to the right, so the root stays level with the top
 * branch instead of sitting halfway down the chart (straightening every first answer too
 * makes the chart a quarter taller).
 */
const rootFirstEdgeOptions: Record<string, string> = { 'elk.layered.priority.straightness': '10' };

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Lays out the decision tree: one box per question (linking to its wizard step at the
 * shortest path) and per outcome (linking to its fix page), one edge per pair of boxes
 * joined by answers, labelled with each answer. A tree of more than
 * {@link detailedLayoutMaxBoxes} boxes gets cheaper ELK settings ({@link largeTreeOptions}),
 * so layout time grows about linearly with the tree instead of about fivefold per doubling.
 *
 * @param tree - A validated tree (see `parseTree`).
 * @param outcomes - Every outcome the tree leads to, by id.
 * @returns The chart in SVG user units (1 unit = 1 CSS px): its size, boxes and edges.
 * @throws {Error} When an answer leads to an outcome missing from `outcomes`.
 */
export async function layoutFlowchart(
  tree: FlowTree,
  outcomes: ReadonlyMap<string, FlowOutcome>,
): Promise<FlowchartLayout> {
  const walk = walkTree(tree);
  const texts = new Map<string, BoxText & { kind: FlowBox['kind']; href: string }>();
  for (const { node, href } of walk.questions)
    texts.set(node.id, { ...questionText(node.question), kind: 'question', href });
  for (const id of walk.outcomeIds) {
    const outcome = outcomes.get(id);
    if (outcome === undefined) {
      throw new Error(`[flowchart] outcome "${id}" has no fix page; add content/docs/fixes/${id}.mdx.`);
    }
    texts.set(id, { ...outcomeText(outcome.code, outcome.title), kind: 'outcome', href: outcome.href });
  }

  // One edge per (question, target): parallel answers share it and stack their labels.
  const edgeAnswers = new Map<string, { source: string; target: string; answers: FlowAnswer[] }>();
  for (const { node } of walk.questions) {
    for (const answer of node.answers) {
      const target = answer.next ?? answer.outcome!;
      const id = `${node.id}>${target}`;
      const edge = edgeAnswers.get(id) ?? { source: node.id, target, answers: [] };
      edge.answers.push(answer);
      edgeAnswers.set(id, edge);
    }
  }
  const rootFirstAnswer = walk.questions[0]?.node.answers[0];
  const labelTexts = new Map<string, BoxText>();
  const graph: ElkNode = {
    id: 'flowchart',
    layoutOptions: texts.size > detailedLayoutMaxBoxes ? largeTreeOptions : layoutOptions,
    children: walk.order.map((id) => ({ id, width: texts.get(id)!.width, height: texts.get(id)!.height })),
    edges: [...edgeAnswers].map(([id, edge]): ElkExtendedEdge => ({
      id,
      sources: [edge.source],
      targets: [edge.target],
      layoutOptions: edge.answers[0] === rootFirstAnswer ? rootFirstEdgeOptions : {},
      labels: edge.answers.map((answer): ElkLabel => {
        const text = labelText(answer.label);
        const labelId = `${id}>${answer.slug}`;
        labelTexts.set(labelId, text);
        return { id: labelId, text: answer.label, width: text.width, height: text.height, layoutOptions: labelOptions };
      }),
    })),
  };

  elk ??= new ELK();
  const laidOut = await elk.layout(graph);

  const boxes = (laidOut.children ?? []).map((child): FlowBox => {
    const text = texts.get(child.id)!;
    const rect = { x: child.x ?? 0, y: child.y ?? 0, width: text.width, height: text.height };
    return {
      id: child.id,
      kind: text.kind,
      href: text.href,
      title: text.title,
      ...rect,
      lines: placeText(text, rect),
    };
  });
  const edges = (laidOut.edges ?? []).map((edge): FlowEdge => {
    const { source, target, answers } = edgeAnswers.get(edge.id)!;
    const section = edge.sections?.[0];
    const points = section === undefined ? [] : [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    const labels = (edge.labels ?? []).map((label, index): FlowLabel => {
      const text = labelTexts.get(label.id!)!;
      const rect = { x: label.x ?? 0, y: label.y ?? 0, width: text.width, height: text.height };
      return {
        slug: answers[index]!.slug,
        title: text.title,
        ...rect,
        lines: placeText(text, rect),
      };
    });
    return { id: edge.id, source, target, answers, points, labels };
  });
  return { width: Math.ceil(laidOut.width ?? 0), height: Math.ceil(laidOut.height ?? 0), boxes, edges };
}
