import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, inlineScriptHashes } from '../../src/security/csp';

describe('cspHash', () => {
  it.each([
    // `printf '%s' 'alert(1)' | openssl dgst -sha256 -binary | base64`
    ['alert(1)', 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='],
    ['', 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ])('hashes %j the way browsers do', (body, hash) => {
    expect(cspHash(body)).toBe(hash);
  });
});

describe('inlineScriptHashes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'csp-'));
  writeFileSync(
    join(folder, 'A.astro'),
    '<script is:inline>alert(1)</script>\n<script>import "./bundled";</script>\n<script is:inline data-x="1">\n\tb()\n</script>',
  );
  writeFileSync(join(folder, 'B.astro'), '<script is:inline>alert(1)</script>');
  writeFileSync(join(folder, 'notes.md'), '<script is:inline>ignored()</script>');

  it('hashes each distinct is:inline body of the .astro files, and nothing Astro bundles itself', () => {
    expect(inlineScriptHashes([folder])).toEqual([cspHash('\n\tb()\n'), cspHash('alert(1)')].sort());
  });

  it('throws when a folder is missing, so a moved Starlight component stops the build', () => {
    expect(() => inlineScriptHashes([join(folder, 'missing')])).toThrow(/ENOENT/);
  });
});

describe('the site policy', () => {
  it('allows scripts only from this origin and by hash, never inline or eval', () => {
    const { resources, hashes } = contentSecurityPolicy.scriptDirective;
    expect(resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(hashes.length).toBeGreaterThanOrEqual(5);
    expect(contentSecurityPolicy.directives).toContain("default-src 'self'");
    expect(contentSecurityPolicy.directives).toContain("object-src 'none'");
  });
});
