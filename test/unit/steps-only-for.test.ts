import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { proxyServers } from '../../src/setup/defaults';
import { layerList, layers } from '../../src/wizard/layers';
import { fixPageIds, loadRealTree } from '../support/tree';

/** Fix pages' `outcome.stepsOnlyFor`: steps that fit only some layers (src/wizard/layers.ts). */
describe('steps that fit only some layers', () => {
  it('names exactly the answers of "Who answered with the 502?" but "Not sure"', () => {
    const proxy = loadRealTree().nodes.find((node) => node.id === 'proxy')!;
    expect([...layers].sort()).toEqual(
      proxy.answers
        .map((answer) => answer.slug)
        .filter((slug) => slug !== 'not-sure')
        .sort(),
    );
  });

  it('has the ids of "Your setup"\'s proxies, so a proxy chosen there names a layer', () => {
    for (const { value } of proxyServers.filter((server) => server.value !== 'other')) {
      expect(layers).toContain(value);
    }
  });

  it('reads as a sentence', () => {
    expect(layerList(['haproxy'])).toBe('HAProxy');
    expect(layerList(['nginx', 'k8s-ingress'])).toBe('nginx or a Kubernetes ingress (ingress-nginx)');
    expect(layerList(['nginx', 'caddy', 'haproxy'])).toBe('nginx, Caddy or HAProxy');
  });

  const marked = fixPageIds.flatMap((id) => {
    const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
    const onlyFor: Record<string, string[]> = parse(frontmatter)?.outcome?.stepsOnlyFor ?? {};
    return Object.keys(onlyFor).length === 0 ? [] : [{ id, mdx, onlyFor }];
  });

  it('are marked on at least four fix pages', () => {
    expect(marked.length).toBeGreaterThanOrEqual(4);
  });

  it.each(marked)('$id marks only its own step headings, with known layers', ({ mdx, onlyFor }) => {
    // Astro gives each heading the GitHub-style slug of its text (inline code marks dropped).
    const slugger = new GithubSlugger();
    const stepAnchors = [...mdx.matchAll(/^\s*\d+\.\s+###\s+(.+?)\s*$/gm)].map((match) =>
      slugger.slug(match[1]!.replace(/`/g, '')),
    );
    for (const [anchor, fits] of Object.entries(onlyFor)) {
      expect(stepAnchors, anchor).toContain(anchor);
      for (const layer of fits) expect(layers).toContain(layer);
    }
  });
});

/** Fix pages' `outcome.quickFix.writtenFor`: quick fixes whose commands fit only some layers. */
describe('quick fixes written for some layers', () => {
  const pages = fixPageIds.map((id) => {
    const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
    const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '');
    const quickFix = frontmatter?.outcome?.quickFix as
      { commands?: { lang: string; code: string }[]; writtenFor?: { layers: string[]; step: string } } | undefined;
    return { id, mdx, quickFix };
  });

  it('say so on every page whose quick fix has an nginx block or runs nginx', () => {
    const nginxOnly = pages.filter(({ quickFix }) =>
      (quickFix?.commands ?? []).some(
        (command) => command.lang === 'nginx' || /(^|\s)nginx\s|\/nginx\//.test(command.code),
      ),
    );
    expect(nginxOnly.length).toBeGreaterThanOrEqual(8);
    for (const { id, quickFix } of nginxOnly) expect(quickFix?.writtenFor?.layers, id).toEqual(['nginx']);
  });

  it.each(pages.filter(({ quickFix }) => quickFix?.writtenFor !== undefined))(
    '$id sends other layers to a step with a tab for each server',
    ({ mdx, quickFix }) => {
      const { layers: fits, step } = quickFix!.writtenFor!;
      for (const layer of fits) expect(layers).toContain(layer);
      const slugger = new GithubSlugger();
      const stepStarts = [...mdx.matchAll(/^\s*\d+\.\s+###\s+(.+?)\s*$/gm)].map((match) => ({
        anchor: slugger.slug(match[1]!.replace(/`/g, '')),
        at: match.index,
      }));
      const index = stepStarts.findIndex(({ anchor }) => anchor === step);
      expect(index, `${step} is not a step heading`).toBeGreaterThanOrEqual(0);
      const text = mdx.slice(
        stepStarts[index]!.at,
        stepStarts[index + 1]?.at ?? mdx.indexOf('\n## ', stepStarts[index]!.at),
      );
      expect(text).toContain('<Tabs syncKey="server">');
      expect(text).toContain('<TabItem label="Apache httpd">');
    },
  );
});
