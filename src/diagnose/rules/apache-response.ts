/**
 * More Apache httpd mod_proxy messages (reference §2): request bodies, mod_proxy_fcgi,
 * invalid backend responses, a missing protocol module and the 502 page itself. Checked
 * after `apache.ts`.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { apacheLine } from './sample-lines.ts';

export const apacheResponseRules: readonly Rule[] = [
  {
    id: 'apache-request-body-failed',
    software: 'apache',
    cause:
      'The backend closed or reset the connection while httpd was still sending it the request body: usually a body larger than the backend (or a proxy in between) accepts, or a slow upload that hit a timeout.',
    outcome: 'request-body-limit',
    status: 502,
    // The same phase as nginx's "while sending request to upstream" (wizard log answer sending-body).
    implies: admin('apache', 'sending-body'),
    source:
      'httpd mod_proxy_http.c:698 AH01097, proxy_util.c:5100 AH01084 (reference §2; sample filled in from the format string)',
    includes: ['pass request body failed to '],
    samples: [
      apacheLine(
        'proxy_http:error',
        '(32)Broken pipe: [client 198.51.100.7:52144] AH01097: pass request body failed to 127.0.0.1:8080 (127.0.0.1) from 198.51.100.7 ()',
      ),
      // proxy_util.c ap_proxy_pass_brigade(): the same failure, logged without the client.
      apacheLine(
        'proxy:error',
        '(104)Connection reset by peer: [client 198.51.100.7:52144] AH01084: pass request body failed to 10.0.0.5:8080 (app.internal)',
      ),
      'AH01084: pass request body failed to 10.0.0.5:8080 (10.0.0.5)',
    ],
    nearMisses: [
      apacheLine(
        'proxy_http:error',
        '[client 198.51.100.7:52144] AH01095: prefetch request body failed to 127.0.0.1:8080 (127.0.0.1) from 198.51.100.7 ()',
      ),
    ],
  },
  {
    id: 'apache-fcgi-header-failed',
    software: 'apache',
    cause:
      'The PHP-FPM child died or closed the connection mid-request (segfault, memory_limit, request_terminate_timeout).',
    outcome: 'upstream-closed',
    status: 503,
    implies: admin('apache', 'closed'),
    source: 'httpd modules/proxy/mod_proxy_fcgi.c:719 AH01067 (reference §2)',
    includes: ['Failed to read FastCGI header'],
    samples: [
      apacheLine(
        'proxy_fcgi:error',
        '(104)Connection reset by peer: [client 198.51.100.7:52144] AH01067: Failed to read FastCGI header',
      ),
    ],
    nearMisses: [
      apacheLine('proxy_fcgi:error', "[client 198.51.100.7:52144] AH01071: Got error 'Primary script unknown'"),
    ],
  },
  {
    id: 'apache-fcgi-timeout',
    software: 'apache',
    cause: 'PHP-FPM did not answer within ProxyTimeout or the handler timeout= (Apache answers 504).',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('apache', 'timed-out'),
    source: 'httpd modules/proxy/mod_proxy_fcgi.c:1030-1046 AH01075 (reference §2)',
    includes: ['Error dispatching request to '],
    anyOf: ['(70007)', '(polling)'],
    samples: [
      apacheLine(
        'proxy_fcgi:error',
        '(70007)The timeout specified has expired: [client 198.51.100.7:52144] AH01075: Error dispatching request to : (polling)',
      ),
    ],
    nearMisses: [
      apacheLine(
        'proxy_fcgi:error',
        '(104)Connection reset by peer: [client 198.51.100.7:52144] AH01075: Error dispatching request to : ',
      ),
    ],
  },
  {
    id: 'apache-fcgi-dispatch-failed',
    software: 'apache',
    cause: 'The PHP-FPM child died or reset the connection while handling the request (Apache answers 503).',
    outcome: 'upstream-closed',
    status: 503,
    implies: admin('apache', 'reset'),
    source: 'httpd modules/proxy/mod_proxy_fcgi.c:1030-1046 AH01075 (reference §2)',
    includes: ['(104)', 'Error dispatching request to '],
    samples: [
      apacheLine(
        'proxy_fcgi:error',
        '(104)Connection reset by peer: [client 198.51.100.7:52144] AH01075: Error dispatching request to : ',
      ),
    ],
    nearMisses: [
      apacheLine(
        'proxy_fcgi:error',
        '(70007)The timeout specified has expired: [client 198.51.100.7:52144] AH01075: Error dispatching request to : (polling)',
      ),
    ],
  },
  {
    id: 'apache-no-protocol-handler',
    software: 'apache',
    cause:
      'The proxy submodule for the URL scheme is not loaded (a2enmod proxy_http or proxy_fcgi); httpd answers 500.',
    outcome: 'general-checklist',
    status: 500,
    implies: admin('apache'),
    source: 'httpd modules/proxy/mod_proxy.c:1510 AH01144 (reference §2)',
    includes: ['No protocol handler was valid for the URL '],
    samples: [
      apacheLine(
        'proxy:warn',
        "[client 198.51.100.7:52144] AH01144: No protocol handler was valid for the URL / (scheme 'http'). If you are using a DSO version of mod_proxy, make sure the proxy submodules are included in the configuration using LoadModule.",
      ),
    ],
    nearMisses: [apacheLine('proxy:warn', 'AH01144: protocol handler loaded for http')],
  },
  {
    id: 'apache-invalid-response',
    software: 'apache',
    cause: 'The backend answered with something that is not valid HTTP (a corrupt status line or bad headers).',
    outcome: 'invalid-response',
    status: 502,
    implies: admin('apache', 'invalid-header'),
    source:
      'httpd modules/proxy/mod_proxy_http.c:1210-1335, 1839 (reference §2); AH01106 from the invalid-response fix page',
    includes: [],
    anyOf: [
      'Corrupt status line returned by remote server',
      'Malformed connection header',
      'interim responses from origin server',
      'header returned by ',
    ],
    samples: [
      apacheLine(
        'proxy_http:error',
        '[client 198.51.100.7:52190] Corrupt status line returned by remote server: SSH-2.0-OpenSSH_9.2p1',
      ),
      '[Tue Nov 24 01:22:07.455120 2026] [proxy_http:warn] [pid 2211:tid 140093781235264] [client 198.51.100.7:52190] AH01106: bad HTTP/1.1 header returned by / (GET)',
    ],
    nearMisses: [
      apacheLine(
        'proxy_http:error',
        '[client 198.51.100.7:52190] AH01102: error reading status line from remote server 127.0.0.1:8080',
      ),
    ],
  },
];
