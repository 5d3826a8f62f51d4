/**
 * Every config snippet in content/docs is checked by the real tool inside a minimal
 * wrapper config: `nginx -t`, `apache2 -t`, `haproxy -c`, and `caddy adapt` plus
 * `caddy validate` for Caddyfiles. A snippet that cannot be
 * checked says why in its fence meta: ```nginx nocheck="reason".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apache2, caddy, describeWithBinaries, haproxy, nginx, openssl, type Binary } from './harness/binaries.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { apacheContext, checkApacheSnippet } from './snippets/apache.ts';
import { caddyContext, checkCaddySnippet } from './snippets/caddy.ts';
import { configSnippets, type ConfigLanguage, type ConfigSnippet } from './snippets/collect.ts';
import { makeStubCertificate, type StubCertificate } from './snippets/files.ts';
import { checkHaproxySnippet } from './snippets/haproxy.ts';
import { checkNginxSnippet, nginxContext } from './snippets/nginx.ts';

type Check = (
  code: string,
  dir: string,
  stub: StubCertificate,
) => { ok: boolean; output: string } | Promise<{ ok: boolean; output: string }>;

const tools: Record<
  ConfigLanguage,
  { binary: Binary; command: string; check: Check; where: (code: string) => string }
> = {
  nginx: { binary: nginx, command: 'nginx -t', check: checkNginxSnippet, where: (code) => nginxContext(code) },
  apacheconf: { binary: apache2, command: 'apache2 -t', check: checkApacheSnippet, where: apacheContext },
  haproxy: { binary: haproxy, command: 'haproxy -c', check: checkHaproxySnippet, where: () => 'as written' },
  caddy: {
    binary: caddy,
    command: 'caddy adapt and caddy validate',
    check: checkCaddySnippet,
    where: (code) => (caddyContext(code) === 'site' ? 'in a site block' : 'as written'),
  },
};

const snippets = configSnippets();
let root = '';
let stub: StubCertificate;

it('finds the config snippets of content/docs', () => {
  expect(snippets.length).toBeGreaterThan(50);
});

it('gives every nocheck snippet a reason', () => {
  for (const snippet of snippets.filter((s) => s.nocheck !== undefined)) {
    expect(snippet.nocheck!.trim(), `${snippet.name}: nocheck="" needs a reason`).not.toBe('');
  }
});

for (const [language, tool] of Object.entries(tools) as [ConfigLanguage, (typeof tools)[ConfigLanguage]][]) {
  describeWithBinaries(`${language} snippets pass ${tool.command}`, [tool.binary, openssl], () => {
    beforeAll(() => {
      root = makeTempDir(`snippets-${language}`);
      stub = makeStubCertificate(root);
    });
    afterAll(() => cleanUpLab());

    snippets
      .filter((snippet: ConfigSnippet) => snippet.language === language)
      .forEach((snippet, index) => {
        if (snippet.nocheck !== undefined) {
          // Issue 7: a snippet the real tool cannot check must say why in its fence meta.
          it(`${snippet.name} is not checked and says why: ${snippet.nocheck}`, () => {
            expect(snippet.nocheck!.trim().length).toBeGreaterThanOrEqual(10);
          });
          return;
        }
        it(`${snippet.name} (${tool.where(snippet.code)})`, async () => {
          const dir = join(root, String(index));
          mkdirSync(dir, { recursive: true });
          const result = await tool.check(snippet.code, dir, stub);
          expect(result.ok, `${tool.command} on ${snippet.name}:\n${snippet.code}\n\n${result.output}`).toBe(true);
        });
      });
  });
}

describeWithBinaries('the caddy snippet check', [caddy, openssl], () => {
  let dir = '';
  beforeAll(() => {
    dir = makeTempDir('snippets-caddy-check');
    stub = makeStubCertificate(dir);
  });
  afterAll(() => cleanUpLab());

  it('rejects a misspelled subdirective in a fragment, naming it', () => {
    const code = 'reverse_proxy 127.0.0.1:8080 {\n\ttransport http {\n\t\tresponse_header_timout 120s\n\t}\n}';
    const result = checkCaddySnippet(code, dir, stub);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('response_header_timout');
  });

  it('rejects a site block whose directive takes no such argument', () => {
    const result = checkCaddySnippet(
      'example.com {\n\treverse_proxy 127.0.0.1:8080 {\n\t\tlb_try_duration soon\n\t}\n}',
      dir,
      stub,
    );
    expect(result.ok).toBe(false);
  });
});
