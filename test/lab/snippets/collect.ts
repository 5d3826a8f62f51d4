/**
 * The config snippets of content/docs: every ```nginx, ```apacheconf, ```haproxy and
 * ```caddy fence, as the page shows it and, for `placeholders` blocks, as a reader's setup fills
 * it. A fence whose meta says `nocheck="reason"` is listed with its reason, unchecked.
 */
import { fillCode } from '../../../src/setup/placeholders.ts';
import { docsPages, fencesOf } from '../../support/fences.ts';

/** Languages whose fences a real server checks. */
export type ConfigLanguage = 'nginx' | 'apacheconf' | 'haproxy' | 'caddy';

/** One snippet to check. */
export interface ConfigSnippet {
  /** `page:line`, plus ` (filled)` for the reader's-setup variant. */
  readonly name: string;
  readonly language: ConfigLanguage;
  readonly code: string;
  /** The fence's `nocheck` reason; the snippet is then not checked. */
  readonly nocheck?: string;
}

/**
 * A reader's setup that exercises the placeholders: an IPv6 upstream (brackets in URLs),
 * another port, socket and domain. The same values as the bash blocks' ShellCheck test.
 */
export const readerSetup = {
  domain: 'shop.example.org',
  upstreamHost: '2001:db8::10',
  upstreamPort: '3000',
  socket: '/run/php/php8.3-fpm.sock',
};

const languages = new Set<string>(['nginx', 'apacheconf', 'haproxy', 'caddy']);

/** The value of `key="…"` in a fence's meta, or undefined. */
export function metaValue(meta: string, key: string): string | undefined {
  return new RegExp(`(?:^|\\s)${key}="([^"]*)"`).exec(meta)?.[1];
}

/** Every config snippet in content/docs, in page order. */
export function configSnippets(): ConfigSnippet[] {
  return docsPages()
    .flatMap((page) => fencesOf(page))
    .filter((fence) => languages.has(fence.language))
    .flatMap((fence) => {
      const language = fence.language as ConfigLanguage;
      const name = `${fence.page}:${fence.line}`;
      const nocheck = metaValue(fence.meta, 'nocheck');
      if (nocheck !== undefined) return [{ name, language, code: fence.code, nocheck }];
      if (!/(?:^|\s)placeholders\b/.test(fence.meta)) return [{ name, language, code: fence.code }];
      const extra = metaValue(fence.meta, 'placeholders') ?? '';
      const filled = fillCode(fence.code, { language, extra }, readerSetup);
      return [
        { name, language, code: fence.code },
        { name: `${name} (filled)`, language, code: filled },
      ];
    });
}
