/**
 * The example values every page is written with, and the proxy software the reader can
 * choose. Commands show these when the reader has set nothing (and without JavaScript), so
 * each one must be what the content itself uses.
 */

/** Keys of the reader's setup that fill placeholders in commands. */
export type PlaceholderKind = 'domain' | 'upstreamHost' | 'upstreamPort' | 'socket' | 'errorLog';

/** Proxy software the panel offers; '' (not chosen) reads as nginx, the site's first tab. */
export type ProxyServer = 'nginx' | 'apache' | 'haproxy' | 'caddy' | 'other';

/** The content's example values (the error log is per server, see `errorLogDefaults`). */
export const setupDefaults = {
  domain: 'example.com',
  upstreamHost: '127.0.0.1',
  upstreamPort: '8080',
  socket: '/run/php/php8.2-fpm.sock',
} as const satisfies Record<Exclude<PlaceholderKind, 'errorLog'>, string>;

/**
 * Default error-log path per proxy software, as the pages print it: Debian/Ubuntu packages
 * for nginx and Apache httpd, rsyslog's usual file for HAProxy. Caddy logs to stderr (the
 * systemd journal) unless told otherwise, and "other" has no default, so neither has a path.
 */
export const errorLogDefaults: Readonly<Record<ProxyServer, string | undefined>> = {
  nginx: '/var/log/nginx/error.log',
  apache: '/var/log/apache2/error.log',
  haproxy: '/var/log/haproxy.log',
  caddy: undefined,
  other: undefined,
};

/** Proxy software in the order the panel lists it, with the names the pages' tabs use. */
export const proxyServers: readonly { value: ProxyServer; label: string }[] = [
  { value: 'nginx', label: 'nginx' },
  { value: 'apache', label: 'Apache httpd' },
  { value: 'haproxy', label: 'HAProxy' },
  { value: 'caddy', label: 'Caddy' },
  { value: 'other', label: 'Other' },
];

/** The reader's proxy software: the stored value when it is one we know, else nginx. */
export function effectiveServer(stored: string): ProxyServer {
  return proxyServers.some((server) => server.value === stored) ? (stored as ProxyServer) : 'nginx';
}
