/**
 * nginx messages as people quote them in tickets and forums: the message without the
 * error_log prefix or without the `while connecting to upstream` suffix, e.g.
 * `connect() failed (111: Connection refused)`. Errors are matched on the errno number,
 * whose text differs between C libraries: glibc writes `(110: Connection timed out)` and
 * `(113: No route to host)`, musl (Alpine images) `(110: Operation timed out)` and
 * `(113: Host is unreachable)` (musl src/errno/__strerror.h). Full nginx lines are
 * matched by `nginx.ts` first; these rules only see what those left.
 */
import { includesWord } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { nginxConnectRules } from './nginx.ts';
import { nginxResponseRules } from './nginx-response.ts';

/** The full-line nginx connect rule `id`; throws at load time if there is none. */
function connectRule(id: string): Rule {
  const rule = nginxConnectRules.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`[diagnose] fragments.ts: no nginx connect rule "${id}"`);
  return rule;
}

/** The cause of the nginx response-phase rule `id` (see {@link causeOf}). */
function causeOfResponse(id: string): string {
  const rule = nginxResponseRules.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`[diagnose] fragments.ts: no nginx response rule "${id}"`);
  return rule.cause;
}

/** The cause of the full-line rule a fragment rule quotes part of, so the two cannot drift apart. */
function causeOf(id: string): string {
  return connectRule(id).cause;
}

const connectSource = 'nginx src/event/ngx_event_connect.c, quoted without the line around it (reference §1)';

/** nginx's "upstream timed out" in the cases people write it (titles capitalise it). */
const upstreamTimedOut = ['upstream timed out', 'Upstream timed out', 'Upstream Timed Out', 'UPSTREAM TIMED OUT'];

/** nginx's phase "while connecting to upstream" in the cases people write it. */
const connectingToUpstream = [
  'connecting to upstream',
  'connecting to Upstream',
  'connecting to UPSTREAM',
  'Connecting to Upstream',
  'Connecting To Upstream',
  'CONNECTING TO UPSTREAM',
];

/** nginx's "upstream prematurely closed connection" in the cases people write it. */
const prematurelyClosed = [
  'upstream prematurely closed',
  'Upstream prematurely closed',
  'Upstream Prematurely Closed',
  'UPSTREAM PREMATURELY CLOSED',
];

export const nginxFragmentRules: readonly Rule[] = [
  {
    id: 'nginx-fragment-socket-missing',
    software: 'nginx',
    cause: causeOf('nginx-socket-missing'),
    outcome: 'unix-socket-missing',
    status: 502,
    implies: admin('nginx', 'no-such-file'),
    source: connectSource,
    includes: ['(2: '],
    // nginx writes "connect() to unix:<path> failed (2: …)"; people retype it with a space
    // before the parentheses, or quote only the socket path and what follows it.
    anyOf: ['connect() to unix:', 'connect () to unix:', '.sock failed (2: '],
    samples: [
      'connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory)',
      '*1 connect() to unix:/var/run/php/php7.4-fpm.sock failed (2: No such file or directory)',
      'connect () to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory)',
      'unix:/var/run/php-fpm/www.sock failed (2: No such file or directory)',
    ],
    nearMisses: [
      'open() "/var/www/html/favicon.ico" failed (2: No such file or directory)',
      'stat() "/run/php/php-fpm.sock" failed (2: No such file or directory)',
    ],
  },
  {
    id: 'nginx-fragment-socket-permission',
    software: 'nginx',
    cause: causeOf('nginx-socket-permission'),
    outcome: 'permission-denied',
    status: 502,
    implies: admin('nginx', 'permission-denied'),
    source: connectSource,
    includes: ['(13: '],
    anyOf: ['connect() to ', 'connect() failed'],
    samples: [
      'connect() to unix:/run/php/php-fpm.sock failed (13: Permission denied)',
      'connect() to 127.0.0.1:8080 failed (13: Permission denied)',
    ],
    nearMisses: ['open() "/var/www/html/index.html" failed (13: Permission denied)'],
  },
  {
    id: 'nginx-fragment-refused',
    software: 'nginx',
    cause: 'Nothing listens at the upstream address and port (or socket), so the connection is refused.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('nginx', 'refused'),
    source: connectSource,
    includes: ['(111: '],
    anyOf: ['connect() failed', 'connect() to '],
    samples: [
      'connect() failed (111: Connection refused)',
      'connect() to 127.0.0.1:3000 failed (111: Connection refused)',
    ],
    nearMisses: ['send() failed (111: Connection refused) while resolving, resolver: 127.0.0.11:53'],
  },
  {
    id: 'nginx-fragment-refused-any-case',
    software: 'nginx',
    cause: 'Nothing listens at the upstream address and port (or socket), so the connection is refused.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('nginx', 'refused'),
    source: `${connectSource}; "Connection refused" (ECONNREFUSED) in the connect phase, retyped in another case`,
    includes: [],
    anyOf: connectingToUpstream,
    test: (line) => line.toLowerCase().includes('connection refused'),
    samples: [
      '502 Bad Gateway: Connection refused while connecting to UPSTREAM',
      'Connection Refused While Connecting To Upstream',
    ],
    nearMisses: ['Connection refused while connecting to the database', 'timed out while connecting to upstream'],
  },
  {
    id: 'nginx-fragment-connect-timeout',
    software: 'nginx',
    cause: causeOf('nginx-connect-timeout'),
    outcome: 'firewall',
    status: 504,
    implies: connectRule('nginx-connect-timeout').implies,
    source:
      'nginx ngx_http_upstream_next() "upstream timed out … while connecting to upstream", paraphrased (reference §1)',
    includes: [],
    anyOf: connectingToUpstream,
    test: (line) => {
      const lower = line.toLowerCase();
      return lower.includes('timed out') || lower.includes('timeout');
    },
    samples: [
      'upstream timed out while connecting to upstream',
      'Timeout connecting to upstream, the ingress returns 504',
    ],
    nearMisses: ['Connection refused while connecting to upstream', 'timeout while reading upstream'],
  },
  {
    id: 'nginx-fragment-closed',
    software: 'nginx',
    cause: 'The upstream closed the connection without answering: a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('nginx', 'closed'),
    source:
      'nginx src/http/ngx_http_upstream.c "upstream prematurely closed connection", quoted without its phase or in another case (reference §1)',
    includes: [],
    anyOf: prematurelyClosed,
    // Closing while nginx still sent the request is the request-body phase (nginx-sending-request).
    test: (line) => !line.toLowerCase().includes('sending request to upstream'),
    samples: [
      'upstream prematurely closed connection',
      'Upstream Prematurely Closed Connection While Reading Response Header From Upstream',
      'UPSTREAM PREMATURELY CLOSED CONNECTION',
    ],
    nearMisses: [
      'client prematurely closed connection while reading client request body',
      'Upstream prematurely closed connection while sending request to upstream',
    ],
  },
  {
    id: 'nginx-fragment-tls-wrong-version',
    software: 'nginx',
    cause: 'proxy_pass uses https:// towards a port that speaks plain HTTP.',
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('nginx', 'tls-error'),
    source:
      'nginx src/event/ngx_event_openssl.c ngx_ssl_error() "(SSL: <OpenSSL error>)", quoted without its phase; OpenSSL SSL_R_WRONG_VERSION_NUMBER',
    includes: ['(SSL: error:', 'wrong version number'],
    // A line that names the client is the client side of a TLS listener, not the upstream.
    excludes: ['client: ', 'while SSL handshaking, '],
    samples: [
      '(SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number)',
      'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number)',
    ],
    nearMisses: [
      'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking, client: 198.51.100.7, server: 0.0.0.0:443',
      'curl: (35) error:0A00010B:SSL routines::wrong version number',
    ],
  },
  {
    id: 'nginx-fragment-timed-out',
    software: 'nginx',
    cause:
      'nginx waited for the upstream longer than its timeout (proxy_read_timeout, 60 s by default): a slow upstream.',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('nginx', 'timed-out'),
    source: 'nginx ngx_http_upstream_next() "upstream timed out", quoted without its phase or errno (reference §1)',
    includes: [],
    anyOf: upstreamTimedOut,
    // Any case; a line that names the connect or send phase belongs to the rules of that phase.
    test: (line) => {
      const lower = line.toLowerCase();
      return !lower.includes('connecting to upstream') && !lower.includes('sending request to upstream');
    },
    samples: [
      'upstream timed out (110: Connection timed out)',
      'upstream timed out (110: Operation timed out) while reading upstream',
      'upstream timed out and the ingress returned 504',
      'Upstream timed out (110: Connection timed out) while reading response header from upstream',
      // An nginx line cut inside its phase: no nginx rule takes it, the fallback does.
      '2026/11/24 01:22:09 [error] 31#31: *88 upstream timed out (110: Connection timed out) while reading response header from ups',
    ],
    nearMisses: [
      'upstream timed out (110: Connection timed out) while connecting to upstream',
      '2026/11/24 01:22:09 [error] 31#31: *88 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.5',
      'the upstream timeout is 60 s',
    ],
  },
  {
    id: 'nginx-fragment-no-route',
    software: 'nginx',
    cause: causeOf('nginx-no-route'),
    outcome: 'firewall',
    status: 502,
    implies: admin('nginx', 'no-route'),
    source: `${connectSource}; errno 113 text per libc (glibc "No route to host", musl "Host is unreachable")`,
    includes: ['(113: '],
    anyOf: ['connect() ', 'while connecting to upstream'],
    samples: [
      'connect() failed (113: No route to host)',
      'connect() to 10.0.0.12:8080 failed (113: Host is unreachable)',
    ],
    nearMisses: ['recv() failed (113: No route to host) while resolving'],
  },
  {
    id: 'nginx-fragment-network-unreachable',
    software: 'nginx',
    cause: causeOf('nginx-network-unreachable'),
    outcome: 'firewall',
    status: 502,
    implies: admin('nginx', 'no-route'),
    source: `${connectSource}; errno 101 (ENETUNREACH)`,
    includes: ['(101: '],
    anyOf: ['connect() ', 'while connecting to upstream'],
    samples: [
      'connect() to [2001:db8::10]:443 failed (101: Network is unreachable)',
      'connect() to [2001:db8::10]:443 failed (101: Network unreachable)',
    ],
    nearMisses: ['sendmsg() failed (101: Network is unreachable) while resolving'],
  },
  {
    id: 'nginx-fragment-reset',
    software: 'nginx',
    cause: 'The upstream reset the connection while nginx read its response: it crashed, or a worker was killed.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('nginx', 'reset'),
    source: 'nginx src/os/unix/ngx_recv.c "recv() failed", quoted without its phase; veliovgroup/Meteor-Files#649',
    includes: ['(104: '],
    anyOf: ['recv() failed', 'readv() failed'],
    excludes: ['to client', 'from client', 'client request', 'upgraded connection', 'while resolving'],
    samples: [
      'recv() failed (104: Connection reset by peer) while reading upstream',
      'recv() failed (104: Connection reset by peer)',
    ],
    nearMisses: ['recv() failed (104: Connection reset by peer) while proxying upgraded connection, client: 10.0.0.7'],
  },
  {
    id: 'nginx-fragment-refused-retold',
    software: 'nginx',
    cause: 'Nothing listens at the upstream address and port (or socket), so the connection is refused.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('nginx', 'refused'),
    source: `${connectSource}; ECONNREFUSED (errno 111, "Connection refused") retold next to the word upstream or its errno`,
    includes: [],
    anyOf: ['onnection refused', 'onnection Refused', 'ONNECTION REFUSED'],
    // "refused by upstream", "111:connection refused": the upstream's refusal in other words.
    // Python's "[Errno 111]" is the app failing to reach its own database or API, and a
    // refusal while resolving is the resolver's; Go's "dial tcp …: connect: connection
    // refused" and Envoy's "upstream connect error" belong to Caddy's, Traefik's and
    // Envoy's rules, which name the proxy.
    excludes: ['dial tcp', 'dial unix', 'upstream connect error', 'reset reason'],
    test: (line) => {
      const lower = line.toLowerCase();
      if (lower.includes('[errno 111]') || lower.includes('while resolving')) return false;
      return (
        lower.includes('upstream') ||
        lower.includes('111: connection refused') ||
        lower.includes('111:connection refused')
      );
    },
    samples: ['Connection refused by upstream nodes', 'error 500 111:connection refused in docker'],
    nearMisses: [
      'ConnectionRefusedError: [Errno 111] Connection refused',
      'psql: could not connect to server: Connection refused',
      'send() failed (111: Connection refused) while resolving, resolver: 127.0.0.11:53',
      '{"logger":"http.handlers.reverse_proxy","msg":"dial tcp 127.0.0.1:8080: connect: connection refused","upstream":"localhost:8080"}',
    ],
  },
  {
    id: 'nginx-fragment-errno-timed-out',
    software: 'nginx',
    cause: causeOfResponse('nginx-read-timeout'),
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('nginx', 'timed-out'),
    source:
      'nginx ngx_http_upstream_next() errno 110 (ETIMEDOUT; glibc "Connection timed out", musl "Operation timed out") quoted with its phase but without "upstream timed out"',
    includes: ['(110: ', 'upstream'],
    // The read phases only: connecting is the firewall's case, sending the request body's.
    test: (line) => {
      const lower = line.toLowerCase();
      return (
        !lower.includes('connecting to upstream') &&
        !lower.includes('sending request to upstream') &&
        !lower.includes('resolv')
      );
    },
    samples: [
      '(110: Operation timed out) while reading response header from upstream',
      '(110: Connection timed out) while reading upstream',
    ],
    nearMisses: [
      '(110: Connection timed out) while connecting to upstream',
      'recv() failed (110: Connection timed out) while resolving',
    ],
  },
  {
    // nginx's alert when it runs out of connections, quoted without the log line around it.
    id: 'nginx-fragment-worker-connections',
    software: 'nginx',
    cause: causeOf('nginx-worker-connections'),
    outcome: 'overload',
    implies: admin('nginx'),
    source:
      'nginx src/core/ngx_connection.c ngx_get_connection ("%ui worker_connections are not enough"), quoted without the line around it; nginx.org/en/docs/ngx_core_module.html#worker_connections',
    includes: ['worker_connections are not enough'],
    test: (line) => /\b\d{1,9} worker_connections are not enough\b/.test(line),
    samples: [
      'Error: `85#85: 1024 worker_connections are not enough`',
      'nginx logs "768 worker_connections are not enough"',
    ],
    nearMisses: ['worker_connections are not enough? raise them'],
  },
  {
    id: 'nginx-fragment-unreachable-retold',
    software: 'nginx',
    cause: causeOf('nginx-no-route'),
    outcome: 'firewall',
    status: 502,
    implies: admin('nginx', 'no-route'),
    source: `${connectSource}; errno 113 (EHOSTUNREACH) text per libc (glibc "No route to host", musl "Host is unreachable"), quoted with its number or phase but without "connect()"`,
    includes: [],
    anyOf: ['ost is unreachable', 'o route to host', 'OST IS UNREACHABLE', 'O ROUTE TO HOST'],
    // "113 Host is unreachable", "Host is unreachable) while connecting to upstream". Apache's
    // "(113)No route to host" has no space after the number and is Apache's own rule's.
    test: (line) => {
      const lower = line.toLowerCase();
      if (lower.includes('connecting to upstream')) return true;
      return /113:? (?:host is unreachable|no route to host)/.test(lower) && includesWord(line, '113');
    },
    samples: ['113 Host is unreachable', 'Host is unreachable) while connecting to upstream ... 502 Bad Gateway'],
    nearMisses: [
      '(113)No route to host: AH00957: http: attempt to connect to 10.0.0.5:8080 (10.0.0.5:8080) failed',
      'ping: sendmsg: No route to host',
    ],
  },
];
