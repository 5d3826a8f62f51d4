/**
 * nginx error_log messages of the TLS handshake with the upstream (`while SSL handshaking
 * to upstream`, reference §1, §1.1, §13). The client-side handshake errors nginx also logs
 * (`while SSL handshaking, client: …`) are noise, not causes (reference §14).
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { nginxLine as line } from './sample-lines.ts';

const clientTls =
  '2026/11/24 01:22:09 [info] 15577#15577: *60 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 203.0.113.9, server: 0.0.0.0:443';

/** The TLS handshake with the upstream (`while SSL handshaking to upstream`). */
export const nginxTlsRules: readonly Rule[] = [
  {
    id: 'nginx-upstream-certificate',
    software: 'nginx',
    cause: "The upstream's TLS certificate is untrusted or does not match the name nginx checks (proxy_ssl_verify on).",
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('nginx', 'tls-error'),
    source: 'nginx src/http/ngx_http_upstream.c:1880/1887 (reference §1, §1.1, §13)',
    includes: ['upstream SSL certificate '],
    samples: [
      '2026/11/24 01:22:36 [error] 15847#15847: *45 upstream SSL certificate verify error: (18:self-signed certificate) while SSL handshaking to upstream, client: 127.0.0.1, server: example.test, request: "GET /tlsverify HTTP/1.1", upstream: "https://127.0.0.1:19020/tlsverify", host: "example.test"',
      line(
        'upstream SSL certificate does not match "upstream_balancer" while SSL handshaking to upstream',
        'https://10.0.0.7:8443/x',
      ),
    ],
    nearMisses: [clientTls],
  },
  {
    id: 'nginx-tls-to-plain-http',
    software: 'nginx',
    cause: 'proxy_pass uses https:// towards a port that speaks plain HTTP.',
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('nginx', 'tls-error'),
    source: 'nginx src/event/ngx_event_openssl.c:2342 (reference §1, §13)',
    includes: ['wrong version number', 'while SSL handshaking to upstream'],
    samples: [
      '2026/11/24 01:22:10 [error] 15577#15577: *31 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 127.0.0.1, server: example.test, request: "GET /tls2plain HTTP/1.1", upstream: "https://127.0.0.1:19007/tls2plain", host: "example.test"',
    ],
    nearMisses: [clientTls.replace('bad key share', 'wrong version number')],
  },
  {
    id: 'nginx-tls-handshake',
    software: 'nginx',
    cause: 'The TLS handshake with the upstream failed, often because nginx sends no SNI (proxy_ssl_server_name off).',
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('nginx', 'tls-error'),
    source: 'nginx src/event/ngx_event_openssl.c:2342 (reference §1)',
    includes: ['while SSL handshaking to upstream'],
    samples: [
      line(
        'SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream',
      ),
      line('peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream'),
    ],
    nearMisses: [clientTls],
  },
];
