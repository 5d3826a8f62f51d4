import { describe, expect, it } from 'vitest';
import { classifyLine, diagnose, formatKeys } from '../../src/diagnose/diagnose';
import { ruleMatches } from '../../src/diagnose/match';
import { ruleGroups, rules } from '../../src/diagnose/rules/index';
import type { Rule, RuleGroup } from '../../src/diagnose/types';
import { impliedSteps } from '../../src/diagnose/wizard';
import type { TreeNode } from '../../src/wizard/tree';
import { loadTreeForRouting } from '../support/tree';

// The tree's routing, checked against its own outcomes: whether each outcome has a fix
// page is the tree and fix-page tests' concern (fix pages of new outcomes may come later).
const tree = loadTreeForRouting();
const outcomeIds = tree.outcomes.map((outcome) => outcome.id);
const nodesById = new Map(tree.nodes.map((node) => [node.id, node]));
const samples = rules.flatMap((rule) => rule.samples.map((sample) => [rule.id, sample] as const));
const nearMisses = rules.flatMap((rule) => rule.nearMisses.map((line) => [rule.id, line, rule] as const));

/** Outcomes reachable from a node by any answers. */
function outcomesBelow(node: TreeNode, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(node.id)) return found;
  seen.add(node.id);
  for (const answer of node.answers) {
    if (answer.outcome !== undefined) found.add(answer.outcome);
    const next = answer.next === undefined ? undefined : nodesById.get(answer.next);
    if (next !== undefined) for (const outcome of outcomesBelow(next, seen)) found.add(outcome);
  }
  return found;
}

/** Whether a group's gate admits every line the rule can match (see RuleGroup). */
function gateCovers(group: RuleGroup, rule: Rule): boolean {
  const holdsGate = (literal: string) => group.gates.some((gate) => literal.includes(gate));
  if (rule.includes.some(holdsGate)) return true;
  return rule.anyOf !== undefined && rule.anyOf.length > 0 && rule.anyOf.every(holdsGate);
}

describe('every rule', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is described completely', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(rule.cause.length).toBeGreaterThan(10);
    expect(rule.source.length).toBeGreaterThan(5);
    expect(rule.samples.length).toBeGreaterThan(0);
    expect(rule.nearMisses.length).toBeGreaterThan(0);
    expect(rule.includes.length + (rule.anyOf?.length ?? 0)).toBeGreaterThan(0);
  });

  it('has an id no other rule has', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });
});

describe('a sample line', () => {
  it.each(samples)('is recognised by %s: %s', (id, sample) => {
    const findings = diagnose(sample);
    expect(findings.map((finding) => [finding.line, finding.rule.id])).toEqual([[1, id]]);
  });
});

describe('a near-miss line', () => {
  it.each(nearMisses)('does not match %s: %s', (_id, line, rule) => {
    expect(ruleMatches(rule, line)).toBe(false);
    expect(classifyLine(line)?.id).not.toBe(rule.id);
  });
});

describe('the wizard answers a rule implies', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s names real nodes and answers', (_id, rule) => {
    for (const [nodeId, slug] of Object.entries(rule.implies)) {
      const node = nodesById.get(nodeId);
      expect(node, `node ${nodeId}`).toBeDefined();
      expect(node!.answers.map((answer) => answer.slug)).toContain(slug);
    }
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s leads towards its outcome', (_id, rule) => {
    expect(outcomeIds).toContain(rule.outcome);
    const steps = impliedSteps(tree, rule.implies);
    const last = steps.at(-1);
    if (last?.answer.outcome !== undefined) {
      expect(last.answer.outcome).toBe(rule.outcome);
      return;
    }
    const stop = last === undefined ? nodesById.get(tree.root)! : nodesById.get(last.answer.next!)!;
    expect([...outcomesBelow(stop)]).toContain(rule.outcome);
  });
});

describe('rule groups', () => {
  it.each(ruleGroups.flatMap((group) => group.rules.map((rule) => [group.name, rule.id, group, rule] as const)))(
    'the %s gate admits every line %s can match',
    (_group, _id, group, rule) => {
      expect(gateCovers(group, rule)).toBe(true);
    },
  );

  it('never let two nginx phases claim the same line, so their order does not matter', () => {
    const nginxGroups = ruleGroups.filter((group) => group.format === 'nginx');
    const lines = rules
      .filter((rule) => rule.software === 'nginx')
      .flatMap((rule) => [...rule.samples, ...rule.nearMisses]);
    for (const line of lines) {
      const claiming = nginxGroups.filter((group) => group.rules.some((rule) => ruleMatches(rule, line)));
      expect(claiming.length, line).toBeLessThanOrEqual(1);
    }
  });
});

describe('the prefilter of a known log format', () => {
  it.each(
    ruleGroups
      .filter((group) => group.format !== undefined)
      .flatMap((group) => group.rules.map((rule) => [group.format!, rule.id, rule] as const)),
  )('%s: every line %s can match holds one of the format keys', (format, _id, rule) => {
    const holdsKey = (literal: string) => formatKeys[format].some((key) => literal.includes(key));
    const covered =
      rule.includes.some(holdsKey) || (rule.anyOf !== undefined && rule.anyOf.length > 0 && rule.anyOf.every(holdsKey));
    expect(covered).toBe(true);
  });
});
