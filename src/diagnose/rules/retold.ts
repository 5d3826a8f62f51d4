/**
 * Causes retold in a sentence beside a proxy's or a product's name (round 7): what readers
 * write when they explain a 502/503/504 rather than paste the log line. Each rule is for the
 * family of wordings behind a cause, in the languages readers write (English, Chinese,
 * Korean, Japanese, Italian, Spanish, German, French, Portuguese), from the vendors'
 * documents: a sentence that names a proxy AND a cause routes to the cause, so these rules
 * are tried before the sentences that only name who answered (`pages.ts`). Then a few
 * who-answered forms the older rules missed (an ingress, a CDN or API gateway named beside a
 * status, Cloudflare's and CloudFront's page text, Envoy's headers, nginx's page footer).
 *
 * Every test lower-cases the line once and makes substring checks or bounded, anchored
 * regular expressions (no nested quantifiers), so matching stays linear in the line.
 */
import { includesAny, includesAnyWord, includesWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin, cloudflareCode } from './answers.ts';
import { namesOtherService } from './errno.ts';
import { duration } from './prose.ts';
import { lowered, namesGatewayStatus } from './words.ts';

/**
 * The proxies, load balancers, CDNs, gateways and platforms a sentence can name as the one
 * that gave up, lower case (whole words). A timeout beside one of them is its timeout.
 */
const products = [
  'nginx',
  'openresty',
  'apache',
  'httpd',
  'haproxy',
  'caddy',
  'traefik',
  'envoy',
  'istio',
  'kong',
  'varnish',
  'heroku',
  'router',
  'vercel',
  'netlify',
  'render',
  'railway',
  'cloud run',
  'app engine',
  'front door',
  'frontdoor',
  'afd',
  'api gateway',
  'apigw',
  'apig',
  'apigee',
  'cloudfront',
  'cloudflare',
  'fastly',
  'akamai',
  'cdn',
  'elb',
  'alb',
  'load balancer',
  'load balancers',
  'loadbalancer',
  'application gateway',
  'ingress',
  'proxy',
  'reverse proxy',
  'gateway',
  'lambda',
  'origin',
  'upstream',
  'backend',
  'php-fpm',
  'gunicorn',
  'uwsgi',
  'puma',
  'iis',
  'arr',
];

/** What a sentence says is not running: a named product, or the app, server or service in several languages. */
const runningNouns = [
  ...products.filter((word) => word !== 'origin'),
  'server',
  'app',
  'application',
  'service',
  'process',
  'container',
  'daemon',
  'serveur',
  'servidor',
  'servizio',
  'dienst',
  '服务',
  '后端',
  '进程',
  '서버',
  'サーバー',
];

/** {@link products} without the generic words (origin, upstream, backend…): the named products only. */
const proxyProducts = products.filter(
  (word) => !['origin', 'upstream', 'backend', 'proxy', 'reverse proxy', 'gateway', 'router', 'lambda'].includes(word),
);

/**
 * Timeout words in the languages readers write, lower case, as substrings: `timeout` also
 * covers setting names (`proxy_read_timeout`, `sendReceiveTimeout`), `timed out`, `times
 * out`; Chinese 超时/超時, Korean 타임아웃/시간 초과, Japanese タイムアウト, Italian and Spanish
 * `tempo scaduto`/`tiempo de espera`, German Zeitüberschreitung, French `délai d'attente`.
 */
const timeoutWords = [
  'timeout',
  'timed out',
  'times out',
  'time out',
  'time-out',
  'timing out',
  '超时',
  '超時',
  '타임아웃',
  '시간 초과',
  'タイムアウト',
  'tempo scaduto',
  'tiempo de espera',
  'zeitüberschreitung',
  "délai d'attente",
];

/** The same stems as literals, in the cases people write them (the rule's `anyOf`). */
const timeoutLiterals = [
  'imeout',
  'IMEOUT',
  'imed out',
  'imed Out',
  'IMED OUT',
  'imes out',
  'ime out',
  'ime-out',
  'ime-Out',
  'IME-OUT',
  'iming out',
  '超时',
  '超時',
  '타임아웃',
  '시간 초과',
  'タイムアウト',
  'empo scaduto',
  'iempo de espera',
  'eitüberschreitung',
  "élai d'attente",
];

/** Words of a connection that never opened: its timeout is the network's, not the upstream's. */
const connectPhase = [
  'connect timeout',
  'connect_timeout',
  'connecttimeout',
  'connection timeout',
  'connection timed out',
  'connect timed out',
  'initial connection',
  'dial tcp',
  'i/o timeout',
  'syn',
];

/** `lower` without the status names that contain a timeout word (`504 Gateway Timeout`). */
function withoutStatusNames(lower: string): string {
  return lower
    .replaceAll('api gateway', 'apigw')
    .replaceAll('gateway timeout', ' ')
    .replaceAll('timeout del gateway', ' ')
    .replaceAll('网关超时', ' ')
    .replaceAll('게이트웨이 시간 초과', ' ')
    .replaceAll('ゲートウェイタイムアウト', ' ')
    .replaceAll('gateway time-out', ' ')
    .replaceAll('gateway time out', ' ')
    .replaceAll('gateway_timeout', ' ');
}

interface Retold {
  readonly id: string;
  readonly cause: string;
  readonly outcome: OutcomeId;
  readonly log?: string;
  /** The wizard answers, when more is known than "not sure who answered" and the log. */
  readonly implies?: Rule['implies'];
  readonly source: string;
  readonly anyOf: readonly string[];
  readonly test: (lower: string, line: string) => boolean;
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
}

/** A rule for a cause told in a sentence (software `report`, the proxy not named). */
function retold(spec: Retold): Rule {
  return {
    id: spec.id,
    software: 'report',
    cause: spec.cause,
    outcome: spec.outcome,
    implies: spec.implies ?? admin('not-sure', spec.log),
    source: spec.source,
    includes: [],
    anyOf: spec.anyOf,
    test: (line) => spec.test(lowered(line), line),
    samples: spec.samples,
    nearMisses: spec.nearMisses,
  };
}

/**
 * Stale upstream addresses: nginx resolves a host name in `proxy_pass` once, when it loads its
 * configuration, and keeps the address until it reloads; after a container restarts with a new
 * address, it still dials the old one (refused or timed out, then 502). Tried before nginx's
 * retold fragments, which would take the "Connection refused" the sentence also tells.
 */
export const staleAddressRule: Rule = retold({
  id: 'stale-upstream-address-retold',
  cause:
    "The proxy still sends to the upstream's old IP address: nginx resolves a host name in proxy_pass once, at start or reload, so after a container is recreated with a new address it dials the old one. Use Docker's resolver (resolver 127.0.0.11 valid=10s) with the name in a variable, or reload nginx after the upstream restarts.",
  outcome: 'container-network',
  source:
    'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass (a name is resolved when the configuration is loaded unless proxy_pass uses variables and a resolver) and ngx_http_core_module.html#resolver; docs.docker.com/engine/network (the embedded DNS server at 127.0.0.11 answers container names)',
  anyOf: ['stale', 'Stale', 'STALE', 'cach', 'Cach', 'CACH', 'outdated', 'old IP', 'old ip'],
  test: (lower) =>
    includesAny(lower, ['stale', 'cach', 'outdated', 'old ip']) &&
    includesAnyWord(lower, ['ip', 'ips', 'ip address', 'ip addresses', 'address', 'addresses', 'dns']) &&
    includesAny(lower, [
      'container',
      'docker',
      'compose',
      'restart',
      'upstream',
      'pod',
      '컨테이너',
      '容器',
      'コンテナ',
    ]),
  samples: [
    'nginx keeps a stale IP for the api container after docker compose restarts it, so every request is a 502',
    'After restarting the backend container nginx still uses the cached upstream IP address',
    'backend 컨테이너 재시작 후 nginx 가 stale IP 로 요청해서 502',
  ],
  nearMisses: [
    'Cached static files are served from 10.0.0.5',
    'clear the browser cache and try again',
    'the upstream container restarted and came back fine',
  ],
});

/** Outcome of each HAProxy termination state retold with its words ("terminal code PH"). */
const terminationStates: readonly (readonly [code: string, outcome: OutcomeId])[] = [
  ['SC', 'upstream-refused'],
  ['SH', 'upstream-closed'],
  ['sH', 'upstream-timeout'],
  ['PH', 'invalid-response'],
  ['sC', 'firewall'],
  ['sQ', 'overload'],
  ['SD', 'upstream-closed'],
  ['sD', 'upstream-timeout'],
];

/** A rule for a termination state named in words ("termination state SH", "terminal code PH"). */
function terminationStateRetold([code, outcome]: (typeof terminationStates)[number]): Rule {
  // Bounded: the words, up to 4 separators, the two letters as a token.
  const pattern = new RegExp(
    `(?:termination|terminal|term\\.?) ?(?:state|states|code|codes|flags?)\\W{1,4}${code}(?:--)?(?![\\w])`,
  );
  return {
    id: `haproxy-termination-state-${code.toLowerCase()}-${code === code.toUpperCase() ? 'upper' : 'lower'}-retold`,
    software: 'haproxy',
    cause: `HAProxy's termination state ${code} (the first two letters of its log's termination flags) says where the session ended: the log line of that request names the server.`,
    outcome,
    implies: admin('haproxy'),
    source:
      'docs.haproxy.org configuration.html §8.5 "Session state at disconnection" (first letter: who ended it, S server, s server-side timeout, P proxy, C/c client; second: the phase, C connect, H headers, D data, Q queue), retold with the words "termination state" or "terminal code"',
    includes: [],
    anyOf: ['ermination', 'erminal', 'ERMINATION', 'ERMINAL'],
    test: (line) =>
      line.includes(code) &&
      pattern.test(line.replaceAll('Termination', 'termination').replaceAll('Terminal', 'terminal')),
    samples: [`the 502s all have termination state ${code}`, `HAProxy logged terminal code ${code} for those requests`],
    nearMisses: [`termination state ${code}X`, `the terminal ${code} is broken`],
  };
}

/**
 * Apache's AJP link losing the backend's header (mod_proxy_ajp): an Apache error_log line, so
 * it joins Apache's group (`index.ts`), which a line in Apache's format is only tried against.
 */
export const apacheAjpRule: Rule = {
  id: 'apache-ajp-receive-header',
  software: 'apache',
  cause:
    "Apache's AJP connection to the backend (Tomcat) broke before the response header came: the backend reset or closed it (crash, restart, or an idle AJP connection it had already dropped). Compare ProxyPass's ttl/keepalive with Tomcat's connectionTimeout.",
  outcome: 'upstream-closed',
  status: 502,
  implies: admin('apache'),
  source:
    'httpd modules/proxy/ajp_link.c ajp_ilink_receive() (APLOGNO(01030) "ajp_ilink_receive() can\'t receive header")',
  includes: ['ajp_ilink_receive() can'],
  samples: [
    "[Mon Jan 01 10:00:00.000000 2024] [proxy_ajp:error] [pid 123:tid 456] (104)Connection reset by peer: AH01030: ajp_ilink_receive() can't receive header",
  ],
  nearMisses: ['ajp_ilink_send(): sending data failed'],
};

/** IIS's `sc-win32-status` for a WinHTTP time-out, in each form the logs and pages give it. */
const winhttpTimeout = /\b502 3 12002\b/;

export const retoldRules: readonly Rule[] = [
  // Cloudflare's and cloudflared's own words first: they name the cause exactly.
  {
    id: 'cloudflare-origin-certificate-retold',
    software: 'cloudflare',
    cause:
      "Cloudflare could not validate the origin's certificate (Error 526 with SSL/TLS mode Full (strict)): it is expired, self-signed, or not issued for the host name. Install a valid certificate or a Cloudflare Origin CA certificate on the origin.",
    outcome: 'cdn-origin',
    status: 526,
    implies: cloudflareCode('526'),
    source:
      'cloudflare/cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526 ("the origin web server does not have a valid SSL certificate")',
    includes: [],
    anyOf: ['valid SSL', 'valid ssl', 'VALID SSL', 'valid TLS'],
    test: (line) => {
      const lower = lowered(line);
      return lower.includes('origin') && /\bvalid (?:ssl|tls)(?:\/tls)? cert/.test(lower);
    },
    samples: [
      'The origin web server does not have a valid SSL certificate.',
      'The origin server has no valid TLS certificate for www.example.com',
    ],
    nearMisses: ['The browser says the site has a valid SSL certificate', 'origin certificate renewed'],
  },
  {
    id: 'cloudflare-523-retold',
    software: 'cloudflare',
    cause:
      'Cloudflare found no route to the origin\'s address (Error 523, "Origin is unreachable"): most often the DNS record in Cloudflare points at an old or wrong IP.',
    outcome: 'dns-record',
    status: 523,
    implies: cloudflareCode('523'),
    source:
      'cloudflare/cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-523 (page title "Origin is unreachable"), written in lower case in a sentence',
    includes: [],
    anyOf: ['rigin is unreachable', 'RIGIN IS UNREACHABLE', 'rigin Is Unreachable'],
    test: (line) => lowered(line).includes('origin is unreachable'),
    samples: ['It says "origin is unreachable" since we moved the server'],
    nearMisses: ['the origin is reachable again'],
  },
  {
    id: 'cloudflare-initial-connection-timeout',
    software: 'cloudflare',
    cause:
      "Cloudflare could not open a TCP connection to the origin in time (Error 522): the origin's firewall drops Cloudflare's addresses, or the origin is overloaded or down. Allow Cloudflare's IP ranges and check the origin is listening.",
    outcome: 'firewall',
    status: 522,
    implies: cloudflareCode('522'),
    source:
      'cloudflare/cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522 (no SYN+ACK within 19 s; its page: "The initial connection between Cloudflare\'s network and the origin web server timed out")',
    includes: [],
    anyOf: ['nitial connection', 'NITIAL CONNECTION'],
    test: (line) => {
      const lower = lowered(line);
      return lower.includes('initial connection') && includesAny(lower, ['timed out', 'time out', 'timeout']);
    },
    samples: ["The initial connection between Cloudflare's network and the origin timed out again"],
    nearMisses: ['the initial connection is slow but works'],
  },
  {
    id: 'fastly-first-byte-timeout',
    software: 'fastly',
    cause:
      'Fastly waited for the first byte of the origin\'s response longer than its first byte timeout (15 s by default) and answered 503 "first byte timeout" (or "between bytes timeout" mid-body): the origin is slow. Make the origin faster or raise bereq.first_byte_timeout.',
    outcome: 'upstream-timeout',
    status: 503,
    implies: admin('other-cdn', 'timed-out'),
    source:
      'fastly.com/documentation/reference/vcl/variables/backend-connection/bereq-first-byte-timeout (obj.status 503, obj.response "first byte timeout", default 15 s) and bereq-between-bytes-timeout; fastly.com/documentation/guides/vcl/errors',
    includes: [],
    anyOf: ['irst byte timeout', 'IRST BYTE TIMEOUT', 'irst Byte Timeout', 'etween bytes timeout'],
    test: (line) => includesAny(lowered(line), ['first byte timeout', 'between bytes timeout']),
    samples: ['Error 503 first byte timeout', 'we keep getting 503 (first byte timeout) on the export page'],
    nearMisses: ['first byte time was 200 ms'],
  },
  {
    id: 'iis-winhttp-timeout',
    software: 'iis',
    cause:
      'IIS (ARR or the ASP.NET Core Module) timed out waiting for the backend: WinHTTP error 12002, ERROR_WINHTTP_TIMEOUT (0x80072ee2), logged as sc-status 502, sc-substatus 3, sc-win32-status 12002. Raise the proxy time-out or make the backend answer sooner.',
    outcome: 'upstream-timeout',
    status: 502,
    implies: admin('not-sure', 'timed-out'),
    source:
      'learn.microsoft.com troubleshoot/developer/webapps/iis "Troubleshooting 502 errors in ARR" (502.3 with sc-win32-status 12002, ERROR_WINHTTP_TIMEOUT, 0x80072ee2)',
    includes: [],
    anyOf: ['WINHTTP_TIMEOUT', 'winhttp_timeout', '0x80072ee2', '0x80072EE2', '2147954402', '502 3 12002'],
    test: (line) =>
      includesAny(lowered(line), ['winhttp_timeout', '0x80072ee2', '2147954402']) || winhttpTimeout.test(line),
    samples: ['2024-05-01 10:00:00 10.0.0.1 GET /api - 443 - 10.0.0.9 - - 502 3 12002 30012', 'ERROR_WINHTTP_TIMEOUT'],
    nearMisses: ['502 3 12029 15', 'WINHTTP_OPTION_RECEIVE_TIMEOUT set to 60 s'],
  },
  {
    id: 'unicorn-worker-timeout',
    software: 'report',
    cause:
      "The app server killed a worker that ran past its own time-out (unicorn's and gunicorn's master kill a request that takes longer than timeout), so the proxy saw the connection close without an answer. Make the request faster or raise the app server's timeout with the proxy's.",
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'worker-timeout' }),
    source:
      'unicorn lib/unicorn/http_server.rb murder_lazy_workers ("worker=N PID:N timeout (Ns > Ns), killing"); gunicorn arbiter.py murder_workers ("WORKER TIMEOUT (pid:N)")',
    includes: ['timeout (', 'killing'],
    test: (line) => /timeout \(\d{1,6}s > \d{1,6}s\), killing/.test(line),
    samples: ['E, [2024-01-01T10:00:00.000000 #2] ERROR -- : worker=1 PID:4242 timeout (61s > 60s), killing'],
    nearMisses: ['timeout (61s > 60s), keeping'],
  },
  {
    id: 'go-tls-handshake-error-from-proxy',
    software: 'socket',
    cause:
      "The upstream is a Go server that logged a failed TLS handshake with its client, the proxy: the two disagree on the certificate (the proxy rejected the upstream's, \"remote error: bad certificate\") or on TLS at all. Check the certificate's names and chain against the proxy's proxy_ssl_verify / tls settings.",
    outcome: 'upstream-tls',
    implies: admin('not-sure'),
    source: 'Go net/http server.go (c.server.logf("http: TLS handshake error from %s: %v", c.rwc.RemoteAddr(), err))',
    includes: ['TLS handshake error from '],
    samples: ['2024/01/01 10:00:00 http: TLS handshake error from 10.0.0.2:51234: remote error: tls: bad certificate'],
    nearMisses: ['TLS handshake completed from 10.0.0.2'],
  },
  ...terminationStates.map(terminationStateRetold),
  // Causes retold in a sentence, most specific first.
  retold({
    id: 'invalid-framing-retold',
    cause:
      "The upstream's response was not valid HTTP framing: a bad or conflicting Content-Length, a Transfer-Encoding sent twice or beside a Content-Length. The proxy refuses such a response and answers 502; fix the app or the layer that adds the header twice.",
    outcome: 'invalid-response',
    log: 'invalid-header',
    source:
      'RFC 9112 §6.3 (a response with both or invalid Transfer-Encoding/Content-Length is an error); nginx "upstream sent duplicate header line: Transfer-Encoding", HAProxy termination state PH, retold',
    anyOf: [
      'ontent-length',
      'ONTENT-LENGTH',
      'ontent-Length',
      'ransfer-encoding',
      'ransfer-Encoding',
      'RANSFER-ENCODING',
    ],
    test: (lower) =>
      (lower.includes('content-length') &&
        includesAnyWord(lower, ['invalid', 'mismatch', 'duplicate', 'double', 'multiple', 'wrong', 'conflicting'])) ||
      (lower.includes('transfer-encoding') &&
        includesAnyWord(lower, ['double', 'duplicate', 'twice', 'multiple', 'both', 'two'])),
    samples: [
      'The backend sends a duplicate Transfer-Encoding: chunked header and HAProxy returns 502',
      'a response with an invalid Content-Length is rejected',
    ],
    nearMisses: ['Content-Length: 1024', 'Transfer-Encoding: chunked'],
  }),
  retold({
    id: 'headers-too-large-retold',
    cause:
      "The upstream's response headers (or the request's) are larger than the proxy's buffer: nginx's proxy_buffer_size or fastcgi_buffer_size (4k or 8k by default), an API gateway's or load balancer's header limit. Raise the buffer or send fewer, smaller headers (cookies, tokens).",
    outcome: 'header-too-big',
    log: 'header-too-big',
    source:
      'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffer_size ("upstream sent too big header"); the header limits of API gateways and load balancers (docs.aws.amazon.com elasticloadbalancing application load-balancer-limits: request line and headers), retold in a sentence',
    anyOf: ['eader', 'EADER', '头', '헤더', 'ntestazion', 'abecera', 'n-tête'],
    test: (lower) => {
      if (lower.includes('or cookie too large') || includesAnyWord(lower, ['400', '413', '431'])) return false;
      const header = includesAny(lower, [
        'header',
        '响应头',
        '请求头',
        '头部',
        '헤더',
        'intestazion',
        'cabecera',
        'en-tête',
      ]);
      if (!header) return false;
      const explicit = includesAny(lower, [
        'too big',
        'too large',
        'too long',
        'too many',
        'rejecting large',
        'large http header',
        'large header',
        'headers are large',
        '过大',
        '太大',
        '过长',
        '너무 큼',
        'troppo grand',
        'demasiado grande',
      ]);
      if (explicit) return true;
      return (
        namesGatewayStatus(lower) &&
        (includesAny(lower, ['buffer', ' kb of', 'kb of http', '크기', '大小']) ||
          includesAnyWord(lower, ['large', 'long', 'big', 'huge', 'size', '4kb', '8kb', '16kb']))
      );
    },
    samples: [
      "The upstream's response headers are too large for the proxy's buffer",
      '响应头过大导致 nginx 返回 502',
      'If the backend sends more than 8KB of response headers the client gets a 502',
      'nginx 502 fixed by raising the header buffer',
    ],
    nearMisses: [
      '400 Bad Request Request Header Or Cookie Too Large',
      'the header is missing on the 502 page',
      'large files upload fine',
    ],
  }),
  retold({
    id: 'proxy-resolver-retold',
    cause:
      "The proxy cannot resolve its upstream's host name: nginx needs a resolver directive for names in variables (and re-resolves only with one), and its DNS server may time out or not know internal names. Point resolver at a server that answers for the upstream (127.0.0.11 in Docker, the VPC's resolver in AWS).",
    outcome: 'proxy-cannot-resolve',
    log: 'not-resolved',
    source:
      'nginx.org/en/docs/http/ngx_http_core_module.html#resolver (names in proxy_pass variables are resolved at run time through resolver; "could not be resolved", "no resolver defined to resolve"), retold in a sentence',
    anyOf: ['resolv', 'Resolv', 'RESOLV', 'DNS', 'dns', 'Dns', '解析', '해석'],
    test: (lower) => {
      if (includesAny(lower, ['dns record', 'a record', 'cname', 'propagat', 'nameserver', 'registrar'])) return false;
      // A proxy's own startup message ("[WARNING] … could not resolve address") is a log line,
      // not a retelling: HAProxy's has its own rule (vendor.ts, haproxy-server-not-resolved).
      if (/^\s{0,4}\[(?:warning|alert|notice)\]/.test(lower)) return false;
      const cause =
        lower.includes('resolver') ||
        /\b(?:cannot|can't|could not|couldn't|unable to|not|fail(?:s|ed|ing)?(?: to)?) resolv/.test(lower) ||
        includesAny(lower, [
          'dns resolution',
          'dns lookup',
          'dns timeout',
          'dns error',
          'name resolution',
          '域名解析',
          '解析失败',
          '无法解析',
          '이름 해석',
        ]);
      return cause && (namesGatewayStatus(lower, true) || includesAnyWord(lower, proxyProducts));
    },
    samples: [
      'nginx cannot resolve the upstream host, so we get intermittent 502s',
      "Set nginx's resolver to the VPC DNS server to stop the bad gateway errors",
      'nginx 域名解析失败 导致 502',
      'the wrong resolver made nginx fail resolving the upstream hostnames',
    ],
    nearMisses: ['the resolver is configured', 'update the DNS record at the registrar, then 502 goes away'],
  }),
  retold({
    id: 'workers-exhausted-retold',
    cause:
      "The app server has no free worker for the request: PHP-FPM's pm.max_children reached, a full listen backlog, uWSGI's listen queue full, Heroku's H11 backlog. Requests wait or are turned away and the proxy answers 502 or 504. Add workers (memory permitting) or make the slow requests faster.",
    outcome: 'overload',
    log: 'app-server',
    source:
      'php-fpm.conf pm.max_children ("server reached pm.max_children setting") and listen.backlog (php.net/manual/en/install.fpm.configuration.php); uWSGI "listen queue of socket … full"; devcenter.heroku.com/articles/error-codes#h11-backlog-too-deep; retold in a sentence',
    anyOf: [
      'max_children',
      'max children',
      'maxchildren',
      'backlog',
      'Backlog',
      'BACKLOG',
      'isten queue',
      'rocesses',
      'orkers',
      '进程',
      '進程',
      '프로세스',
      '워커',
      'プロセス',
    ],
    test: (lower) => {
      if (includesAny(lower, ['max_children', 'max children', 'maxchildren', 'backlog'])) return true;
      if (lower.includes('listen queue') && lower.includes('full')) return true;
      const busyWords = includesAny(lower, [
        '进程数不足',
        '进程数',
        '进程不够',
        '进程不足',
        '处理不过来',
        '進程不足',
        '프로세스 부족',
        '워커 부족',
        'all workers are busy',
        'all workers busy',
        'no idle worker',
        'not enough workers',
        'not enough processes',
        'too few workers',
        'too few processes',
        'worker pool exhausted',
        'workers exhausted',
        'プロセス不足',
      ]);
      const busyPool =
        /\b(?:workers?|processes|children|threads)\b[^.;]{0,30}\b(?:all busy|busy|exhausted|saturated|maxed out|used up)\b/.test(
          lower,
        ) &&
        (namesGatewayStatus(lower, true) || includesAnyWord(lower, products));
      return (
        busyWords ||
        busyPool ||
        (/\b(?:only|maximum of|max of|at most) (?:accept |allow |run |handle |serve )?\d{1,5} (?:\w+ ){0,3}(?:processes|workers|children)\b/.test(
          lower,
        ) &&
          (namesGatewayStatus(lower, true) || includesAnyWord(lower, products) || lower.includes('php')))
      );
    },
    samples: [
      'PHP-FPM hit pm.max_children, so nginx answers 502 under load',
      'php-fpm 进程数不足，nginx 返回 502',
      'the pool can only run 5 PHP processes and the rest get a 504 from nginx',
      'nginx 502 because the php-fpm workers are all busy',
    ],
    nearMisses: ['we run 5 PHP processes', 'the workers restarted at midnight'],
  }),
  retold({
    id: 'keepalive-mismatch-retold',
    cause:
      "The proxy reuses an idle connection that the upstream has just closed: the upstream's keep-alive timeout is shorter than the proxy's or load balancer's idle timeout. Make the upstream's keep-alive timeout longer than the proxy's (an ALB's 60 s idle timeout needs the app's keep-alive above 60 s).",
    outcome: 'keepalive-mismatch',
    log: 'lb-closed',
    source:
      "docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout (the target's keep-alive should exceed the load balancer's idle timeout); nginx keepalive_timeout and upstream keepalive; retold in a sentence",
    anyOf: [
      'eepalive',
      'eep-alive',
      'eep alive',
      'EEPALIVE',
      'EEP-ALIVE',
      'onnection alive',
      'dle connection',
      'eused connection',
    ],
    test: (lower) =>
      includesAny(lower, [
        'keepalive',
        'keep-alive',
        'keep alive',
        'keeps the connection alive',
        'connection alive',
        'idle connection',
        'reused connection',
      ]) &&
      (namesGatewayStatus(lower, true) ||
        (includesAnyWord(lower, ['lb', ...products]) &&
          /\b(?:clos(?:e|es|ed|ing)|reset|reus(?:e|es|ed|ing)|mismatch|shorter|longer|race|error|errors|fail(?:s|ed|ing)?)\b/.test(
            lower,
          ))),
    samples: [
      "The 502s come from the load balancer reusing connections after the app's keep-alive timeout closed them",
      'an idle connection is reused just as the server closes it, hence the 502',
    ],
    nearMisses: [
      'keepalive_timeout 65;',
      'keep-alive is on for the browser',
      'I set keepalive_timeout 65 in nginx.conf',
    ],
  }),
  retold({
    id: 'upstream-closed-retold',
    cause:
      "The upstream closed the connection without sending a response: its worker crashed or was killed (a request time-out in the app server, PHP-FPM's request_terminate_timeout, the OOM killer), so the proxy answers 502. The app server's own log names the kill.",
    outcome: 'upstream-closed',
    log: 'closed',
    source:
      'nginx "upstream prematurely closed connection", HAProxy termination state SH, Heroku H13 ("the process … closes the socket without writing anything to it", devcenter.heroku.com/articles/error-codes#h13-connection-closed-without-response) and H18, PHP-FPM request_terminate_timeout; retold in a sentence',
    anyOf: [
      'clos',
      'Clos',
      'CLOS',
      'ang up',
      'angs up',
      'ung up',
      'erminat',
      'ERMINAT',
      'drop',
      'Drop',
      'kill',
      'Kill',
      'KILL',
      'bort',
      'without writing',
      'without sending',
      'without returning',
      '断开',
      '연결을 끊',
      '切断',
      'errupted',
    ],
    test: (lower) => {
      const closing =
        /\b(?:clos(?:es|ed|ing)|hangs? up|hung up|terminat(?:es|ed|ing)|drops?|dropped|kill(?:s|ed|ing)?|aborts?|aborted)\W{1,3}(?:the |its |a |that |this )?(?:connection|socket|request)s?\b/.test(
          lower,
        ) ||
        /\b(?:hangs? up|hung up|closes the socket|closed the socket) (?:before|without)\b/.test(lower) ||
        /\bwithout (?:writing|sending|returning) (?:anything|a response|any response|data)\b/.test(lower) ||
        includesAny(lower, [
          '主动断开',
          '连接被',
          '断开连接',
          '연결을 끊',
          '接続を切断',
          'kill掉',
          'request interrupted',
        ]);
      const killedWorker =
        /\bkill(?:s|ed|ing)?\b/.test(lower) && includesAny(lower, ['worker', '进程', 'process', 'dyno']);
      return (
        (closing || killedWorker) &&
        (namesGatewayStatus(lower, true) || includesAnyWord(lower, ['dyno', 'backend', 'worker', ...products]))
      );
    },
    samples: [
      'gunicorn terminates the connection when the worker times out, and nginx shows a 502',
      'The dyno accepts the connection but closes the socket without writing anything to it',
      'php-fpm 主进程 kill 掉工作进程，nginx 连接被主动断开，返回 502',
    ],
    nearMisses: ['close the connection pool on shutdown', 'the browser closes the connection after the page loads'],
  }),
  retold({
    id: 'upstream-not-running-retold',
    cause:
      'Nothing was listening where the proxy connects: the app or PHP-FPM is not running (crashed, not started), listens on another port or address, or localhost resolves to ::1 while the app binds 127.0.0.1 only. The proxy\'s error log shows "connection refused".',
    outcome: 'upstream-refused',
    log: 'refused',
    source:
      'ECONNREFUSED as the proxies log it (nginx "connect() failed (111: Connection refused)", Caddy "dial tcp … connect: connection refused"), retold in a sentence: the upstream not running, or localhost resolving to ::1 (Go and Node try IPv6 first) while the app binds IPv4',
    anyOf: [
      'not running',
      "n't running",
      'not started',
      'rashed',
      'rashing',
      'rashes',
      'ot binding',
      'ot bound',
      "an't reach",
      'annot reach',
      "an't connect",
      'annot connect',
      'nable to connect',
      "ouldn't connect",
      'othing handling',
      'othing listening',
      'othing is listening',
      'not listening',
      "n't listening",
      'efused',
      'efuses',
      'efusing',
      '::1',
      '没有启动',
      '没启动',
      '未启动',
      '连接不上',
      '连不上',
      '无法连接',
      '실행되지',
      '꺼져',
      '起動していない',
      'non è avviato',
      'non in esecuzione',
      'rrêté',
      'RRÊTÉ',
      'ne tourne pas',
      "n'est pas démarré",
      'no está corriendo',
      'no se está ejecutando',
      'äuft nicht',
      'icht gestartet',
      'não está rodando',
      'não está em execução',
    ],
    test: (lower) => {
      // "Connection refused" beside a proxy's name has its own rules (pages.ts, errno.ts).
      if (namesOtherService(lower) || lower.includes('connection refused')) return false;
      const ipFamilies =
        includesAny(lower, ['::1', 'ipv6']) &&
        includesAny(lower, ['127.0.0.1', 'ipv4']) &&
        includesAny(lower, ['bind', 'listen', 'dial', 'refus', '502']);
      if (ipFamilies) return true;
      const down =
        includesAny(lower, [
          'not running',
          "n't running",
          'not started',
          'nothing handling',
          'nothing listening',
          'nothing is listening',
          'not listening',
          "n't listening",
          '没有启动',
          '没启动',
          '未启动',
          '连接不上',
          '连不上',
          '无法连接',
          '실행되지',
          '起動していない',
          'non è avviato',
          'non in esecuzione',
          'arrêté',
          'ne tourne pas',
          "n'est pas démarré",
          'no está corriendo',
          'no se está ejecutando',
          'läuft nicht',
          'nicht gestartet',
          'não está rodando',
          'não está em execução',
        ]) ||
        /\bcrash(?:ed|ing|es)\b/.test(lower) ||
        /\b(?:not binding|not bound|can't reach|cannot reach|can't connect|cannot connect|unable to connect|couldn't connect)\b/.test(
          lower,
        ) ||
        /\brefus(?:ed|es|ing)\b/.test(lower);
      return down && namesGatewayStatus(lower, true) && includesAnyWord(lower, runningNouns);
    },
    samples: [
      'nginx gives a bad gateway because php-fpm is not running',
      "Caddy dials [::1]:8080 while the app binds 127.0.0.1:8080, so it's a 502",
      'php-fpm 没有启动，nginx 连接不上，返回 502',
      'a refused dial is a 502 synthesised by the proxy',
      'Erreur 502 : le serveur est arrêté',
    ],
    nearMisses: ['nginx is running and answers 200', 'postgres is not running, the app shows 502 from nginx'],
  }),
  retold({
    id: 'unix-socket-path-retold',
    cause:
      "The unix socket the proxy connects to is not there: the upstream (PHP-FPM after a PHP upgrade, gunicorn, puma) listens on another path, or is not running. Compare the proxy's fastcgi_pass / proxy_pass socket path with the upstream's listen setting.",
    outcome: 'unix-socket-missing',
    log: 'no-such-file',
    source:
      'nginx "connect() to unix:… failed (2: No such file or directory)" (reference §1) and PHP-FPM\'s versioned default socket (/run/php/php<version>-fpm.sock, Debian\'s php-fpm packages), retold in a sentence',
    anyOf: ['sock', 'Sock', 'SOCK'],
    test: (lower) =>
      includesAny(lower, ['.sock', 'socket']) &&
      /\b(?:path changed|changed path|wrong path|wrong socket|does not exist|doesn't exist|missing|not found|no such file|not there|disappeared|gone)\b/.test(
        lower,
      ) &&
      (namesGatewayStatus(lower, true) || includesAnyWord(lower, products) || lower.includes('.sock')),
    samples: [
      'nginx 502 after the PHP upgrade because the php-fpm socket path changed',
      'The socket /run/php/php7.4-fpm.sock does not exist any more',
    ],
    nearMisses: ['the socket /run/php/php8.2-fpm.sock is there', 'websocket connection closed'],
  }),
  retold({
    id: 'selinux-retold',
    cause:
      'SELinux keeps the web server from connecting to its upstream (or from opening the socket): on RHEL, CentOS, Rocky and Fedora, httpd_t may not connect out until the boolean httpd_can_network_connect is on (setsebool -P httpd_can_network_connect 1). The audit log shows the denial (avc: denied { name_connect }).',
    outcome: 'permission-denied',
    log: 'permission-denied',
    source:
      'selinux-policy httpd_selinux(8) (httpd_can_network_connect); the audit log\'s "avc: denied { name_connect }", retold beside a status',
    anyOf: ['SELinux', 'selinux', 'SELINUX', 'SeLinux'],
    test: (lower) =>
      lower.includes('selinux') &&
      (namesGatewayStatus(lower, true) ||
        /\b(?:block|blocks|blocked|blocking|deny|denies|denied|enforcing|prevent|prevents)\b/.test(lower)),
    samples: ['nginx 502 because SELinux blocks the connection to the upstream'],
    nearMisses: ['SELinux is disabled on this host'],
  }),
  retold({
    id: 'firewall-blocks-origin-retold',
    cause:
      "A firewall or security group between the proxy (or CDN) and the origin drops the connection: the proxy times out connecting and answers 502 or 504. Allow the proxy's or CDN's addresses to the origin's port.",
    outcome: 'firewall',
    log: 'no-route',
    source:
      'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-504-gateway-timeout.html (a firewall or security group that blocks CloudFront traffic to the origin gives 504); Cloudflare Error 522; retold in a sentence',
    anyOf: [
      'irewall',
      'IREWALL',
      'ecurity group',
      'ecurity Group',
      'etwork ACL',
      'NSG',
      'iptables',
      'ufw',
      '防火墙',
      '방화벽',
    ],
    test: (lower) =>
      includesAny(lower, ['firewall', 'security group', 'network acl', 'iptables', 'ufw', '防火墙', '방화벽']) &&
      !lower.includes('waf') &&
      /\b(?:block|blocks|blocked|blocking|drop|drops|dropped|deny|denies|denied|reject|rejects|rejected|filter|filters|拦截|屏蔽|차단)/.test(
        lower,
      ) &&
      (namesGatewayStatus(lower, true) || includesAnyWord(lower, products)),
    samples: [
      'The security group blocks the load balancer, so every request is a 504',
      'If the firewall on the origin drops CDN traffic you get a 504',
    ],
    nearMisses: ['The firewall allows port 443', 'the WAF blocked the request with 403'],
  }),
  retold({
    id: 'no-answer-in-time-retold',
    cause:
      "The upstream accepted the connection but sent no response before the proxy's or CDN's read timeout (Cloudflare 524 after 100-125 s, CloudFront's origin response timeout, an API gateway's integration timeout). Make the request faster, move it to a background job, or raise that timeout.",
    outcome: 'upstream-timeout',
    log: 'timed-out',
    source:
      'cloudflare-docs error-524 ("Cloudflare was able to make a TCP connection to the origin, but the origin did not reply with an HTTP response before the connection timed out"); CloudFront http-504-gateway-timeout.html (origin response timeout); retold in a sentence',
    anyOf: ['respond', 'RESPOND', 'reply', 'REPLY', 'eturn a response', 'o response'],
    test: (lower) =>
      !lower.includes('initial connection') &&
      /\b(?:did not|didn't|does not|doesn't|do not|don't|not|never|fails? to|failed to|no) (?:reply|respond|responding|return a response|send a response|response)\b/.test(
        lower,
      ) &&
      /\b(?:before|in time|within|timeout|timed out|expired|expires)\b/.test(lower),
    samples: [
      'The origin did not reply with an HTTP response before the connection timed out.',
      "The backend didn't respond before the request expired.",
      'If the backend fails to return a response within the configured timeout, the gateway answers 504',
    ],
    nearMisses: ['The backend did not respond with JSON', 'it responded before the deadline'],
  }),
  retold({
    id: 'timeout-named-retold',
    cause:
      "A proxy, CDN, load balancer or platform gave up waiting for the upstream's answer: its read timeout struck (nginx proxy_read_timeout 60 s, Heroku's router 30 s, API Gateway 29 s, Azure Front Door's origin response timeout, CloudFront's origin response timeout, an ALB's idle timeout). Make the request faster or raise that timeout on every hop.",
    outcome: 'upstream-timeout',
    log: 'timed-out',
    source:
      'reference §1-§7 (each proxy answers 504, some 502 or 503, when its read timeout strikes); learn.microsoft.com azure/frontdoor troubleshoot-issues (503: raise the origin response timeout / sendReceiveTimeout); CloudFront http-504-gateway-timeout.html; devcenter.heroku.com error-codes#h12-request-timeout; retold in a sentence that names the product beside a timeout',
    anyOf: [...timeoutLiterals, 'after ', 'After ', 'over ', 'than '],
    test: (lower) => {
      const status = namesGatewayStatus(lower, true);
      // Without a status, a setting's name alone (`proxy_read_timeout`) is a mention, not a
      // timeout that struck: snake_case names are left out of the words looked for.
      const plain = withoutStatusNames(lower);
      const text = status ? plain : plain.replace(/\w{1,40}_timeout\b/g, ' ');
      const timeout = includesAny(text, timeoutWords) || duration.test(text);
      if (!timeout || includesAny(text, connectPhase) || namesOtherService(text)) return false;
      return status || includesAnyWord(text, products);
    },
    samples: [
      'Heroku router timeouts on the report page',
      'the execution exceeds the timeout of Azure Front Door',
      'We see nginx timeouts during product imports',
      'Azure Front Door hits its origin response timeout on long exports',
      'nginx 超时 返回 504',
    ],
    nearMisses: [
      'nginx 504 Gateway Timeout',
      'proxy_connect_timeout 5s is too short',
      'The nginx docs describe proxy_read_timeout',
      'the redis timeout is 5 s',
      'the session timeout is 30 minutes',
    ],
  }),
  retold({
    id: 'serverless-response-format-retold',
    cause:
      "The function's answer is not what the gateway expects: API Gateway's and the ALB's Lambda integrations need an object with a numeric statusCode, headers and a string body; anything else (a plain string, a missing statusCode, an error) is a 502.",
    outcome: 'serverless-response',
    implies: admin('api-gateway', undefined, { 'gateway-target': 'function' }),
    source:
      'repost.aws/knowledge-center/malformed-502-api-gateway ("If your Lambda function\'s permissions are incorrect or the response to the API request isn\'t formatted correctly, then API Gateway returns an HTTP 502"); docs.aws.amazon.com apigateway set-up-lambda-proxy-integrations (output format)',
    anyOf: ['ambda', 'AMBDA', 'unction'],
    test: (lower) =>
      includesAny(lower, ['lambda', 'function']) &&
      lower.includes('response') &&
      /\b(?:formatted|format|malformed|invalid|not valid|incorrect|wrong)\b/.test(lower) &&
      (namesGatewayStatus(lower) || includesAnyWord(lower, ['api gateway', 'alb', 'load balancer', 'gateway'])),
    samples: ["If the Lambda function's response isn't formatted the way API Gateway expects, it answers 502"],
    nearMisses: ['the lambda function response time is 200 ms', 'format the response as JSON'],
  }),
  retold({
    id: 'health-probe-retold',
    cause:
      "The load balancer or gateway marks its backends unhealthy: its health probe gets no answer or a status it does not expect, so it has nowhere to send the request (502/503). Fix the probe's path, port, host or expected status, or the app's answer to it.",
    outcome: 'lb-health-checks',
    log: 'unhealthy',
    source:
      'learn.microsoft.com azure/application-gateway application-gateway-backend-health-troubleshooting ("Status code of the backend\'s HTTP response did not match the probe setting"; backend pool Unhealthy gives 502); docs.aws.amazon.com elasticloadbalancing target-group-health-checks',
    anyOf: ['nhealthy', 'NHEALTHY', 'ealth probe', 'ealth check', 'ealthcheck', 'robe setting', 'robe', 'o healthy'],
    test: (lower) =>
      (includesAnyWord(lower, ['unhealthy']) ||
        includesAny(lower, ['health probe', 'health check', 'healthcheck', 'probe setting']) ||
        /\bno healthy (?:droplets?|targets?|instances?|hosts?|vms?|nodes?|backends?)\b/.test(lower)) &&
      includesAny(lower, [
        'backend',
        'pool',
        'target',
        'vm',
        'instance',
        'node',
        'probe',
        '502',
        '503',
        'gateway',
        'load balancer',
      ]),
    samples: [
      'The backend pool is Unhealthy, so Application Gateway answers 502',
      "The backend's status code did not match the probe setting",
    ],
    nearMisses: ['the app is healthy', 'the status page is green on all nodes'],
  }),
  retold({
    id: 'upstream-certificate-mismatch-retold',
    cause:
      "The proxy or CDN refused the origin's TLS certificate: its name does not match the host the proxy connects with (or the chain is not trusted). Make the origin serve a certificate for the name the proxy uses (SNI), or point the proxy at that name.",
    outcome: 'upstream-tls',
    log: 'tls-error',
    source:
      'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html#ssl-negotitation-failure (the origin certificate must match the origin domain name); nginx proxy_ssl_verify and proxy_ssl_name; retold in a sentence',
    anyOf: ['SSL', 'ssl', 'TLS', 'tls', 'ertificate', 'ERTIFICATE', 'cert'],
    test: (lower) =>
      includesAny(lower, ['ssl', 'tls', 'certificate', 'cert']) &&
      includesAny(lower, [
        'mismatch',
        'does not match',
        "doesn't match",
        'not valid for',
        'negotiation fail',
        'handshake fail',
        'name mismatch',
      ]) &&
      (namesGatewayStatus(lower) ||
        includesAnyWord(lower, ['origin', 'upstream', 'backend', 'cloudfront', 'proxy', 'cdn'])),
    samples: [
      'CloudFront cannot reach the origin because of a name mismatch on its SSL certificate',
      'mismatched TLS certificate on the upstream gives a 502',
    ],
    nearMisses: ['the certificate matches the domain', 'SSL is on'],
  }),
];

/** Gates of the retold rules: every rule needs one of these literals (see `index.ts`). */
export const retoldGates: readonly string[] = [
  ...new Set(retoldRules.flatMap((rule) => [...rule.includes.slice(0, 1), ...(rule.anyOf ?? [])])),
];

/** Words of a Kubernetes ingress, lower case, whole words. */
const ingressWords = ['ingress', 'ingress-nginx', 'nginx-ingress', 'kubernetes', 'k8s', 'ingress controller'];

/** Content delivery networks other than Cloudflare, lower case, whole words. */
const cdnWords = [
  'cloudfront',
  'fastly',
  'akamai',
  // The Server header's value of Akamai's edge, quoted beside the status it answered.
  'akamaighost',
  'front door',
  'frontdoor',
  'azure cdn',
  'bunnycdn',
  'keycdn',
  'stackpath',
  'cdn77',
  'cdn',
];

/** API gateways (Kong has its own rules), lower case, whole words. */
const gatewayWords = ['api gateway', 'api-gateway', 'apigateway', 'apig', 'apigee', 'api management', 'apim'];

/** Proxies with their own who-answered rules: a line naming one of them is left to those. */
const ownRules = ['traefik', 'haproxy', 'istio', 'envoy', 'kong', 'cloudflare', 'caddy', 'apache', 'heroku'];

/** A who-answered rule for a sentence naming `words` beside a gateway status. */
function namedBeside(
  id: string,
  software: Rule['software'],
  proxy: Parameters<typeof admin>[0],
  what: string,
  words: readonly string[],
  anyOf: readonly string[],
  samples: readonly string[],
  nearMisses: readonly string[],
  source: string,
): Rule {
  return {
    id,
    software,
    kind: 'who-answered',
    cause: `The report names ${what} as what answered with the 502, 503 or 504: it answers that itself when it gets no usable answer from behind it. Next: find the request in its log and paste that line here.`,
    outcome: 'general-checklist',
    implies: admin(proxy),
    source,
    includes: [],
    anyOf,
    test: (line) => {
      const lower = lowered(line);
      return namesGatewayStatus(lower, true) && includesAnyWord(lower, words) && !includesAnyWord(lower, ownRules);
    },
    samples,
    nearMisses,
  };
}

export const retoldWhoRules: readonly Rule[] = [
  namedBeside(
    'k8s-ingress-named-with-status',
    'kubernetes',
    'k8s-ingress',
    'a Kubernetes ingress (ingress-nginx or another controller)',
    ingressWords,
    ['ngress', 'NGRESS', 'ubernetes', 'UBERNETES', 'k8s', 'K8s', 'K8S'],
    [
      'ingress-nginx returns 502 Bad Gateway for the new service',
      'Nginx: 502 Bad Gateway after deploying the chart in our Kubernetes cluster',
    ],
    ['the ingress works and returns 200', 'Traefik ingress 502'],
    'kubernetes.github.io/ingress-nginx (the controller is nginx and answers 502/503/504 for its backends); a sentence naming an ingress or Kubernetes beside the status',
  ),
  namedBeside(
    'cdn-named-with-status',
    'aws-cloudfront',
    'other-cdn',
    'a CDN (CloudFront, Fastly, Akamai, Azure Front Door)',
    cdnWords,
    [
      'loudfront',
      'LOUDFRONT',
      'loudFront',
      'astly',
      'ASTLY',
      'kamai',
      'KAMAI',
      'ront door',
      'ront Door',
      'rontdoor',
      'rontDoor',
      'CDN',
      'cdn',
    ],
    ['investigate 502 responses from CloudFront', 'Fastly answers 503 for the admin pages'],
    ['CloudFront serves the images fine', 'Cloudflare CDN 522'],
    'CloudFront, Fastly and Akamai each generate 5xx pages when the origin fails (docs.aws.amazon.com/AmazonCloudFront http-502-bad-gateway.html, fastly.com/documentation/guides/vcl/errors), named beside the status in a sentence',
  ),
  namedBeside(
    'api-gateway-named-with-status',
    'aws-api-gateway',
    'api-gateway',
    'an API gateway',
    gatewayWords,
    [
      'pi gateway',
      'PI Gateway',
      'PI gateway',
      'pi Gateway',
      'PI GATEWAY',
      'pi-gateway',
      'piGateway',
      'pigateway',
      'APIG',
      'pigee',
      'PIM',
      'pi Management',
      'pi management',
    ],
    [
      'Increased 502 rate in API Gateway',
      'APIG returns 502 for the order service',
      'the API gateway returns 502 for every call',
    ],
    ['API Gateway returns 200', 'the api gateway docs'],
    'docs.aws.amazon.com/apigateway (API Gateway answers 502 for an invalid integration response and 504 on its integration timeout), named beside the status in a sentence',
  ),
  {
    id: 'api-gateway-method-completed',
    software: 'aws-api-gateway',
    kind: 'who-answered',
    cause:
      'API Gateway\'s execution log records the status it sent: the lines just above it ("Execution failed due to configuration error", "Lambda execution failed", "Endpoint response body before transformations") say why. Next: paste those lines.',
    outcome: 'general-checklist',
    implies: admin('api-gateway'),
    source:
      'repost.aws/knowledge-center/malformed-502-api-gateway (CloudWatch execution log: "Method completed with status: 502")',
    includes: ['Method completed with status: 50'],
    samples: ['Wed Aug 03 09:10:00 UTC 2022 : Method completed with status: 502'],
    nearMisses: ['Method completed with status: 200'],
  },
  {
    id: 'cloudflare-page-footer',
    software: 'cloudflare',
    kind: 'who-answered',
    cause:
      'The page is Cloudflare\'s own 5xx error page (its footer links to cloudflare.com/5xx-error-landing with the code): Cloudflare got no usable answer from the origin. Next: paste the page\'s title or its "Error code 52x" line.',
    outcome: 'general-checklist',
    implies: admin('cloudflare'),
    source:
      'Cloudflare\'s 5xx error page footer ("Visit cloudflare.com for more information", linking www.cloudflare.com/5xx-error-landing?utm_source=errorcode_5xx), as in the saved 520 page of gist cbarley10/61cb71de0327d52a63e0c6955bd13423',
    includes: ['5xx-error-landing'],
    samples: [
      '<a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502&utm_campaign=example.com">cloudflare.com</a>',
    ],
    nearMisses: ['https://www.cloudflare.com/learning/'],
  },
  {
    id: 'cloudfront-page-body',
    software: 'aws-cloudfront',
    kind: 'who-answered',
    cause:
      "The page is CloudFront's own error page (\"The request could not be satisfied … We can't connect to the server for this app or website at this time\"): the line above that sentence, and the status in its heading, say what failed (502 the origin connection or TLS, 504 the origin timed out, 503 a Lambda@Edge or capacity error). Next: paste the page's heading and first line.",
    outcome: 'general-checklist',
    implies: admin('other-cdn'),
    source:
      'the CloudFront-generated error page, as quoted in dyatko/arkit#848 (504), MrLuit/EtherScamDB#1505 (502) and neherlab/covid19_scenarios#51 (503)',
    includes: [],
    anyOf: ['connect to the server for this app or website', 'connect to the server for this app or website'],
    test: (line) => lowered(line).includes('connect to the server for this app or website'),
    samples: [
      "We can't connect to the server for this app or website at this time. There might be too much traffic or a configuration error. Try again later, or contact the app or website owner.",
    ],
    nearMisses: ['We can connect to the app again'],
  },
  {
    id: 'varnish-error-page',
    software: 'varnish',
    kind: 'who-answered',
    cause:
      'The page is Varnish\'s own error page ("Guru Meditation", "Varnish cache server"): Varnish (self-hosted, or inside a CDN built on it such as Fastly) got no usable answer from its backend. "Backend fetch failed" means the fetch itself failed: the backend refused, reset or timed out. Next: varnishlog -g request -q \'RespStatus >= 500\' shows the FetchError.',
    outcome: 'general-checklist',
    implies: admin('other-cdn'),
    source:
      'varnishcache/varnish-cache bin/varnishd/builtin.vcl (vcl_backend_error and vcl_synth: "<h1>Error 503 Backend fetch failed</h1>", "<h3>Guru Meditation:</h3>", "<p>XID: …</p>", "<p>Varnish cache server</p>")',
    includes: [],
    anyOf: ['Guru Meditation', 'GURU MEDITATION', 'guru meditation', 'Varnish cache server'],
    test: (line) => {
      if (line.includes('Varnish cache server')) return true;
      const lower = lowered(line);
      return (
        lower.includes('guru meditation') &&
        (lower.includes('xid') || lower.includes('backend fetch failed') || includesWord(lower, '503'))
      );
    },
    samples: ['Error 503 Backend fetch failed Guru Meditation: XID: 98765', '<p>Varnish cache server</p>'],
    nearMisses: ["Guru Meditation Error: Core 0 panic'ed (Task watchdog got triggered)"],
  },
  {
    id: 'envoy-response-header',
    software: 'envoy',
    kind: 'who-answered',
    cause:
      "The response passed through Envoy (an x-envoy-* header: a service mesh sidecar such as Istio's, or an Envoy-based gateway): on a 503 or 502 Envoy's access log gives the response flags (UF, UH, URX, UT…) that say why. Next: paste the access-log line of that request.",
    outcome: 'general-checklist',
    implies: admin('mesh'),
    source:
      'envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/headers (x-envoy-upstream-service-time, x-envoy-decorator-operation, x-envoy-overloaded … set by Envoy on responses)',
    includes: [],
    anyOf: ['x-envoy-', 'X-Envoy-', 'X-ENVOY-'],
    test: (line) => /(?:^|[\s"'`<])x-envoy-[a-z-]{2,40}\s{0,3}[:=]/.test(line.toLowerCase()),
    samples: ['x-envoy-upstream-service-time: 12', '< X-Envoy-Decorator-Operation: ingress'],
    nearMisses: ['set the header x-envoy-retry-on in the route', 'proxy-x-envoy-thing'],
  },
];

/** Gates of the who-answered rules above. */
export const retoldWhoGates: readonly string[] = [
  ...new Set(retoldWhoRules.flatMap((rule) => [...rule.includes.slice(0, 1), ...(rule.anyOf ?? [])])),
];

/**
 * A bare `504 Gateway Time-out` (a browser console, a client's exception) with no proxy named
 * and no other cause: the status itself says a gateway timed out waiting for its upstream.
 * Tried after the who-answered sentences, so a line that names the proxy leads to it.
 */
export const gatewayTimeoutStatusRule: Rule = retold({
  id: 'gateway-timeout-status',
  cause:
    "The 504 Gateway Timeout says a proxy in front of the app waited longer than its read timeout for the app's answer. Which proxy is not named: the response's Server header or error page tells, and that proxy's log names the upstream that was slow.",
  outcome: 'upstream-timeout',
  log: 'timed-out',
  source: 'RFC 9110 §15.6.5 (504 Gateway Timeout: a gateway did not receive a timely response from an upstream server)',
  anyOf: ['504'],
  test: (lower) =>
    includesWord(lower, '504') &&
    includesAny(lower, ['gateway time-out', 'gateway timeout', 'gateway time out']) &&
    !includesAny(lower, ['refus', 'reset', 'unreachable', 'resolv', 'certificate', 'tls', 'ssl']),
  samples: ['GET https://example.com/api/report 504 (Gateway Time-out)'],
  nearMisses: ['504 Gateway Timeout: connection refused', 'the 504 page template'],
});
