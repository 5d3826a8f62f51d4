/**
 * Apache httpd mod_proxy messages (reference §2; format strings from `modules/proxy/*.c`
 * on the 2.4.x branch, the AH number is the code's `APLOGNO`). Apache answers **503** when
 * it cannot connect, and 502 when the backend fails after the connection was made.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { apacheLine } from './sample-lines.ts';

const connectLine = (errno: string) =>
  apacheLine('proxy:error', `${errno}: AH00957: HTTP: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed`);
const statusLine = (errno: string) =>
  apacheLine(
    'proxy_http:error',
    `${errno}: [client 198.51.100.7:52310] AH01102: error reading status line from remote server 127.0.0.1:8080`,
  );

export const apacheRules: readonly Rule[] = [
  {
    id: 'apache-socket-missing',
    software: 'apache',
    cause: 'No file exists at the unix socket path in the proxy:unix: handler (PHP-FPM not running or a wrong path).',
    outcome: 'unix-socket-missing',
    status: 503,
    implies: admin('apache', 'no-such-file'),
    source: 'httpd modules/proxy/proxy_util.c:3842 AH02454 (reference §2)',
    includes: ['(2)', 'attempt to connect to Unix domain socket '],
    samples: [
      '(2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost:8000) failed',
      apacheLine(
        'proxy:error',
        '(2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost:8000) failed',
      ),
    ],
    nearMisses: [
      '(2)No such file or directory: AH00132: file permissions deny server access: /var/www/html/index.html',
    ],
  },
  {
    id: 'apache-connect-permission',
    software: 'apache',
    cause:
      'The system forbids httpd to connect to the backend (SELinux httpd_can_network_connect, or socket permissions).',
    outcome: 'permission-denied',
    status: 503,
    implies: admin('apache', 'permission-denied'),
    source: 'httpd modules/proxy/proxy_util.c:3941 AH00957 (reference §2; content/wizard/tree.yaml)',
    includes: ['(13)', 'attempt to connect to '],
    samples: [
      '(13)Permission denied: AH00957: HTTP: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      connectLine('(13)Permission denied'),
    ],
    nearMisses: ['(13)Permission denied: [client 198.51.100.7:52144] AH00035: access to /index.html denied'],
  },
  {
    id: 'apache-connect-refused',
    software: 'apache',
    cause: 'Nothing listens at the backend address in ProxyPass, so the connection is refused (Apache answers 503).',
    outcome: 'upstream-refused',
    status: 503,
    implies: admin('apache', 'refused'),
    source: 'httpd modules/proxy/proxy_util.c:3941 AH00957; 2.2 format without AH codes (reference §2, §12)',
    includes: ['(111)', 'attempt to connect to '],
    samples: [
      '(111)Connection refused: AH00957: HTTP: attempt to connect to 127.0.0.1:8000 (127.0.0.1:8000) failed',
      connectLine('(111)Connection refused'),
      '[Wed May 28 17:00:35 2014] [error] (111)Connection refused: proxy: HTTP: attempt to connect to 127.1.244.129:8080 (127.1.244.129) failed',
    ],
    nearMisses: [connectLine('(110)Connection timed out')],
  },
  {
    id: 'apache-proxy-error-refused',
    software: 'apache',
    cause: 'Nothing listens at the backend address in ProxyPass, so the connection is refused (Apache answers 503).',
    outcome: 'upstream-refused',
    status: 503,
    implies: admin('apache', 'refused'),
    source:
      "httpd's error_log module tag [proxy:error] or [proxy_http:error] (ErrorLogFormat default, 2.4) quoted with the errno text, without the AH00957 message",
    includes: [],
    anyOf: ['[proxy:error]', '[proxy_http:error]'],
    test: (line) => /connection refused|\(111\)/i.test(line),
    samples: ['[proxy:error] Connection refused', '[proxy_http:error] [pid 1234] (111)Connection refused'],
    nearMisses: ['[proxy:error] [pid 1234] (110)Connection timed out', '[ssl:error] Connection refused'],
  },
  {
    id: 'apache-backend-connection-failed',
    software: 'apache',
    cause: 'httpd could not connect to the backend; the line before it (AH00957 or AH02454) says why.',
    outcome: 'upstream-refused',
    status: 503,
    implies: admin('apache'),
    source:
      'httpd mod_proxy_http.c:2054 AH01114, mod_proxy_fcgi.c:1222 AH01079, mod_proxy_uwsgi.c:556 AH10101 (reference §2)',
    includes: ['failed to make connection to backend: '],
    samples: [
      apacheLine(
        'proxy_http:error',
        '[client 198.51.100.7:52144] AH01114: HTTP: failed to make connection to backend: 127.0.0.1',
      ),
      apacheLine(
        'proxy_fcgi:error',
        '[client 198.51.100.7:52144] AH01079: failed to make connection to backend: localhost',
      ),
    ],
    nearMisses: [apacheLine('proxy:error', 'AH00941: HTTP: backend 127.0.0.1 will be retried in 60 seconds')],
  },
  {
    id: 'apache-worker-disabled',
    software: 'apache',
    cause: 'After a failed connect, httpd put the backend worker in error state for retry= seconds (503 until then).',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('apache', 'no-live-upstreams'),
    source: 'httpd modules/proxy/proxy_util.c:4032 AH00959, :2785 AH00940 (reference §2)',
    includes: [],
    anyOf: ['ap_proxy_connect_backend disabling worker for (', ': disabled connection for ('],
    samples: [
      'AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1:8080) for 60s',
      '[Wed May 28 17:00:35 2014] [error] ap_proxy_connect_backend disabling worker for (127.1.244.129)',
      'AH00940: HTTP: disabled connection for (127.0.0.1:8080)',
    ],
    nearMisses: ['AH00939: HTTP: enabled connection for (127.0.0.1:8080)'],
  },
  {
    id: 'apache-keepalive-race',
    software: 'apache',
    cause:
      "httpd's request failed on a connection that had already carried requests (\"Number of keepalives\" above 0), and the backend closed it: a keep-alive race. The backend's keep-alive timeout is shorter than httpd's reuse of the connection.",
    outcome: 'keepalive-mismatch',
    status: 502,
    implies: admin('apache', 'closed', { pattern: 'random' }),
    source:
      'httpd modules/proxy/mod_proxy_http.c AH01104 ("Closing connection to client because reading from backend server %s:%d failed. Number of keepalives %i"), logged after AH01102 only when the connection was reused',
    includes: ['reading from backend server ', ' failed. Number of keepalives '],
    test: (line) => !/Number of keepalives 0\b/.test(line),
    samples: [
      '[Tue Nov 24 01:22:06.004611 2026] [proxy_http:debug] [pid 2211:tid 140093781235264] mod_proxy_http.c(1285): [client 198.51.100.7:52310] AH01104: Closing connection to client because reading from backend server 127.0.0.1:8080 failed. Number of keepalives 3',
    ],
    nearMisses: [
      '[Tue Nov 24 01:22:06.004611 2026] [proxy_http:debug] [pid 2211:tid 140093781235264] mod_proxy_http.c(1285): [client 198.51.100.7:52310] AH01104: Closing connection to client because reading from backend server 127.0.0.1:8080 failed. Number of keepalives 0',
    ],
  },
  {
    id: 'apache-status-line-timeout',
    software: 'apache',
    cause: 'The backend sent no status line before ProxyTimeout; mod_proxy_http still answers 502.',
    outcome: 'upstream-timeout',
    status: 502,
    implies: admin('apache', 'timed-out'),
    source:
      'httpd modules/proxy/mod_proxy_http.c:1111-1194 AH01102 (reference §2); APR_TIMEUP\'s text, "The timeout specified has expired" (apache/apr include/apr_errno.h), quoted without its number',
    includes: ['error reading status line from remote server'],
    anyOf: ['(70007)', 'The timeout specified has expired'],
    samples: [
      '[Tue Nov 24 01:22:06.004511 2026] [proxy_http:error] [pid 2211:tid 140093781235264] (70007)The timeout specified has expired: [client 198.51.100.7:52310] AH01102: error reading status line from remote server 127.0.0.1:8080',
      'The timeout specified has expired: proxy: error reading status line from remote server localhost:8080',
    ],
    nearMisses: [statusLine('(104)Connection reset by peer')],
  },
  {
    id: 'apache-status-line-reset',
    software: 'apache',
    cause: 'The backend reset the connection before sending a status line: a crash or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('apache', 'reset'),
    source: 'httpd modules/proxy/mod_proxy_http.c AH01102 (reference §2)',
    includes: ['(104)', 'error reading status line from remote server'],
    samples: [statusLine('(104)Connection reset by peer')],
    nearMisses: [statusLine('(70007)The timeout specified has expired')],
  },
  {
    id: 'apache-status-line-closed',
    software: 'apache',
    cause:
      'The backend closed the connection before sending a status line: a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('apache', 'closed'),
    source: 'httpd modules/proxy/mod_proxy_http.c AH01102 (reference §2)',
    includes: ['error reading status line from remote server'],
    excludes: ['(70007)', '(104)', 'The timeout specified has expired'],
    samples: [
      statusLine('(20014)Internal error (specific information not available)'),
      statusLine('(103)Software caused connection abort'),
    ],
    nearMisses: [statusLine('(70007)The timeout specified has expired')],
  },
  {
    id: 'apache-dns-lookup-failure',
    software: 'apache',
    cause: "httpd could not resolve the backend's hostname (500 from 2.4.59, 502 before).",
    outcome: 'proxy-cannot-resolve',
    implies: admin('apache', 'not-resolved'),
    source: 'httpd modules/proxy/proxy_util.c:415 AH00898 (reference §2)',
    includes: ['DNS lookup failure for: '],
    samples: [
      'AH00898: DNS lookup failure for: app.internal returned by /',
      apacheLine('proxy:error', '[client 198.51.100.7:52144] AH00898: DNS lookup failure for: backend returned by /'),
    ],
    nearMisses: ["AH00558: apache2: Could not reliably determine the server's fully qualified domain name"],
  },
  {
    id: 'apache-error-reading-remote',
    software: 'apache',
    cause:
      'httpd got no usable response from the backend (the user-facing "Error reading from remote server"); the AH01102 line says why.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('apache'),
    source: 'httpd modules/proxy/proxy_util.c:415 AH00898 (reference §2)',
    includes: ['Error reading from remote server'],
    samples: [
      apacheLine(
        'proxy:error',
        '[client 198.51.100.7:52310] AH00898: Error reading from remote server returned by /reports',
      ),
    ],
    nearMisses: ['AH00898: DNS lookup failure for: app.internal returned by /'],
  },
];
