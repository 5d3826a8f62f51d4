/**
 * Apache httpd snippets: a snippet with its own `<VirtualHost>` is checked as server
 * config; any other goes inside a `<VirtualHost>`, where the pages put it. The wrapper
 * loads every module the snippets' directives need.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apacheConfig, apacheModuleDir, apacheTest, labModules } from '../servers/apache.ts';
import { sandboxPaths, type StubCertificate } from './files.ts';

/** Modules the snippets use beyond the lab's: TLS, balancers, health checks, h2c, rewrite, headers. */
export const snippetModules = [
  ...labModules,
  'ssl',
  'socache_shmcb',
  'proxy_balancer',
  'slotmem_shm',
  'lbmethod_byrequests',
  'lbmethod_bybusyness',
  'proxy_hcheck',
  'proxy_http2',
  'rewrite',
  'alias',
  'headers',
];

/** Where an Apache snippet goes. */
export type ApacheContext = 'server config' | 'virtual host';

/** The context of a snippet: server config when it opens its own `<VirtualHost>`. */
export function apacheContext(code: string): ApacheContext {
  return /^\s*<VirtualHost\b/m.test(code) ? 'server config' : 'virtual host';
}

/** Checks `code` with `apache2 -t` inside a wrapper for its context, in `dir`. */
export function checkApacheSnippet(code: string, dir: string, stub: StubCertificate): { ok: boolean; output: string } {
  mkdirSync(join(dir, 'run'), { recursive: true });
  const snippet = sandboxPaths(code, join(dir, 'root'), stub);
  const body =
    apacheContext(code) === 'server config'
      ? snippet
      : `<VirtualHost 127.0.0.1:8080>\n    ServerName example.com\n${snippet}\n</VirtualHost>`;
  const modules = snippetModules.filter((module) => existsSync(join(apacheModuleDir, `mod_${module}.so`)));
  writeFileSync(join(dir, 'httpd.conf'), apacheConfig(dir, 8080, body, modules));
  return apacheTest(dir);
}
