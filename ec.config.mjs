// @ts-check
// Expressive Code's options, in their own file so both the fenced blocks in MDX and the
// <Code> component (the wizard's check commands, WizardQuestion.astro) use them.
// https://expressive-code.com/reference/configuration/#using-an-ec-config-file
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginPlaceholders } from './src/setup/ec-placeholders.ts';

export default defineEcConfig({
  // Fences keep the names the config checkers key on (`apacheconf`, `haproxy`, `caddy`);
  // Shiki has an Apache grammar under another name and none for HAProxy or the
  // Caddyfile, whose `#` comments and plain directives read well with the INI grammar;
  // the Caddyfile's `{ }` blocks read best with nginx's.
  shiki: { langAlias: { apacheconf: 'apache', haproxy: 'ini', caddy: 'nginx' } },
  // ```bash placeholders: the reader's domain, upstream, socket and log in commands.
  plugins: [pluginPlaceholders()],
  // Expressive Code's reset (`all: revert` on every element of every block) was half
  // the style-recalculation time of a fix page with 30+ blocks. Blocks sit in
  // `.not-content`, so Starlight's content styles do not reach them without it;
  // screenshots of 16 blocks in light and dark were pixel-identical either way.
  useStyleReset: false,
});
