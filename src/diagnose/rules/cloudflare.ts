/**
 * Cloudflare's own 52x error pages and cloudflared's tunnel errors (reference §7.3, from
 * cloudflare/cloudflare-docs `…/cloudflare-5xx-errors/error-5NN.mdx`). The page text says
 * `Error code 52x`; the TLS pages carry stable `data-translate` keys.
 */
import { includesWhole } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { behindCdn } from './answers.ts';

const docs =
  'cloudflare/cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors (reference §7.3)';

/** A rule for the Cloudflare page of one 52x/530 code. */
function pageRule(code: string, title: string, outcome: OutcomeId, cause: string, implies = behindCdn): Rule {
  const literal = `Error code ${code}`;
  return {
    id: `cloudflare-${code}`,
    software: 'cloudflare',
    cause: `Cloudflare ${code} (${title}): ${cause}`,
    outcome,
    status: Number(code),
    implies,
    source: docs,
    includes: [literal],
    test: (line) => includesWhole(line, literal),
    samples: [literal, `${title} ${literal} Visit cloudflare.com for more information.`],
    nearMisses: [`${literal}0`, `Error code ${Number(code) + 100}`],
  };
}

export const cloudflareRules: readonly Rule[] = [
  {
    id: 'cloudflare-ssl-handshake-page',
    software: 'cloudflare',
    cause: 'Cloudflare could not complete a TLS handshake with the origin (SSL mode Full or Full (strict)).',
    outcome: 'cdn-origin',
    status: 525,
    implies: behindCdn,
    source: 'Cloudflare error page data-translate keys; DeviaVir/zenbot#69 (reference §7.3)',
    includes: ['data-translate="origin_ssl_bad_handshake"'],
    samples: [
      '<p data-translate="origin_ssl_bad_handshake">CloudFlare is unable to establish an SSL connection to the origin server.</p>',
    ],
    nearMisses: [
      '<p data-translate="error_desc">There is an unknown connection issue between Cloudflare and the origin web server.</p>',
    ],
  },
  pageRule(
    '520',
    'Web server is returning an unknown error',
    'cdn-origin',
    'The origin sent an empty, unknown or unexpected response.',
  ),
  pageRule(
    '521',
    'Web server is down',
    'firewall',
    'The origin refuses connections from Cloudflare (server offline or Cloudflare IPs blocked).',
  ),
  pageRule(
    '522',
    'Connection timed out',
    'firewall',
    'The origin did not answer Cloudflare within 19 s (IPs dropped, overload, wrong origin IP).',
  ),
  pageRule('523', 'Origin is unreachable', 'cdn-origin', 'There is no route to the origin IP.'),
  pageRule(
    '524',
    'A timeout occurred',
    'upstream-timeout',
    'The origin accepted the connection but sent no response within 120 s.',
    { role: 'admin' },
  ),
  pageRule('525', 'SSL handshake failed', 'cdn-origin', 'The TLS handshake failed between Cloudflare and the origin.'),
  pageRule('526', 'Invalid SSL certificate', 'cdn-origin', "The origin's certificate fails Full (strict) validation."),
  pageRule(
    '530',
    'Origin DNS error',
    'cdn-origin',
    'Cloudflare cannot resolve or reach the origin hostname; the page shows a 1xxx code (1033: Tunnel).',
  ),
  {
    id: 'cloudflared-origin-unreachable',
    software: 'cloudflared',
    cause:
      "cloudflared cannot reach the tunnel's origin service: the service: URL is wrong (localhost inside its container) or the app is down.",
    outcome: 'cdn-origin',
    status: 502,
    implies: behindCdn,
    source: 'cloudflared log, Cloudflare 502 via Tunnel (reference §7.3, §12)',
    includes: ['Unable to reach the origin service'],
    samples: [
      '2024-07-10T16:37:00Z ERR Request failed error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 192.168.3.180:3000: i/o timeout" connIndex=2 dest=https://app.example.com/ event=0 ip=198.41.192.37 type=http',
      '{"level":"error","error":"Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp [::1]:8081: connect: connection refused","cfRay":"8f2c1a2b3c4d5e6f-FRA","originService":"http://localhost:8081"}',
    ],
    nearMisses: ['2024-07-10T16:37:00Z INF Registered tunnel connection connIndex=0 event=0 ip=198.41.192.37'],
  },
];
