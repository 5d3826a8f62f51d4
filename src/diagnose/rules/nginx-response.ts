/**
 * nginx error_log messages written after the connection to the upstream was made: the
 * upstream was too slow, closed, reset, or answered with headers nginx cannot take
 * (reference §1, §13).
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { nginxLine as line } from './sample-lines.ts';

const connecting = 'while connecting to upstream';
const readingHeader = 'while reading response header from upstream';

export const nginxResponseRules: readonly Rule[] = [
  {
    id: 'nginx-too-big-header',
    software: 'nginx',
    cause: 'The upstream sent response headers larger than proxy_buffer_size (big cookies or tokens).',
    outcome: 'header-too-big',
    status: 502,
    implies: admin('nginx', 'header-too-big'),
    source: 'nginx src/http/ngx_http_upstream.c:2586 (reference §1, §13)',
    includes: [],
    anyOf: ['upstream sent too big header', 'Upstream sent too big header'],
    samples: [
      '2026/11/24 01:22:07 [error] 15577#15577: *9 upstream sent too big header while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /bighdr HTTP/1.1", upstream: "http://127.0.0.1:19004/bighdr", host: "example.test"',
    ],
    nearMisses: [
      '2026/11/24 01:22:07 [info] 15577#15577: *9 client sent too long header line: "Cookie: a=b" while reading client request headers, client: 127.0.0.1',
    ],
  },
  {
    id: 'nginx-fastcgi-to-http',
    software: 'nginx',
    cause: 'fastcgi_pass points at an HTTP server: version 72 is the "H" of "HTTP/1.1".',
    outcome: 'invalid-response',
    status: 502,
    implies: admin('nginx', 'invalid-header'),
    source: 'nginx src/http/modules/ngx_http_fastcgi_module.c (reference §1, §13)',
    includes: ['upstream sent unsupported FastCGI protocol version'],
    samples: [
      '2026/11/24 01:22:08 [error] 15577#15577: *23 upstream sent unsupported FastCGI protocol version: 72 while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /fcgi2http HTTP/1.1", upstream: "fastcgi://127.0.0.1:19007", host: "example.test"',
    ],
    nearMisses: [line(`FastCGI sent in stderr: "Primary script unknown" ${readingHeader}`, 'fastcgi://127.0.0.1:9000')],
  },
  {
    id: 'nginx-read-timeout',
    software: 'nginx',
    cause: 'The upstream accepted the request but sent no response headers within proxy_read_timeout.',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('nginx', 'timed-out'),
    source:
      'nginx src/http/ngx_http_upstream.c:3733 (reference §1, §13); on Windows the errno is WSAETIMEDOUT, 10060 (src/os/win32/ngx_errno.h NGX_ETIMEDOUT)',
    includes: [readingHeader],
    anyOf: ['upstream timed out (110: ', 'upstream timed out (10060: '],
    samples: [
      '2024/08/14 12:24:08 [error] 2970#1866: *1 upstream timed out (10060: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond) while reading response header from upstream, client: 127.0.0.1, server: localhost',
      '2026/11/24 01:22:06 [error] 15577#15577: *3 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /timeout HTTP/1.1", upstream: "http://127.0.0.1:19001/timeout", host: "example.test"',
    ],
    nearMisses: [line(`upstream timed out (110: Connection timed out) ${connecting}`)],
  },
  {
    id: 'nginx-fastcgi-closed',
    software: 'nginx',
    cause: 'The PHP-FPM child died or was killed mid-request, before it sent response headers.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('nginx', 'closed'),
    source: 'nginx src/http/modules/ngx_http_fastcgi_module.c:1790 (reference §1)',
    includes: ['upstream prematurely closed FastCGI stdout'],
    samples: [
      line(`upstream prematurely closed FastCGI stdout ${readingHeader}`, 'fastcgi://unix:/run/php/php8.2-fpm.sock:'),
    ],
    nearMisses: [line(`FastCGI sent in stderr: "PHP message: PHP Warning:  Undefined variable $x" ${readingHeader}`)],
  },
  {
    id: 'nginx-upstream-closed',
    software: 'nginx',
    cause: 'The upstream closed the connection without answering: a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('nginx', 'closed'),
    source: 'nginx src/http/ngx_http_upstream.c:2549 (reference §1, §1.1, §13)',
    includes: ['upstream prematurely closed connection', readingHeader],
    samples: [
      '2026/11/24 01:22:07 [error] 15577#15577: *5 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /premature HTTP/1.1", upstream: "http://127.0.0.1:19002/premature", host: "example.test"',
    ],
    nearMisses: [
      '2026/11/24 01:23:00 [info] 15577#15577: *70 client prematurely closed connection, so upstream connection is closed too while sending request to upstream, client: 127.0.0.1, server: example.test',
    ],
  },
  {
    id: 'nginx-body-truncated',
    software: 'nginx',
    cause: 'The upstream closed the connection in the middle of the body: the client got a truncated page, not a 502.',
    outcome: 'upstream-closed',
    status: 200,
    implies: admin('nginx', 'closed'),
    source: 'nginx src/http/ngx_http_upstream.c:3995/4486 (reference §1, §13)',
    includes: ['upstream prematurely closed connection while reading upstream'],
    samples: [
      '2026/11/24 01:24:24 [error] 16216#16216: *63 upstream prematurely closed connection while reading upstream, client: 127.0.0.1, server: example.test, request: "GET /shortbody HTTP/1.1", upstream: "http://127.0.0.1:19032/shortbody", host: "127.0.0.1:18080"',
    ],
    nearMisses: [
      '2026/11/24 01:23:00 [info] 15577#15577: *70 client prematurely closed connection while reading upstream, client: 127.0.0.1',
    ],
  },
  {
    id: 'nginx-upstream-reset',
    software: 'nginx',
    cause: 'The upstream reset the connection before answering: a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('nginx', 'reset'),
    source:
      'nginx src/os/unix/ngx_recv.c:190 (reference §1, §13); on Windows the errno is WSAECONNRESET, 10054 (src/os/win32/ngx_errno.h NGX_ECONNRESET)',
    includes: [readingHeader],
    anyOf: ['(104: ', '(10054: '],
    samples: [
      '2026/11/24 01:22:07 [error] 15577#15577: *7 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /reset HTTP/1.1", upstream: "http://127.0.0.1:19003/reset", host: "example.test"',
      line(`recv() failed (104: Unknown error) ${readingHeader}`),
      line(`WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) ${readingHeader}`),
    ],
    nearMisses: [
      '2026/11/24 01:23:00 [info] 15577#15577: *70 recv() failed (104: Connection reset by peer) while reading client request line, client: 127.0.0.1',
    ],
  },
  {
    id: 'nginx-upstream-protocol-error',
    software: 'nginx',
    cause:
      "The upstream's response broke its protocol's framing (an invalid status line, a broken chunked body, a FastCGI record of an unexpected type, an HTTP/2 header index gRPC does not know): the upstream is not speaking the protocol proxy_pass, fastcgi_pass or grpc_pass expects (HTTP/1.0 with chunked encoding, another protocol on that port), or it crashed mid-response.",
    outcome: 'invalid-response',
    status: 502,
    implies: admin('nginx', 'invalid-header'),
    source:
      'nginx src/http/modules/ngx_http_proxy_module.c ("upstream sent invalid status", "upstream sent invalid chunked response"), ngx_http_fastcgi_module.c ("upstream sent unexpected FastCGI record: %ui"), ngx_http_grpc_module.c ("upstream sent invalid http2 table index: %ui"); strings of nginx 1.22 (Debian 12)',
    includes: ['upstream sent '],
    anyOf: [
      'upstream sent invalid status',
      'upstream sent invalid chunked response',
      'upstream sent unexpected FastCGI record',
      'upstream sent invalid http2 table index',
    ],
    samples: [
      line('upstream sent invalid chunked response while reading upstream'),
      'upstream sent invalid status "abc" while reading response header from upstream',
      line('upstream sent unexpected FastCGI record: 3 while reading response header from upstream'),
      'upstream sent invalid http2 table index: 70 while reading response header from upstream',
    ],
    nearMisses: [line('upstream sent too big header while reading response header from upstream')],
  },
  {
    id: 'nginx-invalid-header',
    software: 'nginx',
    cause: 'The upstream sent a response header line with an illegal byte.',
    outcome: 'invalid-response',
    status: 502,
    implies: admin('nginx', 'invalid-header'),
    source: 'nginx src/http/modules/ngx_http_proxy_module.c:2057 (reference §1, §13)',
    includes: ['upstream sent invalid header'],
    samples: [
      '2026/11/24 01:22:07 [error] 15577#15577: *11 upstream sent invalid header: "Bad\\x01..." while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /badhdr HTTP/1.1", upstream: "http://127.0.0.1:19005/badhdr", host: "example.test"',
      line(`upstream sent invalid header ${readingHeader}`),
    ],
    nearMisses: [
      '2026/11/24 01:22:07 [info] 15577#15577: *11 client sent invalid header line: "Bad\\x01" while reading client request headers',
    ],
  },
  {
    id: 'nginx-not-http',
    software: 'nginx',
    cause:
      'The upstream port does not speak HTTP (a TLS port, HTTP/2 only or another protocol); nginx passes the bytes through.',
    outcome: 'invalid-response',
    implies: admin('nginx', 'invalid-header'),
    source: 'nginx src/http/modules/ngx_http_proxy_module.c:1836 (reference §1, §13)',
    includes: ['upstream sent no valid HTTP/1.0 header'],
    samples: [
      '2026/11/24 01:22:07 [error] 15577#15577: *13 upstream sent no valid HTTP/1.0 header while reading response header from upstream, client: 127.0.0.1, server: example.test, request: "GET /garbage HTTP/1.1", upstream: "http://127.0.0.1:19006/garbage", host: "example.test"',
    ],
    nearMisses: [
      '2026/11/24 01:22:07 [info] 15577#15577: *13 client sent invalid request while reading client request line',
    ],
  },
  {
    id: 'nginx-conflicting-headers',
    software: 'nginx',
    cause:
      'The upstream sent conflicting framing headers (Content-Length with Transfer-Encoding, or one twice); rejected from nginx 1.23.0.',
    outcome: 'invalid-response',
    status: 502,
    implies: admin('nginx', 'invalid-header'),
    source: 'nginx src/http/ngx_http_upstream.c:5004-5015, 5484-5510 (reference §1)',
    includes: ['upstream sent '],
    anyOf: [
      'duplicate header line: "',
      '"Content-Length" and "Transfer-Encoding" headers',
      'unknown "Transfer-Encoding": "',
    ],
    samples: [
      line(`upstream sent "Content-Length" and "Transfer-Encoding" headers at the same time ${readingHeader}`),
      line(
        `upstream sent duplicate header line: "Transfer-Encoding: chunked", previous value: "Transfer-Encoding: chunked" ${readingHeader}`,
      ),
      line(`upstream sent unknown "Transfer-Encoding": "gzip, chunked" ${readingHeader}`),
    ],
    nearMisses: [
      '2026/11/24 01:22:07 [info] 15577#15577: *13 client sent duplicate header line: "Host: a", previous value: "Host: b" while reading client request headers',
    ],
  },
  {
    id: 'nginx-no-port-in-upstream',
    software: 'nginx',
    cause: 'proxy_pass or fastcgi_pass names an upstream without a port or an upstream{} block that does not exist.',
    outcome: 'general-checklist',
    implies: admin('nginx'),
    source: 'nginx src/http/ngx_http_upstream.c:771/792; digitalocean/nginxconfig.io#155 (reference §1)',
    includes: ['no port in upstream "'],
    samples: ['nginx: [emerg] no port in upstream "php" in /etc/nginx/sites-enabled/default:52'],
    nearMisses: ['nginx: [emerg] invalid port in upstream "php:abc" in /etc/nginx/sites-enabled/default:52'],
  },
];
