/**
 * Round 17: forms batch 17 showed the rules did not read, written from the software's own
 * source and documents (its nginx forms are in `nginx.ts`, `nginx-response.ts` and
 * `fragments.ts`):
 *
 * - the error codes of undici, the HTTP client behind Node's `fetch` (and so behind Next.js
 *   rewrites and many Node proxies): a connect time-out, a header time-out, a closed socket.
 *
 * Every test lower-cases the line once or makes substring checks and bounded regular
 * expressions, so matching stays linear in the line.
 */
import type { OutcomeId, Rule } from '../types.ts';
import { codeWordRule } from './vendor.ts';
import { gatesOfRules } from './words.ts';

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

const undiciRules: readonly Rule[] = undiciCodes.map(([code, outcome, what]) =>
  codeWordRule(code, {
    id: `undici-${code.slice('UND_ERR_'.length).toLowerCase().replaceAll('_', '-')}`,
    software: 'node',
    outcome,
    cause: `Node's fetch (undici) failed with ${code}: ${what}. When Node itself is the proxy (a Next.js rewrite, a fetch-based proxy), that is why it answers 502; when the app calls another service, that service is the one to check.`,
    source:
      'nodejs/undici lib/core/errors.js (ConnectTimeoutError UND_ERR_CONNECT_TIMEOUT, HeadersTimeoutError UND_ERR_HEADERS_TIMEOUT, BodyTimeoutError UND_ERR_BODY_TIMEOUT, SocketError UND_ERR_SOCKET "other side closed"); undici docs/api/Client.md (connect timeout 10 s, headersTimeout and bodyTimeout 300 s)',
    samples: [`{ "ok": false, "err": "${code}", "ms": 5471 }`, `TypeError: fetch failed [cause]: { code: '${code}' }`],
    nearMisses: [`${code}_X`],
  }),
);

/** Round 17's rules, tried with the vendors' causes (before the retold and who-answered sentences). */
export const round17CauseRules: readonly Rule[] = undiciRules;
export const round17CauseGates: readonly string[] = gatesOfRules(round17CauseRules);
