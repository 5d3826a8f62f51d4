/**
 * Round 23: forms batch 23's misses quote, each written from a standard or the software's own
 * source or documents:
 *
 * - the Proxy-Status response header (RFC 9209), in which any proxy that implements it (h2o,
 *   Fastly, Envoy, …) names the error it met with the next hop;
 * - HAProxy's health-check status as its stats and Runtime API report it (`check_status:
 *   L7STS`, `check_desc: Layer7 wrong status`);
 * - Go's `malformed HTTP status code`, when an upstream's status line was not HTTP;
 * - Railway's deploy health check that never passed.
 *
 * Every test lower-cases the line once and makes substring checks or bounded regular
 * expressions, so matching stays linear in the line.
 */
import { includesAny } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { described, gatesOf, headerGates, headerLine } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/**
 * RFC 9209 §2.3's proxy error types that name a failure with the next hop, and the fix page
 * each leads to (a connect time-out goes to `firewall`, as the corpus conventions read it).
 */
const proxyErrorTypes: readonly (readonly [type: string, outcome: OutcomeId])[] = [
  ['dns_timeout', 'proxy-cannot-resolve'],
  ['dns_error', 'proxy-cannot-resolve'],
  ['destination_unavailable', 'no-live-upstreams'],
  ['destination_ip_prohibited', 'firewall'],
  ['destination_ip_unroutable', 'firewall'],
  ['connection_refused', 'upstream-refused'],
  ['connection_terminated', 'upstream-closed'],
  ['connection_timeout', 'firewall'],
  ['connection_read_timeout', 'upstream-timeout'],
  ['connection_write_timeout', 'upstream-timeout'],
  ['connection_limit_reached', 'overload'],
  ['tls_protocol_error', 'upstream-tls'],
  ['tls_certificate_error', 'upstream-tls'],
  ['tls_alert_received', 'upstream-tls'],
  ['http_response_incomplete', 'upstream-closed'],
  ['http_response_header_section_size', 'header-too-big'],
  ['http_response_header_size', 'header-too-big'],
  ['http_response_transfer_coding', 'invalid-response'],
  ['http_response_content_coding', 'invalid-response'],
  ['http_response_timeout', 'upstream-timeout'],
  ['http_protocol_error', 'invalid-response'],
];

/** `error=<type>` in a Proxy-Status value, the type read up to its end (a `;`, `,` or blank). */
const proxyStatusError = /(?:^|[;\s])error=([a-z_]{3,40})/;

/** The fix page for a Proxy-Status line's error type, if the line is one and names a known type. */
function proxyStatusOutcome(lower: string): OutcomeId | undefined {
  const header = headerLine(lower);
  if (!header.startsWith('proxy-status:')) return undefined;
  const type = proxyStatusError.exec(header)?.[1];
  return proxyErrorTypes.find(([name]) => name === type)?.[1];
}

const proxyStatusRules: readonly Rule[] = [...new Set(proxyErrorTypes.map(([, outcome]) => outcome))].map((outcome) => {
  const types = proxyErrorTypes.filter(([, to]) => to === outcome).map(([type]) => type);
  return described({
    id: `proxy-status-${outcome}`,
    software: 'proxy-status',
    outcome,
    cause: `A proxy named in the Proxy-Status header (RFC 9209) answered for the origin and names what failed with the next hop (error=${types.join(' or error=')}). The proxy's own log for that request, or its details= parameter, names the address and the moment.`,
    source:
      'RFC 9209 "The Proxy-Status HTTP Response Header Field" §2 (the header: the proxy\'s name, then parameters such as error= and details=) and §2.3 (the registered proxy error types)',
    gates: headerGates('proxy-status'),
    test: (lower) => proxyStatusOutcome(lower) === outcome,
    samples: [
      `proxy-status: h2o; error=${types[0]}; details="seen by the sample"`,
      `Proxy-Status: ExampleCDN; error=${types[0]}`,
    ],
    nearMisses: ['proxy-status: h2o; error=proxy_internal_error', `x-proxy-status: ${types[0]}`],
  });
});

/**
 * HAProxy's check status codes that mean the check failed (doc/management.txt, "check_status"),
 * and the descriptions src/check.c gives them (`check_desc`), lower case.
 */
const haproxyFailedChecks = ['l4tout', 'l4con', 'l6tout', 'l6rsp', 'l7tout', 'l7rsp', 'l7sts'];
const haproxyFailedDescs = [
  'layer4 timeout',
  'layer4 connection problem',
  'layer6 timeout',
  'layer6 invalid response',
  'layer7 timeout',
  'layer7 invalid response',
  'layer7 wrong status',
];

/** `check_status: L7STS` (the Runtime API's `show stat` or a stats export), the code as a whole value. */
const haproxyCheckStatus = new RegExp(`check_status[:=,\\s"]{1,4}(?:${haproxyFailedChecks.join('|')})\\b`);

/** Railway's deploy log when the health check never passed, lower case. */
const railwayHealthcheck = ['replicas never became healthy'];

const causeRules: readonly Rule[] = [
  ...proxyStatusRules,
  described({
    id: 'haproxy-check-status-failed',
    software: 'haproxy',
    outcome: 'lb-health-checks',
    implies: admin('haproxy'),
    cause:
      "HAProxy's health check of the server failed (its stats report the check's status, such as L7STS for a wrong HTTP status or L4CON for a refused connection), so HAProxy took the server out of the backend. Run the check's request against the server yourself (curl -i on the check's path) and compare it with the http-check expect rule.",
    source:
      'haproxy doc/management.txt ("check_status": L4TOUT, L4CON, L6TOUT, L6RSP, L7TOUT, L7RSP, L7STS …) and src/check.c check_statuses[] ("Layer7 wrong status", "Layer4 connection problem", …)',
    gates: ['check_status', 'check_desc', 'CHECK_STATUS', ...gatesOf(...haproxyFailedDescs.slice(-1))],
    test: (lower) =>
      haproxyCheckStatus.test(lower) || (lower.includes('check_desc') && includesAny(lower, haproxyFailedDescs)),
    samples: ['  check_status: L7STS', '  check_desc: Layer7 wrong status', 'check_status,L4CON'],
    nearMisses: ['  check_status: L7OK', '  check_desc: Layer7 check passed'],
  }),
  described({
    id: 'go-malformed-status-code',
    software: 'report',
    outcome: 'invalid-response',
    cause:
      'A Go proxy or client (Caddy, Traefik, a Go service) read the upstream\'s status line and found no three-digit status code in it ("malformed HTTP status code"): the upstream is not speaking HTTP on that port (TLS, another protocol), or an HTTP_PROXY variable sent the request to a proxy that answers something else.',
    source:
      'golang/go src/net/http/response.go (ReadResponse: badStringError("malformed HTTP status code", statusCode))',
    gates: ['malformed HTTP status code', ...gatesOf('malformed http status code')],
    test: (lower) => lower.includes('malformed http status code'),
    samples: [
      '`malformed HTTP status code "protocol"`',
      'net/http: HTTP/1.x transport connection broken: malformed HTTP status code "ssh"',
    ],
    nearMisses: ['malformed HTTP response "\\x15\\x03\\x01"', 'HTTP status code 502'],
  }),
  described({
    id: 'railway-healthcheck-failed',
    software: 'railway',
    outcome: 'lb-health-checks',
    implies: admin('platform'),
    cause:
      'Railway\'s deploy health check never got a 200 from the new deployment ("1/1 replicas never became healthy"), so Railway kept the old one or none: the app did not listen on $PORT in time, or the health-check path answers an error or a redirect. The deploy log just before names which.',
    source:
      'Railway\'s deploy log for a failed health check (docs.railway.com/reference/healthchecks: a deployment is made live only once its health check path answers 200), as recorded in public repositories ("Healthcheck failed! 1/1 replicas never became healthy!")',
    gates: gatesOf(...railwayHealthcheck),
    test: (lower) => includesAny(lower, railwayHealthcheck),
    samples: ['1/1 replicas never became healthy!', '✗ Healthcheck fails: "1/1 replicas never became healthy"'],
    nearMisses: ['all replicas became healthy'],
  }),
];

/** Round 23's rules, tried with the vendors' causes. */
export const round23CauseRules: readonly Rule[] = causeRules;
export const round23CauseGates: readonly string[] = gatesOfRules(causeRules);
