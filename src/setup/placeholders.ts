/**
 * Placeholders in commands: finding the example values in a code block (at build time, for
 * the Expressive Code plugin, and in the browser, for the copy button's text) and choosing
 * the text each one shows for the reader's setup. Pure functions; no DOM.
 *
 * A block opts in with the fence meta `placeholders`. Recognised there:
 * - `example.com` as a whole host name (not `www.example.com`): the site domain;
 * - `127.0.0.1:8080`: the upstream host and port; `8080` alone: the upstream port;
 * - `/run/php/php8.2-fpm.sock`: the upstream socket;
 * - `/var/log/nginx/error.log`, `/var/log/apache2/error.log`, `/var/log/haproxy.log`:
 *   the error log of that server, replaced only when the reader's server is that one.
 * A block can add literals of its own, e.g. `placeholders="upstreamHost=10.0.0.5"` where
 * the page's example upstream lives on another machine.
 */
import { effectiveServer, errorLogDefaults, setupDefaults, type PlaceholderKind } from './defaults.ts';
import { quoteForShell, shellContexts, shellLanguages, type ShellContext } from './shell.ts';
import type { ValidSetup } from './validate';

/** Servers whose default error log the pages print. */
export type LogServer = 'nginx' | 'apache' | 'haproxy';

/** One example value found in a block; offsets are UTF-16 indexes into the code. */
export interface PlaceholderMatch {
  start: number;
  end: number;
  kind: PlaceholderKind;
  /** The example as the block writes it: what shows when the reader has set nothing. */
  text: string;
  /** `address` where an IPv6 host needs brackets (before `:port`, after `://` or `@`). */
  form: 'bare' | 'address';
  /** For error logs: the server whose log this is. */
  server?: LogServer | undefined;
  context: ShellContext;
}

/** What the finder needs to know about a block: its language and the meta's extra literals. */
export interface BlockOptions {
  language: string;
  /** The string value of the `placeholders` meta, e.g. `upstreamHost=10.0.0.5`; '' for none. */
  extra: string;
}

interface Rule {
  kind: PlaceholderKind;
  literal: string;
  server?: LogServer;
}

/** Kinds a block may add literals for; error logs only come from the per-server defaults. */
const extraKinds = new Set<PlaceholderKind>(['domain', 'upstreamHost', 'upstreamPort', 'socket']);

/**
 * Parses the meta's extra literals (`kind=literal`, separated by spaces).
 * Throws a named error for an unknown kind or an empty literal, failing the build.
 */
export function parseExtra(extra: string): Rule[] {
  return extra
    .split(/\s+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [kind = '', literal = ''] = entry.split('=', 2);
      if (!extraKinds.has(kind as PlaceholderKind) || literal === '') {
        throw new Error(
          `[placeholders] Cannot read “${entry}” in a code block's meta. Write kind=literal with kind one of ${[...extraKinds].join(', ')}, e.g. placeholders="upstreamHost=10.0.0.5".`,
        );
      }
      return { kind: kind as PlaceholderKind, literal };
    });
}

const logRules: Rule[] = (['nginx', 'apache', 'haproxy'] as const).map((server) => ({
  kind: 'errorLog',
  literal: errorLogDefaults[server]!,
  server,
}));

/** Characters that, right before a literal of this kind, make it part of a longer token. */
const joinsBefore: Record<PlaceholderKind, RegExp> = {
  domain: /[A-Za-z0-9._-]/,
  upstreamHost: /[A-Za-z0-9._-]/,
  upstreamPort: /[A-Za-z0-9.]/,
  socket: /[A-Za-z0-9._/-]/,
  errorLog: /[A-Za-z0-9._/-]/,
};

/** True when the literal at `code[start, end)` is a whole token of its kind, not part of a longer one. */
function standsAlone(code: string, start: number, end: number, kind: PlaceholderKind): boolean {
  const before = code[start - 1] ?? ' ';
  const after = code.slice(end, end + 2);
  if (joinsBefore[kind].test(before)) return false;
  if (kind === 'socket' || kind === 'errorLog') return !/^[A-Za-z0-9_/-]/.test(after); // `error.log.1` is fine
  if (kind === 'upstreamPort') return !/^(?:[A-Za-z0-9]|\.[0-9])/.test(after);
  return !/^(?:[A-Za-z0-9_-]|\.[A-Za-z0-9])/.test(after);
}

/** `address` when an IPv6 host at `code[start, end)` would need brackets. */
function hostForm(code: string, start: number, end: number): 'bare' | 'address' {
  return /^:[0-9]/.test(code.slice(end, end + 2)) || /(?::\/\/|@)$/.test(code.slice(Math.max(0, start - 3), start))
    ? 'address'
    : 'bare';
}

/** Every placeholder in `code`, in order, never overlapping (earlier rules win a tie). */
export function findPlaceholders(code: string, options: BlockOptions): PlaceholderMatch[] {
  const address = `${setupDefaults.upstreamHost}:${setupDefaults.upstreamPort}`;
  const rules: Rule[] = [
    { kind: 'socket', literal: setupDefaults.socket },
    ...logRules,
    ...parseExtra(options.extra),
    { kind: 'upstreamHost', literal: address },
    { kind: 'upstreamPort', literal: setupDefaults.upstreamPort },
    { kind: 'domain', literal: setupDefaults.domain },
  ];
  const contexts = shellLanguages.has(options.language) ? shellContexts(code) : undefined;
  const candidates: (Omit<PlaceholderMatch, 'context'> & { priority: number })[] = [];
  rules.forEach((rule, priority) => {
    for (let start = code.indexOf(rule.literal); start !== -1; start = code.indexOf(rule.literal, start + 1)) {
      const end = start + rule.literal.length;
      if (rule.literal === address && rule.kind === 'upstreamHost') {
        if (joinsBefore.upstreamHost.test(code[start - 1] ?? ' ') || !standsAlone(code, start, end, 'upstreamPort'))
          continue;
        const colon = start + setupDefaults.upstreamHost.length;
        candidates.push({
          start,
          end: colon,
          kind: 'upstreamHost',
          text: setupDefaults.upstreamHost,
          form: 'address',
          priority,
        });
        candidates.push({
          start: colon + 1,
          end,
          kind: 'upstreamPort',
          text: setupDefaults.upstreamPort,
          form: 'bare',
          priority,
        });
        continue;
      }
      if (!standsAlone(code, start, end, rule.kind)) continue;
      const form = rule.kind === 'upstreamHost' ? hostForm(code, start, end) : 'bare';
      candidates.push({ start, end, kind: rule.kind, text: rule.literal, form, server: rule.server, priority });
    }
  });
  candidates.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const matches: PlaceholderMatch[] = [];
  for (const { priority: _priority, ...candidate } of candidates) {
    const previous = matches.at(-1);
    if (previous && candidate.start < previous.end) continue;
    matches.push({ ...candidate, context: contexts?.[candidate.start] ?? 'config' });
  }
  return matches;
}

/** The reader's value for a placeholder before quoting, or undefined to keep the example. */
function readerValue(match: Pick<PlaceholderMatch, 'kind' | 'form' | 'server'>, setup: ValidSetup): string | undefined {
  if (match.kind === 'errorLog') {
    return setup.errorLog !== undefined && effectiveServer(setup.server ?? '') === match.server
      ? setup.errorLog
      : undefined;
  }
  if (match.kind === 'upstreamHost') {
    const host = setup.upstreamHost;
    return host !== undefined && host.includes(':') && match.form === 'address' ? `[${host}]` : host;
  }
  return setup[match.kind];
}

/**
 * The text a placeholder shows: the reader's validated value, quoted for its place in the
 * command (see `quoteForShell`), or the example when the reader set nothing, chose another
 * server for a log, or the value cannot be put there safely. `setup` must come from
 * `validSetup()`.
 */
export function placeholderText(match: Omit<PlaceholderMatch, 'start' | 'end'>, setup: ValidSetup): string {
  const value = readerValue(match, setup);
  if (value === undefined) return match.text;
  return quoteForShell(value, match.context) ?? match.text;
}

/** `code` with every placeholder showing its text for `setup` (the copy button's text). */
export function fillCode(code: string, options: BlockOptions, setup: ValidSetup): string {
  let filled = '';
  let from = 0;
  for (const match of findPlaceholders(code, options)) {
    filled += code.slice(from, match.start) + placeholderText(match, setup);
    from = match.end;
  }
  return filled + code.slice(from);
}
