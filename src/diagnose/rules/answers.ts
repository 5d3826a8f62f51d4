/**
 * Shorthands for the wizard answers rules imply. Slugs are those of
 * `content/wizard/tree.yaml` (version 2); a unit test checks every one against the real tree.
 */
import type { ImpliedAnswers } from '../types.ts';

/** Answers of the wizard's `proxy` node, "Who answered with the 502?". */
export type ProxyAnswer =
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'caddy'
  | 'traefik'
  | 'k8s-ingress'
  | 'mesh'
  | 'cloud-lb'
  | 'api-gateway'
  | 'cloudflare'
  | 'other-cdn'
  | 'platform'
  | 'not-sure';

/**
 * An admin running `proxy`, whose log says `log` (when the line tells), plus any further
 * answers the line implies.
 */
export function admin(proxy: ProxyAnswer, log?: string, more: ImpliedAnswers = {}): ImpliedAnswers {
  return log === undefined ? { role: 'admin', proxy, ...more } : { role: 'admin', proxy, log, ...more };
}

/**
 * The path for a CDN error page whose CDN is not named: the origin's proxy is unknown and
 * logged no upstream error (the CDN never got an answer from it), and a CDN is in front.
 */
export const behindCdn: ImpliedAnswers = { role: 'admin', proxy: 'not-sure', log: 'unclear', cdn: 'cdn-yes' };

/** Cloudflare answered with the 52x `code` (`cloudflare-code` node, e.g. `error-522`). */
export function cloudflareCode(code: string): ImpliedAnswers {
  return { role: 'admin', proxy: 'cloudflare', 'cloudflare-code': `error-${code}` };
}
