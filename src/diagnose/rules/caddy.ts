/**
 * Caddy 2 `reverse_proxy` errors (reference §4): JSON lines of the `http.log.error` logger
 * whose `msg` is Go's net error text. The same text appears in other Go proxies' logs, so
 * `traefik.ts` and cloudflared (`cloud.ts`) are checked first; a bare Go error pasted on
 * its own is taken as Caddy's, the Go proxy the wizard offers.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';

const caddyLine = (msg: string, status: number) =>
  `{"level":"error","ts":1649018456.56,"logger":"http.log.error","msg":"${msg}","request":{"remote_ip":"198.51.100.7","remote_port":"52310","proto":"HTTP/1.1","method":"GET","host":"example.com","uri":"/"},"duration":0.025,"status":${status},"err_id":"xxbwvxhij","err_trace":"reverseproxy.statusError (reverseproxy.go:886)"}`;

export const caddyRules: readonly Rule[] = [
  {
    id: 'caddy-incomplete-response',
    software: 'caddy',
    cause:
      'Caddy had started sending the response when copying the rest of it from the upstream failed ("aborting with incomplete response"): the upstream closed or reset the connection mid-response, often a crash or a time-out of its own. The error field on the same line names the read that failed.',
    outcome: 'upstream-closed',
    implies: admin('caddy'),
    source:
      'caddyserver/caddy modules/caddyhttp/reverseproxy/reverseproxy.go (finalizeResponse: "aborting with incomplete response" when copying the response body fails)',
    includes: ['aborting with incomplete response'],
    samples: [
      'ERR ts=1703431501.7315042 logger=http.handlers.reverse_proxy msg=aborting with incomplete response upstream=localhost:8000 duration=0.003024417',
    ],
    nearMisses: ['aborting the request: client went away'],
  },
  {
    id: 'caddy-no-upstreams',
    software: 'caddy',
    cause: 'Every upstream of reverse_proxy is unhealthy or none is configured (Caddy answers 503).',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('caddy', 'no-live-upstreams'),
    source: 'caddy modules/caddyhttp/reverseproxy/reverseproxy.go:1887 errNoUpstream (reference §4)',
    includes: ['no upstreams available'],
    samples: [caddyLine('no upstreams available', 503)],
    nearMisses: [
      '{"level":"info","logger":"http.handlers.reverse_proxy.health_checker.active","msg":"host is up","host":"127.0.0.1:8080"}',
    ],
  },
  {
    id: 'caddy-lookup-failed',
    software: 'caddy',
    cause: "The upstream's hostname does not resolve from where Caddy runs (NXDOMAIN, SERVFAIL or no answer).",
    outcome: 'proxy-cannot-resolve',
    status: 502,
    implies: admin('caddy', 'not-resolved'),
    source: 'Go net resolver errors (reference §4, §11)',
    includes: ['dial tcp: lookup '],
    anyOf: ['no such host', 'server misbehaving', 'i/o timeout'],
    samples: [
      caddyLine('dial tcp: lookup backend on 127.0.0.11:53: no such host', 502),
      'dial tcp: lookup app.internal on 127.0.0.11:53: no such host',
      'dial tcp: lookup backend on 127.0.0.11:53: server misbehaving',
    ],
    nearMisses: ['dial tcp 127.0.0.1:4040: connect: connection refused'],
  },
  {
    id: 'caddy-socket-missing',
    software: 'caddy',
    cause:
      'No file exists at the unix socket path the proxy dials (the app or PHP-FPM is not running, or the path is wrong).',
    outcome: 'unix-socket-missing',
    status: 502,
    implies: admin('caddy', 'no-such-file'),
    source: 'Go net.Dial error text "dial unix PATH: connect: no such file or directory"; dunglas/symfony-docker#411',
    includes: ['dial unix ', 'no such file or directory'],
    samples: ['dial unix /var/run/php/php-fpm.sock: connect: no such file or directory'],
    nearMisses: ['dial unix /var/run/php/php-fpm.sock: connect: connection refused'],
  },
  {
    id: 'caddy-connect-backlog-full',
    software: 'caddy',
    cause:
      "The upstream's listen queue is full: connecting to its socket failed with EAGAIN (Resource temporarily unavailable), which a unix socket returns when its backlog is full. PHP-FPM or the app is too busy (all workers taken) or its listen.backlog is too small.",
    outcome: 'overload',
    status: 502,
    implies: admin('caddy'),
    source:
      'Go net error text ("dial unix …: connect: resource temporarily unavailable", EAGAIN); Linux unix(7): connect() on a stream socket whose backlog is full returns EAGAIN; nginx\'s "(11: Resource temporarily unavailable) while connecting to upstream" is the same case',
    includes: [],
    anyOf: ['dial unix ', 'dial tcp '],
    test: (line) => /: connect: resource temporarily unavailable/i.test(line),
    samples: [
      'ERROR http.log.error dialing backend: dial unix /run/php/php8.2-fpm.sock: connect: resource temporarily unavailable',
    ],
    nearMisses: [
      'dial unix /run/php/php8.2-fpm.sock: connect: connection refused',
      'read unix @->/run/php/php8.2-fpm.sock: read: resource temporarily unavailable',
    ],
  },
  {
    id: 'caddy-connect-refused',
    software: 'caddy',
    cause: 'Nothing listens at the upstream address; with localhost, Go may try [::1] while the app binds 127.0.0.1.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('caddy', 'refused'),
    source:
      "Go net error text; searx/searx#3205, joemccann/radon#159, caddyserver/caddy#546 (reference §4, §12). Only on a line that carries Caddy's own words: its logger names (http.log.error, http.handlers.reverse_proxy), its reverseproxy error trace, its name, or Caddy 1's `[ERROR 502 /path]` prefix; the bare Go text (ngrok, cloudflared, gRPC, any Go client print it too) is left to the socket-error rules (errno.ts)",
    includes: ['dial tcp ', 'connection refused'],
    anyOf: ['http.log.error', 'http.handlers.reverse_proxy', 'reverseproxy', 'caddy', 'Caddy', '[ERROR 502 '],
    samples: [
      '{"level":"error","ts":1649018456.56,"logger":"http.log.error","msg":"dial tcp 127.0.0.1:4040: connect: connection refused","request":{},"duration":0.025,"status":502,"err_id":"xxbwvxhij","err_trace":"reverseproxy.statusError (reverseproxy.go:886)"}',
      '[ERROR 502 /index.php] dial tcp 127.0.0.1:9000: connection refused',
    ],
    nearMisses: [
      'dial tcp 127.0.0.1:4040: i/o timeout',
      'dial tcp [::1]:8765: connect: connection refused',
      'ERROR: failed to connect to upstream: dial tcp 127.0.0.1:8080: connect: connection refused',
    ],
  },
  {
    id: 'caddy-dial-timeout',
    software: 'caddy',
    cause:
      'Caddy got no answer when connecting to the upstream: host down, wrong network or a firewall dropping packets (504).',
    outcome: 'firewall',
    status: 504,
    implies: admin('caddy'),
    source: 'Go net error text; reverseproxy.go statusError timeout branch (reference §4)',
    includes: ['dial tcp ', 'i/o timeout'],
    samples: [caddyLine('dial tcp 10.0.0.5:80: i/o timeout', 504)],
    nearMisses: ['dial tcp: lookup backend on 127.0.0.11:53: no such host'],
  },
  {
    id: 'caddy-header-timeout',
    software: 'caddy',
    cause: 'The upstream sent no response headers within response_header_timeout (504).',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('caddy', 'timed-out'),
    source: 'Go net/http error text (reference §4)',
    includes: ['timeout awaiting response headers'],
    samples: [caddyLine('net/http: timeout awaiting response headers', 504)],
    nearMisses: ['net/http: TLS handshake timeout awaiting'],
  },
  {
    id: 'caddy-idle-connection-closed',
    software: 'caddy',
    cause:
      'The upstream closed an idle keep-alive connection just as Caddy reused it: its keep-alive timeout is shorter.',
    outcome: 'keepalive-mismatch',
    status: 502,
    implies: admin('caddy', 'closed', { pattern: 'random' }),
    source: 'Go net/http error text (reference §4; content/wizard/tree.yaml)',
    includes: ['http: server closed idle connection'],
    samples: [caddyLine('http: server closed idle connection', 502)],
    nearMisses: ['http: server closed connection'],
  },
  {
    id: 'caddy-upstream-reset',
    software: 'caddy',
    cause: 'The upstream reset the connection before answering: a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('caddy', 'reset'),
    source: 'Go net error text (reference §4)',
    includes: ['read: connection reset by peer'],
    samples: [caddyLine('read tcp 172.18.0.2:40112->172.18.0.3:8080: read: connection reset by peer', 502)],
    nearMisses: ['write: broken pipe'],
  },
  {
    id: 'caddy-upstream-eof',
    software: 'caddy',
    cause: 'The upstream closed the connection without answering (EOF): a crash, a killed worker or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('caddy', 'closed'),
    source: 'Go net/http io.EOF (reference §4)',
    includes: ['"msg":"EOF"'],
    samples: [caddyLine('EOF', 502)],
    nearMisses: ['{"level":"error","logger":"http.log.error","msg":"unexpected EOF"}'],
  },
  {
    id: 'caddy-v1-unreachable',
    software: 'caddy',
    cause: 'Caddy 1 found no reachable backend for the proxy directive.',
    outcome: 'no-live-upstreams',
    status: 502,
    implies: admin('caddy', 'no-live-upstreams'),
    source: 'caddyserver/caddy#1080 (reference §4)',
    includes: ['unreachable backend'],
    samples: ['[ERROR 502 /] unreachable backend'],
    nearMisses: ['[ERROR 502 /] dial tcp 127.0.0.1:9000: connection refused'],
  },
];
