import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverLabels } from '../../src/components/wizard/labels';
import { loadRealTree } from '../support/tree';

/**
 * TabsFromAnswers.astro: the inline script that opens the tab of the layer the wizard's
 * answers named on a fix page. Run here as the browser would, with a stand-in location and
 * storage, for every answer of the "Who answered with the 502?" question.
 */
const source = readFileSync(new URL('../../src/components/outcome/TabsFromAnswers.astro', import.meta.url), 'utf8');
const body = /<script is:inline>([\s\S]*?)<\/script>/.exec(source)![1]!;
const tree = loadRealTree();
const proxy = tree.nodes.find((node) => node.id === 'proxy')!;

/** The tab label the script stores for `?answers=<answers>`, or undefined when it stores none. */
function tabFor(answers: string, storage: 'works' | 'blocked' = 'works'): string | undefined {
  const stored = new Map<string, string>();
  const localStorage = {
    setItem(key: string, value: string) {
      if (storage === 'blocked') throw new DOMException('denied', 'SecurityError');
      stored.set(key, value);
    },
  };
  const location = { search: `?answers=${answers}` };
  const marked = new Set<string>();
  const document = { documentElement: { setAttribute: (name: string) => marked.add(name) } };
  new Function('location', 'localStorage', 'document', body)(location, localStorage, document);
  // Any answers keep the line of "Your answers" free from the first paint.
  expect(marked.has('data-answers')).toBe(answers !== '');
  expect([...stored.keys()].every((key) => key === 'starlight-synced-tabs__server')).toBe(true);
  return stored.get('starlight-synced-tabs__server');
}

/** Every label of a `<Tabs syncKey="server">` item on the fix pages. */
const fixPageTabLabels = new Set(
  readdirSync(new URL('../../content/docs/fixes/', import.meta.url)).flatMap((file) =>
    [
      ...readFileSync(new URL(`../../content/docs/fixes/${file}`, import.meta.url), 'utf8').matchAll(
        /<TabItem label="([^"]+)"/g,
      ),
    ].map((match) => match[1]!),
  ),
);

describe('TabsFromAnswers', () => {
  it('is the second question of the admin branch that it reads', () => {
    const root = tree.nodes.find((node) => node.id === tree.root)!;
    expect(root.answers.find((answer) => answer.slug === 'admin')?.next).toBe('proxy');
  });

  it.each(proxy.answers.filter((answer) => answer.server !== undefined && answer.server !== 'cloud-lb'))(
    'opens the $label tab for the answer $slug, named as the wizard names its server',
    (answer) => {
      const label = tabFor(`admin/${answer.slug}/log`);
      expect(label).toBe(serverLabels[answer.server!]);
      expect(fixPageTabLabels.has(label!)).toBe(true);
    },
  );

  it('opens the Cloudflare and AWS tabs for Cloudflare and API Gateway answers, which fix pages have', () => {
    expect(tabFor('admin/cloudflare/error-522')).toBe('Cloudflare');
    expect(tabFor('admin/api-gateway/function')).toBe('AWS');
    for (const label of ['Cloudflare', 'AWS']) expect(fixPageTabLabels.has(label)).toBe(true);
  });

  it('stores nothing for answers that name no single layer, a visitor, or a tampered query', () => {
    expect(tabFor('admin/cloud-lb/log')).toBeUndefined();
    expect(tabFor('admin/not-sure/log')).toBeUndefined();
    expect(tabFor('visitor/nginx')).toBeUndefined();
    expect(tabFor('admin/constructor')).toBeUndefined();
    expect(tabFor('admin/__proto__')).toBeUndefined();
    expect(tabFor('')).toBeUndefined();
  });

  it('does not throw when storage is blocked', () => {
    expect(tabFor('admin/apache/timed-out', 'blocked')).toBeUndefined();
  });
});
