// @ts-check
/**
 * Expressive Code options, in a file of their own so Starlight's `<Code>` component (the
 * quick fix at the top of fix pages, src/components/outcome/QuickFix.astro, and the
 * wizard's check commands, src/components/wizard/WizardQuestion.astro) renders with the
 * same plugins and options as Markdown code blocks
 * (https://starlight.astro.build/reference/configuration/#expressivecode).
 * Node loads this file directly, so the modules it imports use explicit `.ts` extensions.
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginCodeChrome } from './src/markdown/ec-code-chrome.ts';
import { pluginPlaceholders } from './src/setup/ec-placeholders.ts';

export default defineEcConfig({
  // Fences keep the names the config checkers key on (`apacheconf`, `haproxy`, `caddy`);
  // Shiki has an Apache grammar under another name and none for HAProxy or the
  // Caddyfile, whose `#` comments and plain directives read well with the INI grammar;
  // the Caddyfile's `{ }` blocks read best with nginx's.
  shiki: { langAlias: { apacheconf: 'apache', haproxy: 'ini', caddy: 'nginx' } },
  // ```bash placeholders: the reader's domain, upstream, socket and log in commands.
  // No copy button on output blocks; the copy button in a title bar, never over the code.
  plugins: [pluginPlaceholders(), pluginCodeChrome()],
  // Expressive Code's reset (`all: revert` on every element of every block) was half
  // the style-recalculation time of a fix page with 30+ blocks. Blocks sit in
  // `.not-content`, so Starlight's content styles do not reach them without it;
  // screenshots of 16 blocks in light and dark were pixel-identical either way.
  useStyleReset: false,
});
