/**
 * App servers behind the proxy (reference §9): gunicorn, PHP-FPM and uWSGI. Their lines
 * explain the proxy's 502 from the other side: a worker killed mid-request shows up in the
 * proxy's log as "upstream prematurely closed connection". Which proxy is in front is
 * unknown, so these rules answer "Not sure". Node.js logs nothing for its keep-alive race
 * (reference §9), so it has no rule.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';

const fpmPool = (message: string) => `[24-Nov-2026 01:22:04] WARNING: [pool www] ${message}`;

export const appServerRules: readonly Rule[] = [
  {
    id: 'gunicorn-worker-timeout',
    software: 'gunicorn',
    cause:
      "gunicorn killed a worker that exceeded --timeout (30 s by default); the proxy's request got no answer (502).",
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'worker-timeout' }),
    source: 'gunicorn arbiter.py murder_workers() (reference §9)',
    includes: ['WORKER TIMEOUT'],
    samples: ['[2018-06-05 14:57:47 +0200] [11229] [CRITICAL] WORKER TIMEOUT (pid:11232)'],
    nearMisses: ['[2018-06-05 14:57:47 +0200] [11229] [INFO] Booting worker with pid: 11232'],
  },
  {
    id: 'gunicorn-worker-signal',
    software: 'gunicorn',
    cause: 'A gunicorn worker was killed by a signal mid-request (timeout, out of memory).',
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'killed' }),
    source: 'gunicorn arbiter.py (reference §9)',
    includes: ['Worker with pid ', ' was terminated due to signal '],
    samples: ['[2018-06-05 14:57:48 +0200] [11229] [WARNING] Worker with pid 7214 was terminated due to signal 6'],
    nearMisses: ['[2018-06-05 14:57:48 +0200] [11229] [INFO] Worker exiting (pid: 7214)'],
  },
  {
    id: 'php-fpm-max-children',
    software: 'php-fpm',
    cause: 'PHP-FPM reached pm.max_children: requests queue, then time out (504) or overflow the socket backlog (502).',
    outcome: 'overload',
    implies: admin('not-sure', 'app-server', { 'app-log': 'workers-full' }),
    source: 'php-src sapi/fpm/fpm/fpm_process_ctl.c (reference §9)',
    includes: [],
    anyOf: ['server reached pm.max_children setting', 'server reached max_children setting'],
    samples: [
      fpmPool('server reached pm.max_children setting (5), consider raising it'),
      'WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
      fpmPool('server reached max_children setting (10), consider raising it'),
    ],
    nearMisses: [fpmPool('child 2210 started')],
  },
  {
    id: 'php-fpm-seems-busy',
    software: 'php-fpm',
    cause: 'PHP-FPM has no idle children and is spawning more: it is close to its limit.',
    outcome: 'overload',
    implies: admin('not-sure', 'app-server', { 'app-log': 'workers-full' }),
    source: 'php-src sapi/fpm/fpm/fpm_process_ctl.c (reference §9)',
    includes: ['seems busy (you may need to increase pm.'],
    samples: [
      'WARNING: [pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 11 total children',
    ],
    nearMisses: [fpmPool('seems idle')],
  },
  {
    id: 'php-fpm-execution-timeout',
    software: 'php-fpm',
    cause: 'PHP-FPM killed a script that ran past request_terminate_timeout; the proxy saw the connection close (502).',
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'worker-timeout' }),
    source: 'php-src sapi/fpm/fpm/fpm_request.c (reference §9)',
    includes: ['execution timed out (', 'terminating'],
    samples: [
      fpmPool(
        `child 2210, script '/var/www/x.php' (request: "GET /x.php") execution timed out (30.045 sec), terminating`,
      ),
    ],
    nearMisses: [
      fpmPool(`child 2210, script '/var/www/x.php' (request: "GET /x.php") executing too slow (5.012 sec), logging`),
    ],
  },
  {
    id: 'php-fpm-child-killed',
    software: 'php-fpm',
    cause: 'A PHP-FPM child died from a signal (killed at a timeout, or crashed) while serving a request.',
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'killed' }),
    source: 'php-src sapi/fpm/fpm/fpm_children.c (reference §9)',
    includes: ['child ', ' exited on signal '],
    samples: [
      fpmPool('child 2210 exited on signal 15 (SIGTERM) after 30.045s'),
      fpmPool('child 4711 exited on signal 11 (SIGSEGV - core dumped) after 2.5s'),
    ],
    nearMisses: [fpmPool('child 2210 exited with code 0 after 1.005s')],
  },
  {
    id: 'php-fpm-signal-mention',
    software: 'php-fpm',
    cause:
      'A PHP-FPM child was killed by a signal mid-request (SIGSEGV: a crash in PHP or an extension; SIGKILL: the kernel OOM killer or request_terminate_timeout), so the proxy saw the connection close.',
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'killed' }),
    source:
      'php-src sapi/fpm/fpm/fpm_children.c "exited on signal %d (%s%s)", retold without the pool and child number (reference §9)',
    includes: [' exited on signal '],
    anyOf: ['FPM', 'fpm'],
    // The signal's name follows its number in FPM's wording: "signal 11 (SIGSEGV".
    test: (line) => /exited on signal \d{1,2} \(SIG[A-Z]{2,6}/.test(line),
    samples: [
      'PHP-FPM exited on signal 11 (SIGSEGV) on every upload',
      'php7.4-fpm: worker exited on signal 9 (SIGKILL)',
    ],
    nearMisses: ['php-fpm exited with code 0 after 1.005s', 'php-fpm exited on signal'],
  },
  {
    id: 'php-fpm-cannot-bind',
    software: 'php-fpm',
    cause:
      'PHP-FPM could not create its socket (the directory is missing), so it is not running and the proxy finds no socket.',
    outcome: 'unix-socket-missing',
    implies: admin('not-sure', 'no-such-file'),
    source: 'gplessis/dotdeb-php#127 (reference §9)',
    includes: ['unable to bind listening socket for address '],
    samples: [
      "ERROR: unable to bind listening socket for address '/run/php/php7.0-fpm.sock': No such file or directory (2)",
    ],
    nearMisses: ['ERROR: FPM initialization failed'],
  },
  {
    id: 'uwsgi-listen-queue-full',
    software: 'uwsgi',
    cause: "uWSGI's listen queue is full: every worker is busy and new connections overflow (502 or 504).",
    outcome: 'overload',
    implies: admin('not-sure', 'app-server', { 'app-log': 'workers-full' }),
    source: 'uWSGI core uwsgi_log_verbose (reference §9)',
    includes: ['uWSGI listen queue of socket ', ' full !!!'],
    samples: [
      '*** uWSGI listen queue of socket ":6000" (fd: 6) full !!! (1024/1024) ***',
      'Tue Jun 13 18:33:04 2023 - *** uWSGI listen queue of socket ":6000" (fd: 6) full !!! (101/100) ***',
    ],
    nearMisses: ['uwsgi socket 0 bound to TCP address :6000 fd 6'],
  },
  {
    id: 'uwsgi-harakiri',
    software: 'uwsgi',
    cause: "uWSGI's harakiri killed a worker whose request ran too long; the proxy saw the connection close (502).",
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'worker-timeout' }),
    source: 'uWSGI trigger_harakiri() (reference §9)',
    includes: ['*** HARAKIRI ON WORKER '],
    samples: [
      '*** HARAKIRI ON WORKER 13 (pid: 21576, try: 1) ***',
      '*** HARAKIRI ON WORKER 2 (pid: 3120, try: 1, graceful: no) ***',
    ],
    nearMisses: ['harakiri timeout set to 60 seconds'],
  },
  {
    id: 'uwsgi-invalid-request-block',
    software: 'uwsgi',
    cause:
      'uWSGI got a request it cannot parse: an HTTP proxy_pass to a uwsgi-protocol socket, or headers over buffer-size.',
    outcome: 'invalid-response',
    implies: admin('not-sure'),
    source: 'uWSGI protocol code (reference §9)',
    includes: ['invalid request block size: '],
    samples: ['invalid request block size: 21573 (max 4096)...skip'],
    nearMisses: ['request block size: 4096'],
  },
];
