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
  kong: 'Kong Gateway',
  heroku: 'Heroku',
  vercel: 'Vercel',
  fly: 'Fly.io',
  render: 'Render',
  railway: 'Railway',
  'cloud-run': 'Google Cloud Run',
  iis: 'Microsoft IIS',
  ngrok: 'ngrok',
  kubernetes: 'Kubernetes',
  fastly: 'Fastly',
  varnish: 'Varnish',
  selinux: 'SELinux',
  linkerd: 'Linkerd',
  akamai: 'Akamai',
  'proxy-status': 'Proxy-Status header',
  'error-page': 'error page',
  socket: 'connection error from any program',
  report: 'told in words',
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

/**
 * Whether a finding only names who answered with the error (an error page, a response
 * header), not why: see `Rule.kind`.
 */
export function isWhoAnswered(finding: Finding): boolean {
  return finding.rule.kind === 'who-answered';
}

/**
 * The sentence that leads the result, as plain text: `Line 3 (nginx): <cause>` for a
 * cause, `Line 1: who answered: Cloudflare. <what that tells and the next step>` for a
 * who-answered finding. A line that tells the cause in words (software `report`) names no
 * software: `Line 2 (told in words): <cause>`, or `Line 1: <what that tells>` when it only
 * says who answered, since its cause text names the product itself.
 */
export function leadText(finding: Finding): string {
  const name = softwareNames[finding.rule.software];
  if (isWhoAnswered(finding)) {
    return finding.rule.software === 'report'
      ? `Line ${finding.line}: ${finding.rule.cause}`
      : `Line ${finding.line}: who answered: ${name}. ${finding.rule.cause}`;
  }
  return `Line ${finding.line} (${name}): ${finding.rule.cause}`;
}

/**
 * A finding's rank for {@link primaryFinding}: wizard questions its answers settle, 100
 * more when they reach an outcome; a who-answered finding ranks below any cause, so a
 * paste with both an error page and a log line leads with the log line.
 *
 * @param steps - Number of wizard steps its implied answers take.
 * @param reachesOutcome - Whether those steps end at an outcome.
 */
export function findingScore(finding: Finding, steps: number, reachesOutcome: boolean): number {
  return steps + (reachesOutcome ? 100 : 0) - (isWhoAnswered(finding) ? 1000 : 0);
}
