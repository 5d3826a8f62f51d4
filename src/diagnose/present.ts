/**
 * What the paste box shows of findings, as plain text: labelled fields in a fixed order,
 * and which finding to offer first. The element renders these strings with
 * `textContent` only, so nothing from a log line can become markup.
 */
import type { Fields, Finding, Software } from './types.ts';

/** How the paste box names each software. */
export const softwareNames: Readonly<Record<Software, string>> = {
  nginx: 'nginx',
  apache: 'Apache httpd',
  haproxy: 'HAProxy',
  caddy: 'Caddy',
  traefik: 'Traefik',
  envoy: 'Envoy',
  'aws-alb': 'AWS load balancer',
  'gcp-lb': 'Google Cloud load balancer',
  cloudflare: 'Cloudflare',
  cloudflared: 'cloudflared',
  gunicorn: 'gunicorn',
  'php-fpm': 'PHP-FPM',
  uwsgi: 'uWSGI',
  curl: 'curl',
  dig: 'DNS lookup',
  'aws-cloudfront': 'Amazon CloudFront',
  'aws-api-gateway': 'Amazon API Gateway',
  'aws-lambda': 'AWS Lambda',
  azure: 'Azure',
  'google-frontend': 'Google Front End',
  platform: 'Hosting platform',
  firewalld: 'firewalld',
  node: 'Node.js',
};

/** One labelled value read from a log line. */
export interface FieldRow {
  readonly label: string;
  readonly value: string;
}

const labels: readonly (readonly [keyof Fields, string])[] = [
  ['upstream', 'Upstream'],
  ['socket', 'Unix socket'],
  ['client', 'Client'],
  ['server', 'Server name'],
  ['request', 'Request'],
  ['timestamp', 'Time'],
];

/** The fields worth showing, labelled, in a fixed order; empty values are left out. */
export function fieldRows(fields: Fields): FieldRow[] {
  return labels.flatMap(([key, label]) => {
    const value = fields[key];
    return value === undefined || value === '' ? [] : [{ label, value }];
  });
}

/**
 * The finding to lead with when several lines were recognised: the one with the highest
 * score (ties: the first line).
 *
 * @param findings - From `diagnose()`, in line order.
 * @param score - How far a finding takes the reader, e.g. the number of wizard questions
 *   its answers settle, more when they reach an outcome.
 */
export function primaryFinding(findings: readonly Finding[], score: (finding: Finding) => number): Finding | undefined {
  let best: Finding | undefined;
  let bestScore = -Infinity;
  for (const finding of findings) {
    const value = score(finding);
    if (value > bestScore) {
      best = finding;
      bestScore = value;
    }
  }
  return best;
}
