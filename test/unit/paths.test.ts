import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allPaths,
  arriveAt,
  maxQuestionsFrom,
  migrateSegments,
  resolvePath,
  retiredRedirects,
  serverOf,
  stepsToUrl,
  urlToSegments,
} from '../../src/wizard/paths';
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

  // Issue 19 bounds the questions real readers answer (at most 7 over the scenario corpus,
  // test/unit/scenarios.test.ts). The tree's rarest branches are longer: a reader without a
  // log whose site moved and whose upstream answers (role, who answered, log, CDN, failing
  // requests, change, DNS, check, proxy side) answers 9; behind Cloudflare's origin 502, 10.
  it('keeps every branch at 10 questions or fewer, and half the leaves at 7 or fewer', () => {
    const depths = paths.filter((resolution) => resolution.kind === 'outcome').map((leaf) => leaf.steps.length);
    expect(Math.max(...depths)).toBeLessThanOrEqual(10);
    expect(maxQuestionsFrom(tree, tree.root)).toBeLessThanOrEqual(10);
    expect(depths.sort((a, b) => a - b)[Math.floor(depths.length / 2)]).toBeLessThanOrEqual(7);
  });
});

describe('migrateSegments', () => {
  const rules = [
    { replace: ['a', 'b'], with: ['a', 'x', 'b'] },
    { replace: ['old'], with: [] },
  ];

  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'x', 'b', 'c'],
    ],
    [
      ['q', 'a', 'b', 'a', 'b'],
      ['q', 'a', 'x', 'b', 'a', 'x', 'b'],
    ],
    [['old', 'a'], ['a']],
    [
      ['a', 'c'],
      ['a', 'c'],
    ],
    [[], []],
  ])('rewrites %j as %j', (segments, expected) => {
    expect(migrateSegments(rules, segments)).toEqual(expected);
  });
});

describe('arriveAt', () => {
  it('keeps a path of this tree as it is', () => {
    expect(arriveAt(tree, ['admin', 'nginx', 'refused', 'same-host'])).toMatchObject({
      kind: 'current',
      resolution: { kind: 'outcome', outcome: 'upstream-refused' },
    });
  });

  it('carries a path of the first tree over to its step in this one', () => {
    const arrival = arriveAt(tree, ['admin', 'nginx', 'unclear', 'cdn-no', 'deployed', 'curl-hangs']);
    expect(arrival).toMatchObject({ kind: 'moved', resolution: { kind: 'outcome', outcome: 'firewall' } });
    expect(stepsToUrl(arrival.resolution.steps)).toBe('/wizard/admin/nginx/unclear/cdn-no/all/deployed/curl-hangs/');
  });

  it('cuts a path back to the nearest step that fits, and names the answer that does not', () => {
    const arrival = arriveAt(tree, ['admin', 'nginx', 'bogus', 'more']);
    expect(arrival).toMatchObject({ kind: 'nearest', badSegment: 'bogus', resolution: { kind: 'node' } });
    expect(stepsToUrl(arrival.resolution.steps)).toBe('/wizard/admin/nginx/');
  });

  it('stops at the outcome when a path runs on past one', () => {
    expect(arriveAt(tree, ['visitor', 'reload-works', 'extra'])).toMatchObject({
      kind: 'nearest',
      resolution: { kind: 'outcome', outcome: 'visitor-transient' },
    });
  });

  it('starts over when not even the first answer fits', () => {
    const arrival = arriveAt(tree, ['<script>']);
    expect(arrival).toMatchObject({ kind: 'nearest', badSegment: '<script>', resolution: { kind: 'node', steps: [] } });
  });
});

describe('the published links (test/fixtures/published-links.txt)', () => {
  const published = readFileSync(new URL('../fixtures/published-links.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('/wizard/'));
  const redirects = retiredRedirects(tree);
  const pages = new Set(allPaths(tree).map((path) => stepsToUrl(path.steps)));

  it('lists the first version’s links and this version’s', () => {
    expect(published.length).toBeGreaterThanOrEqual(pages.size);
    expect(published).toContain('/wizard/admin/nginx/unclear/cdn-no/deployed/curl-ok/every-request/');
    for (const page of pages) expect(published, `${page} is missing from the contract`).toContain(page);
  });

  it.each(published)('%s is a page or redirects to the step its answers lead to', (url) => {
    const arrival = arriveAt(tree, urlToSegments(url)!);
    expect(arrival.kind).not.toBe('nearest');
    if (arrival.kind === 'current') expect(pages.has(url)).toBe(true);
    else expect(redirects.get(url)).toBe(stepsToUrl(arrival.resolution.steps));
  });

  it('redirects no path of this tree, and sends every redirect to a page', () => {
    for (const [from, to] of redirects) {
      expect(pages.has(from), from).toBe(false);
      expect(pages.has(to), to).toBe(true);
    }
  });
});
