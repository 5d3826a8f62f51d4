/**
 * Round 18: forms batch 18 showed the rules did not read, each written from the software's own
 * source or documents:
 *
 * - nginx's own `50x.html` page (its `error_page` default in the packaged config), in its
 *   current wording and the one it had until 1.x;
 * - Apache httpd's sentence when its ErrorDocument failed too ("Additionally, a 503 Service
 *   Unavailable error was encountered…");
 * - Vercel's request ID (`fra1::kd4xt-1670737355213-83028fefdf2f`), as its error pages print it;
 * - Go's certificate error for an upstream reached by an IP address its certificate does not
 *   carry (`x509: cannot validate certificate for … because it doesn't contain any IP SANs`).
 *
 * Every test lower-cases the line once or makes substring checks and bounded regular
 * expressions, so matching stays linear in the line.
 */
import { includesAny } from '../match.ts';
import type { Rule } from '../types.ts';
import { described, gatesOf, whoAnswered } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/** nginx's docs/html/50x.html, lower case: today's text and the one it had until nginx 1.x. */
const nginx50xPage = [
  'the page you are looking for is currently unavailable',
  'faithfully yours, nginx',
  'the page you are looking for is temporarily unavailable',
  '<title>the page is temporarily unavailable</title>',
];

/** Vercel's request ID: the region, `::`, an id, the time in ms and a hex suffix. */
// In Markdown the label may be bold and the ID in backticks: **ID:** `fra1::…`.
const vercelRequestId = /\bid:(?:\*\*)? `?[a-z]{3}\d(?:::[a-z]{3}\d)*::[a-z0-9]{5}-\d{13}-[0-9a-f]{12}\b/;

const whoRules: readonly Rule[] = [
  whoAnswered({
    id: 'nginx-50x-page',
    software: 'nginx',
    proxy: 'nginx',
    what: "This is nginx's own 50x page (docs/html/50x.html, which the packaged config's error_page shows for 500, 502, 503 and 504): nginx answered, and its error log names why the upstream failed.",
    source:
      'nginx/nginx docs/html/50x.html ("Sorry, the page you are looking for is currently unavailable. Please try again later." … "Faithfully yours, nginx."; until a8742ab5f "The page you are looking for is temporarily unavailable.")',
    gates: [
      ...gatesOf(...nginx50xPage.slice(0, 3)),
      'page you are looking for is',
      'Faithfully yours, nginx',
      'The page is temporarily unavailable',
    ],
    test: (lower) => includesAny(lower, nginx50xPage),
    samples: [
      'Sorry, the page you are looking for is currently unavailable.',
      '<p><em>Faithfully yours, nginx.</em></p>',
      'The page you are looking for is temporarily unavailable. Please try again later.',
    ],
    nearMisses: ['The page you are looking for does not exist.'],
  }),
  whoAnswered({
    id: 'apache-errordocument-failed',
    software: 'apache',
    proxy: 'apache',
    what: 'This is Apache httpd\'s error page when its ErrorDocument failed as well ("Additionally, a … error was encountered while trying to use an ErrorDocument"): httpd answered, and its error_log names both errors.',
    source: 'apache/httpd modules/http/http_protocol.c ap_send_error_response (the recursive_error sentence)',
    gates: gatesOf('errordocument to handle the request').concat(['ErrorDocument to handle the request']),
    test: (lower) => lower.includes('while trying to use an errordocument to handle the request'),
    samples: [
      'Additionally, a 503 Service Unavailable error was encountered while trying to use an ErrorDocument to handle the request.',
    ],
    nearMisses: ['ErrorDocument 503 /maintenance.html'],
  }),
  whoAnswered({
    id: 'vercel-request-id',
    software: 'vercel',
    proxy: 'platform',
    what: "The ID is a Vercel request ID (region::id-time-hash), as Vercel's error pages print it under the code: Vercel's edge answered. The page's Code: line, or the function's log for that ID, names what failed.",
    source:
      'vercel.com/docs/headers/response-headers (x-vercel-id: the regions the request went through and its ID); the error page as quoted in vercel/commerce#40 ("ID: arn1::…")',
    gates: ['ID: ', 'id: ', 'ID:** '],
    test: (lower) => vercelRequestId.test(lower),
    samples: [
      'ID: cdg1::kd4xt-1700000000000-83028fefdf2f',
      'ID: fra1::iad1::abcde-1700000000000-0123456789ab',
      '**ID:** `cdg1::kd4xt-1700000000000-83028fefdf2f`',
    ],
    nearMisses: ['ID: 12345', 'id: fra1-1700000000000'],
  }),
];

/**
 * Go's crypto/x509 error for an address the certificate does not name, lower case: the other
 * x509 errors (another host, expired, unknown authority) are read by errno.ts's TLS rules.
 */
const goCertificateErrors = ['x509: cannot validate certificate for'];

const causeRules: readonly Rule[] = [
  described({
    id: 'go-x509-upstream',
    software: 'report',
    outcome: 'upstream-tls',
    cause:
      "A Go program (Traefik, Caddy, cloudflared, a Go client) reached the upstream by its IP address, and the upstream's certificate names no IP address (no IP SANs), so the program does not trust it. Reach the upstream by a name its certificate carries, give it a certificate with that IP, or tell the proxy to skip verification for an internal upstream.",
    source:
      'golang/go src/crypto/x509/verify.go (HostnameError: "x509: cannot validate certificate for %s because it doesn\'t contain any IP SANs")',
    gates: ['x509: '],
    test: (lower) => includesAny(lower, goCertificateErrors),
    samples: [
      "Error dialing 10.0.0.7: x509: cannot validate certificate for 10.0.0.7 because it doesn't contain any IP SANs",
    ],
    nearMisses: ['x509: loaded certificate for example.com'],
  }),
];

/** Round 18's who-answered rules, tried with the other who-answered forms. */
export const round18WhoRules: readonly Rule[] = whoRules;
export const round18WhoGates: readonly string[] = gatesOfRules(whoRules);
/** Round 18's cause rules, tried with the vendors' causes. */
export const round18CauseRules: readonly Rule[] = causeRules;
export const round18CauseGates: readonly string[] = gatesOfRules(causeRules);
