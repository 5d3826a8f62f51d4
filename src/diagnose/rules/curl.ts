/**
 * curl's error messages from the checks admins run on the proxy host (reference §10;
 * formats from curl `lib/` and tags back to 7.29). They answer the wizard's "does the
 * upstream answer curl -I?" question; the questions before it are left to the reader.
 */
import type { Rule } from '../types.ts';

/**
 * ECONNREFUSED's text as curl prints it after "Failed to connect to …: ": strerror() in
 * the process's locale. English in three cases, then glibc's translations (Debian 12
 * libc.mo: fr, de, es, it, pt_BR, pt, nl, pl, ru, ja, zh_CN, tr, sv, cs).
 */
const connectionRefused = [
  'Connection refused',
  'connection refused',
  'Connection Refused',
  'Connexion refusée',
  'Verbindungsaufbau abgelehnt',
  'Conexión rehusada',
  'Connessione rifiutata',
  'Conexão recusada',
  'Ligação recusada',
  'Verbinding is geweigerd',
  'Połączenie odrzucone',
  'В соединении отказано',
  '接続を拒否されました',
  '拒绝连接',
  'Bağlantı reddedildi',
  'Förbindelsen förvägrad',
  'Spojení odmítnuto',
];

export const curlRules: readonly Rule[] = [
  {
    id: 'curl-no-route',
    software: 'curl',
    cause:
      'There is no route to that host from here: it is down, on another network, or a firewall rejects the connection.',
    outcome: 'firewall',
    implies: { role: 'admin', curl: 'curl-no-route' },
    source:
      'curl lib/cf-socket.c "Failed to connect to %s port %u…: %s" (connect errno text: glibc "No route to host", musl "Host is unreachable"), with or without "curl: (7)"',
    includes: ['Failed to connect to '],
    anyOf: ['No route to host', 'Host is unreachable', 'Network is unreachable', 'Network unreachable'],
    samples: [
      'returned: 7 - Failed to connect to 10.0.0.12 port 8080: No route to host',
      'curl: (7) Failed to connect to 10.0.0.12 port 8080 after 3054 ms: No route to host',
      'curl: (7) Failed to connect to 10.0.0.12 port 8080 after 3 ms: Host is unreachable',
      'curl: (7) Failed to connect to 2001:db8::10 port 443 after 0 ms: Network is unreachable',
    ],
    nearMisses: ['curl: (7) Failed to connect to localhost port 80: Connection refused'],
  },
  {
    id: 'curl-connect-refused',
    software: 'curl',
    cause: 'Nothing listens at that address and port: the upstream is down or bound elsewhere.',
    outcome: 'upstream-refused',
    implies: { role: 'admin', curl: 'curl-refused' },
    source: 'curl lib/strerror.c CURLE_COULDNT_CONNECT, lib/cf-ip-happy.c:719 (reference §10)',
    includes: ['curl: (7) '],
    anyOf: ["Couldn't connect to server", 'Could not connect to server', ...connectionRefused],
    samples: [
      'curl: (7) Failed to connect to 0.0.0.0 port 8080: connection refused',
      'curl: (7) Failed to connect to localhost port 8080: Verbindungsaufbau abgelehnt',
      "curl: (7) Failed to connect to 127.0.0.1 port 18999 after 0 ms: Couldn't connect to server",
      'curl: (7) Failed to connect to localhost port 80: Connection refused',
      'curl: (7) Failed connect to 10.0.0.5:8955; Connection refused',
      'curl: (7) Failed to connect to 127.0.0.1:18999 after 0 ms: Could not connect to server',
    ],
    nearMisses: ['curl: (28) Failed to connect to 127.0.0.1 port 19010 after 2001 ms: Timeout was reached'],
  },
  {
    id: 'curl-connect-refused-message',
    software: 'curl',
    cause: 'Nothing listens at that address and port: the upstream is down or bound elsewhere.',
    outcome: 'upstream-refused',
    implies: { role: 'admin', curl: 'curl-refused' },
    source:
      'curl lib/cf-socket.c "Failed to connect to %s port %u…: %s", quoted without "curl: (7)"; zodern/meteor-up#824',
    includes: ['Failed to connect to ', ' port '],
    // curl 7.83 and later print CURLE_COULDNT_CONNECT's own text after the errno's.
    anyOf: ["Couldn't connect to server", 'Could not connect to server', ...connectionRefused],
    samples: [
      'Verifying Deployment: FAILED: Failed to connect to localhost port 80: Connection refused',
      "(7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server",
    ],
    nearMisses: ['Failed to connect to localhost port 80: No route to host'],
  },
  {
    id: 'curl-cannot-resolve',
    software: 'curl',
    cause: 'The name does not resolve from this host.',
    outcome: 'proxy-cannot-resolve',
    implies: { role: 'admin', curl: 'curl-no-host' },
    source: 'curl lib/vdns/hostip.c:348 (reference §10)',
    includes: ['curl: (6) Could not resolve '],
    samples: ['curl: (6) Could not resolve host: backend.invalid', 'curl: (6) Could not resolve host: app'],
    nearMisses: ['curl: (5) Could not resolve proxy: proxy.invalid'],
  },
  {
    id: 'curl-connect-timeout',
    software: 'curl',
    cause: 'The connection attempt got no answer: host down, route missing or a firewall dropping packets.',
    outcome: 'firewall',
    implies: { role: 'admin', curl: 'curl-hangs' },
    source: 'curl 7.88 output, verified (reference §10)',
    includes: ['curl: (28) '],
    anyOf: ['Failed to connect to ', 'Connection timed out after '],
    samples: [
      'curl: (28) Failed to connect to 127.0.0.1 port 19010 after 2001 ms: Timeout was reached',
      'curl: (28) Connection timed out after 2001 milliseconds',
    ],
    nearMisses: ['curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received'],
  },
  {
    id: 'curl-read-timeout',
    software: 'curl',
    cause: 'The server accepted the connection but sent no answer within the time limit: a slow upstream.',
    outcome: 'upstream-timeout',
    implies: { role: 'admin' },
    source: 'curl lib/multi.c:1856 (reference §10)',
    includes: ['curl: (28) Operation timed out after '],
    samples: ['curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received'],
    nearMisses: ['curl: (28) Connection timed out after 2001 milliseconds'],
  },
  {
    id: 'curl-empty-reply',
    software: 'curl',
    cause:
      'The server accepted the connection, then closed it without a byte: a crash, or an app bound to 127.0.0.1 in a container.',
    outcome: 'upstream-closed',
    implies: { role: 'admin', curl: 'curl-reset' },
    source:
      'curl lib/http.c:1711 failf "Empty reply from server" (CURLE_GOT_NOTHING, 52), as curl prints it, as curl -v prints it ("* ") and as PHP and Guzzle quote it ("cURL error 52: ") (reference §9, §10)',
    includes: ['Empty reply from server'],
    samples: [
      'curl: (52) Empty reply from server',
      '* Empty reply from server',
      'cURL error 52: Empty reply from server',
    ],
    nearMisses: ['curl: (56) Failure when receiving data from the peer'],
  },
  {
    id: 'curl-connection-reset',
    software: 'curl',
    cause: 'The server reset the connection: a crash, or an app bound to 127.0.0.1 inside a container.',
    outcome: 'upstream-closed',
    implies: { role: 'admin', curl: 'curl-reset' },
    source: 'curl lib/cf-socket.c:1675 (reference §9, §10)',
    includes: ['curl: (56) Recv failure: Connection reset by peer'],
    samples: ['curl: (56) Recv failure: Connection reset by peer'],
    nearMisses: ['curl: (56) Failure when receiving data from the peer'],
  },
  {
    id: 'curl-body-truncated',
    software: 'curl',
    cause:
      'The server closed the connection before the whole body arrived: it crashed mid-response or sent a wrong Content-Length.',
    outcome: 'upstream-closed',
    implies: { role: 'admin', curl: 'curl-reset' },
    source: 'curl 7.88 output, verified (reference §1, §10)',
    includes: ['curl: (18) transfer closed with '],
    samples: ['curl: (18) transfer closed with 95 bytes remaining to read'],
    nearMisses: ['curl: (18) partial file'],
  },
  {
    id: 'curl-not-http',
    software: 'curl',
    cause: 'The port does not speak HTTP (a TLS port, HTTP/2 only, or another protocol).',
    outcome: 'invalid-response',
    implies: { role: 'admin', curl: 'curl-not-http' },
    source: 'curl lib/http.c:4536 (reference §1, §10)',
    includes: ['curl: (1) Received HTTP/0.9 when not allowed'],
    samples: ['curl: (1) Received HTTP/0.9 when not allowed'],
    nearMisses: ['curl: (1) Protocol "htp" not supported or disabled in libcurl'],
  },
  {
    id: 'curl-tls-wrong-version',
    software: 'curl',
    cause: 'HTTPS was sent to a port that speaks plain HTTP.',
    outcome: 'upstream-tls',
    implies: { role: 'admin', curl: 'curl-tls' },
    source: 'curl 7.88 with OpenSSL 3, verified (reference §10)',
    includes: ['curl: (35) ', 'wrong version number'],
    samples: [
      'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number',
      'curl: (35) error:1408F10B:SSL routines:ssl3_get_record:wrong version number',
    ],
    nearMisses: ['curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure'],
  },
  {
    id: 'curl-certificate-problem',
    software: 'curl',
    cause: "The server's TLS certificate is not trusted (self-signed, expired or for another name).",
    outcome: 'upstream-tls',
    implies: { role: 'admin', curl: 'curl-tls' },
    source: 'curl 7.88 output, verified (reference §10)',
    includes: ['SSL certificate problem: '],
    samples: [
      'curl: (60) SSL certificate problem: self-signed certificate',
      'curl: (60) SSL certificate problem: self signed certificate',
      'error code: 60 error message: SSL certificate problem: unable to get local issuer certificate',
    ],
    nearMisses: ['More details here: https://curl.se/docs/sslcerts.html'],
  },
  {
    id: 'curl-tls-error',
    software: 'curl',
    cause:
      'The TLS handshake with the server failed (protocol or cipher mismatch, SNI, or the server reset the handshake).',
    outcome: 'upstream-tls',
    implies: { role: 'admin', curl: 'curl-tls' },
    source: 'curl lib/vtls (CURLE_SSL_CONNECT_ERROR 35, CURLE_PEER_FAILED_VERIFICATION 60 and 51)',
    includes: [],
    anyOf: ['curl: (35) ', 'curl: (51) ', 'curl: (60) '],
    samples: [
      'curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure',
      'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to app.example.com:443',
      "curl: (60) SSL: no alternative certificate subject name matches target host name 'app.example.com'",
    ],
    nearMisses: ['curl: (56) Recv failure: Connection reset by peer'],
  },
  {
    id: 'curl-receive-failure',
    software: 'curl',
    cause:
      'The connection broke while curl was receiving the answer: the server crashed, reset the connection or closed it early.',
    outcome: 'upstream-closed',
    implies: { role: 'admin', curl: 'curl-reset' },
    source: 'curl lib/strerror.c CURLE_RECV_ERROR (56)',
    includes: [],
    anyOf: ['curl: (56) ', 'Curl: (56) '],
    samples: [
      'curl: (56) Failure when receiving data from the peer',
      'curl: (56) OpenSSL SSL_read: Connection reset by peer, errno 104',
      'Curl: (56) Recv failure: Connection reset by peer',
    ],
    nearMisses: ['curl: (52) Empty reply from server'],
  },
  {
    id: 'curl-http2-error',
    software: 'curl',
    cause:
      'The server broke the HTTP/2 protocol (a stream reset or a framing error): it does not speak HTTP/2 correctly on that port, or a middlebox interferes.',
    outcome: 'invalid-response',
    implies: { role: 'admin', curl: 'curl-not-http' },
    source: 'curl lib/http2.c (CURLE_HTTP2 16, CURLE_HTTP2_STREAM 92)',
    includes: [],
    anyOf: ['curl: (92) ', 'curl: (16) ', 'was not closed cleanly: '],
    samples: [
      'curl: (92) HTTP/2 stream 1 was not closed cleanly: PROTOCOL_ERROR (err 1)',
      'curl: (92) HTTP/2 stream 0 was not closed cleanly: INTERNAL_ERROR (err 2)',
      'curl: (16) Error in the HTTP2 framing layer',
      '* HTTP/2 stream 1 was not closed cleanly: PROTOCOL_ERROR (err 1)',
    ],
    nearMisses: ['curl: (18) transfer closed with 95 bytes remaining to read'],
  },
  {
    id: 'curl-weird-reply',
    software: 'curl',
    cause: 'The server answered with something that is not HTTP (another protocol, or TLS on a plain-HTTP request).',
    outcome: 'invalid-response',
    implies: { role: 'admin', curl: 'curl-not-http' },
    source: 'curl lib/strerror.c CURLE_WEIRD_SERVER_REPLY (8)',
    includes: ['curl: (8) '],
    samples: ['curl: (8) Weird server reply'],
    nearMisses: ['curl: (18) partial file'],
  },
  {
    id: 'curl-http-5xx',
    software: 'curl',
    cause:
      'The server answered, but with a 5xx status: the upstream itself fails (its own log names why), or it is another proxy.',
    outcome: 'general-checklist',
    implies: { role: 'admin', curl: 'curl-5xx' },
    source: 'curl lib/http.c with --fail (CURLE_HTTP_RETURNED_ERROR 22)',
    includes: ['curl: (22) The requested URL returned error: 5'],
    samples: [
      'curl: (22) The requested URL returned error: 502',
      'curl: (22) The requested URL returned error: 503 Service Unavailable',
    ],
    nearMisses: ['curl: (22) The requested URL returned error: 404'],
  },
];
