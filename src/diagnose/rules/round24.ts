/**
 * Round 24: forms batch 24's misses quote, each written from the software's own source (Caddy's
 * `aborting with incomplete response` is in `caddy.ts`, with Caddy's other messages):
 *
 * - Apache Tomcat's mod_jk connector, whose log names a refused AJP connection
 *   (`jk_connect.c … connect to …:8009 failed (errno=111)`, `Tomcat is probably not started
 *   or is listening on the wrong port`);
 * - Apache httpd 2.2's status-line error after APR's end of file (`(70014)End of file found:
 *   proxy: error reading status line`), its TLS handshake reason (`Error during SSL Handshake
 *   with remote server`), and its 503 page's sentence cut short where the page wraps
 *   (`vendor.ts`);
 * - Go's `malformed MIME header line` for an upstream's header that is not HTTP (PHP-FPM's `Access to the script … has been denied`
 *   read by a Go proxy as a header).
 *
 * Every test lower-cases the line once or makes substring checks, so matching stays linear in
 * the line.
 */
import { includesAny } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { described, gatesOf } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/** mod_jk's connect failures (jk_connect.c, jk_ajp_common.c), lower case. */
const modJkSources = ['jk_connect.c', 'jk_ajp_common.c'];

/** mod_jk's sentence when the AJP connection failed, lower case. */
const modJkNotStarted = ['tomcat is probably not started or is listening on the wrong port'];

const causeRules: readonly Rule[] = [
  described({
    id: 'go-malformed-mime-header',
    software: 'report',
    outcome: 'invalid-response',
    cause:
      'A Go proxy (Caddy, Traefik) read a response header line from the upstream that is not a header ("malformed MIME header line"): the upstream wrote plain text before its headers, most often PHP-FPM\'s "Access to the script … has been denied (see security.limit_extensions)" for a path that is not a .php file, or a program printing to its output before the headers.',
    source:
      'golang/go src/net/textproto/reader.go (readMIMEHeader: ProtocolError("malformed MIME header line: " + line)); php/php-src sapi/fpm/fpm/fpm_main.c ("Access to the script \'%s\' has been denied (see security.limit_extensions)")',
    gates: ['malformed MIME header line', ...gatesOf('malformed mime header line')],
    test: (lower) => lower.includes('malformed mime header line'),
    samples: [
      "[ERROR 502 /] malformed MIME header line: Access to the script '/srv/app' has been denied (see security.limit_extensions)",
    ],
    nearMisses: ['malformed MIME type in the upload'],
  }),
];

/**
 * Apache httpd's own lines and mod_jk's: in the Apache group (index.ts), which also reads a
 * whole error_log line (mod_jk's log shares its date format), before the status-line rules
 * that would read APR's end of file as a generic close.
 */
export const round24ApacheRules: readonly Rule[] = [
  described({
    id: 'mod-jk-connect-refused',
    software: 'apache',
    outcome: 'upstream-refused',
    implies: admin('apache', 'refused'),
    cause:
      "Apache's mod_jk could not connect to Tomcat's AJP port (errno=111, connection refused): Tomcat is not running, its AJP connector is off (Tomcat 9 and later ship it commented out), or it listens on another address or port than workers.properties names. Check with ss -ltnp | grep 8009 on the Tomcat host.",
    source:
      'apache/tomcat-connectors native/common/jk_connect.c (jk_open_socket: "connect to %s failed (errno=%d)"), jk_ajp_common.c (ajp_connect_to_endpoint: "Failed opening socket to (%s) (errno=%d)"; ajp_send_request: "(%s) connecting to backend failed. Tomcat is probably not started or is listening on the wrong port (errno=%d)")',
    gates: ['jk_connect.c', 'jk_ajp_common.c', 'Tomcat is probably not started'],
    test: (lower) =>
      includesAny(lower, modJkNotStarted) || (includesAny(lower, modJkSources) && lower.includes('(errno=111)')),
    samples: [
      '[Mon Sep 15 01:42:38 2014] [5411:140090475009792] [info] jk_open_socket::jk_connect.c (758): connect to ::1:8009 failed (errno=111)',
      '[error] ajp_send_request::jk_ajp_common.c (1663): (worker1) connecting to backend failed. Tomcat is probably not started or is listening on the wrong port (errno=111)',
    ],
    nearMisses: ['[info] jk_open_socket::jk_connect.c (758): connect to 10.0.0.5:8009 failed (errno=110)'],
  }),
  {
    id: 'apache-status-line-eof',
    software: 'apache',
    cause:
      'The backend closed the connection before it sent a status line (APR\'s (70014) "End of file found"): a crash, a killed worker, or a keep-alive connection the backend had already closed (httpd 2.2 logs it as "proxy: error reading status line").',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('apache', 'closed'),
    source:
      'apache/apr include/apr_errno.h (APR_EOF = 70014, "End of file found"); httpd 2.2 modules/proxy/mod_proxy_http.c ("proxy: error reading status line from remote server %s")',
    includes: ['(70014)', 'error reading status line'],
    samples: [
      '[Tue May 03 02:30:19 2011] [error] [client 198.51.100.7] (70014)End of file found: proxy: error reading status line',
    ],
    nearMisses: ['(70014)End of file found: AH01075: Error dispatching request to : (reading input brigade)'],
  },
  {
    id: 'apache-ssl-handshake-remote',
    software: 'apache',
    cause:
      'httpd\'s TLS handshake with the backend failed ("Error during SSL Handshake with remote server"): the backend\'s certificate is not trusted by SSLProxyCACertificateFile, its name does not match (SSLProxyCheckPeerName), or the two share no protocol. The lines just before name the OpenSSL error; test with openssl s_client -connect backend:443.',
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('apache'),
    source:
      'apache/httpd modules/proxy/mod_proxy_http.c ("Error during SSL Handshake with remote server", the reason AH00898 reports with "returned by")',
    includes: ['Error during SSL Handshake with remote server'],
    samples: [
      '[Tue Mar 19 21:54:21.317114 2024] [proxy:error] [pid 14863] [client 198.51.100.7:60989] AH00898: Error during SSL Handshake with remote server returned by /',
    ],
    nearMisses: ['AH00898: Error reading from remote server returned by /'],
  },
];

/** Round 24's cause rules, tried with the vendors' causes. */
export const round24CauseRules: readonly Rule[] = causeRules;
export const round24CauseGates: readonly string[] = gatesOfRules(causeRules);
