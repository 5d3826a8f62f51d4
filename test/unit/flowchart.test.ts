import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fontSizes } from '../../src/components/flowchart/box-text';
import {
  detailedLayoutMaxBoxes,
  layoutFlowchart,
  type FlowBox,
  type FlowchartLayout,
  type FlowOutcome,
} from '../../src/components/flowchart/layout';
import { roundedPath } from '../../src/components/flowchart/route';
import { textWidth, wrapText } from '../../src/components/flowchart/text';
import { walkTree } from '../../src/components/flowchart/walk';
import { allPaths, resolvePath, stepsToUrl, urlToSegments } from '../../src/wizard/paths';
import { parseTree } from '../../src/wizard/tree';
import { generateTree } from '../bench/generate-tree.mjs';
import { fixPageIds, loadRealTree } from '../support/tree';

const tree = loadRealTree();

/** Title and code of every fix page, read from its frontmatter as the site does. */
const outcomes = new Map<string, FlowOutcome>(
  fixPageIds.map((id) => {
    const source = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
    const frontmatter = parseYaml(source.split(/^---$/m)[1]!) as { title: string; outcome: { code: string } };
    return [id, { title: frontmatter.title, code: frontmatter.outcome.code, href: `/fixes/${id}/` }];
  }),
);

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (point: { x: number; y: number }, box: Rect) =>
  point.x >= box.x - 1 &&
  point.x <= box.x + box.width + 1 &&
  point.y >= box.y - 1 &&
  point.y <= box.y + box.height + 1 &&
  (Math.abs(point.x - box.x) <= 1 || Math.abs(point.x - box.x - box.width) <= 1);

describe('layoutFlowchart on the real tree', () => {
  let layout: FlowchartLayout;
  let boxById: Map<string, FlowBox>;
  beforeAll(async () => {
    layout = await layoutFlowchart(tree, outcomes);
    boxById = new Map(layout.boxes.map((box) => [box.id, box]));
  });

  it('draws every question and every outcome exactly once', () => {
    const ids = layout.boxes.map((box) => box.id).sort();
    expect(ids).toEqual([...tree.nodes.map((node) => node.id), ...tree.outcomes.map((outcome) => outcome.id)].sort());
    for (const node of tree.nodes) expect(boxById.get(node.id)?.kind).toBe('question');
    for (const outcome of tree.outcomes) expect(boxById.get(outcome.id)?.kind).toBe('outcome');
  });

  it('puts every answer on exactly one edge, from its question to where it leads', () => {
    for (const node of tree.nodes) {
      for (const answer of node.answers) {
        const target = answer.next ?? answer.outcome;
        const carrying = layout.edges.filter((edge) => edge.source === node.id && edge.answers.includes(answer));
        expect(
          carrying.map((edge) => edge.target),
          `${node.id} / ${answer.slug}`,
        ).toEqual([target]);
      }
    }
    const answerCount = tree.nodes.reduce((sum, node) => sum + node.answers.length, 0);
    expect(layout.edges.reduce((sum, edge) => sum + edge.answers.length, 0)).toBe(answerCount);
  });

  it('routes every edge from the side of its source box to the side of its target box', () => {
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(onBorder(edge.points[0]!, boxById.get(edge.source)!), `${edge.id} start`).toBe(true);
      expect(onBorder(edge.points.at(-1)!, boxById.get(edge.target)!), `${edge.id} end`).toBe(true);
    }
  });

  it('labels every answer in full, wrapped and never cut', () => {
    for (const edge of layout.edges) {
      expect(edge.labels.map((label) => label.title)).toEqual(edge.answers.map((answer) => answer.label));
      for (const [index, label] of edge.labels.entries()) {
        expect(label.lines.length).toBeGreaterThanOrEqual(1);
        const shown = label.lines.map((line) => line.text).join(' ');
        expect(shown, edge.id).toBe(edge.answers[index]!.label.split(/\s+/).join(' '));
      }
    }
    // At least one answer is long enough to need a third line, which the old cut removed.
    expect(Math.max(...layout.edges.flatMap((edge) => edge.labels.map((label) => label.lines.length)))).toBeGreaterThan(
      2,
    );
  });

  it('overlaps no box with another box or with a label', () => {
    const labels = layout.edges.flatMap((edge) => edge.labels);
    for (const [index, box] of layout.boxes.entries()) {
      for (const other of layout.boxes.slice(index + 1))
        expect(overlaps(box, other), `${box.id} × ${other.id}`).toBe(false);
      for (const label of labels) expect(overlaps(box, label), `${box.id} × label ${label.title}`).toBe(false);
    }
  });

  it('keeps everything inside the drawing and the text inside its box', () => {
    for (const rect of [...layout.boxes, ...layout.edges.flatMap((edge) => edge.labels)]) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(layout.width);
      expect(rect.y + rect.height).toBeLessThanOrEqual(layout.height);
      for (const line of rect.lines) {
        const half = textWidth(line.text, line.size, line.style === 'code') / 2;
        expect(line.x - half).toBeGreaterThanOrEqual(rect.x);
        expect(line.x + half).toBeLessThanOrEqual(rect.x + rect.width);
        expect(line.y).toBeGreaterThan(rect.y);
        expect(line.y).toBeLessThan(rect.y + rect.height);
      }
    }
  });

  it('stacks the boxes an answer leads to in the order of the answers, top to bottom', () => {
    const walk = walkTree(tree);
    const firstReachedFrom = new Map<string, string>();
    for (const { node } of walk.questions) {
      for (const answer of node.answers) {
        const target = answer.next ?? answer.outcome!;
        if (target !== tree.root && !firstReachedFrom.has(target)) firstReachedFrom.set(target, node.id);
      }
    }
    for (const { node } of walk.questions) {
      const targets = [...new Set(node.answers.map((answer) => answer.next ?? answer.outcome!))]
        .filter((target) => firstReachedFrom.get(target) === node.id)
        .map((target) => boxById.get(target)!);
      for (const column of new Set(targets.map((box) => box.x))) {
        const tops = targets.filter((box) => box.x === column).map((box) => box.y);
        expect(tops, node.id).toEqual([...tops].sort((a, b) => a - b));
      }
    }
  });

  it('starts at the top left, in the part of the chart a phone shows first', () => {
    const root = boxById.get(tree.root)!;
    expect(root.x).toBe(Math.min(...layout.boxes.map((box) => box.x)));
    expect(root.x + root.width).toBeLessThanOrEqual(350);
    expect(root.y + root.height).toBeLessThanOrEqual(300);
  });

  it('links each question to its wizard step at the first of its shortest paths', () => {
    const paths = allPaths(tree);
    for (const node of tree.nodes) {
      const reaching = paths.filter((path) => path.kind === 'node' && path.node.id === node.id);
      const fewest = Math.min(...reaching.map((path) => path.steps.length));
      const expected = stepsToUrl(reaching.find((path) => path.steps.length === fewest)!.steps);
      const href = boxById.get(node.id)!.href;
      expect(href, node.id).toBe(expected);
      expect(resolvePath(tree, urlToSegments(href)!)).toMatchObject({ kind: 'node', node: { id: node.id } });
    }
    expect(boxById.get(tree.root)!.href).toBe('/wizard/');
  });

  it('links each outcome to its fix page and shows its code and title', () => {
    for (const outcome of tree.outcomes) {
      const box = boxById.get(outcome.id)!;
      const info = outcomes.get(outcome.id)!;
      expect(box.href).toBe(`/fixes/${outcome.id}/`);
      expect(box.lines[0]).toMatchObject({ text: info.code, style: 'code' });
      expect(
        box.lines
          .slice(1)
          .map((line) => line.text)
          .join(' '),
      ).toBe(info.title);
    }
  });

  it('sets no text under 13 px', () => {
    const lines = [...layout.boxes, ...layout.edges.flatMap((edge) => edge.labels)].flatMap((rect) => rect.lines);
    expect(Math.min(...lines.map((line) => line.size), ...Object.values(fontSizes))).toBeGreaterThanOrEqual(13);
  });
});

describe('layoutFlowchart on a tree too large for the detailed layout', () => {
  // The fewest copies of the real tree (generate-tree.mjs: 12 questions a copy, one new
  // root, the same outcomes) that pass detailedLayoutMaxBoxes, so the cheaper options apply.
  const boxesPerCopy = tree.nodes.length;
  const fixedBoxes = 1 + tree.outcomes.length;
  const copies = Math.floor((detailedLayoutMaxBoxes - fixedBoxes) / boxesPerCopy) + 1;
  const large = parseTree(
    generateTree(readFileSync(new URL('../../content/wizard/tree.yaml', import.meta.url), 'utf8'), copies),
    fixPageIds,
  );
  let layout: FlowchartLayout;
  let boxById: Map<string, FlowBox>;
  // A limit on the hook, not a timing check: the layout takes a few seconds on a busy machine.
  beforeAll(async () => {
    layout = await layoutFlowchart(large, outcomes);
    boxById = new Map(layout.boxes.map((box) => [box.id, box]));
  }, 120_000);

  it('is past the threshold', () => {
    expect(large.nodes.length + tree.outcomes.length).toBeGreaterThan(detailedLayoutMaxBoxes);
  });

  it('draws every question and outcome once, each linked to its wizard step or fix page', () => {
    const walk = walkTree(large);
    expect(layout.boxes.map((box) => box.id).sort()).toEqual([...walk.order].sort());
    for (const { node, href } of walk.questions) expect(boxById.get(node.id)).toMatchObject({ kind: 'question', href });
    for (const id of walk.outcomeIds) expect(boxById.get(id)).toMatchObject({ kind: 'outcome', href: `/fixes/${id}/` });
  });

  it('puts every answer on one edge, routed from its question to where it leads', () => {
    const answerCount = large.nodes.reduce((sum, node) => sum + node.answers.length, 0);
    expect(layout.edges.reduce((sum, edge) => sum + edge.answers.length, 0)).toBe(answerCount);
    for (const edge of layout.edges) {
      for (const answer of edge.answers) expect(answer.next ?? answer.outcome, edge.id).toBe(edge.target);
      expect(edge.labels.map((label) => label.title)).toEqual(edge.answers.map((answer) => answer.label));
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(onBorder(edge.points[0]!, boxById.get(edge.source)!), `${edge.id} start`).toBe(true);
      expect(onBorder(edge.points.at(-1)!, boxById.get(edge.target)!), `${edge.id} end`).toBe(true);
    }
  });

  it('overlaps no box with another box and keeps every box inside the drawing', () => {
    const sorted = [...layout.boxes].sort((a, b) => a.x - b.x);
    for (const [index, box] of sorted.entries()) {
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      for (const other of sorted.slice(index + 1)) {
        if (other.x >= box.x + box.width) break;
        expect(overlaps(box, other), `${box.id} × ${other.id}`).toBe(false);
      }
    }
  });
});

describe('layoutFlowchart', () => {
  it('names an outcome that has no fix page', async () => {
    const withoutOne = new Map(outcomes);
    withoutOne.delete('firewall');
    await expect(layoutFlowchart(tree, withoutOne)).rejects.toThrow('[flowchart] outcome "firewall" has no fix page');
  });
});

describe('walkTree', () => {
  it('lists the root first and each question and outcome once', () => {
    const walk = walkTree(tree);
    expect(walk.questions[0]).toMatchObject({ node: { id: tree.root }, href: '/wizard/' });
    expect(new Set(walk.questions.map(({ node }) => node.id)).size).toBe(tree.nodes.length);
    expect([...walk.outcomeIds].sort()).toEqual(tree.outcomes.map((outcome) => outcome.id).sort());
    expect([...walk.order].sort()).toEqual([...walk.questions.map(({ node }) => node.id), ...walk.outcomeIds].sort());
    expect(walk.order[0]).toBe(tree.root);
  });

  it('links a question reached by several answers through the first of them', () => {
    const walk = walkTree({
      root: 'a',
      nodes: [
        {
          id: 'a',
          question: 'A?',
          answers: [
            { slug: 'x', label: 'X', next: 'b' },
            { slug: 'y', label: 'Y', next: 'b' },
          ],
        },
        { id: 'b', question: 'B?', answers: [{ slug: 'z', label: 'Z', outcome: 'done' }] },
      ],
    });
    expect(walk.questions.map(({ href }) => href)).toEqual(['/wizard/', '/wizard/x/']);
  });
});

describe('wrapText', () => {
  it.each([
    ['keeps a short text on one line', 'Yes', 100, Infinity, ['Yes']],
    ['breaks at spaces', 'one two three four', 70, Infinity, ['one two', 'three four']],
    ['gives a long word a line of its own', 'a extraordinarily b', 40, Infinity, ['a', 'extraordinarily', 'b']],
    ['cuts after the last line with an ellipsis', 'one two three four five six', 70, 2, ['one two', 'three…']],
  ])('%s', (_name, text, maxWidth, maxLines, lines) => {
    expect(wrapText(text, maxWidth, 13, maxLines)).toEqual(lines);
  });
});

describe('roundedPath', () => {
  it.each([
    ['draws nothing without points', [], ''],
    [
      'draws a straight edge as one line',
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      'M0 0 L10 0',
    ],
    [
      'rounds a corner',
      [
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 20 },
      ],
      'M0 0 L14 0 Q20 0 20 6 L20 20',
    ],
  ])('%s', (_name, points, path) => {
    expect(roundedPath(points)).toBe(path);
  });
});
