/**
 * The real programs the lab drives, found on PATH or in the sbin directories (root's
 * PATH has them, a developer's often does not). Without one, a suite skips loudly; with
 * `CI=true` it fails, so CI can never pass by skipping.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

/** A program the lab needs and the Debian package that provides it. */
export interface Binary {
  /** Executable name, or a pattern for versioned names such as `php-fpm8.2`. */
  readonly name: string | RegExp;
  /** The name messages print. */
  readonly label: string;
  readonly aptPackage: string;
}

export const nginx: Binary = { name: 'nginx', label: 'nginx', aptPackage: 'nginx' };
export const apache2: Binary = { name: 'apache2', label: 'apache2', aptPackage: 'apache2' };
export const haproxy: Binary = { name: 'haproxy', label: 'haproxy', aptPackage: 'haproxy' };
export const caddy: Binary = { name: 'caddy', label: 'caddy', aptPackage: 'caddy' };
export const phpFpm: Binary = { name: /^php-fpm\d+(\.\d+)?$/, label: 'php-fpm', aptPackage: 'php-fpm' };
/** `ss`, for the "listens on 127.0.0.1 only" check. */
export const ss: Binary = { name: 'ss', label: 'ss', aptPackage: 'iproute2' };
/** `openssl`, for the stub certificates the snippet check gives TLS directives. */
export const openssl: Binary = { name: 'openssl', label: 'openssl', aptPackage: 'openssl' };

const searchPath = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The absolute path of `binary`, or undefined when it is not installed. */
export function findBinary(binary: Binary): string | undefined {
  for (const dir of searchPath) {
    if (dir === '' || !existsSync(dir)) continue;
    if (typeof binary.name === 'string') {
      if (existsSync(join(dir, binary.name))) return join(dir, binary.name);
      continue;
    }
    const pattern = binary.name;
    const match = readdirSync(dir)
      .filter((file) => pattern.test(file))
      .sort()
      .at(-1);
    if (match !== undefined) return join(dir, match);
  }
  return undefined;
}

/** The absolute path of `binary`; throws when missing (call it inside a suite that checked). */
export function binaryPath(binary: Binary): string {
  const path = findBinary(binary);
  if (path === undefined) throw new Error(`[lab] ${binary.label} is not installed`);
  return path;
}

/**
 * A `describe` that runs `body` only when every binary in `needs` is installed. When one
 * is missing it warns on the console with the `apt-get install` line and skips, or, with
 * `CI=true`, fails with the same message.
 */
export function describeWithBinaries(name: string, needs: readonly Binary[], body: () => void): void {
  const missing = needs.filter((binary) => findBinary(binary) === undefined);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const names = missing.map((binary) => binary.label).join(', ');
  const packages = [...new Set(missing.map((binary) => binary.aptPackage))].join(' ');
  const message = `[lab] ${name}: missing ${names}. Install with: sudo apt-get install -y ${packages}`;
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has its programs installed on CI', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n⚠ ${message}\n⚠ [lab] ${name}: SKIPPED, nothing was proved against the real software.\n`);
  describe.skip(name, body);
}
