/**
 * Envoy and Istio (reference §6): access-log lines recognised by their response flags
 * (`usage.rst`, verbatim meanings), and the response bodies Envoy writes itself
 * (`source/common/router/router.cc`). Only a protocol error gives 502; every other reset
 * gives 503. Envoy answers as the wizard's "service mesh / Envoy" (`mesh`); only text that
 * shows a sidecar (Istio's `istio-envoy`, an `istio-proxy` container) leads to `service-mesh`.
 */
import { envoyFlag } from '../formats/envoy.ts';
import { includesWhole } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { envoyLine } from './sample-lines.ts';

const usage = 'envoy docs/root/configuration/observability/access_log/usage.rst (reference §6)';
const router = 'envoy source/common/router/router.cc onUpstreamReset (reference §6)';
const body = 'upstream connect error or disconnect/reset before headers. ';
const ok = envoyLine('200', '-');

/** A rule for one response flag: the line must be an Envoy access-log line carrying it. */
function flagRule(flag: string, status: string, outcome: OutcomeId, log: string | undefined, cause: string): Rule {
  return {
    id: `envoy-flag-${flag.toLowerCase()}`,
    software: 'envoy',
    cause,
    outcome,
    status: Number(status),
    implies: admin('mesh', log),
    source: usage,
    includes: ['] "', flag],
    test: (line) => envoyFlag(line, flag),
    samples: [envoyLine(status, flag)],
    nearMisses: [ok, `${flag} is not in an access-log line here`],
  };
}

/**
 * A rule for a reset reason in the body Envoy returns to the client, or in its response
 * code details (`%RESPONSE_CODE_DETAILS%`: `upstream_reset_before_response_started{…}`,
 * the reason with underscores).
 */
function resetRule(reason: string, outcome: OutcomeId, log: string | undefined, cause: string): Rule {
  const detail = `upstream_reset_before_response_started{${reason.replaceAll(' ', '_')}`;
  return {
    id: `envoy-reset-${reason.replaceAll(' ', '-')}`,
    software: 'envoy',
    cause,
    outcome,
    implies: admin('mesh', log),
    source: `${router}; envoy docs access_log usage.rst %RESPONSE_CODE_DETAILS%`,
    includes: [],
    anyOf: [`reset reason: ${reason}`, detail],
    samples: [
      `${body}reset reason: ${reason}`,
      `${body}retried and the latest reset reason: ${reason}`,
      `Getting the error ${detail}}`,
    ],
    nearMisses: [`${body}reset reason: unknown`, 'upstream_reset_before_response_started{unknown}'],
  };
}

export const envoyRules: readonly Rule[] = [
  {
    id: 'envoy-sidecar-reset',
    software: 'envoy',
    cause:
      "An Istio/Envoy sidecar answered for the app: it could not connect to the app or the app's connection was reset (app not listening on the port the Service declares, mTLS mode mismatch, or the sidecar not ready).",
    outcome: 'service-mesh',
    implies: admin('mesh', 'mesh-reset'),
    source: `${router}; Istio sidecar (server: istio-envoy, container istio-proxy)`,
    includes: ['upstream connect error or disconnect/reset before headers'],
    anyOf: ['istio-envoy', 'istio-proxy', 'sidecar', 'Sidecar', 'istio'],
    samples: [
      `${body}reset reason: connection failure (server: istio-envoy)`,
      `istio-proxy ${body}reset reason: connection termination`,
    ],
    nearMisses: [`${body}reset reason: connection failure`],
  },
  {
    ...flagRule(
      'UPE',
      '502',
      'invalid-response',
      'invalid-header',
      'The upstream response had an HTTP protocol error (invalid or duplicate headers).',
    ),
    samples: [
      '[2022-04-24T12:23:37.047Z] "GET /wrong HTTP/1.1" 502 UPE upstream_reset_before_response_started{protocol_error} - "-" 0 87 1001 - "-" "curl/7.80.0" "…" "http-chunked:8080" "10.244.0.17:8080" inbound|8080|| …',
      envoyLine('502', 'UPE'),
    ],
  },
  flagRule(
    'UH',
    '503',
    'no-live-upstreams',
    'no-live-upstreams',
    'No healthy upstream host in the cluster: no endpoints, or all ejected.',
  ),
  flagRule(
    'UF',
    '503',
    'upstream-refused',
    undefined,
    'Envoy could not connect to the upstream (refused, timed out, or an mTLS mismatch).',
  ),
  flagRule(
    'UT',
    '504',
    'upstream-timeout',
    'timed-out',
    'The upstream did not answer within the route timeout (15 s by default).',
  ),
  flagRule(
    'UC',
    '503',
    'keepalive-mismatch',
    'closed',
    "The upstream closed the connection: usually its idle timeout is shorter than Envoy's.",
  ),
  flagRule('UR', '503', 'upstream-closed', 'reset', 'The upstream reset the connection before answering.'),
  flagRule('UO', '503', 'overload', undefined, 'A circuit breaker tripped: the upstream cluster is overflowing.'),
  flagRule('URX', '503', 'overload', undefined, 'The retry limit or the maximum connect attempts were reached.'),
  flagRule('DF', '503', 'proxy-cannot-resolve', 'not-resolved', "DNS resolution of the upstream's name failed."),
  {
    id: 'envoy-reset-tls',
    software: 'envoy',
    cause: 'The TLS handshake with the upstream failed (certificate or mTLS mode mismatch).',
    outcome: 'upstream-tls',
    implies: admin('mesh', 'tls-error'),
    source: router,
    includes: ['transport failure reason: TLS'],
    samples: [
      `${body}reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED`,
    ],
    nearMisses: [`${body}reset reason: connection failure`],
  },
  {
    // errno 110 (ETIMEDOUT) and 113 (EHOSTUNREACH) on Linux: the connection attempt itself
    // timed out or found no route, the wizard's "timed out while connecting" answer, as
    // nginx's (110) and (113) while connecting.
    id: 'envoy-connect-timed-out',
    software: 'envoy',
    cause:
      "Envoy's connection attempt to the upstream timed out or found no route (delayed connect error: 110 or 113): a firewall, security group or network policy drops the packets, or the address is not the upstream's.",
    outcome: 'firewall',
    implies: admin('mesh', 'no-route'),
    source: `${router}; envoy source/common/network/connection_impl.cc (transport failure reason "delayed connect error: <errno>"); Linux asm-generic/errno.h (110 ETIMEDOUT, 113 EHOSTUNREACH)`,
    includes: [],
    anyOf: ['reason: delayed connect error: 11', 'delayed_connect_error:_11'],
    test: (line) => /delayed[ _]connect[ _]error:[ _]11[03]\b/.test(line),
    samples: [
      `${body}reset reason: connection failure, transport failure reason: delayed connect error: 113`,
      'upstream_reset_before_response_started{remote_connection_failure,delayed_connect_error:_110}',
    ],
    nearMisses: [`${body}reset reason: connection failure, transport failure reason: delayed connect error: 111`],
  },
  // The cluster's connect_timeout passed before the connection was set up
  // (StreamResetReason::ConnectionTimeout): the wizard's "timed out while connecting".
  resetRule(
    'connection timeout',
    'firewall',
    'no-route',
    "Envoy's connection attempt to the upstream timed out (the cluster's connect_timeout, 5 s by default): a firewall or network policy drops the packets, or the address is wrong.",
  ),
  resetRule('connection failure', 'upstream-refused', undefined, 'Envoy could not connect to the upstream.'),
  // The connection pool's own reason (envoy source/common/upstream PoolFailureReason names:
  // "remote connection failure"), often followed by "transport failure reason: delayed
  // connect error: 111" (ECONNREFUSED).
  resetRule(
    'remote connection failure',
    'upstream-refused',
    undefined,
    'Envoy could not connect to the upstream (the remote end refused or never answered the connection).',
  ),
  resetRule(
    'connection termination',
    'keepalive-mismatch',
    'closed',
    "The upstream closed the connection: usually its idle timeout is shorter than Envoy's.",
  ),
  resetRule('remote reset', 'upstream-closed', 'reset', 'The upstream reset the connection before answering.'),
  resetRule('protocol error', 'invalid-response', 'invalid-header', 'The upstream response was not valid HTTP (502).'),
  resetRule('overflow', 'overload', undefined, 'A circuit breaker tripped: the upstream cluster is overflowing.'),
  {
    id: 'envoy-request-timeout',
    software: 'envoy',
    cause: 'The upstream did not answer within the route timeout (Envoy answers 504).',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('mesh', 'timed-out'),
    source: 'envoy source/common/router/router.cc onUpstreamTimeoutAbort (reference §6)',
    includes: [],
    anyOf: [
      'upstream request timeout',
      'Upstream request timeout',
      'Upstream Request Timeout',
      'UPSTREAM REQUEST TIMEOUT',
    ],
    // Any case: titles capitalise the body Envoy (and Cloud Run's front end) sends.
    test: (line) => includesWhole(line.toLowerCase(), 'upstream request timeout'),
    samples: ['upstream request timeout', 'Cloud Run answers 504 (Upstream Request Timeout)'],
    nearMisses: ['upstream request timeouts: 0'],
  },
  {
    id: 'envoy-no-healthy-upstream',
    software: 'envoy',
    cause: 'No healthy upstream host in the cluster: no endpoints, or all ejected (503).',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('mesh', 'no-live-upstreams'),
    source: usage,
    includes: [],
    anyOf: ['no healthy upstream', 'No healthy upstream', 'no_healthy_upstream'],
    samples: ['no healthy upstream', 'response_code_details: no_healthy_upstream'],
    nearMisses: ['healthy upstream'],
  },
];

/**
 * Envoy's own body without a reset reason (`upstream connect error or disconnect/reset before
 * headers`, cut before `reset reason:` or followed by the status text): it names Envoy as
 * what answered, not why. Tried after the rules above, so a reason or a sidecar wins.
 */
export const envoyPageRule: Rule = {
  id: 'envoy-reset-page',
  software: 'envoy',
  kind: 'who-answered',
  cause:
    "Envoy (a service mesh sidecar, an Envoy-based gateway or ingress) answered: it could not get response headers from the upstream. The text after it (reset reason: …) and Envoy's access log (its response flags) say why. Next: paste the access-log line of that request.",
  outcome: 'general-checklist',
  implies: admin('mesh'),
  source: `${router} (the body "upstream connect error or disconnect/reset before headers")`,
  includes: [],
  anyOf: [
    'upstream connect error or disconnect/reset before headers',
    'Upstream connect error or disconnect/reset before headers',
    'UPSTREAM CONNECT ERROR OR DISCONNECT/RESET BEFORE HEADERS',
  ],
  samples: [
    'upstream connect error or disconnect/reset before headers',
    'my service failed with 503 and "upstream connect error or disconnect/reset before headers"',
  ],
  nearMisses: ['upstream connect error', 'disconnect/reset before headers'],
};

/** Words that put an Envoy response flag in context when it is retold (lower case). */
/**
 * What a line that retells an Envoy response flag must contain besides the flag: Envoy's or
 * Istio's name, or an access-log field name. Each retold rule requires one, so they are also
 * the gates of its group (index.ts).
 */
export const envoyRetoldGates: readonly string[] = [
  // The flags' meanings and a cut access-log line (`cutAccessLog` below).
  'pstream connection',
  'pstream Connection',
  'PSTREAM CONNECTION',
  'o healthy upstream',
  'pstream request timeout',
  'pstream remote reset',
  'HTTP/1.1" ',
  'HTTP/1.0" ',
  'HTTP/2" ',
  'HTTP/2.0" ',
  'esponse_flag',
  'esponse flag',
  'esponse-flag',
  'ESPONSE_FLAG',
  'nvoy',
  'NVOY',
  'stio',
  'STIO',
  'upstream_reset',
  'response_timeout',
  'no_healthy_upstream',
  'via_upstream',
  'overflow',
];

/**
 * An Envoy access-log line pasted without its `[START_TIME]`: the request's protocol, the
 * status and the response flags, then the bytes received (usage.rst's default format).
 */
const cutAccessLog = /HTTP\/[0-9.]{1,3}" \d{3} ([A-Z]{2,4}(?:,[A-Z]{2,4}){0,8}) \d/;

const flagContext = [
  // The flags' own meanings in usage.rst ("UF: Upstream connection failure", "UH: No
  // healthy upstream hosts"), said beside the flag.
  'upstream connection',
  'no healthy upstream',
  'upstream request timeout',
  'upstream remote reset',
  'response_flags',
  'response flag',
  'response-flag',
  'envoy',
  'istio',
  // Response code details that follow the flags in Envoy's default access-log format.
  'upstream_reset_before_response_started',
  'response_timeout',
  'no_healthy_upstream',
  'via_upstream',
  'overflow',
];

/**
 * The response flags of {@link envoyRules} retold in a sentence or a JSON log
 * (`"response_flags": "UF,URX"`, "Envoy logs UH"): the flag as an upper-case token beside
 * Envoy's name or the word response flag. The first flag the list names wins.
 */
export const envoyRetoldRules: readonly Rule[] = envoyRules
  .filter((rule) => rule.id.startsWith('envoy-flag-'))
  .map((rule) => {
    const flag = rule.includes[1]!;
    const token = new RegExp(`(?:^|[^A-Za-z0-9_])${flag}(?![A-Za-z0-9_])`);
    return {
      ...rule,
      id: `${rule.id}-retold`,
      source: `${usage}, the flag retold beside Envoy's name or "response flags"`,
      includes: [flag],
      anyOf: envoyRetoldGates,
      test: (line: string) =>
        (token.test(line) && flagContext.some((word) => line.toLowerCase().includes(word))) ||
        (cutAccessLog.exec(line)?.[1]?.split(',').includes(flag) ?? false),
      samples: [
        `"response_flags": "${flag}"`,
        `Envoy logs ${flag} for these requests`,
        `"GET /api HTTP/1.1" 503 ${flag} via_upstream - "-" 0 91 1000 - "-"`,
        `"GET /api HTTP/1.1" 503 ${flag} 0 91 1 - "10.0.0.1" "curl/8.5.0" "7c1d" "api" "10.0.0.9:8080"`,
      ],
      nearMisses: [`${flag} without context`, `Envoy logs X${flag} for these requests`],
    };
  });
