import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allPaths, resolvePath, stepsToUrl } from '../../src/wizard/paths';
import { fixPageIds, loadRealTree } from '../support/tree';

const tree = loadRealTree();
const paths = allPaths(tree);

/** Fix pages for site owners (audience admin or everyone), read from their frontmatter. */
const adminOutcomes = fixPageIds.filter((id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '') as { outcome?: { audience?: string } };
  return frontmatter.outcome?.audience !== 'visitor';
});

/**
 * A path that uses no log line: it never answers the log question with a line ("No
 * upstream error, another error, or I can't see the logs" is allowed) and never reaches the
 * app server's log question.
 */
const usesNoLogLine = (steps: (typeof paths)[number]['steps']) =>
  steps.every((step) => !(step.node.id === 'log' && step.answer.slug !== 'unclear') && step.node.id !== 'app-log');

describe('the tree without a log line (issue 19)', () => {
  const withoutLog = new Map<string, string>();
  for (const path of paths) {
    if (path.kind === 'outcome' && usesNoLogLine(path.steps) && !withoutLog.has(path.outcome)) {
      withoutLog.set(path.outcome, stepsToUrl(path.steps));
    }
  }

  it('knows the admin outcomes from the fix pages', () => {
    expect(adminOutcomes.length).toBeGreaterThanOrEqual(20);
    expect(adminOutcomes).not.toContain('visitor-transient');
  });

  it.each(adminOutcomes)('reaches %s from the symptom and check questions alone', (outcome) => {
    const url = withoutLog.get(outcome);
    expect(url, `no path to ${outcome} avoids the log questions`).toBeDefined();
    const resolution = resolvePath(tree, url!.split('/').filter(Boolean).slice(1));
    expect(resolution).toMatchObject({ kind: 'outcome', outcome });
  });

  it('asks the four named questions of the first version, under their ids', () => {
    const ids = new Set(tree.nodes.map((node) => node.id));
    for (const id of ['role', 'cdn', 'change', 'log']) expect(ids).toContain(id);
    const log = tree.nodes.find((node) => node.id === 'log')!;
    expect(log.answers.map((answer) => answer.slug)).toContain('refused');
    const change = tree.nodes.find((node) => node.id === 'change')!;
    expect(change.answers.map((answer) => answer.slug)).toContain('dns-changed');
  });

  it('never sends a visitor to an admin outcome', () => {
    const visitorLeaves = paths.filter((path) => path.kind === 'outcome' && path.steps[0]?.answer.slug === 'visitor');
    expect(visitorLeaves.length).toBeGreaterThanOrEqual(3);
    for (const leaf of visitorLeaves) {
      expect(adminOutcomes, stepsToUrl(leaf.steps)).not.toContain(leaf.kind === 'outcome' && leaf.outcome);
    }
  });
});

describe('the API gateway branch', () => {
  const gatewayLeaves = new Map<string, string>();
  for (const path of paths) {
    if (path.kind !== 'outcome' || path.steps[1]?.answer.slug !== 'api-gateway') continue;
    if (!gatewayLeaves.has(path.outcome)) gatewayLeaves.set(path.outcome, stepsToUrl(path.steps));
  }

  // An HTTP backend behind API Gateway fails like any upstream; one that answers after the
  // integration timeout (29 s for REST APIs) gave no way to upstream-timeout before curl-slow.
  it.each(['serverless-response', 'upstream-timeout', 'upstream-refused', 'lb-health-checks', 'upstream-tls'])(
    'reaches %s',
    (outcome) => {
      expect(gatewayLeaves.get(outcome), [...gatewayLeaves.keys()].join(', ')).toBeDefined();
    },
  );

  it('sends an upstream that answers only after the timeout to upstream-timeout, wherever curl is asked', () => {
    const slow = paths.filter((path) => path.steps.at(-1)?.answer.slug === 'curl-slow');
    expect(slow.length).toBeGreaterThan(10);
    for (const path of slow) expect(path).toMatchObject({ kind: 'outcome', outcome: 'upstream-timeout' });
  });
});
