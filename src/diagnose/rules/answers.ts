/**
 * Shorthands for the wizard answers rules imply. Slugs are those of
 * `content/wizard/tree.yaml`; a unit test checks every one against the real tree.
 */
import type { ImpliedAnswers } from '../types.ts';

/** Proxy answers of the wizard's `proxy` node. */
export type ProxyAnswer = 'nginx' | 'apache' | 'haproxy' | 'caddy' | 'cloud-lb' | 'not-sure';

/**
 * An admin running `proxy`, whose log says `log` (when the line tells), plus any further
 * answers the line implies.
 */
export function admin(proxy: ProxyAnswer, log?: string, more: ImpliedAnswers = {}): ImpliedAnswers {
  return log === undefined ? { role: 'admin', proxy, ...more } : { role: 'admin', proxy, log, ...more };
}

/**
 * The path for a CDN error page: the origin's proxy is unknown and logged no upstream
 * error (the CDN never got an answer from it), and a CDN is in front.
 */
export const behindCdn: ImpliedAnswers = { role: 'admin', proxy: 'not-sure', log: 'unclear', cdn: 'cdn-yes' };
