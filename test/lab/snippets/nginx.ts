/**
 * nginx snippets: the context a snippet belongs in (main, `http {}`, `server {}` or
 * `location {}`), read from its top-level directives, and the wrapper config that puts
 * it there for `nginx -t`.
 *
 * `nginx -t` binds every `listen` address (as root it would briefly hold 0.0.0.0:80; as a
 * user it fails with "bind() to 0.0.0.0:80 failed (13: Permission denied)"), so each
 * `listen` address is replaced by 127.0.0.1 and a free port, keeping its parameters.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../harness/ports.ts';
import { nginxConfig, nginxTest } from '../servers/nginx.ts';
import { copyNginxIncludes, sandboxPaths, type StubCertificate } from './files.ts';

/** Where in nginx.conf a snippet goes. */
export type NginxContext = 'main' | 'http' | 'server' | 'location';

const mainOnly = new Set(['events', 'worker_processes', 'worker_rlimit_nofile', 'user', 'pid', 'load_module']);
const httpOnly = new Set(['server', 'upstream', 'log_format', 'map', 'geo', 'split_clients', 'limit_req_zone']);
const serverLevel = new Set(['location', 'listen', 'server_name', 'if']);

/** The names of the directives at the top level (brace depth 0) of `code`. */
export function topLevelDirectives(code: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let atStatementStart = true;
  for (const line of code.split('\n')) {
    const text = line.replace(/(^|\s)#.*$/, '');
    if (depth === 0 && atStatementStart) {
      const name = /^\s*([\w@]+)/.exec(text)?.[1];
      if (name !== undefined) names.push(name);
    }
    for (const char of text.replaceAll(/'[^']*'|"[^"]*"/g, '')) {
      if (char === '{') depth++;
      else if (char === '}') depth--;
    }
    const last = text.trim().at(-1);
    if (last !== undefined) atStatementStart = last === ';' || last === '{' || last === '}';
  }
  return names;
}

/** The context a snippet belongs in, from its top-level directives. */
export function nginxContext(code: string): NginxContext {
  const names = topLevelDirectives(code);
  if (names.some((name) => mainOnly.has(name))) return 'main';
  if (names.some((name) => httpOnly.has(name) || name.endsWith('_cache_path'))) return 'http';
  if (names.some((name) => serverLevel.has(name))) return 'server';
  return 'location';
}

/**
 * What the snippet uses but a page defines elsewhere (in `http {}`): a `limit_req` zone,
 * a `proxy_cache` zone, an `access_log` format, a `proxy_pass` upstream group.
 */
export function nginxPrerequisites(code: string, dir: string): string[] {
  const defined = (pattern: RegExp) => pattern.test(code);
  const stubs: string[] = [];
  for (const [, zone] of code.matchAll(/\blimit_req\s+zone=(\w+)/g)) {
    if (!defined(new RegExp(`zone=${zone}:`)))
      stubs.push(`limit_req_zone $binary_remote_addr zone=${zone}:1m rate=10r/s;`);
  }
  for (const [, zone] of code.matchAll(/\bproxy_cache\s+(\w+);/g)) {
    if (zone !== 'off' && !defined(new RegExp(`keys_zone=${zone}:`))) {
      stubs.push(`proxy_cache_path ${join(dir, `cache-${zone}`)} keys_zone=${zone}:1m;`);
    }
  }
  for (const [, format] of code.matchAll(/\baccess_log\s+\S+\s+(\w+)/g)) {
    if (format !== 'combined' && !defined(new RegExp(`log_format\\s+${format}\\b`))) {
      stubs.push(`log_format ${format} '$remote_addr';`);
    }
  }
  for (const [, group] of code.matchAll(/\bproxy_pass\s+https?:\/\/([A-Za-z_][\w-]*)[;/]/g)) {
    if (!defined(new RegExp(`upstream\\s+${group}\\s*\\{`))) stubs.push(`upstream ${group} { server 127.0.0.1:8080; }`);
  }
  return [...new Set(stubs)];
}

/** `code` with the address of each `listen` replaced by 127.0.0.1 and a port of its own. */
export async function loopbackListens(code: string): Promise<string> {
  const listen = /^(\s*listen\s+)\S+?(?=[\s;])/gm;
  const ports = new Set<number>();
  for (const count = code.match(listen)?.length ?? 0; ports.size < count;) ports.add(await freePort());
  const free = [...ports];
  return code.replaceAll(listen, (_match, head: string) => `${head}127.0.0.1:${free.shift()}`);
}

/** Checks `code` with `nginx -t` inside a wrapper for its context, in `dir`. */
export async function checkNginxSnippet(
  code: string,
  dir: string,
  stub: StubCertificate,
): Promise<{ ok: boolean; output: string }> {
  mkdirSync(join(dir, 'temp'), { recursive: true });
  copyNginxIncludes(dir);
  const snippet = await loopbackListens(sandboxPaths(code, join(dir, 'root'), stub));
  const listen = `    listen 127.0.0.1:${await freePort()};`;
  const context = nginxContext(code);
  const http = nginxPrerequisites(code, dir).join('\n');
  const wrapped: Record<NginxContext, () => string> = {
    main: () => {
      const config = nginxConfig(dir, http, snippet);
      return /^\s*events\s*\{/m.test(snippet) ? config.replace('events { worker_connections 64; }\n', '') : config;
    },
    http: () => nginxConfig(dir, `${http}\n${snippet}`),
    server: () => nginxConfig(dir, `${http}\nserver {\n${listen}\n${snippet}\n}`),
    location: () =>
      nginxConfig(dir, `${http}\nserver {\n    listen 127.0.0.1:8080;\n    location / {\n${snippet}\n    }\n}`),
  };
  writeFileSync(join(dir, 'nginx.conf'), wrapped[context]());
  return nginxTest(dir);
}
