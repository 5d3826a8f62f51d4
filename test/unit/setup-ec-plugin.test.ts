import { describe, expect, it } from 'vitest';
import { ExpressiveCode } from '@astrojs/starlight/expressive-code';
import { select, selectAll, toHtml, toText, type Element } from '@astrojs/starlight/expressive-code/hast';
import { pluginPlaceholders } from '../../src/setup/ec-placeholders';

const engine = new ExpressiveCode({ plugins: [pluginPlaceholders()] });

async function render(code: string, language: string, meta: string) {
  const { renderedGroupAst } = await engine.render({ code, language, meta });
  return renderedGroupAst;
}

const sample = [
  '# Check the upstream on example.com',
  'curl -I http://127.0.0.1:8080/',
  'sudo tail -n 20 /var/log/nginx/error.log',
].join('\n');

describe('the placeholders plugin', () => {
  it('wraps each example value in a marked span and keeps the text as written', async () => {
    const ast = await render(sample, 'bash', 'placeholders');
    const spans = selectAll('[data-placeholder]', ast);
    const byPlaceholder = new Map<string, string>();
    for (const span of spans) {
      const id = String(span.properties['dataPh']);
      byPlaceholder.set(id, (byPlaceholder.get(id) ?? '') + toText(span));
    }
    expect([...byPlaceholder.values()]).toEqual(['example.com', '127.0.0.1', '8080', '/var/log/nginx/error.log']);
    expect(spans.map((span) => span.properties['dataPlaceholder'])).toContain('errorLog');
    expect(select('[data-placeholder="upstreamHost"]', ast)?.properties).toMatchObject({
      dataPhForm: 'address',
      dataPhContext: 'unquoted',
      title: expect.stringContaining('Your upstream host'),
    });
    expect(select('[data-placeholder="domain"]', ast)?.properties['dataPhContext']).toBe('comment');
    expect(select('[data-placeholder="errorLog"]', ast)?.properties['dataPhServer']).toBe('nginx');
  });

  it('renders complete commands without JavaScript, with the copy text unchanged', async () => {
    const ast = await render(sample, 'bash', 'placeholders');
    const lines = selectAll('.ec-line', ast).map((line) => toText(line));
    expect(lines.join('\n')).toBe(sample);
    const button = select('.copy button', ast)!;
    // Terminal frames drop comment lines from the copied text (Expressive Code's default).
    expect(String(button.properties['dataCode'])).toBe(sample.split('\n').slice(1).join('\u007f'));
  });

  it('tells the browser script how to find the placeholders again', async () => {
    const ast = await render('nc -vz 10.0.0.5 8080', 'bash', 'placeholders="upstreamHost=10.0.0.5"');
    const block = select('[data-placeholders-lang]', ast) as Element;
    expect(block.properties).toMatchObject({ dataPlaceholders: 'upstreamHost=10.0.0.5', dataPlaceholdersLang: 'bash' });
    expect(
      selectAll('[data-placeholder="upstreamHost"]', ast)
        .map((span) => toText(span))
        .join(''),
    ).toBe('10.0.0.5');
  });

  it('leaves blocks without the meta alone', async () => {
    const html = toHtml(await render(sample, 'bash', 'title="x"'));
    expect(html).not.toContain('data-placeholder');
  });

  it('marks config blocks too, as config', async () => {
    const ast = await render('proxy_pass http://127.0.0.1:8080;', 'nginx', 'placeholders');
    expect(selectAll('[data-placeholder]', ast).map((span) => span.properties['dataPhContext'])).toEqual(
      expect.arrayContaining(['config']),
    );
  });

  it('fails the build on a meta it cannot read, naming the problem', async () => {
    await expect(render('curl x', 'bash', 'placeholders="host=x"')).rejects.toThrow(
      /\[placeholders\] Cannot read “host=x”/,
    );
  });
});
