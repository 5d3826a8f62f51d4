/**
 * Starlight's `pagefind` option after its schema filled in the defaults, as its Vite plugin
 * serves it to `components/Search.astro` (`integrations/vite-virtual-modules.js` in
 * `@astrojs/starlight`). Read by the search stand-in in `lazy-pagefind-ui.ts`.
 */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
