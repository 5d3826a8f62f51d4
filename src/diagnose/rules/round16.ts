/**
 * Round 16: forms batch 16 showed the rules did not read, each written from the software's own
 * documents:
 *
 * - the error strings of Akamai's edge (`ERR_READ_TIMEOUT`, `ERR_CONNECT_FAIL`…), which its
 *   error translator gives for a "Reference #" and which Squid, whose error pages carry the
 *   same names, shows on its own pages;
 * - APR's `(70007)The timeout specified has expired` cut from the Apache error-log line around
 *   it.
 *
 * Every test lower-cases the line once or makes substring checks and bounded regular
 * expressions, so matching stays linear in the line.
 */
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { codeWordRule, described } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/** Akamai's and Squid's error strings for a failed fetch from the origin, and the fix page each leads to. */
const edgeErrors: readonly (readonly [code: string, outcome: OutcomeId, what: string])[] = [
  [
    'ERR_READ_TIMEOUT',
    'upstream-timeout',
    'the origin accepted the connection but did not answer in time (120 s by default on Akamai)',
  ],
  ['ERR_CONNECT_TIMEOUT', 'firewall', 'the connection to the origin timed out before it was set up'],
  ['ERR_CONNECT_FAIL', 'upstream-refused', 'the origin, or a firewall in front of it, refused the connection'],
  ['ERR_DNS_FAIL', 'proxy-cannot-resolve', "the edge could not resolve the origin's host name"],
  ['ERR_READ_ERROR', 'invalid-response', 'the origin accepted the connection but sent no valid HTTP response headers'],
  ['ERR_WRITE_ERROR', 'upstream-closed', 'the origin closed the connection before the request was sent'],
  ['ERR_ZERO_SIZE_OBJECT', 'upstream-closed', 'the origin answered with nothing at all'],
  [
    'ERR_FWD_SSL_HANDSHAKE',
    'upstream-tls',
    'the TLS handshake with the origin failed (its certificate did not verify)',
  ],
];

const edgeRules: readonly Rule[] = edgeErrors.map(([code, outcome, what]) =>
  codeWordRule(code, {
    id: `edge-${code.toLowerCase().replaceAll('_', '-')}`,
    software: 'akamai',
    outcome,
    proxy: 'other-cdn',
    cause: `The CDN's edge (Akamai, or a Squid proxy) could not fetch from the origin (${code}): ${what}. On Akamai, the Reference # of the page, decoded in Edge Diagnostics, gives the origin's address and the time.`,
    source:
      'techdocs.akamai.com edge-diagnostics (Translate Error String: the reason for a Reference #); the error strings and their meanings as listed in gist.github.com/chrisvanpatten/dc02f0d5727369801dc7e9e6fded1837; squid-cache errors/templates (ERR_READ_TIMEOUT, ERR_CONNECT_FAIL, ERR_DNS_FAIL, ERR_READ_ERROR, ERR_WRITE_ERROR, ERR_ZERO_SIZE_OBJECT)',
    samples: [`- ${code}`, `Reference #97.5e3b5b68.1621415935.409841 (${code})`],
    nearMisses: [`${code}_LOOKALIKE`, `X${code}`],
  }),
);

const aprTimeout: Rule = described({
  id: 'apache-apr-timeout-cut',
  software: 'apache',
  outcome: 'upstream-timeout',
  implies: admin('apache', 'timed-out'),
  cause:
    "Apache httpd's proxy waited for its backend longer than its time-out (APR's (70007) The timeout specified has expired): the backend (PHP-FPM, an app server) did not answer in time. Raise ProxyTimeout or the handler's timeout=, or find why the backend is slow; the full error_log line names the module (proxy_fcgi, proxy_http).",
  source:
    'apache/apr include/apr_errno.h (APR_TIMEUP = 70007, "The timeout specified has expired"); httpd modules/proxy/mod_proxy_fcgi.c AH01075 and mod_proxy_http.c AH01102, which log it',
  gates: ['(70007)'],
  test: (lower) => lower.includes('(70007)the timeout specified has expired'),
  samples: ['140345027323648] (70007)The timeout specified has expired: [client 198.51.100.7:52144]'],
  nearMisses: ['(70007) error code seen once'],
});

/** Round 16's rules, tried with the vendors' causes (before the retold and who-answered sentences). */
export const round16CauseRules: readonly Rule[] = [...edgeRules, aprTimeout];
export const round16CauseGates: readonly string[] = gatesOfRules(round16CauseRules);
