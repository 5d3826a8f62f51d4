import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixPageIds } from '../support/tree';

describe.each(fixPageIds)('fix page %s', (id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx) ?? [];
  const logMessages: string[] = parse(frontmatter)?.outcome?.logMessages ?? [];
  const h2s = [...mdx.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

  it('has ordered steps, each opening with a heading that gives it an anchor', () => {
    expect(mdx).toContain('<Steps>');
    expect([...mdx.matchAll(/^\s*\d+\.\s+### .+$/gm)].length).toBeGreaterThanOrEqual(2);
  });

  it('ends with the check that shows the problem is gone, then the sources it relies on', () => {
    expect(h2s.slice(-2)).toEqual(['Verify the fix', 'Sources']);
  });

  it('links at least one source (vendor docs, man pages, RFCs) in its Sources section', () => {
    const sources = mdx.split(/^## Sources$/m)[1] ?? '';
    expect([...sources.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].length).toBeGreaterThanOrEqual(1);
  });

  it('quotes every log message it claims for search in its own body', () => {
    expect(body.length).toBeGreaterThan(0);
    expect(logMessages.filter((message) => !body.includes(message))).toEqual([]);
  });
});

it('the log messages fix pages claim for search are not claimed twice', () => {
  const owners = new Map<string, string[]>();
  for (const id of fixPageIds) {
    const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '';
    for (const message of parse(frontmatter)?.outcome?.logMessages ?? []) {
      owners.set(message, [...(owners.get(message) ?? []), id]);
    }
  }
  expect(owners.size).toBeGreaterThanOrEqual(10);
  expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
});

/** The platform tabs' labels, in the order every `<Tabs syncKey="server">` shows them. */
const platformLabels = [
  'nginx',
  'Apache httpd',
  'HAProxy',
  'Caddy',
  'Traefik',
  'Kubernetes',
  'AWS',
  'Google Cloud',
  'Azure',
  'Cloudflare',
];

/** Fix pages whose platform steps carry every platform's tab (issue 20). */
const fullyTabbedPages = [
  'upstream-refused',
  'firewall',
  'cdn-origin',
  'dns-record',
  'container-network',
  'unix-socket-missing',
  'permission-denied',
  'general-checklist',
];

/** The managed cloud platforms' labels, in the shared order: the platforms a serverless function runs on. */
const cloudLabels = ['AWS', 'Google Cloud', 'Azure'];

/** Fix pages about one kind of cloud service, whose platform steps carry a tab for each cloud (issue 20). */
const cloudTabbedPages = ['serverless-response'];

/** The labels of each `<Tabs syncKey="server">` block of an MDX page, in page order. */
function serverTabBlocks(mdx: string): string[][] {
  return [...mdx.matchAll(/<Tabs syncKey="server">([\s\S]*?)<\/Tabs>/g)].map((block) =>
    [...block[1]!.matchAll(/<TabItem label="([^"]*)">/g)].map((item) => item[1]!),
  );
}

describe('the platform tab check', () => {
  it('reads the labels of each block in order', () => {
    const mdx =
      '<Tabs syncKey="server">\n<TabItem label="nginx">\na\n</TabItem>\n<TabItem label="AWS">\nb\n</TabItem>\n</Tabs>\n' +
      '<Tabs syncKey="server">\n<TabItem label="Caddy">\nc\n</TabItem>\n</Tabs>';
    expect(serverTabBlocks(mdx)).toEqual([['nginx', 'AWS'], ['Caddy']]);
  });

  it('keeps the cloud labels in the shared order', () => {
    expect(platformLabels.filter((label) => cloudLabels.includes(label))).toEqual(cloudLabels);
  });
});

describe.each(fullyTabbedPages)('platform tabs on fix page %s', (id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const blocks = serverTabBlocks(mdx);

  it('uses only the platform labels, each once per block, in the shared order', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const labels of blocks) {
      expect(labels).toEqual(platformLabels.filter((label) => labels.includes(label)));
    }
  });

  it('gives at least one step a tab for every platform', () => {
    expect(blocks.filter((labels) => labels.length === platformLabels.length).length).toBeGreaterThanOrEqual(1);
  });

  it('leaves no tab empty', () => {
    const items = [...mdx.matchAll(/<TabItem label="([^"]*)">([\s\S]*?)<\/TabItem>/g)];
    expect(items.filter((item) => item[2]!.trim() === '').map((item) => item[1])).toEqual([]);
  });
});

describe.each(cloudTabbedPages)('cloud tabs on fix page %s', (id) => {
  const mdx = readFileSync(new URL(`../../content/docs/fixes/${id}.mdx`, import.meta.url), 'utf8');
  const blocks = serverTabBlocks(mdx);

  it('gives every platform block exactly the cloud labels, in the shared order', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.filter((labels) => labels.join('|') !== cloudLabels.join('|'))).toEqual([]);
  });

  it('leaves no tab empty', () => {
    const items = [...mdx.matchAll(/<TabItem label="([^"]*)">([\s\S]*?)<\/TabItem>/g)];
    expect(items.length).toBeGreaterThanOrEqual(cloudLabels.length);
    expect(items.filter((item) => item[2]!.trim() === '').map((item) => item[1])).toEqual([]);
  });
});
