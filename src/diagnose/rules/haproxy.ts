/**
 * HAProxy HTTP log lines, recognised by their termination state (reference §3, from
 * `doc/configuration.txt` §8.5; status codes from `src/http_ana.c`), plus its messages
 * about servers going down. HAProxy answers **503** when it cannot connect. Log-line rules
 * require `] ` (the end of the accept date) so the group's gate can rule lines out cheaply.
 */
import { haproxyStateIs, parseHaproxyLog } from '../formats/haproxy.ts';
import { includesAnyWord } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { haproxyLine } from './sample-lines.ts';

const normal = haproxyLine('app/app1', '10/0/30/69/109', '200', '----');

export const haproxyRules: readonly Rule[] = [
  {
    id: 'haproxy-no-server',
    software: 'haproxy',
    cause: 'No server was available in the backend (all DOWN or in maintenance), so HAProxy answered 503.',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('haproxy', 'no-live-upstreams'),
    source: 'HAProxy doc/configuration.txt §8.2.3, §8.5 (reference §3, §12)',
    includes: ['/<NOSRV> ', '] '],
    test: (line) => parseHaproxyLog(line)?.server === '<NOSRV>',
    samples: [haproxyLine('app/<NOSRV>', '0/-1/-1/-1/0', '503', 'SC--')],
    nearMisses: [normal],
  },
  {
    id: 'haproxy-connect-refused',
    software: 'haproxy',
    cause: 'The server refused the TCP connection (nothing listening, or a firewall REJECT); HAProxy answers 503.',
    outcome: 'upstream-refused',
    status: 503,
    implies: admin('haproxy', 'refused'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state SC (reference §3)',
    includes: [' SC', '] '],
    test: (line) => haproxyStateIs(line, 'SC'),
    samples: [haproxyLine('app/app1', '0/0/-1/-1/1', '503', 'SC--')],
    nearMisses: [haproxyLine('app/app1', '0/0/-1/-1/3001', '503', 'sC--'), 'SC-- in a sentence is not a log line'],
  },
  {
    id: 'haproxy-connect-timeout',
    software: 'haproxy',
    cause:
      "'timeout connect' struck before the server answered the connection: host down or a firewall dropping packets.",
    outcome: 'firewall',
    status: 503,
    implies: admin('haproxy'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state sC (reference §3)',
    includes: [' sC', '] '],
    test: (line) => haproxyStateIs(line, 'sC'),
    samples: [haproxyLine('app/app1', '0/0/-1/-1/3001', '503', 'sC--')],
    nearMisses: [haproxyLine('app/app1', '0/0/-1/-1/1', '503', 'SC--')],
  },
  {
    id: 'haproxy-server-aborted',
    software: 'haproxy',
    cause:
      'The server closed or reset the connection before sending full response headers (crash, killed worker, keep-alive race).',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('haproxy', 'closed'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state SH (reference §3)',
    includes: [' SH', '] '],
    test: (line) => haproxyStateIs(line, 'SH'),
    samples: [haproxyLine('app/app1', '0/0/0/-1/12', '502', 'SH--')],
    nearMisses: [haproxyLine('app/app1', '0/0/0/-1/60002', '504', 'sH--')],
  },
  {
    id: 'haproxy-server-timeout',
    software: 'haproxy',
    cause: "'timeout server' struck before the server sent its response headers: a slow backend (HAProxy answers 504).",
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('haproxy', 'timed-out'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state sH (reference §3)',
    includes: [' sH', '] '],
    test: (line) => haproxyStateIs(line, 'sH'),
    samples: [
      'haproxy[2411]: 198.51.100.7:52310 [24/Nov/2026:01:21:06.002] http-in app/app1 0/0/1/-1/60002 504 198 - - sH-- 1/1/0/0/0 0/0 "GET /reports/export HTTP/1.1"',
    ],
    nearMisses: [haproxyLine('app/app1', '0/0/0/-1/12', '502', 'SH--')],
  },
  {
    id: 'haproxy-invalid-response',
    software: 'haproxy',
    cause:
      "HAProxy blocked the server's response as invalid (bad header bytes, duplicate Transfer-Encoding, headers over tune.bufsize).",
    outcome: 'invalid-response',
    status: 502,
    implies: admin('haproxy', 'invalid-header'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state PH; haproxy#2210, #2677 (reference §3)',
    includes: [' PH', '] '],
    test: (line) => haproxyStateIs(line, 'PH'),
    samples: [
      'haproxy[2411]: 198.51.100.7:52190 [24/Nov/2026:01:22:07.455] http-in app/app1 0/0/0/3/3 502 209 - - PH-- 1/1/0/0/0 0/0 "GET / HTTP/1.1"',
    ],
    nearMisses: [normal],
  },
  {
    id: 'haproxy-queue-timeout',
    software: 'haproxy',
    cause: 'The request waited too long in the queue because every server was at maxconn (HAProxy answers 503).',
    outcome: 'overload',
    status: 503,
    implies: admin('haproxy'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state sQ (reference §3)',
    includes: [' sQ', '] '],
    test: (line) => haproxyStateIs(line, 'sQ'),
    samples: [haproxyLine('app/app1', '0/10001/-1/-1/10001', '503', 'sQ--')],
    nearMisses: [normal],
  },
  {
    id: 'haproxy-socket-limit',
    software: 'haproxy',
    cause: "HAProxy's process hit its socket limit (global maxconn or ulimit -n).",
    outcome: 'overload',
    status: 503,
    implies: admin('haproxy'),
    source: 'HAProxy doc/configuration.txt §8.5 termination state PC (reference §3)',
    includes: [' PC', '] '],
    test: (line) => haproxyStateIs(line, 'PC'),
    samples: [haproxyLine('app/app1', '0/0/-1/-1/0', '503', 'PC--')],
    nearMisses: [normal],
  },
  {
    id: 'haproxy-backend-empty',
    software: 'haproxy',
    cause: 'Every server of the backend is down, so HAProxy answers 503.',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('haproxy', 'no-live-upstreams'),
    source: 'HAProxy src/backend.c:3011 (reference §3)',
    includes: ["' has no server available!"],
    samples: ["backend 'app' has no server available!"],
    nearMisses: ["backend 'app' has 1 server available"],
  },
  {
    id: 'haproxy-server-down',
    software: 'haproxy',
    cause: 'A health check marked a server DOWN; when no server is left, HAProxy answers 503.',
    outcome: 'no-live-upstreams',
    implies: admin('haproxy', 'no-live-upstreams'),
    source: 'HAProxy src/server.c:7245, check reasons src/check.c:316-330 (reference §3)',
    includes: ['Server ', ' is DOWN'],
    samples: [
      'Server app/app1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
    ],
    nearMisses: [
      'Server app/app1 is UP, reason: Layer4 check passed, check duration: 0ms. 1 active and 0 backup servers online.',
    ],
  },
  {
    id: 'haproxy-show-errors',
    software: 'haproxy',
    cause: 'The runtime API recorded an invalid response from a server.',
    outcome: 'invalid-response',
    implies: admin('haproxy', 'invalid-header'),
    source: 'HAProxy `show errors`; haproxy#2210 (reference §3)',
    includes: ['): invalid response'],
    samples: ['[10/Jul/2023:14:05:45.967] backend connect01 (#10): invalid response'],
    nearMisses: ['[10/Jul/2023:14:05:45.967] frontend http-in (#2): invalid request'],
  },
];

/**
 * Termination states retold: `SH--` or `sC--` quoted in a sentence beside a 50x status or
 * HAProxy's name, without the log line (doc/configuration.txt §8.5: two state flags, then
 * two cookie flags, `--` when no cookie is used). Each takes its cause from the log-line
 * rule for that state.
 */
const retoldStates: readonly (readonly [state: string, ruleId: string])[] = [
  ['SC', 'haproxy-connect-refused'],
  ['sC', 'haproxy-connect-timeout'],
  ['SH', 'haproxy-server-aborted'],
  ['sH', 'haproxy-server-timeout'],
  ['PH', 'haproxy-invalid-response'],
  ['sQ', 'haproxy-queue-timeout'],
  ['PC', 'haproxy-socket-limit'],
];

/** Whether `line` names HAProxy or a 502, 503 or 504 status (as whole words). */
function haproxyContext(line: string): boolean {
  return includesAnyWord(line, ['502', '503', '504']) || /haproxy|termination state/i.test(line);
}

export const haproxyRetoldRules: readonly Rule[] = retoldStates.map(([state, ruleId]) => {
  const logRule = haproxyRules.find((rule) => rule.id === ruleId);
  if (logRule === undefined) throw new Error(`[diagnose] haproxy.ts: no rule "${ruleId}"`);
  const token = new RegExp(`(?:^|[^\\w-])${state}--(?![\\w-])`);
  const other = retoldStates.find(([candidate]) => candidate !== state)![0];
  return {
    id: `${ruleId}-retold`,
    software: 'haproxy',
    cause: logRule.cause,
    outcome: logRule.outcome,
    ...(logRule.status === undefined ? {} : { status: logRule.status }),
    implies: logRule.implies,
    source: `${logRule.source}; the state quoted in a sentence (haproxy/haproxy#2751)`,
    includes: [`${state}--`],
    test: (line) => token.test(line) && haproxyContext(line),
    samples: [`502 with ${state}-- errors randomly occurring`, `HAProxy logs ${state}-- for these requests`],
    nearMisses: [
      `${state}-- in a sentence with no status`,
      `502 with X${state}-- errors`,
      `502 with ${other}-- errors`,
    ],
  };
});

/**
 * HAProxy's "no server" retold: `<NOSRV>` (the server field of its log when no server could
 * take the request) or "no server available" (its alert `backend '…' has no server
 * available!` and its 503 page "No server is available to handle this request") quoted in a
 * sentence, any case.
 */
export const haproxyNoServerRetold: Rule = {
  id: 'haproxy-no-server-retold',
  software: 'haproxy',
  cause:
    'No server of the backend could take the request (all DOWN, in maintenance or failing checks), so HAProxy answered 503.',
  outcome: 'no-live-upstreams',
  status: 503,
  implies: admin('haproxy', 'no-live-upstreams'),
  source:
    'HAProxy doc/configuration.txt §8.2.3 (server name "<NOSRV>"), src/backend.c ("has no server available!"), retold in a sentence',
  includes: [],
  anyOf: ['NOSRV', 'o server available', 'o Server Available', 'O SERVER AVAILABLE'],
  test: (line) => includesAnyWord(line, ['NOSRV', '<NOSRV>']) || /\bno server available\b/i.test(line),
  samples: ['get "503 Service Unavailable", NOSRV in logs.', 'got a 503 (no server available) error'],
  nearMisses: ['NOSRVX in logs', 'no servers available in the pool list'],
};
