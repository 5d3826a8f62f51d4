import { describe, expect, it } from 'vitest';
import { parseTree, TreeError } from '../../src/wizard/tree';
import { loadRealTree } from '../support/tree';

/** A small valid tree: two questions, three outcomes. */
const valid = `
version: 1
root: start
lastResort: fix-d
nodes:
  - id: start
    question: First?
    short: First
    help: Help text.
    why: Because.
    answers:
      - { slug: a, label: A, next: second }
      - { slug: b, label: B, outcome: fix-b }
  - id: second
    question: Second?
    short: Second
    help: Help text.
    why: Because.
    answers:
      - { slug: c, label: C, outcome: fix-c }
      - { slug: d, label: D, outcome: fix-d }
outcomes:
  - id: fix-b
    followUps:
      - { outcome: fix-c, reason: Try this one next. }
  - id: fix-c
    followUps:
      - { outcome: fix-b, reason: Then try this one. }
  - id: fix-d
`;
const fixPages = ['fix-b', 'fix-c', 'fix-d'];

/** Parses `yaml` and returns the problems it throws (empty when it parses). */
function problemsOf(yaml: string, pages: readonly string[] = fixPages): readonly string[] {
  try {
    parseTree(yaml, pages);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(TreeError);
    return (error as TreeError).problems;
  }
}

describe('parseTree', () => {
  it('accepts a valid tree', () => {
    expect(parseTree(valid, fixPages).nodes.map((node) => node.id)).toEqual(['start', 'second']);
  });

  it.each([
    [
      'a duplicate node id',
      valid.replace('id: second', 'id: start').replace('next: second', 'next: start'),
      'node "start": the id is used twice',
    ],
    [
      'an answer leading to a missing node',
      valid.replace('next: second', 'next: nowhere'),
      'node "start", answer "a": leads to node "nowhere", which does not exist',
    ],
    [
      'an answer leading to an unlisted outcome',
      valid.replace('outcome: fix-d', 'outcome: fix-x'),
      'node "second", answer "d": leads to outcome "fix-x", which is not listed in outcomes',
    ],
    [
      'an answer with both next and outcome',
      valid.replace('{ slug: b, label: B, outcome: fix-b }', '{ slug: b, label: B, outcome: fix-b, next: second }'),
      'node "start", answer "b": needs exactly one of "next" or "outcome"',
    ],
    [
      'an answer with neither next nor outcome',
      valid.replace('{ slug: b, label: B, outcome: fix-b }', '{ slug: b, label: B }'),
      'node "start", answer "b": needs exactly one of "next" or "outcome"',
    ],
    [
      'a slug used twice in one node',
      valid.replace('slug: d', 'slug: c'),
      'node "second", answer "c": the slug is used twice in this node',
    ],
    [
      'a cycle',
      valid.replace('outcome: fix-c', 'next: start'),
      'node "second", answer "c": makes a cycle start → second → start',
    ],
    [
      'an unreachable node',
      valid.replace('next: second', 'outcome: fix-c'),
      'node "second": unreachable from the root',
    ],
    [
      'an outcome no answer leads to',
      valid.replace('outcome: fix-b', 'outcome: fix-c'),
      'outcome "fix-b": no answer leads to it',
    ],
    [
      'a follow-up that is not an outcome',
      valid.replace('{ outcome: fix-c, reason', '{ outcome: fix-x, reason'),
      'outcome "fix-b": follow-up "fix-x" is not an outcome',
    ],
    [
      'an outcome that lists itself',
      valid.replace('{ outcome: fix-c, reason', '{ outcome: fix-b, reason'),
      'outcome "fix-b": lists itself as a follow-up',
    ],
    [
      'an outcome with no follow-up',
      valid.replace('    followUps:\n      - { outcome: fix-b, reason: Then try this one. }\n', ''),
      'outcome "fix-c": has no follow-up (add at least one)',
    ],
    [
      'a follow-up listed twice',
      valid.replace(
        '      - { outcome: fix-c, reason: Try this one next. }\n',
        '      - { outcome: fix-c, reason: Try this one next. }\n      - { outcome: fix-c, reason: Try it again. }\n',
      ),
      'outcome "fix-b": follow-up "fix-c" is listed twice',
    ],
    [
      'follow-ups on the last resort',
      valid.replace(
        '  - id: fix-d\n',
        '  - id: fix-d\n    followUps:\n      - { outcome: fix-b, reason: Back to the start. }\n',
      ),
      'outcome "fix-d": is the last resort, so it cannot have follow-ups',
    ],
    [
      'a last resort that is not an outcome',
      valid.replace('lastResort: fix-d', 'lastResort: fix-z'),
      'lastResort "fix-z": not listed in outcomes',
    ],
    [
      'a root that does not exist',
      valid.replace('root: start', 'root: missing'),
      'root "missing": no node has this id',
    ],
  ])('reports %s', (_name, yaml, problem) => {
    expect(problemsOf(yaml)).toContain(problem);
  });

  it('reports an outcome without a fix page', () => {
    expect(problemsOf(valid, ['fix-b', 'fix-c'])).toContain(
      'outcome "fix-d": no fix page content/docs/fixes/fix-d.mdx',
    );
  });

  it('reports a fix page that no outcome lists', () => {
    expect(problemsOf(valid, [...fixPages, 'orphan'])).toContain('fix page "fixes/orphan": not listed in outcomes');
  });

  it('names the node when the schema rejects a field', () => {
    expect(problemsOf(valid.replace('question: Second?', 'question: ""'))).toEqual([
      expect.stringMatching(/^node "second", question: /),
    ]);
  });

  it('rejects YAML that does not parse', () => {
    expect(problemsOf('root: [unclosed')[0]).toMatch(/^not valid YAML/);
  });

  it('puts every problem and a hint in the error message', () => {
    expect(() => parseTree(valid.replace('next: second', 'next: nowhere'), fixPages)).toThrow(
      /tree\.yaml is invalid:\n {2}- node "start", answer "a": leads to node "nowhere"[\s\S]*Hint:/,
    );
  });

  it('accepts the real tree with the real fix pages', () => {
    expect(loadRealTree().outcomes.length).toBeGreaterThanOrEqual(14);
  });
});
