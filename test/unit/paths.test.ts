import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allPaths,
  arriveAt,
  fixUrl,
  leafRedirects,
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
  const leaves = leafRedirects(tree);
  const all = allPaths(tree);
  /** Question pages: the wizard's only pages. */
  const pages = new Set(all.flatMap((path) => (path.kind === 'node' ? [stepsToUrl(path.steps)] : [])));
  /** Where a path of this tree ends: its question page, or its outcome's fix page with the answers. */
  const target = (resolution: (typeof all)[number]) =>
    resolution.kind === 'node' ? stepsToUrl(resolution.steps) : fixUrl(resolution.outcome, resolution.steps);
  const fixPages = new Set(tree.outcomes.map((outcome) => `/fixes/${outcome.id}/`));

  it('lists the first version’s links and this version’s', () => {
    expect(published.length).toBeGreaterThanOrEqual(all.length);
    expect(published).toContain('/wizard/admin/nginx/unclear/cdn-no/deployed/curl-ok/every-request/');
    for (const path of all) {
      expect(published, `${stepsToUrl(path.steps)} is missing from the contract`).toContain(stepsToUrl(path.steps));
    }
  });

  it.each(published)('%s is a question page or redirects to where its answers lead', (url) => {
    const arrival = arriveAt(tree, urlToSegments(url)!);
    expect(arrival.kind).not.toBe('nearest');
    if (arrival.kind === 'current' && arrival.resolution.kind === 'node') expect(pages.has(url)).toBe(true);
    else if (arrival.kind === 'current') expect(leaves.get(url)).toBe(target(arrival.resolution));
    else expect(redirects.get(url)).toBe(target(arrival.resolution));
  });

  it('redirects no question page, and sends every redirect to a question page or a fix page with its answers', () => {
    for (const [from, to] of [...redirects, ...leaves]) {
      expect(pages.has(from), from).toBe(false);
      const fix = /^(\/fixes\/[a-z0-9-]+\/)\?answers=([a-z0-9/-]+)$/.exec(to);
      if (fix) {
        expect(fixPages.has(fix[1]!), to).toBe(true);
        const resolution = resolvePath(tree, fix[2]!.split('/'));
        expect(resolution.kind === 'outcome' && `/fixes/${resolution.outcome}/`, to).toBe(fix[1]);
      } else {
        expect(pages.has(to), to).toBe(true);
      }
    }
  });
});

describe('fixUrl and leafRedirects', () => {
  it('opens the fix page with the answers that reached it', () => {
    const resolution = resolvePath(tree, ['admin', 'nginx', 'refused', 'same-host']);
    expect(resolution.kind).toBe('outcome');
    if (resolution.kind !== 'outcome') return;
    expect(fixUrl(resolution.outcome, resolution.steps)).toBe(
      '/fixes/upstream-refused/?answers=admin/nginx/refused/same-host',
    );
  });

  it('sends each leaf, and only leaves, to its fix page', () => {
    const leaves = leafRedirects(tree);
    const outcomes = allPaths(tree).filter((path) => path.kind === 'outcome');
    expect(leaves.size).toBe(outcomes.length);
    expect(leaves.get('/wizard/visitor/reload-works/')).toBe('/fixes/visitor-transient/?answers=visitor/reload-works');
    expect(leaves.has('/wizard/admin/nginx/')).toBe(false);
  });
});
