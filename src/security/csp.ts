/**
 * The site's Content-Security-Policy, handed to Astro's `security.csp` in astro.config.mjs.
 *
 * Astro hashes the scripts and styles it processes itself and writes the policy into a
 * `<meta http-equiv="content-security-policy">` on every page
 * (https://docs.astro.build/en/reference/configuration-reference/#securitycsp). It does not
 * hash `<script is:inline>` bodies, and Starlight renders several of those (theme provider,
 * theme picker, search shortcut, sidebar scroll restore, synced tabs). Their bodies are
 * copied verbatim into every page, so hashing the component source gives the hash the
 * browser computes; test/unit/csp.test.ts re-hashes every inline script in `dist/` to
 * prove it after each build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroUserConfig } from 'astro';

/** The object form of Astro's `security.csp` option. */
type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** Matches `<script is:inline …>body</script>` in an `.astro` source; group 1 is the body. */
const INLINE_SCRIPT = /<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g;

/**
 * The CSP source for a script or style body: `'sha256-<base64>'` without the quotes.
 *
 * @param body The exact text between the opening and closing tag (UTF-8).
 * @returns `sha256-…`, as CSP Level 3 §8.4 "hash-source" expects.
 */
export function cspHash(body: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

/**
 * The hashes of every `<script is:inline>` in the `.astro` files of the given folders
 * (not recursive), sorted and without duplicates.
 *
 * @param folders Folders holding `.astro` components, as file URLs or paths.
 * @returns One `sha256-…` per distinct inline script body.
 * @throws Error (ENOENT) when a folder does not exist: a Starlight upgrade that moved
 *   its components should stop the build, not ship a policy that blocks them.
 */
export function inlineScriptHashes(folders: ReadonlyArray<URL | string>): `sha256-${string}`[] {
  const hashes = new Set<`sha256-${string}`>();
  for (const folder of folders) {
    const path = folder instanceof URL ? fileURLToPath(folder) : folder;
    for (const file of readdirSync(path)) {
      if (!file.endsWith('.astro')) continue;
      const source = readFileSync(join(path, file), 'utf8');
      for (const [, body = ''] of source.matchAll(INLINE_SCRIPT)) hashes.add(cspHash(body));
    }
  }
  return [...hashes].sort();
}

/** Where Starlight keeps the components that render inline scripts, and where ours are (TabsFromAnswers.astro). */
const inlineScriptFolders = [
  ...['components', 'user-components'].map(
    (folder) => new URL(`../../node_modules/@astrojs/starlight/dist/${folder}/`, import.meta.url),
  ),
  new URL('../components/outcome/', import.meta.url),
];

/**
 * Directives besides `script-src` and `style-src` (which Astro writes). Everything comes
 * from this origin: no CDN, font service or analytics. `frame-ancestors` is left out
 * because browsers ignore it in a `<meta>` policy and log an error for it.
 */
const directives: NonNullable<CspOptions['directives']> = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The `security.csp` option: Astro's own hashes plus Starlight's and our inline scripts, no
 * `'unsafe-inline'` for scripts. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly
 * search index (it allows `WebAssembly.compile`, not `eval`). Inline `style="…"` attributes
 * stay allowed (`style-src-attr 'unsafe-inline'`): Expressive Code colours tokens and
 * Starlight sizes icons with them, and a style attribute cannot run script.
 */
export const contentSecurityPolicy = {
  algorithm: 'SHA-256',
  directives,
  scriptDirective: {
    resources: ["'self'", "'wasm-unsafe-eval'"],
    hashes: inlineScriptHashes(inlineScriptFolders),
  },
  styleDirective: {
    resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
  },
} satisfies CspOptions;
