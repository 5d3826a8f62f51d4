/**
 * Causes retold in a sentence: what readers write around a 502/504 when they describe it
 * instead of pasting a log line ("504 after exactly 60 seconds", "502 only when uploading
 * large files", "all backends are down"), and two system messages that name a cause without
 * a proxy's words: a unix socket that is missing or not permitted (`connect ENOENT
 * /run/app.sock`), and an SELinux denial of a web server's outgoing connection. Tried before
 * the sentences that only name who answered, so a sentence that gives a cause leads with it.
 */
import { includesAnyWord } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { namesGatewayStatus } from './words.ts';

/** The status literals every sentence rule needs one of (its `anyOf`, and the group's gates). */
const statusLiterals = ['502', '504', 'ad gateway', 'AD GATEWAY', 'ad Gateway', 'ateway Time', 'ateway time'];

/**
 * A duration ("after 60 seconds", "exactly 30s", "takes more than 2 minutes", "timeout 29
 * seconds"). Bounded: one keyword, up to 6 digits, a unit.
 */
export const duration =
  /\b(?:after|exactly|over|about|around|than|takes?|took|taking|timeout|timeout of)\s(?:about\s|around\s|exactly\s)?\d{1,6}(?:\.\d{1,3})?\s?(?:ms|s|sec|secs|seconds?|min|mins|minutes?)\b/;

/**
 * Timeout directives and settings of the proxies, in lower case. A status beside the words
 * "gateway timeout" alone is not taken: readers write "nginx 502 gateway timeout" for who
 * answered as often as for why.
 */
const timeoutSettings = [
  'proxy_read_timeout',
  'fastcgi_read_timeout',
  'uwsgi_read_timeout',
  'proxy_send_timeout',
  'proxytimeout',
  'timeout server',
  'timeout http-request',
  'idle_timeout',
  'idletimeout',
  'readtimeout',
  'responseheadertimeout',
  'request_timeout',
  'requesttimeout',
];

/** Words for a request that carries a large body, in lower case. */
const uploadWords = [
  'upload',
  'uploading',
  'uploads',
  'large file',
  'big file',
  'large request',
  'request body',
  'large post',
  'large body',
  'file size',
];

/** Words that all of a proxy's upstreams are down, in lower case. */
const allDown =
  /\ball (?:the |of the |my |our )?(?:backends?|upstreams?|backend servers|upstream servers|servers|targets|instances|pods|nodes)\s(?:are |were |is |went |being |get |got )?(?:down|unhealthy|marked (?:as )?down|offline|unavailable)\b/;

export const proseRules: readonly Rule[] = [
  {
    id: 'timeout-retold',
    software: 'report',
    cause:
      "The upstream took longer than the proxy's timeout: a 504 (or a 502) that comes after a fixed time, or one a timeout setting fixes, is the proxy giving up on a slow answer (nginx's proxy_read_timeout is 60 s, Heroku's router 30 s, API Gateway 29 s). The proxy's error log names the timeout that struck.",
    outcome: 'upstream-timeout',
    implies: admin('not-sure', 'timed-out'),
    source:
      'reference §1-§7 (each proxy answers 504, some 502, when its read timeout strikes; nginx proxy_read_timeout 60 s), retold in a sentence with a duration or a timeout setting beside the status',
    includes: [],
    anyOf: statusLiterals,
    test: (line) => {
      const lower = line.toLowerCase();
      return (
        namesGatewayStatus(lower) &&
        (duration.test(lower) || timeoutSettings.some((setting) => lower.includes(setting)))
      );
    },
    samples: [
      'Every long report ends in a 502 after exactly 60 seconds',
      'Raising proxy_read_timeout made the 504 go away',
      'Lambda timeout 29 seconds, API Gateway answers 504',
      'Requests that take longer than 30 seconds end in 502 Bad Gateway',
    ],
    nearMisses: [
      '502 after the deploy',
      'the job takes 60 seconds',
      '500 after 60 seconds',
      'nginx answers 502 Gateway timeout on the admin page',
    ],
  },
  {
    id: 'upload-retold',
    software: 'report',
    cause:
      "Only requests with a large body fail: the proxy or the upstream stops taking the body (its size limit, or the upstream closing while the proxy still sends), and the proxy answers 502. nginx logs it as '… while sending request to upstream'; check client_max_body_size, the app's own limit and the proxy's send timeout.",
    outcome: 'request-body-limit',
    implies: admin('not-sure', 'sending-body'),
    source:
      'reference §1 (nginx "while sending request to upstream") and Apache AH01084/AH01097 (pass request body failed), retold in a sentence that puts an upload beside a 502',
    includes: [],
    anyOf: statusLiterals,
    test: (line) => {
      const lower = line.toLowerCase();
      return namesGatewayStatus(lower) && includesAnyWord(lower, uploadWords);
    },
    samples: ['502 Bad Gateway when uploading large files', 'File uploads over 10 MB fail with 502'],
    nearMisses: ['502 Bad Gateway on the home page', 'uploading large files works fine'],
  },
  {
    id: 'all-upstreams-down-retold',
    software: 'report',
    cause:
      'Every upstream of the proxy is marked down, so it has nowhere to send the request: they all fail their health checks or all refuse connections. Bring one back, then find why they were all taken out.',
    outcome: 'no-live-upstreams',
    implies: admin('not-sure', 'no-live-upstreams'),
    source:
      'reference §1-§6 (nginx "no live upstreams", HAProxy <NOSRV>, Envoy "no healthy upstream", Traefik "no available server"), retold in a sentence',
    includes: [],
    anyOf: ['all ', 'All ', 'ALL '],
    test: (line) => allDown.test(line.toLowerCase()),
    samples: ['All backends are down, so HAProxy returns 503', 'all upstream servers marked down after the deploy'],
    nearMisses: ['all backends are up', 'all servers were restarted'],
  },
  {
    id: 'unix-socket-missing-any',
    software: 'report',
    cause:
      "The unix socket the proxy connects to does not exist: the upstream (PHP-FPM, gunicorn, uWSGI, the app) is not running, listens on another path, or its socket was created in a private /tmp the proxy cannot see. Compare the proxy's socket path with the upstream's listen setting.",
    outcome: 'unix-socket-missing',
    implies: admin('not-sure', 'no-such-file'),
    source:
      'ENOENT on connect() to a unix socket in other programs\' words: Node "connect ENOENT /path.sock", Python "[Errno 2] No such file or directory", Go "dial unix …: connect: no such file or directory" (Caddy\'s rule takes that one first)',
    includes: ['.sock'],
    test: (line) => {
      const lower = line.toLowerCase();
      return includesAnyWord(lower, ['enoent', 'no such file or directory']) && !lower.includes('bind');
    },
    samples: [
      'Error: connect ENOENT /var/run/app.sock',
      'FileNotFoundError: [Errno 2] No such file or directory: /run/gunicorn.sock',
    ],
    nearMisses: ['Error: listen ENOENT: bind /run/app.sock', 'socket file /run/app.sock exists'],
  },
  {
    id: 'unix-socket-permission-any',
    software: 'report',
    cause:
      "The proxy may not open the upstream's unix socket: the socket's owner, group or mode keeps the proxy's user out (PHP-FPM's listen.owner, listen.group and listen.mode), or SELinux denies it.",
    outcome: 'permission-denied',
    implies: admin('not-sure', 'permission-denied'),
    source:
      'EACCES on connect() to a unix socket in other programs\' words: Node "connect EACCES /path.sock", Python "[Errno 13] Permission denied", Go "dial unix …: connect: permission denied"',
    includes: ['.sock'],
    test: (line) => includesAnyWord(line.toLowerCase(), ['eacces', 'permission denied']),
    samples: [
      'Error: connect EACCES /run/php/php8.2-fpm.sock',
      'dial unix /run/php/php8.2-fpm.sock: connect: permission denied',
    ],
    nearMisses: ['Error: connect ECONNREFUSED /run/app.sock', 'chmod 660 /run/app.sock'],
  },
  {
    id: 'selinux-denied-connect',
    software: 'selinux',
    cause:
      'SELinux stopped the web server from opening a network connection to its upstream (avc: denied { name_connect }): on RHEL, CentOS, Rocky and Fedora, nginx and Apache may not connect out until the boolean httpd_can_network_connect is on (setsebool -P httpd_can_network_connect 1).',
    outcome: 'permission-denied',
    implies: admin('not-sure', 'permission-denied'),
    source:
      'SELinux audit log "avc:  denied  { name_connect }" for the httpd_t domain; the httpd_can_network_connect boolean (selinux-policy, httpd_selinux(8))',
    includes: [],
    anyOf: ['name_connect', 'httpd_can_network_connect'],
    test: (line) =>
      line.includes('httpd_can_network_connect') || (line.includes('name_connect') && line.includes('denied')),
    samples: [
      'type=AVC msg=audit(1700000000.123:456): avc:  denied  { name_connect } for  pid=1234 comm="nginx" dest=8080 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_cache_port_t:s0 tclass=tcp_socket permissive=0',
      'setsebool -P httpd_can_network_connect 1 fixed the 502',
    ],
    nearMisses: ['avc:  granted  { name_connect } for pid=1234 comm="nginx"'],
  },
];

/** Gates of the prose rules: every rule needs one of these literals (see `index.ts`). */
export const proseGates: readonly string[] = [
  ...statusLiterals,
  'all ',
  'All ',
  'ALL ',
  '.sock',
  'name_connect',
  'httpd_can_network_connect',
];
