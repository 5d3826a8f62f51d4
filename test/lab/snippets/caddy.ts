/**
 * Caddyfile snippets: a whole Caddyfile (a global options block or site blocks) is checked
 * as written; a fragment (directives that go inside a site block, such as `reverse_proxy`
 * or `handle`) is wrapped in a site block for `http://127.0.0.1:8080`, as the nginx check
 * wraps a `location` fragment. Each is then checked with `caddy adapt` and
 * `caddy validate` (see {@link caddyCheck}).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caddyCheck } from '../servers/caddy.ts';
import { sandboxPaths, type StubCertificate } from './files.ts';

/** Where a Caddyfile snippet goes: as the whole Caddyfile, or inside a site block. */
export type CaddyContext = 'caddyfile' | 'site';

/**
 * The standard Caddyfile directives (caddyserver.com/docs/caddyfile/directives, Caddy 2.6),
 * which open a fragment; a snippet whose first word is none of these starts with a site
 * address.
 */
const directives = new Set([
  'abort',
  'acme_server',
  'basicauth',
  'bind',
  'encode',
  'error',
  'file_server',
  'forward_auth',
  'handle',
  'handle_errors',
  'handle_path',
  'header',
  'import',
  'log',
  'map',
  'method',
  'metrics',
  'php_fastcgi',
  'push',
  'redir',
  'request_body',
  'request_header',
  'respond',
  'reverse_proxy',
  'rewrite',
  'root',
  'route',
  'skip_log',
  'templates',
  'tls',
  'tracing',
  'try_files',
  'uri',
  'vars',
]);

/** The context of `code`, from its first word outside comments. */
export function caddyContext(code: string): CaddyContext {
  const first = code
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .find((line) => line !== '');
  const word = first?.split(/\s+/)[0] ?? '';
  return word.startsWith('@') || directives.has(word) ? 'site' : 'caddyfile';
}

/** Checks `code` with `caddy adapt` and `caddy validate`, wrapped for its context, in `dir`. */
export function checkCaddySnippet(code: string, dir: string, stub: StubCertificate): { ok: boolean; output: string } {
  const snippet = sandboxPaths(code, join(dir, 'root'), stub);
  const config = caddyContext(code) === 'site' ? `http://127.0.0.1:8080 {\n${snippet}\n}\n` : `${snippet}\n`;
  const configPath = join(dir, 'Caddyfile');
  writeFileSync(configPath, config);
  return caddyCheck(dir, configPath);
}
