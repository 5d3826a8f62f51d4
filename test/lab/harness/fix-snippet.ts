/** The config change a fix page shows, ready to paste into a lab config. */
import { fillCode } from '../../../src/setup/placeholders.ts';
import { fencesOf } from '../../support/fences.ts';

/** Which fence of which page: the first `language` fence on `page` that contains `containing`. */
export interface SnippetRef {
  /** Page path under content/docs, e.g. `fixes/header-too-big.mdx`. */
  readonly page: string;
  readonly language: 'nginx' | 'apacheconf' | 'haproxy' | 'caddy';
  readonly containing: string;
}

/**
 * The snippet's code as the page shows it, with its placeholders filled for the lab's
 * upstream (127.0.0.1:`upstreamPort`), as a reader's setup panel would fill them. A
 * snippet without placeholders is returned as written.
 *
 * @throws When the page has no such fence, so a reworded page fails loudly.
 */
export function fixSnippet(ref: SnippetRef, upstreamPort = 8080): string {
  const fence = fencesOf(ref.page).find((f) => f.language === ref.language && f.code.includes(ref.containing));
  if (fence === undefined) {
    throw new Error(`[lab] ${ref.page} has no \`\`\`${ref.language} block containing “${ref.containing}”`);
  }
  const extra = /\bplaceholders="([^"]*)"/.exec(fence.meta)?.[1] ?? '';
  if (!/\bplaceholders\b/.test(fence.meta)) return fence.code;
  return fillCode(
    fence.code,
    { language: ref.language, extra },
    { upstreamHost: '127.0.0.1', upstreamPort: String(upstreamPort) },
  );
}
