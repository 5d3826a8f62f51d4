import { describe, expect, it } from 'vitest';
import { allPaths, maxQuestionsFrom, resolvePath, serverOf, stepsToUrl, urlToSegments } from '../../src/wizard/paths';
import { loadRealTree } from '../support/tree';

const tree = loadRealTree();

describe('urlToSegments', () => {
  it.each([
    ['/wizard/', []],
    ['/wizard/admin/nginx/', ['admin', 'nginx']],
    ['/wizard/admin/nginx', ['admin', 'nginx']],
    ['/wizard//admin//', ['admin']],
    ['/wizard/%3Cscript%3E/', ['<script>']],
    ['/wizard/%E0%A4%A/', ['%E0%A4%A']],
    ['/fixes/firewall/', null],
  ])('splits %s', (pathname, segments) => {
    expect(urlToSegments(pathname)).toEqual(segments);
  });
});

describe('resolvePath', () => {
  it('resolves the root', () => {
    const resolution = resolvePath(tree, []);
    expect(resolution.kind === 'node' && resolution.node.id).toBe('role');
  });

  it('resolves a leaf to its outcome', () => {
    const resolution = resolvePath(tree, ['admin', 'nginx', 'refused', 'same-host']);
    expect(resolution).toMatchObject({ kind: 'outcome', outcome: 'upstream-refused' });
    expect(stepsToUrl(resolution.steps)).toBe('/wizard/admin/nginx/refused/same-host/');
  });

  it('names the longest valid prefix of an unknown path', () => {
    const resolution = resolvePath(tree, ['admin', 'bogus', 'more']);
    expect(resolution).toMatchObject({ kind: 'invalid', badSegment: 'bogus', node: { id: 'proxy' } });
    expect(stepsToUrl(resolution.steps)).toBe('/wizard/admin/');
  });

  it('rejects segments after an outcome', () => {
    expect(resolvePath(tree, ['visitor', 'reload-works', 'extra'])).toMatchObject({
      kind: 'invalid',
      badSegment: 'extra',
      node: undefined,
    });
  });

  it('remembers the proxy software the reader named', () => {
    expect(serverOf(resolvePath(tree, ['admin', 'not-sure']).steps)).toBeUndefined();
    expect(serverOf(resolvePath(tree, ['admin', 'haproxy', 'refused']).steps)).toBe('haproxy');
  });
});

describe('allPaths', () => {
  const paths = allPaths(tree);
  const urls = paths.map((resolution) => stepsToUrl(resolution.steps));

  it('gives every page a distinct URL', () => {
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('yields only paths that resolve back to themselves', () => {
    for (const resolution of paths) {
      const again = resolvePath(tree, urlToSegments(stepsToUrl(resolution.steps))!);
      expect(again.kind).toBe(resolution.kind);
    }
  });

  it('reaches every outcome', () => {
    const reached = new Set(paths.flatMap((resolution) => (resolution.kind === 'outcome' ? [resolution.outcome] : [])));
    expect([...reached].sort()).toEqual(tree.outcomes.map((outcome) => outcome.id).sort());
  });

  it('keeps every branch at 7 questions or fewer', () => {
    expect(Math.max(...paths.map((resolution) => resolution.steps.length))).toBeLessThanOrEqual(7);
    expect(maxQuestionsFrom(tree, tree.root)).toBeLessThanOrEqual(7);
  });
});
