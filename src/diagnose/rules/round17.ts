/**
 * Round 17: forms batch 17 showed the rules did not read, each written from the software's own
 * source or documents:
 *
 * - nginx's alert when it runs out of connections (`1024 worker_connections are not enough`),
 *   quoted without the log line around it;
 * - the error codes of undici, the HTTP client behind Node's `fetch` (and so behind Next.js
 *   rewrites and many Node proxies): a connect time-out, a header time-out, a closed socket.
 *
 * Every test lower-cases the line once or makes substring checks and bounded regular
 * expressions, so matching stays linear in the line.
 */
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { described } from './vendor.ts';

const workerConnections: Rule = described({
  id: 'nginx-worker-connections-cut',
  software: 'nginx',
  outcome: 'overload',
  implies: admin('nginx'),
  cause:
    'nginx ran out of connections ("N worker_connections are not enough"): every worker\'s connection slots, which count the connections to the upstream as well as the clients\', are in use, so new requests fail. Raise worker_connections (and the open-file limit, worker_rlimit_nofile), or find what holds connections open.',
  source:
    'nginx/nginx src/core/ngx_connection.c ngx_get_connection ("%ui worker_connections are not enough"); nginx.org/en/docs/ngx_core_module.html#worker_connections (the limit counts connections to proxied servers too)',
  gates: ['worker_connections are not enough'],
  test: (lower) => /\b\d{1,9} worker_connections are not enough\b/.test(lower),
  samples: [
    'Error: `85#85: 1024 worker_connections are not enough`',
    'nginx logs "768 worker_connections are not enough"',
  ],
  nearMisses: ['worker_connections are not enough? raise them'],
});

/** undici's error codes for a request to the upstream that failed, and the fix page each leads to. */
const undiciCodes: readonly (readonly [code: string, outcome: OutcomeId, what: string])[] = [
  [
    'UND_ERR_CONNECT_TIMEOUT',
    'firewall',
    'the connection to the upstream was not set up in time (10 s by default): a firewall drops the packets, or the address is wrong',
  ],
  [
    'UND_ERR_HEADERS_TIMEOUT',
    'upstream-timeout',
    'the upstream accepted the connection but sent no response headers in time (headersTimeout, 300 s by default)',
  ],
  [
    'UND_ERR_BODY_TIMEOUT',
    'upstream-timeout',
    'the upstream stopped sending the response body for longer than bodyTimeout (300 s by default)',
  ],
  [
    'UND_ERR_SOCKET',
    'upstream-closed',
    'the upstream closed the connection before the response was complete ("other side closed")',
  ],
];

const undiciRules: readonly Rule[] = undiciCodes.map(([code, outcome, what]) => {
  const token = new RegExp(`\\b${code.toLowerCase()}\\b`);
  return described({
    id: `undici-${code.slice('UND_ERR_'.length).toLowerCase().replaceAll('_', '-')}`,
    software: 'node',
    outcome,
    cause: `Node's fetch (undici) failed with ${code}: ${what}. When Node itself is the proxy (a Next.js rewrite, a fetch-based proxy), that is why it answers 502; when the app calls another service, that service is the one to check.`,
    source:
      'nodejs/undici lib/core/errors.js (ConnectTimeoutError UND_ERR_CONNECT_TIMEOUT, HeadersTimeoutError UND_ERR_HEADERS_TIMEOUT, BodyTimeoutError UND_ERR_BODY_TIMEOUT, SocketError UND_ERR_SOCKET "other side closed"); undici docs/api/Client.md (connect timeout 10 s, headersTimeout and bodyTimeout 300 s)',
    gates: [code],
    test: (lower) => token.test(lower),
    samples: [`{ "ok": false, "err": "${code}", "ms": 5471 }`, `TypeError: fetch failed [cause]: { code: '${code}' }`],
    nearMisses: [`${code}_X`],
  });
});

/** Round 17's rules, tried with the vendors' causes (before the retold and who-answered sentences). */
export const round17CauseRules: readonly Rule[] = [workerConnections, ...undiciRules];
export const round17CauseGates: readonly string[] = [...new Set(round17CauseRules.flatMap((rule) => rule.anyOf ?? []))];
