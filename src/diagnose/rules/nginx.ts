/**
 * nginx error_log messages of proxy_pass, fastcgi_pass, uwsgi_pass and scgi_pass (reference
 * §1, lines reproduced on nginx 1.22.1 in §13), by phase: resolving the upstream's name and
 * connecting are here, the TLS handshake is in `nginx-tls.ts`, the response in
 * `nginx-response.ts`. Within a phase the most specific message comes first (reference
 * §14); the action phrase (`while connecting to upstream`, `while reading response header
 * from upstream`) decides between 502 and 504. Errors are matched on the errno number, not
 * its text, which differs between libcs.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { nginxLine as line } from './sample-lines.ts';

const connecting = 'while connecting to upstream';
const readingHeader = 'while reading response header from upstream';

/** The upstream's name: nginx's resolver, or a static name at start-up. */
export const nginxResolverRules: readonly Rule[] = [
  {
    id: 'nginx-no-resolver',
    software: 'nginx',
    cause: 'proxy_pass uses a variable hostname but no resolver directive is set.',
    outcome: 'proxy-cannot-resolve',
    status: 502,
    implies: admin('nginx', 'not-resolved'),
    source: 'nginx src/http/ngx_http_upstream.c:809 (reference §1, §13)',
    includes: ['no resolver defined to resolve '],
    samples: [
      '2026/11/24 01:22:08 [error] 15577#15577: *27 no resolver defined to resolve backend.invalid, client: 127.0.0.1, server: example.test, request: "GET /noresolver HTTP/1.1", host: "example.test"',
    ],
    nearMisses: ['2026/11/24 01:22:08 [warn] 15577#15577: no resolver defined, using the system resolver'],
  },
  {
    id: 'nginx-name-not-resolved',
    software: 'nginx',
    cause:
      "nginx's resolver could not turn the upstream's name into an address (NXDOMAIN, SERVFAIL, refused or timeout).",
    outcome: 'proxy-cannot-resolve',
    status: 502,
    implies: admin('nginx', 'not-resolved'),
    source: 'nginx src/http/ngx_http_upstream.c:1259, src/core/ngx_resolver.c:4412 (reference §1, §13)',
    includes: ['could not be resolved ('],
    samples: [
      '2026/11/24 01:22:10 [error] 15577#15577: *28 backend.invalid could not be resolved (110: Operation timed out), client: 127.0.0.1, server: example.test, request: "GET /nxdomain HTTP/1.1", host: "example.test"',
      '2026/11/24 01:22:34 [error] 15847#15847: *35 backend.invalid could not be resolved (3: Host not found), client: 127.0.0.1, server: example.test, request: "GET /nxdomain2 HTTP/1.1", host: "example.test"',
      '2026/11/24 01:22:34 [error] 15847#15847: *37 backend.example could not be resolved (2: Server failure), client: 127.0.0.1, server: example.test, request: "GET /servfail HTTP/1.1", host: "example.test"',
      '2026/11/24 01:22:34 [error] 15847#15847: *39 backend.example could not be resolved (5: Operation refused), client: 127.0.0.1, server: example.test, request: "GET /refuseddns HTTP/1.1", host: "example.test"',
    ],
    nearMisses: [
      '2026/11/24 01:22:34 [error] 15847#15847: *39 "ssl_stapling" ignored, host not found in OCSP responder',
    ],
  },
  {
    id: 'nginx-resolver-unreachable',
    software: 'nginx',
    cause: 'nginx could not reach the DNS server named in its resolver directive.',
    outcome: 'proxy-cannot-resolve',
    implies: admin('nginx', 'not-resolved'),
    source: 'nginx src/core/ngx_resolver.c (reference §1, §13)',
    includes: ['while resolving, resolver: '],
    samples: [
      '2026/11/24 01:22:08 [error] 15577#15577: send() failed (111: Connection refused) while resolving, resolver: 127.0.0.1:18553',
    ],
    nearMisses: [line('connect() failed (111: Connection refused) while connecting to upstream')],
  },
  {
    id: 'nginx-host-not-found-at-start',
    software: 'nginx',
    cause: 'A static upstream hostname does not resolve, so nginx refuses to start or reload.',
    outcome: 'proxy-cannot-resolve',
    implies: admin('nginx', 'not-resolved'),
    source: 'nginx `nginx -t` output (reference §1, §13)',
    includes: ['host not found in upstream '],
    samples: ['nginx: [emerg] host not found in upstream "backend.invalid" in /etc/nginx/nginx.conf:38'],
    nearMisses: ['nginx: [emerg] host not found in resolver "dns.invalid" in /etc/nginx/nginx.conf:12'],
  },
];

/**
 * Connecting to the upstream (`while connecting to upstream`), and the pool of servers. The
 * errno rules exclude each other (one errno per line), so the most frequent, refused, is
 * tried first.
 */
export const nginxConnectRules: readonly Rule[] = [
  {
    id: 'nginx-connect-refused',
    software: 'nginx',
    cause: 'Nothing listens at the upstream address and port, so the connection is refused.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('nginx', 'refused'),
    source:
      'nginx ngx_http_upstream_test_connect() → "connect() failed" (reference §1, §1.1, §13); on Windows the errno is WSAECONNREFUSED, 10061 (src/os/win32/ngx_errno.h NGX_ECONNREFUSED; learn.microsoft.com windows-sockets-error-codes-2)',
    includes: [connecting],
    anyOf: ['(111: ', '(10061: '],
    samples: [
      line(
        `connect() failed (10061: No connection could be made because the target machine actively refused it) ${connecting}`,
      ),
      '2026/11/24 01:22:04 [error] 15577#15577: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:18999/refused", host: "example.test"',
      `nginx_1  | ${line(`connect() failed (111: Connection refused) ${connecting}`, 'http://172.18.0.3:3000/')}`,
      `2024-10-21T10:41:45.46Z stdout F ${line(`connect() failed (111: Connection refused) ${connecting}`, 'http://10.244.1.7:8080/')}`,
    ],
    nearMisses: [
      '2026/11/24 01:22:08 [error] 15577#15577: send() failed (111: Connection refused) while resolving, resolver: 127.0.0.1:18553',
    ],
  },
  {
    id: 'nginx-worker-connections',
    software: 'nginx',
    cause:
      "nginx ran out of connections while opening one to the upstream: every worker's connection slots (clients' and upstreams' together) are in use. Raise worker_connections and worker_rlimit_nofile, or find what holds connections open.",
    outcome: 'overload',
    status: 502,
    implies: admin('nginx'),
    source:
      'nginx src/core/ngx_connection.c ngx_get_connection ("%ui worker_connections are not enough"); nginx.org/en/docs/ngx_core_module.html#worker_connections',
    includes: ['worker_connections are not enough', connecting],
    samples: [line(`1024 worker_connections are not enough ${connecting}`)],
    nearMisses: [line(`connect() failed (111: Connection refused) ${connecting}`)],
  },
  {
    id: 'nginx-no-live-upstreams',
    software: 'nginx',
    cause: 'Every server in the upstream block is marked failed (max_fails / fail_timeout).',
    outcome: 'no-live-upstreams',
    status: 502,
    implies: admin('nginx', 'no-live-upstreams'),
    source: 'nginx src/http/ngx_http_upstream.c:1632 (reference §1, §13)',
    includes: [],
    anyOf: ['no live upstreams', 'No live upstreams'],
    samples: [
      '2026/11/24 01:22:08 [error] 15577#15577: *18 no live upstreams while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /nolive HTTP/1.1", upstream: "http://deadpool/nolive", host: "example.test"',
    ],
    nearMisses: ['2026/11/24 01:22:08 [notice] 15577#15577: signal process started; upstreams: 2 live'],
  },
  {
    id: 'nginx-upstream-disabled',
    software: 'nginx',
    cause: 'nginx took a failing upstream server out of the pool for fail_timeout.',
    outcome: 'no-live-upstreams',
    implies: admin('nginx', 'no-live-upstreams'),
    source: 'nginx src/http/ngx_http_upstream_round_robin.c (reference §1, §13; [warn] level)',
    includes: ['upstream server temporarily disabled'],
    samples: [
      '2026/11/24 01:22:08 [warn] 15577#15577: *15 upstream server temporarily disabled while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /nolive HTTP/1.1", upstream: "http://127.0.0.1:18998/nolive", host: "example.test"',
    ],
    nearMisses: ['2026/11/24 01:22:08 [warn] 15577#15577: *15 upstream server temporarily busy'],
  },
  {
    id: 'nginx-socket-permission',
    software: 'nginx',
    cause: "nginx's worker may not connect to the unix socket (its owner, group or mode).",
    outcome: 'permission-denied',
    status: 502,
    implies: admin('nginx', 'permission-denied'),
    source: 'nginx src/event/ngx_event_connect.c:254, [crit] level (reference §1, §13)',
    includes: ['(13: ', connecting, 'connect() to unix:'],
    samples: [
      '2026/11/24 01:22:08 [crit] 15577#15577: *21 connect() to unix:/run/app/root-only.sock failed (13: Permission denied) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /denied HTTP/1.1", upstream: "http://unix:/run/app/root-only.sock:/", host: "example.test"',
    ],
    nearMisses: [
      line(`connect() to 127.0.0.1:8082 failed (13: Permission denied) ${connecting}`, 'http://127.0.0.1:8082/'),
    ],
  },
  {
    id: 'nginx-connect-permission',
    software: 'nginx',
    cause: 'The system forbids nginx to connect to the upstream port, usually SELinux (httpd_can_network_connect).',
    outcome: 'permission-denied',
    status: 502,
    implies: admin('nginx', 'permission-denied'),
    source: 'nginx src/event/ngx_event_connect.c; jfrog/JFrog-Cloud-Installers#268 (reference §1)',
    includes: ['(13: ', connecting],
    samples: [
      line(`connect() to 127.0.0.1:8082 failed (13: Permission denied) ${connecting}`, 'http://127.0.0.1:8082/'),
    ],
    nearMisses: [
      '2026/11/24 01:22:08 [crit] 15577#15577: *3 open() "/var/www/html/index.html" failed (13: Permission denied), client: 127.0.0.1',
    ],
  },
  {
    id: 'nginx-socket-missing',
    software: 'nginx',
    cause:
      'No file exists at the unix socket path nginx connects to (the app or PHP-FPM is not running, or the path is wrong).',
    outcome: 'unix-socket-missing',
    status: 502,
    implies: admin('nginx', 'no-such-file'),
    source: 'nginx src/event/ngx_event_connect.c:254, [crit] level (reference §1, §13)',
    includes: ['(2: ', connecting],
    samples: [
      '2026/11/24 01:22:08 [crit] 15577#15577: *19 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /nosock HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.test"',
    ],
    nearMisses: [
      '2026/11/24 01:22:07 [error] 15577#15577: *9 open() "/var/www/html/favicon.ico" failed (2: No such file or directory), client: 10.1.2.3, server: example.test, request: "GET /favicon.ico HTTP/1.1", host: "example.test"',
    ],
  },
  {
    id: 'nginx-socket-backlog-full',
    software: 'nginx',
    cause: "The upstream socket's listen queue is full: the app server has no free worker (EAGAIN).",
    outcome: 'overload',
    status: 502,
    implies: admin('nginx'),
    source: 'nginx src/event/ngx_event_connect.c, EAGAIN on unix sockets (reference §1, §9, §13)',
    includes: ['(11: ', connecting],
    samples: [
      '2026/11/24 01:22:36 [error] 15847#15847: *43 connect() to unix:/run/app/full.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /fullsock HTTP/1.1", upstream: "fastcgi://unix:/run/app/full.sock:", host: "example.test"',
    ],
    nearMisses: [line(`recv() failed (11: Resource temporarily unavailable) ${readingHeader}`)],
  },
  {
    id: 'nginx-no-route',
    software: 'nginx',
    cause:
      'There is no route to the upstream host: it is down, on another network, or a firewall rejects the connection (EHOSTUNREACH).',
    outcome: 'firewall',
    status: 502,
    implies: admin('nginx', 'no-route'),
    source:
      'nginx src/event/ngx_event_connect.c; errno 113 text per libc (glibc "No route to host", musl "Host is unreachable")',
    includes: [connecting],
    // 10065 is Windows' WSAEHOSTUNREACH (src/os/win32/ngx_errno.h).
    anyOf: ['(113: ', '(10065: '],
    samples: [
      line(`connect() failed (113: No route to host) ${connecting}`, 'http://10.0.0.12:8080/'),
      line(`connect() failed (113: Host is unreachable) ${connecting}`, 'http://10.0.0.12:8080/'),
      line(`connect() failed (10065: A socket operation was attempted to an unreachable host.) ${connecting}`),
    ],
    nearMisses: [line(`connect() failed (111: Connection refused) ${connecting}`)],
  },
  {
    id: 'nginx-network-unreachable',
    software: 'nginx',
    cause:
      "The upstream's network is unreachable from the proxy: no route to it (often an IPv6 address on a host without IPv6).",
    outcome: 'firewall',
    status: 502,
    implies: admin('nginx', 'no-route'),
    source: 'nginx src/event/ngx_event_connect.c; errno 101 (ENETUNREACH)',
    includes: ['(101: ', connecting],
    samples: [
      line(
        `connect() to [2001:db8::10]:443 failed (101: Network is unreachable) ${connecting}`,
        'https://[2001:db8::10]:443/',
      ),
    ],
    nearMisses: [line(`connect() failed (113: No route to host) ${connecting}`)],
  },
  {
    id: 'nginx-connect-timeout',
    software: 'nginx',
    cause:
      'nginx got no answer when connecting to the upstream: host down, route missing or a firewall dropping packets.',
    outcome: 'firewall',
    status: 504,
    implies: admin('nginx'),
    source: 'nginx ngx_http_upstream_next() "upstream timed out" (reference §1, §13)',
    includes: [connecting],
    anyOf: ['upstream timed out (110: ', 'upstream timed out (10060: '],
    samples: [
      '2026/11/24 01:22:36 [error] 15847#15847: *41 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /conntimeout HTTP/1.1", upstream: "http://127.0.0.1:19010/conntimeout", host: "example.test"',
    ],
    nearMisses: [line(`upstream timed out (110: Connection timed out) ${readingHeader}`)],
  },
];

/** Sending the request to the upstream (`while sending request to upstream`). */
export const nginxSendRules: readonly Rule[] = [
  {
    id: 'nginx-sending-request',
    software: 'nginx',
    cause:
      'The upstream closed or reset the connection, or stopped reading, while nginx was still sending the request (usually its body): the upstream refuses a body that large or that slow.',
    outcome: 'request-body-limit',
    status: 502,
    implies: admin('nginx', 'sending-body'),
    source: 'nginx src/http/ngx_http_upstream.c ngx_http_upstream_send_request() ("sending request to upstream")',
    includes: ['while sending request to upstream'],
    samples: [
      line('writev() failed (32: Broken pipe) while sending request to upstream'),
      line('writev() failed (104: Connection reset by peer) while sending request to upstream'),
      'writev() failed (32: Broken pipe) while sending request to upstream',
      'upstream timed out (110: Connection timed out) while sending request to upstream',
    ],
    nearMisses: [line(`upstream timed out (110: Connection timed out) ${readingHeader}`)],
  },
];
