// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './src/security/csp.ts';
import { treeSchema } from './src/wizard/tree.ts';
import { leafRedirects, retiredRedirects } from './src/wizard/paths.ts';

/**
 * The wizard's redirects (src/wizard/paths.ts): each outcome leaf's URL to its fix page with
 * the answers (the last answer opens the fix; a ticket link to a leaf still works), and the
 * paths published by earlier versions of the tree to where their answers lead now (the
 * tree's `retired` rules). The build checks the tree fully (src/wizard/content.ts); here the
 * schema is enough.
 */
const tree = treeSchema.parse(parseYaml(readFileSync(new URL('./content/wizard/tree.yaml', import.meta.url), 'utf8')));
const wizardRedirects = Object.fromEntries([...leafRedirects(tree), ...retiredRedirects(tree)]);

/** Every fix page (wizard outcome) in `content/docs/fixes/`, listed in the sidebar by slug. */
const fixSlugs = readdirSync(new URL('./content/docs/fixes/', import.meta.url))
  .filter((file) => /^[a-z0-9-]+\.mdx$/.test(file) && file !== 'index.mdx')
  .map((file) => `fixes/${file.replace(/\.mdx$/, '')}`)
  .sort();

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://502.guide',
  trailingSlash: 'always',
  redirects: wizardRedirects,
  // Strict CSP in a <meta> on every page; see src/security/csp.ts.
  security: { csp: contentSecurityPolicy },
  integrations: [
    // Starlight adds this itself when it is missing; listed here to leave out the wizard's
    // step templates (src/pages/wizard-steps.astro), which are not a page for readers.
    sitemap({ filter: (page) => !page.endsWith('/wizard-steps/') }),
    starlight({
      title: '502 guide',
      description:
        'Find out why a site shows 502 Bad Gateway and fix it: explainers, a diagnosis wizard and exact commands for nginx, Apache, HAProxy and CDNs.',
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      disable404Route: true,
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        Footer: './src/components/overrides/Footer.astro',
        // The "Your setup" panel on fix pages and the placeholder script (src/components/setup/).
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        // Builds the search UI when the dialog opens (src/search/lazy-pagefind-ui.ts).
        Search: './src/components/overrides/Search.astro',
      },
      routeMiddleware: './src/route-data.ts',
      // "Last updated" comes from git through the route middleware (src/last-updated.ts): Starlight's
      // own lookup reads only src/content/docs, not this site's content/docs.
      lastUpdated: false,
      // Fix pages carry their error-log messages as Pagefind metadata (PageTitle.astro);
      // a match there outranks the same words in a cause or concept page's body. Their outcome
      // code and short inline code (`terms`) likewise.
      pagefind: { ranking: { metaWeights: { code: 10, logs: 5, terms: 1 } } },
      markdown: { processedDirs: ['./content/docs/'] },
      customCss: ['./src/styles/custom.css'],
      // Expressive Code's options are in ec.config.mjs, where the <Code> component finds them too.
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'Overview', link: '/' },
            { label: 'Diagnose my 502 (wizard)', link: '/wizard/' },
            { label: 'The wizard as a flowchart', link: '/flowchart/' },
            { slug: 'your-setup' },
            { label: 'I saw a 502 on someone else’s site', slug: 'visitors' },
          ],
        },
        {
          label: 'Errors',
          items: [
            { slug: 'errors/502-bad-gateway' },
            { slug: 'errors/500-internal-server-error' },
            { slug: 'errors/503-service-unavailable' },
            { slug: 'errors/504-gateway-timeout' },
          ],
        },
        {
          label: 'Concepts',
          items: [
            { slug: 'concepts/reverse-proxies' },
            { slug: 'concepts/cdns' },
            { slug: 'concepts/cloud-load-balancers' },
            { slug: 'concepts/dns' },
            { slug: 'concepts/containers' },
            { slug: 'concepts/app-servers' },
            { slug: 'concepts/reading-error-logs' },
          ],
        },
        {
          label: 'Causes',
          items: [
            { slug: 'causes' },
            { slug: 'causes/upstream-down' },
            { slug: 'causes/connection-refused' },
            { slug: 'causes/connection-closed-or-reset' },
            { slug: 'causes/timeouts' },
            { slug: 'causes/header-too-big' },
            { slug: 'causes/invalid-response' },
            { slug: 'causes/dns' },
            { slug: 'causes/firewall-selinux' },
            { slug: 'causes/overload' },
            { slug: 'causes/cdn-origin' },
            { slug: 'causes/upstream-tls' },
            { slug: 'causes/keepalive-mismatch' },
          ],
        },
        {
          label: 'Fixes',
          collapsed: true,
          items: [{ slug: 'fixes' }, ...fixSlugs.map((slug) => ({ slug }))],
        },
        {
          label: 'Prevention',
          items: [{ slug: 'prevention' }, { slug: 'seo-impact' }],
        },
      ],
    }),
    mdx(),
  ],
  vite: {
    resolve: {
      // Starlight's search box builds Pagefind's UI on every page's first idle moment;
      // this stand-in fetches it on intent and builds it when the dialog first opens
      // (watched from page load by the Search override).
      alias: [
        {
          find: /^@pagefind\/default-ui$/,
          replacement: fileURLToPath(new URL('./src/search/lazy-pagefind-ui.ts', import.meta.url)),
        },
      ],
    },
  },
});
