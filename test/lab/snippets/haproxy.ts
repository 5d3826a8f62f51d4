/**
 * HAProxy snippets are whole sections (`global`, `defaults`, `frontend`, `backend`,
 * `resolvers`), so each is checked as written after the lab's `global` and `defaults`,
 * with a stub for any backend a frontend names but the snippet does not define, and a
 * frontend on 127.0.0.1 when it has none (`haproxy -c` exits 2 for a config with no
 * listener).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haproxyConfig, haproxyTest } from '../servers/haproxy.ts';
import { sandboxPaths, type StubCertificate } from './files.ts';

/** Backends the snippet routes to (`default_backend`, `use_backend`) but does not define. */
export function missingBackends(code: string): string[] {
  const named = [...code.matchAll(/\b(?:default_backend|use_backend)\s+([\w.-]+)/g)].map((match) => match[1]!);
  const defined = new Set([...code.matchAll(/^\s*backend\s+([\w.-]+)/gm)].map((match) => match[1]!));
  return [...new Set(named.filter((name) => !defined.has(name)))];
}

/** Checks `code` with `haproxy -c` after the lab's global and defaults sections, in `dir`. */
export function checkHaproxySnippet(code: string, dir: string, stub: StubCertificate): { ok: boolean; output: string } {
  const snippet = sandboxPaths(code, join(dir, 'root'), stub);
  const stubs = missingBackends(code).map((name) => `backend ${name}\n    server app1 127.0.0.1:8080`);
  if (!/^\s*(?:frontend|listen)\s/m.test(code)) {
    const backend = /^\s*backend\s+([\w.-]+)/m.exec(code)?.[1];
    const route = backend === undefined ? 'http-request return status 200' : `default_backend ${backend}`;
    stubs.push(`frontend lab\n    bind 127.0.0.1:8080\n    ${route}`);
  }
  writeFileSync(join(dir, 'haproxy.cfg'), haproxyConfig([snippet, ...stubs].join('\n\n')));
  return haproxyTest(dir);
}
