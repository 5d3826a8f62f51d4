/**
 * Files a snippet names. `nginx -t`, `apache2 -t` and `haproxy -c` open certificates, CA
 * bundles and pages at check time, so each absolute path under /etc, /var or /run is
 * moved into the wrapper's temp dir, where a stub of the right kind is created: a
 * self-signed certificate with its key for `.pem`/`.crt`, the key alone for `.key`, a
 * directory for a path without an extension, an empty file otherwise.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { binaryPath, openssl } from '../harness/binaries.ts';

/** A certificate and its private key, PEM. */
export interface StubCertificate {
  readonly certificate: string;
  readonly key: string;
}

/** Makes a self-signed EC certificate for example.com in `dir` (openssl, valid two days). */
export function makeStubCertificate(dir: string): StubCertificate {
  const key = join(dir, 'stub.key');
  const certificate = join(dir, 'stub.crt');
  execFileSync(
    binaryPath(openssl),
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'],
      ...['-subj', '/CN=example.com', '-keyout', key, '-out', certificate],
    ],
    { stdio: 'ignore', input: '' },
  );
  return { certificate: readFileSync(certificate, 'utf8'), key: readFileSync(key, 'utf8') };
}

const absolutePath = /(?<![\w.:/-])\/(?:etc|var|run)\/[\w.@/-]*[\w]/g;

/**
 * `code` with every absolute path under /etc, /var or /run moved below `root`, and a
 * stub created at each new path.
 */
export function sandboxPaths(code: string, root: string, stub: StubCertificate): string {
  return code.replaceAll(absolutePath, (path) => {
    const moved = join(root, path);
    const kind = extname(path);
    if (kind === '') {
      mkdirSync(moved, { recursive: true });
      return moved;
    }
    mkdirSync(dirname(moved), { recursive: true });
    if (!existsSync(moved)) {
      const content = kind === '.key' ? stub.key : ['.pem', '.crt'].includes(kind) ? stub.certificate + stub.key : '';
      writeFileSync(moved, content);
    }
    return moved;
  });
}

/**
 * Copies Debian's nginx include files (fastcgi.conf, uwsgi_params, snippets/…) next to a
 * wrapper config, so a snippet's relative `include` finds them.
 */
export function copyNginxIncludes(dir: string): void {
  for (const name of ['fastcgi.conf', 'fastcgi_params', 'uwsgi_params', 'scgi_params', 'proxy_params', 'mime.types']) {
    if (existsSync(join('/etc/nginx', name))) copyFileSync(join('/etc/nginx', name), join(dir, name));
  }
  if (existsSync('/etc/nginx/snippets')) cpSync('/etc/nginx/snippets', join(dir, 'snippets'), { recursive: true });
}
