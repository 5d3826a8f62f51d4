/**
 * Round 9: the general families behind batch 8's misses, each written from the vendor's
 * documents or source rather than from one pasted line:
 *
 * - Apache 2.2's and the FastCGI modules' own messages (APR_TIMEUP `(70007)` before a proxy
 *   message, mod_fastcgi's `comm with server … aborted: idle timeout`, `error parsing headers`
 *   and `incomplete headers`, mod_fcgid's read time-out, closed connection and process slots)
 *   and nginx_ajp_module's `upstream sent unexpected AJP …`;
 * - platforms' "the app did not start or does not listen where we send" messages (App
 *   Service's HTTP pings, Cloud Run's PORT contract, Elastic Beanstalk, Fly.io's 0.0.0.0,
 *   ngrok's "make sure a web service is running") and the same told in a sentence;
 * - causes told beside a product's name that the who-answered sentences took: a slow upstream
 *   that needs more time, a duration limit beside a 503, a timeout directive named as the
 *   cause, a Lambda response an ALB rejects, idle keep-alive connections closed by the
 *   upstream, a reset (RST, ECONNRESET) or an EOF from the upstream, a container on another
 *   network than the proxy, a TLS handshake or certificate check against the origin;
 * - Cloudflare's documented 520 description, response headers over a size, Heroku codes in
 *   the plural, Envoy's response-code details written with spaces, Vercel's routing, cache and
 *   image codes;
 * - who answered: CloudFront's `x-amz-cf-pop`, API Gateway's `apigw-requestid`, Cloudflare's
 *   old `cloudflare-nginx` server name, cloudflared named beside a status, App Service's
 *   `:( Application Error` page, the AWS Load Balancer Controller and a cloud's load balancers.
 *
 * Every test lower-cases the line once (`lowered`) and makes substring checks or bounded
 * regular expressions without nested quantifiers, so matching stays linear in the line.
 */
import { includesAny, includesAnyWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin, cloudflareCode } from './answers.ts';
import { herokuCodes } from './codes.ts';
import { namesOtherService } from './errno.ts';
import { described, gatesOf, headerGates, headerLine, whoAnswered } from './vendor.ts';
import { gatesOfRules, lowered, namesGatewayStatus } from './words.ts';

/** An Apache error_log line (2.2 or 2.4) for samples. */
const apache22 = (message: string) => `[Tue Mar 03 10:15:42 2026] [error] ${message}`;

/** Markers of a proxy or gateway module's message after an APR error text. */
const proxyModuleMarks = [
  'proxy:',
  'proxy_',
  'ajp_',
  'fcgi',
  'fastcgi',
  'scgi',
  'uwsgi',
  'backend',
  'remote server',
  'read response',
  'balancer',
];

/**
 * Apache's and its FastCGI modules' messages no older rule reads. Lines in Apache's format
 * are only tried against Apache's group, so these join it (`index.ts`), before the AJP rule.
 */
export const apacheFamilyRules: readonly Rule[] = [
  {
    id: 'apache-apr-timeup-proxy',
    software: 'apache',
    cause:
      'Apache gave up waiting for the backend (APR_TIMEUP, "(70007)The timeout specified has expired", before a proxy, AJP or FastCGI message): the backend accepted the request but did not answer within Timeout or ProxyTimeout. Find the slow request in the backend\'s log, or raise ProxyTimeout (or timeout= on the ProxyPass line).',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('apache', 'timed-out'),
    source:
      'apache/apr include/apr_errno.h (APR_TIMEUP = APR_OS_START_STATUS + 7 = 70007, APR_OS_START_STATUS = 70000; apr_strerror text "The timeout specified has expired"); httpd 2.2 mod_proxy_ajp/mod_proxy_http log the APR status before "ajp_ilink_receive() can\'t receive header" and "proxy: read response failed from"',
    includes: ['(70007)'],
    test: (line) => includesAny(lowered(line), proxyModuleMarks),
    samples: [
      apache22('(70007)The timeout specified has expired: proxy: read response failed from 10.0.0.7:8009 (app1)'),
      apache22("(70007)The timeout specified has expired: ajp_ilink_receive() can't receive header"),
      '[Tue Mar 03 10:15:42.123456 2026] [proxy_ajp:error] [pid 2211:tid 14009] (70007)The timeout specified has expired: [client 198.51.100.7:52310] AH00992: ajp_read_header: ajp_ilink_receive failed',
    ],
    nearMisses: [
      apache22('(70007)The timeout specified has expired: [client 10.0.0.1] AH01382: Request header read timeout'),
      apache22("(104)Connection reset by peer: ajp_ilink_receive() can't receive header"),
    ],
  },
  {
    id: 'mod-fastcgi-idle-timeout',
    software: 'apache',
    cause:
      'mod_fastcgi gave up on the FastCGI application (PHP) after its idle timeout (-idle-timeout of FastCgiExternalServer or FastCgiServer, 30 s by default) without output, and Apache answered with an error. Find the slow script, or raise -idle-timeout.',
    outcome: 'upstream-timeout',
    status: 500,
    implies: admin('apache', 'timed-out'),
    source:
      'FastCGI-Archives/mod_fastcgi mod_fastcgi.c ("FastCGI: comm with server \\"%s\\" aborted: idle timeout (%d sec)" and "comm with (dynamic) server \\"%s\\" aborted: (first read) idle timeout (%d sec)")',
    includes: ['FastCGI: comm with'],
    test: (line) => line.includes('idle timeout ('),
    samples: [
      apache22(
        '[client 10.0.0.5] FastCGI: comm with server "/var/www/php-fcgi/php5.fcgi" aborted: idle timeout (120 sec)',
      ),
      'FastCGI: comm with (dynamic) server "/var/www/cgi-bin/app.fcgi" aborted: (first read) idle timeout (60 sec)',
    ],
    nearMisses: ['FastCGI: comm with server "/var/www/cgi-bin/app.fcgi" aborted: select() failed'],
  },
  {
    id: 'mod-fastcgi-bad-headers',
    software: 'apache',
    cause:
      'mod_fastcgi could not parse the headers the FastCGI application sent (a malformed line, a duplicate or invalid header, a bad Status value), so it aborted the request and Apache answered with an error. The message after "error parsing headers:" names the header; fix what the script prints before its body.',
    outcome: 'invalid-response',
    status: 500,
    implies: admin('apache'),
    source:
      'FastCGI-Archives/mod_fastcgi mod_fastcgi.c ("FastCGI: comm with server \\"%s\\" aborted: error parsing headers: %s", logged when process_headers() rejects the script\'s headers)',
    includes: ['FastCGI: comm with'],
    test: (line) => line.includes('aborted: error parsing headers'),
    samples: [
      apache22(
        '[client 10.0.0.5] FastCGI: comm with server "/usr/lib/cgi-bin/php7-fcgi" aborted: error parsing headers: duplicate header \'Content-Type\'',
      ),
    ],
    nearMisses: ['FastCGI: comm with server "/usr/lib/cgi-bin/php7-fcgi" aborted: idle timeout (30 sec)'],
  },
  {
    id: 'mod-fastcgi-incomplete-headers',
    software: 'apache',
    cause:
      "mod_fastcgi read only part of the response headers before the FastCGI application stopped sending: it crashed, exited or was killed mid-request (Apache answers 500). The application's own log (PHP's error_log) names the fatal error.",
    outcome: 'upstream-closed',
    status: 500,
    implies: admin('apache', 'reset'),
    source:
      'FastCGI-Archives/mod_fastcgi mod_fastcgi.c ("FastCGI: incomplete headers (%d bytes) received from server \\"%s\\"", logged when the response ends while its headers are still being read)',
    includes: ['FastCGI: incomplete headers ('],
    samples: [
      apache22(
        '[client 10.0.0.5] FastCGI: incomplete headers (0 bytes) received from server "/usr/lib/cgi-bin/php5-fcgi"',
      ),
    ],
    nearMisses: ['FastCGI: headers received from server "/usr/lib/cgi-bin/php5-fcgi"'],
  },
  {
    id: 'mod-fcgid-read-timeout',
    software: 'apache',
    cause:
      "mod_fcgid waited longer than FcgidIOTimeout (40 s by default) for the FastCGI application's output and gave up. Find the slow script, or raise FcgidIOTimeout.",
    outcome: 'upstream-timeout',
    status: 500,
    implies: admin('apache', 'timed-out'),
    source:
      'apache/httpd-mod_fcgid modules/fcgid/fcgid_proc_unix.c ("mod_fcgid: read data timeout in %d seconds"); httpd.apache.org/mod_fcgid/mod/mod_fcgid.html (FcgidIOTimeout, default 40 s)',
    includes: ['mod_fcgid: read data timeout in '],
    samples: [
      '[Tue Mar 03 10:15:42.123456 2026] [fcgid:warn] [pid 4412] [client 10.0.0.5:51234] mod_fcgid: read data timeout in 40 seconds',
    ],
    nearMisses: ['mod_fcgid: read data from fastcgi server'],
  },
  {
    id: 'mod-fcgid-server-closed',
    software: 'apache',
    cause:
      "The FastCGI application closed the connection before mod_fcgid read its whole response: it crashed, exited (FcgidMaxRequestsPerProcess, PHP_FCGI_MAX_REQUESTS) or was killed. The application's own log says why.",
    outcome: 'upstream-closed',
    status: 500,
    implies: admin('apache', 'reset'),
    source:
      'apache/httpd-mod_fcgid modules/fcgid/fcgid_proc_unix.c ("mod_fcgid: error reading data, FastCGI server closed connection", "mod_fcgid: error reading data from FastCGI server")',
    includes: ['mod_fcgid: error reading data'],
    samples: [
      '[Tue Mar 03 10:15:42.123456 2026] [fcgid:warn] [pid 4412] (104)Connection reset by peer: [client 10.0.0.5:51234] mod_fcgid: error reading data from FastCGI server',
      'mod_fcgid: error reading data, FastCGI server closed connection',
    ],
    nearMisses: ['mod_fcgid: reading data from FastCGI server'],
  },
  {
    id: 'mod-fcgid-no-process-slot',
    software: 'apache',
    cause:
      'mod_fcgid could not get a FastCGI process for the request: every process allowed (FcgidMaxProcesses, FcgidMaxProcessesPerClass) was busy, so Apache answered 503. Raise the limits or find the slow scripts.',
    outcome: 'overload',
    status: 503,
    implies: admin('apache'),
    source: 'apache/httpd-mod_fcgid modules/fcgid/fcgid_bridge.c ("mod_fcgid: can\'t apply process slot for %s")',
    includes: ["mod_fcgid: can't apply process slot for "],
    samples: [
      "[Tue Mar 03 10:15:42.123456 2026] [fcgid:warn] [pid 4412] [client 10.0.0.5:51234] mod_fcgid: can't apply process slot for /var/www/cgi-bin/php.fcgi",
    ],
    nearMisses: ['mod_fcgid: process slot applied for /var/www/cgi-bin/php.fcgi'],
  },
];

/**
 * nginx_ajp_module's complaint about the AJP stream (the upstream phase's "upstream sent"
 * wording, so it joins nginx's response group in `index.ts`).
 */
export const nginxAjpRule: Rule = {
  id: 'nginx-ajp-unexpected-packet',
  software: 'nginx',
  cause:
    'nginx\'s AJP module read something that is not an AJP packet from the upstream (a wrong packet type or preamble: preamble 72 is the "H" of an HTTP server answering on the AJP port). Point ajp_pass at Tomcat\'s AJP connector (8009), or use proxy_pass for its HTTP port.',
  outcome: 'invalid-response',
  status: 502,
  implies: admin('nginx', 'invalid-header'),
  source:
    'yaoweibin/nginx_ajp_module ngx_http_ajp_handler.c ("upstream sent unexpected AJP preamble1: %d", "… preamble2: %d", "upstream sent unexpected AJP type: %d")',
  includes: ['upstream sent unexpected AJP '],
  samples: [
    '2026/03/03 10:15:42 [error] 1234#0: *55 upstream sent unexpected AJP type: 6 while reading upstream, client: 10.0.0.5, server: shop.example, request: "GET /cart HTTP/1.1", upstream: "ajp://127.0.0.1:8009"',
    'upstream sent unexpected AJP preamble1: 72 while reading response header from upstream',
  ],
  nearMisses: ['upstream sent unexpected FastCGI record: 3 while reading response header from upstream'],
};

/** Products a sentence can name as the proxy or platform in front of the app, whole words. */
const frontNames = [
  'nginx',
  'nginx-proxy',
  'haproxy',
  'apache',
  'httpd',
  'caddy',
  'traefik',
  'envoy',
  'proxy',
  'reverse proxy',
  'load balancer',
  'gateway',
  'ingress',
  'cloudflare',
  'heroku',
  'edge',
  'cdn',
  'alb',
  'elb',
];

/** Whether `lower` names a proxy, platform or gateway status. */
function namesFront(lower: string, with503 = true): boolean {
  return namesGatewayStatus(lower, with503) || includesAnyWord(lower, frontNames);
}

/**
 * Gate literals for `verbs` after a negation (`n't start`, `not listening on`, `never run`),
 * with a plain or typographic apostrophe, and `forgot to start`, `run` or `launch`.
 */
function negatedGates(...verbs: readonly string[]): string[] {
  return [
    ...verbs.flatMap((verb) => [`n't ${verb}`, `n’t ${verb}`, `ot ${verb}`, `ever ${verb}`]),
    ...['start', 'run', 'launch'].map((verb) => `forgot to ${verb}`),
  ];
}

/** Whether `lower` says the app runs in a container (where 127.0.0.1 is the container's own). */
function inContainer(lower: string): boolean {
  return includesAnyWord(lower, ['container', 'containers', 'docker', 'pod', 'compose']);
}

/** Platform messages for an app that did not start or listen where the platform sends. */
const notStartedPhrases = [
  'respond to http pings on port',
  // Azure Container Apps' activation failure ("The TargetPort 8000 does not match the
  // listening port 80").
  'does not match the listening port',
  'does not match any of the listening ports',
  'failed to start and then listen on the port',
  'failed to start and listen on the port',
  "couldn't find or start your app",
  'could not find or start your app',
  'make sure that a web service is running on',
  'make sure a web service is running on',
  'tcp health check failed on port',
  'tcp health checks failed on port',
  'deploy error: health checks',
  'failing site start',
  'terminated during site startup',
  'startup tcp probe failed',
];

const loopbackOnly =
  /\b(?:only )?(?:listening|listens|bound|binds|bind) (?:to |on )?(?:`|'|")?(?:127\.0\.0\.1|localhost)\b/;
const notListening =
  /\b(?:server|webserver|app|application|service|container|process|backend|nginx|apache)\b[^.;:!?]{0,40}\b(?:isn't|is not|wasn't|was not|not|never)\b (?:actually |even |yet |really )?(?:running|listening|bound) on (?:the |its |any |a |port|localhost|127\.|0\.0\.0\.0|:|\d)/;
const noneListening =
  /\b(?:no|not|n't|nothing)\b[^.;:!?]{0,30}\b(?:web ?server|server|app|application|service|process)\b (?:is )?(?:running|listening) on (?:port|localhost|127\.|0\.0\.0\.0|:|\d)|\b(?:nothing|nobody|no one) (?:is |was )?(?:running|listening|listens) on (?:port|localhost|127\.|0\.0\.0\.0|:|\d)/;
const notStarted =
  /\b(?:didn't|did not|forgot to|never|hadn't|had not|wasn't|was not) (?:start|run|launch|started|launched)(?:ed)? (?:up )?(?:my|the|our|your) (?:web ?server|server|app|application|backend|service|container)\b/;
const mustListenAll = /\b(?:must|should|needs? to|has to|have to) (?:listen|bind)(?: to| on)? (?:`|'|")?0\.0\.0\.0/;
const listensElsewhere =
  /\blisten(?:s|ing)? on (?:port )?:?\d{2,5}\b[^.;]{0,40}\b(?:but|while|whereas)\b[^.;]{0,40}\b(?:expects?|expected|sends?|forwards?|routes?|configured|targets?|proxies|points?)\b/;
const portMismatch =
  /\b(?:wrong|mismatched|incorrect|different) port\b|\bport (?:number )?(?:mismatch|was wrong|is wrong)\b|\bport\b[^.;]{0,40}\bneed(?:ed|s)? to be \d{2,5}\b|\btarget ?port\b[^.;]{0,40}\b(?:does not|doesn't|didn't|did not) match\b/;

/**
 * The timeout family retold: a slow upstream that needs more time beside a proxy's name or a
 * status, a duration limit beside a status, a timeout directive named as the cause.
 */
const slowWords =
  /\b(?:more time|longer timeout|wait(?:s|ing)? longer|how long [a-z-]{2,20} waits|extend(?:ing)? (?:the )?(?:time|timeout|how long)|(?:legitimately |very |too |really )?slow(?:er)? (?:to respond|to answer|moving|sites?|requests?|responses?|endpoints?|backends?|upstreams?|queries)|long[- ]running (?:requests?|queries|jobs?|tasks?|processes)|(?:took|takes|taking|take) too long|(?:gave|gives|giving) up|(?:cannot|can't|could not|couldn't|does not|doesn't|did not|didn't|not) (?:receive|get) (?:the |a )?response in time|(?:respond|answer) in time)\b/;
const durationLimit =
  /\b(?:take|takes|taking|took|run|runs|after|within|longer than|more than|over|exceed(?:s|ed|ing)?|limit(?:ed)? (?:of|to)) \d{1,5} ?(?:seconds|second|secs|minutes|minute)\b/;
const timeoutDirectives = [
  'proxy_read_timeout',
  'fastcgi_read_timeout',
  'uwsgi_read_timeout',
  'proxy_connect_timeout',
  'proxytimeout',
  'timeout server',
];
const causeWords = [
  'cause',
  'missing',
  'increase',
  'raise',
  'raising',
  'default',
  'up to',
  'setting',
  'extend',
  'bump',
  'not set',
  'too low',
  'too short',
];

/** Idle connections closed by the upstream while the proxy reuses them (keep-alive race). */
const keepaliveShorter =
  /\bkeep-?alive(?:[ _]?timeouts?| idle timeout)?\b[^.;]{0,40}\b(?:less|shorter|lower|smaller|fewer) than\b|\b(?:less|shorter|lower|smaller|fewer) than (?:the |its |their )?[^.;]{0,30}\bkeep-?alive\b|\bkeep-?alive\b[^.;]{0,40}\b(?:less|shorter|lower|smaller) (?:than|value)\b/;
const idleHangUp =
  /\b(?:hang(?:s|ing)? up|hung up|clos(?:e|es|ed|ing)|drop(?:s|ped|ping)?|terminat(?:e|es|ed|ing)|reset(?:s|ting)?) (?:on )?(?:an |the |their |its |a )?idle (?:keep-?alive |tcp |http )?connections?\b/;
const closeRace =
  /\bclos(?:e|es|ed|ing) (?:the |a |an )?(?:idle |tcp |keep-?alive )?connection\b[^.;]{0,80}\b(?:at the same time|simultaneously|while|just as|race)\b[^.;]{0,80}\bsame (?:tcp |tcp\/ip |keep-?alive )?connection\b/;

/** Envoy's reset reasons, as response-code details write them with spaces. */
const envoyReasons: readonly (readonly [reason: string, outcome: OutcomeId])[] = [
  ['connection failure', 'upstream-refused'],
  // The upstream closed a connection Envoy held for reuse: the keep-alive race, as the
  // `connection termination` reset reason in envoy.ts.
  ['connection termination', 'keepalive-mismatch'],
  ['remote reset', 'upstream-closed'],
  ['remote connection failure', 'upstream-refused'],
  ['protocol error', 'invalid-response'],
];

/** Vercel's codes of a 502 raised by its own routing, cache or image optimiser (who answered). */
const vercelEdgeCodes = [
  'TOO_MANY_FILESYSTEM_CHECKS',
  'TOO_MANY_FORKS',
  'FALLBACK_BODY_TOO_LARGE',
  'INFINITE_LOOP_DETECTED',
  'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_FAILED',
  'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_INVALID',
  'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_UNAUTHORIZED',
  'OPTIMIZED_EXTERNAL_IMAGE_TOO_MANY_REDIRECTS',
];

/** Heroku's router codes and the outcome each leads to, for the plural form (`H13s`). */
const herokuOutcomes = new Map<string, OutcomeId>([
  ...herokuCodes.map((code) => [code.code.toLowerCase(), code.outcome] as const),
  ['h12', 'upstream-timeout'],
  ['h13', 'upstream-closed'],
]);

/** Phrases that say a container and its proxy are on different Docker networks. */
const networkMismatchPhrases: readonly string[] = [
  'different network',
  'different docker network',
  'wrong network',
  'wrong docker network',
  'multiple networks',
  'multiple docker networks',
  'several networks',
  'not on the same network',
  'not in the same network',
  'traefik.docker.network',
  'another network',
  'another docker network',
  'not on the same docker network',
  'not in the same docker network',
];

/** Cause rules of round 9's families, tried with the vendors' descriptions (`index.ts`). */
export const familyCauseRules: readonly Rule[] = [
  described({
    id: 'docker-network-mismatch-described',
    software: 'report',
    outcome: 'container-network',
    cause:
      "The proxy and the app's container are not on one Docker network, or the container is on several and the proxy picked an address on a network it cannot reach (Traefik's docker provider uses the first network unless traefik.docker.network says which), so the connection times out or is refused. Put both on one network and name it.",
    source:
      'doc.traefik.io/traefik/providers/docker ("network": the default network for connections to containers; the label traefik.docker.network overrides it for a container on several networks); docs.docker.com/engine/network (containers on different user-defined bridge networks cannot reach each other)',
    gates: gatesOf(...networkMismatchPhrases, 'attached to', 'connected to', 'joined to'),
    test: (lower) =>
      (includesAny(lower, networkMismatchPhrases) ||
        /\bnot (?:attached|connected|joined) to (?:the |its |our )?[a-z0-9_-]{1,30} ?network\b/.test(lower)) &&
      includesAnyWord(lower, [
        'traefik',
        'nginx',
        'caddy',
        'haproxy',
        'proxy',
        'container',
        'containers',
        'docker',
        'compose',
      ]) &&
      (namesGatewayStatus(lower, true) ||
        /\b(?:time[sd]? ?out|timeout|timout|fail(?:s|ed|ing|ure)?|errors?|wrong|refused|unreachable|can't reach|cannot reach)\b/.test(
          lower,
        )),
    samples: [
      'Gateway Timeout when the service runs on a different network than the proxy',
      'traefik sat on multiple docker networks and picked the wrong one, so every request timed out',
      'Bad gateway: the container is not attached to the proxy network',
    ],
    nearMisses: [
      'the office is on a different network',
      'from a computer on a different network I get 504 Gateway Time-out',
      'we have multiple networks in docker compose and everything works',
    ],
  }),
  described({
    id: 'keepalive-idle-close-described',
    software: 'report',
    outcome: 'keepalive-mismatch',
    cause:
      "The upstream closes idle keep-alive connections sooner than the proxy, CDN or load balancer in front stops reusing them, so a request sent on a connection the upstream has just closed gets a reset and a 502. Make the upstream's keep-alive timeout longer than the front's (more than 600 s behind Google's load balancers, more than the idle timeout behind an ALB).",
    source:
      'cloud.google.com/load-balancing/docs/https (the backend keepalive timeout is fixed at 600 s; "configure your backend software so that its HTTP keepalive (TCP idle) timeout value is greater than 600 seconds", to avoid a race in which the backend resets the connection); docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout (the target\'s keep-alive should be longer than the idle timeout); nodejs.org/api/http.html#serverkeepalivetimeout (server.keepAliveTimeout, 5000 ms by default)',
    gates: [
      ...gatesOf(
        'keepalive',
        'keep-alive',
        'idle connection',
        'idle keepalive',
        'idle keep-alive',
        'idle tcp',
        'idle http',
        'same connection',
        'same tcp connection',
        'same tcp/ip connection',
        'same keepalive',
        'same keep-alive',
      ),
      'ame TCP connection',
      'ame TCP/IP connection',
      'eepAlive',
      'dle timeout',
      'dle Timeout',
    ],
    test: (lower) =>
      keepaliveShorter.test(lower) ||
      (lower.includes('keepalivetimeout') && namesFront(lower)) ||
      (lower.includes('idle timeout') &&
        /\b(?:keeps?|holds?|keeping|holding) (?:the |its |idle )?connections? (?:open|alive)\b/.test(lower) &&
        namesFront(lower)) ||
      (idleHangUp.test(lower) && (namesFront(lower) || includesAnyWord(lower, ['backend', 'backends', 'origin']))) ||
      closeRace.test(lower),
    samples: [
      "Google's load balancers return 502 when the backends hang up on an idle connection before 600 seconds",
      "an origin keep-alive timeout shorter than the edge's gives intermittent 502s",
      'the origin closes the connection just as the edge sends the next request on the same TCP connection',
      "502 errors because node's server.keepAliveTimeout (5s) is shorter than the load balancer idle timeout",
      'the app keeps the connection open for 5s but the ALB idle timeout is 60s, so we see random 502s',
      "Node's default keepAliveTimeout of 5 seconds made the ALB return 502 now and then",
    ],
    nearMisses: [
      'keep-alive is enabled on the origin',
      'the app closes idle database connections after 5 minutes',
      'server.keepAliveTimeout = 65000;',
    ],
  }),
  described({
    id: 'upstream-reset-named',
    software: 'report',
    outcome: 'upstream-closed',
    cause:
      "The upstream reset or closed the connection before its response was complete (a TCP RST, ECONNRESET, or an EOF where the response should be): its worker crashed, was killed, or closed the connection on a timeout of its own. The app server's log at that time says why.",
    source:
      'nginx src/os/unix/ngx_recv.c ("recv() failed (104: Connection reset by peer)" logged as ECONNRESET, a 502); Go net/http transport.go (a connection closed before the response surfaces as io.EOF, printed "EOF", as Caddy and Traefik log it) and net/http/httputil/reverseproxy.go defaultErrorHandler ("http: proxy error: %v", then a 502); devcenter.heroku.com/articles/error-codes#h13-connection-closed-without-response',
    gates: ['RST', ' rst', 'ECONNRESET', 'econnreset', 'EOF', 'eof', 'w/o response', 'W/O RESPONSE'],
    test: (lower) => {
      if (lower.includes('connection closed w/o response')) return true;
      if (namesOtherService(lower)) return false;
      const reset = /\b(?:an |a |the )?rst\b/.test(lower) || /\beconnreset\b/.test(lower);
      if (reset && includesAnyWord(lower, ['nginx', 'haproxy', 'proxy', 'upstream', 'gunicorn', 'uwsgi', 'backend']))
        return namesGatewayStatus(lower, true) || lower.includes('upstream');
      return (
        /(?:^|[\s"'`(:])eof(?:$|[\s"'`),.;])/.test(lower) &&
        (namesGatewayStatus(lower) ||
          includesAny(lower, ['proxying to upstream', 'error proxying', 'reverse proxy', 'proxy error: eof']))
      );
    },
    samples: [
      'nginx logs ECONNRESET and answers 502 when uwsgi sends an RST before the response is read',
      '{"level":"error","error":"EOF","event":"error proxying to upstream"}',
      '502 EOF from the proxy on long uploads',
      '2026/03/03 10:15:42 http: proxy error: EOF',
      'Connection closed w/o response: Heroku/h13',
    ],
    nearMisses: ['unexpected EOF in the config file', 'ECONNRESET from the redis client behind nginx'],
  }),
  described({
    id: 'origin-tls-check-described',
    software: 'report',
    outcome: 'upstream-tls',
    cause:
      "The TLS handshake from the proxy or tunnel to the origin failed: the proxy checks the origin's certificate against the name it dials (localhost, an IP address) while the certificate is issued for the domain, or the origin does not speak TLS there. Set the name to verify (originServerName in cloudflared, tls_server_name in Caddy, proxy_ssl_name in nginx) or connect over plain HTTP.",
    source:
      'developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/origin-configuration (originServerName: "Hostname that cloudflared should expect from your origin server certificate", noTLSVerify); caddyserver.com/docs/caddyfile/directives/reverse_proxy (transport http tls_server_name); nginx proxy_ssl_name',
    gates: gatesOf('handshake error', 'certificate against', 'certificate is issued for', 'certificate was issued for'),
    test: (lower) => {
      if (
        /\b(?:verif(?:y|ies|ied|ying)|check(?:s|ed|ing)?|validat(?:e|es|ed|ing)) (?:the )?(?:tls |ssl |origin )?certificate against\b/.test(
          lower,
        )
      )
        return true;
      if (includesAny(lower, ['certificate is issued for', 'certificate was issued for']))
        return includesAnyWord(lower, ['origin', 'cloudflared', 'upstream', 'backend', 'proxy']);
      return (
        /\btls handshake errors?\b/.test(lower) &&
        !lower.includes('handshake error from') &&
        includesAny(lower, ['reverse_proxy', 'proxy_pass', 'upstream', 'backend', 'origin', 'proxypass'])
      );
    },
    samples: [
      'cloudflared verifies the certificate against localhost, but the certificate is issued for example.com',
      'with an IP address in reverse_proxy I get TLS handshake errors',
    ],
    nearMisses: [
      'http: TLS handshake error from 10.0.0.1:5555: EOF behind the reverse_proxy',
      'the certificate is issued for example.com',
    ],
  }),
  described({
    id: 'cloudflare-520-described',
    software: 'cloudflare',
    outcome: 'cdn-origin',
    implies: cloudflareCode('520'),
    cause:
      "Cloudflare got an empty, unknown or unexpected response from the origin (Error 520): the origin crashed or reset the connection, sent no status line, or sent headers over Cloudflare's 128 KB limit. The origin's own error log at that time says which.",
    source:
      'cloudflare/cloudflare-docs src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520.mdx ("This error occurs when the origin server returns an empty, unknown, or unexpected response to Cloudflare"; "Headers exceeding 128 KB")',
    gates: gatesOf('unknown, or unexpected response', 'returns an unknown error', 'returning an unknown error'),
    test: (lower) =>
      lower.includes('empty, unknown, or unexpected response') ||
      /\bweb server (?:is )?return(?:s|ing) an unknown error\b/.test(lower),
    samples: [
      'the origin server returns an empty, unknown, or unexpected response to Cloudflare',
      'the page said the web server returns an unknown error',
    ],
    nearMisses: ['the API returns an unknown error code', 'an unexpected response from the payment API'],
  }),
  described({
    id: 'headers-over-size-described',
    software: 'report',
    outcome: 'header-too-big',
    cause:
      "The upstream's response headers are larger than the proxy or CDN accepts (nginx's proxy_buffer_size, 4 or 8 KB by default; Cloudflare's 128 KB; Fastly's 69 KB), usually because of many or large cookies. Send fewer or smaller cookies, or raise the proxy's buffer.",
    source:
      'cloudflare-docs error-520.mdx ("Headers exceeding 128 KB (often due to excessive cookies)"); nginx.org ngx_http_proxy_module proxy_buffer_size ("upstream sent too big header"); fastly.com/documentation/reference/vcl/constraints-and-limitations (response header size 69KB)',
    gates: gatesOf('exceed', 'larger than', 'bigger than', 'greater than', 'more than', 'over '),
    test: (lower) =>
      !lower.includes('request header') &&
      /\b(?:response )?(?:headers?|cookies?)(?: size| total)? (?:exceed(?:s|ed|ing)?|(?:is |are )?(?:larger|bigger|greater|more) than|over) \d{1,5} ?(?:kb|kib|k|bytes)\b/.test(
        lower,
      ),
    samples: [
      '* Headers exceeding 128 KB (often due to excessive cookies).',
      'the response headers are larger than 8 KB',
    ],
    nearMisses: ['Request headers exceeding 8 KB are rejected with 431', 'uploads over 100 MB fail'],
  }),
  {
    id: 'envoy-reset-detail-spaced',
    software: 'envoy',
    cause:
      "Envoy's response-code detail names why the upstream connection failed before a response (written with spaces here: connection failure is a refused or unreachable upstream, connection termination or remote reset an upstream that closed it, overflow a full circuit breaker).",
    outcome: 'upstream-refused',
    implies: admin('not-sure'),
    source:
      'envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/response_code_details ("upstream_reset_before_response_started{details}", the reset reason with spaces replaced by underscores)',
    includes: ['upstream_reset_before_response_started{connection failure'],
    samples: ['Sending local reply with details upstream_reset_before_response_started{connection failure}'],
    nearMisses: ['upstream_reset_before_response_started{connection_failure}'],
  },
  ...envoyReasons
    .filter(([reason]) => reason !== 'connection failure')
    .map(([reason, outcome]): Rule => ({
      id: `envoy-reset-detail-spaced-${reason.replaceAll(' ', '-')}`,
      software: 'envoy',
      cause: `Envoy's response-code detail says the upstream request was reset before a response with the reason "${reason}" (written with spaces here instead of underscores).`,
      outcome,
      implies: admin('not-sure'),
      source:
        'envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/response_code_details ("upstream_reset_before_response_started{details}")',
      includes: [`upstream_reset_before_response_started{${reason}`],
      samples: [`details upstream_reset_before_response_started{${reason}}`],
      nearMisses: [`upstream_reset_before_response_started{${reason.replaceAll(' ', '_')}}`],
    })),
  described({
    id: 'vercel-external-target-handshake',
    software: 'vercel',
    outcome: 'upstream-tls',
    proxy: 'platform',
    cause:
      'Vercel could not open a connection to the external rewrite destination (ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR): its TLS handshake failed (an invalid certificate or an unsupported cipher suite) or it timed out (120 s at most). Test the destination with openssl s_client.',
    source:
      'vercel.com/docs/errors/ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR (502 "Unable to establish connection with external target": SSL handshake failure or a timeout)',
    gates: ['ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR'],
    test: () => true,
    samples: ['502: BAD_GATEWAY Code: ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR'],
    nearMisses: ['ROUTER_EXTERNAL_TARGET'],
  }),
  ...[...herokuOutcomes].map(([code, outcome]): Rule =>
    described({
      id: `heroku-${code}-plural`,
      software: 'heroku',
      outcome,
      proxy: 'platform',
      cause: `Heroku's router logged ${code.toUpperCase()} (written in the plural): see devcenter.heroku.com/articles/error-codes for the code; the router's log line names the dyno and the path.`,
      source: `devcenter.heroku.com/articles/error-codes (${code.toUpperCase()})`,
      gates: [`${code}s`, `${code.toUpperCase()}s`, `${code.toUpperCase()}S`],
      test: (lower) => new RegExp(`\\b${code}s\\b`).test(lower),
      samples: [`Still getting ${code.toUpperCase()}s after the deploy`],
      nearMisses: [`${code.toUpperCase()}0s in the list`],
    }),
  ),
];

/**
 * Causes told beside a product's name, tried late (with the who-answered sentences, before
 * them): a platform's or vendor's own rule for the same message (Fly.io's, Lambda's) comes
 * first and explains it better; these only have to beat the who-answered sentences.
 */
export const familyLateCauseRules: readonly Rule[] = [
  described({
    id: 'app-not-listening-described',
    software: 'report',
    outcome: 'upstream-refused',
    cause:
      "Nothing was listening where the platform or proxy sends requests: the app did not start (it crashed at boot, or its start command is wrong), listens on another port than the one the platform gives it in PORT, or listens on 127.0.0.1/localhost instead of 0.0.0.0. The app's startup log says which.",
    source:
      'MicrosoftDocs azure-docs App Service ("Container … didn\'t respond to HTTP pings on port: N, failing site start", recorded in microsoft/PubSec-Info-Assistant#286 and microsoft/azurechat#355); cloud.google.com/run/docs/troubleshooting#container-failed-to-start ("Container failed to start. Failed to start and then listen on the port defined by the PORT environment variable") and run/docs/container-contract (listen on 0.0.0.0 on PORT, 8080 by default); fly.io/docs/networking/app-services ("is your app listening on 0.0.0.0:8080? make sure it is not only listening on 127.0.0.1"); cloud.google.com/run/docs/configuring/healthchecks (the default TCP startup probe every new service gets: a container that accepts no connection on its port fails it and is shut down); App Service\'s "Container … for site … has exited, failing site start" as recorded in microsoft/azurechat#355; ngrok\'s ERR_NGROK_8012 page ("Make sure that a web service is running on localhost:80 and that it is a valid address"); learn.microsoft.com azure container-apps troubleshoot-health-probe-failures ("the application isn\'t listening on the correct port"); koyeb.com/docs/run-and-scale/health-checks (default TCP health checks on the exposed ports; "TCP health check failed on port 8000" recorded in bipinkrish/save-restricted-bot#51); docs.digitalocean.com/support/my-app-deployment-failed-because-of-a-health-check (App Platform\'s "Deploy Error: Health checks": the app starts on another port than http_port, 8080 by default, or listens on localhost/127.0.0.1)',
    gates: [
      ...gatesOf(
        'failing site start',
        'during site startup',
        'startup tcp probe failed',
        'listens on',
        'health check failed on port',
        'health checks failed on port',
        'deploy error: health check',
        'http pings',
        'listen on the port',
        'start your app',
        'web service is running',
        'running on',
        'listening on',
        'wrong port',
        'different port',
        'incorrect port',
        'mismatched port',
        'port number',
        'port mismatch',
        'port was wrong',
        'port is wrong',
        'target port',
        'targetport',
        'TargetPort',
        'need to be',
        'needs to be',
        'needed to be',
      ),
      ...negatedGates(
        'start',
        'run',
        'launch',
        'running on',
        'listening on',
        'bound on',
        'actually',
        'even',
        'yet',
        'really',
      ),
      '0.0.0.0',
      'TTP pings',
      'TTP Pings',
      'STARTUP TCP probe failed',
      '127.0.0.1',
      'o localhost',
      'n localhost',
    ],
    test: (lower) => {
      if (includesAny(lower, notStartedPhrases)) return true;
      if (namesOtherService(lower)) return false;
      if (loopbackOnly.test(lower) && (lower.includes('0.0.0.0') || namesFront(lower) || inContainer(lower)))
        return true;
      if (
        includesAny(lower, ['127.0.0.1', 'localhost']) &&
        lower.includes('0.0.0.0') &&
        /\b(?:instead of|rather than|changed? (?:it )?to|switch(?:ed)? (?:it )?to)\b/.test(lower)
      )
        return true;
      if (notListening.test(lower) || noneListening.test(lower) || notStarted.test(lower)) return true;
      if (mustListenAll.test(lower) || listensElsewhere.test(lower)) return true;
      return namesGatewayStatus(lower, true) && portMismatch.test(lower);
    },
    samples: [
      "2026-03-03T10:15:42.000Z ERROR - Container shop_0_4f2a didn't respond to HTTP pings on port: 8000, failing site start. See container logs for debugging.",
      'ERROR: (gcloud.run.deploy) The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.',
      'the logs said the server was only listening on localhost:3000 instead of 0.0.0.0:3000',
      'there is no server running on port 8081, so the proxy has nothing to talk to',
      'there was nothing listening on port 3000',
      'the proxy gets 502 because nobody is listening on port 8081',
      'TCP health check failed on port 8000. Retrying...',
      'Activation failed: The TargetPort 8080 does not match the listening port 3000.',
      'Container shop_0_4f2a for site shop has exited, failing site start',
      'Default STARTUP TCP probe failed 1 time consecutively for container "api" on port 8080.',
      'the app must listen on 0.0.0.0 and on the port in PORT',
      'the container is listening on port 3000 but the platform sends requests to 8080',
      '502 Bad Gateway because the app binds to 127.0.0.1 inside the docker container',
      'the gunicorn bind address was 127.0.0.1:8000 instead of 0.0.0.0:8000',
      'my bad: I never started the backend container',
      'we got 502s because the target port did not match the one the app listens on',
      'the app isn’t actually listening on the port the platform expects',
    ],
    nearMisses: [
      'the app is listening on 0.0.0.0:8080 as it should',
      'PostgreSQL is not listening on port 5432',
      'Listening on http://127.0.0.1:3000',
      'which port should the app use?',
    ],
  }),
  described({
    id: 'timeout-directive-named',
    software: 'report',
    outcome: 'upstream-timeout',
    cause:
      "The proxy's read timeout is the cause: the upstream takes longer to answer than proxy_read_timeout (nginx, 60 s by default; Cloudflare's zone setting of the same name, 100-120 s), ProxyTimeout or HAProxy's timeout server allow. Make the slow request faster, or raise the timeout where the request is legitimately slow.",
    source:
      'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout (default 60s); cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524.mdx (Enterprise zones can raise the proxy_read_timeout zone setting up to 6,000 s); httpd mod_proxy ProxyTimeout; HAProxy "timeout server"',
    gates: [...gatesOf(...timeoutDirectives), 'ProxyTimeout'],
    test: (lower) => includesAny(lower, timeoutDirectives) && includesAny(lower, causeWords),
    samples: [
      'The cause was the missing proxy_read_timeout: the default is 60 seconds and the export takes 90',
      'The cause is fastcgi_read_timeout, which defaults to 60 seconds',
    ],
    nearMisses: ['proxy_read_timeout 300s;', 'timeout server 30s'],
  }),
  described({
    id: 'slow-upstream-named',
    software: 'report',
    outcome: 'upstream-timeout',
    cause:
      "The upstream is too slow for the proxy in front: it does not answer before the proxy's read timeout (nginx's proxy_read_timeout, HAProxy's timeout server, a platform's request limit such as Heroku's 30 s), so the proxy answers 504 (or the platform 503). Make the slow requests faster, move them to a background job, or raise the timeout.",
    source:
      'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout; docs.haproxy.org configuration "timeout server" (a 504 when the server does not answer in time); devcenter.heroku.com/articles/request-timeout (H12 after 30 seconds, a 503 to the client); RFC 9110 §15.6.5',
    gates: [
      ...gatesOf(
        'more time',
        'longer',
        'how long',
        'extend',
        'slow',
        'long running',
        'long-running',
        'in time',
        'hangs',
        'hanging',
        'too long',
        'gave up',
        'gives up',
        'giving up',
      ),
      ...gatesOf('second', 'secs', 'minute'),
    ],
    test: (lower) => {
      if (namesOtherService(lower)) return false;
      if (slowWords.test(lower) && namesFront(lower)) return true;
      if (durationLimit.test(lower) && namesGatewayStatus(lower, true) && includesAnyWord(lower, frontNames))
        return true;
      return /\bhang(?:s|ing)?\b/.test(lower) && includesAnyWord(lower, ['504', 'gateway timeout', 'gateway time-out']);
    },
    samples: [
      'some endpoints behind nginx are legitimately slow to respond; how do I make nginx wait longer before the 504?',
      'Heroku only allows a request to run 30 seconds before answering with a 503.',
      'HAProxy returns 504 because it cannot receive the response in time from the app',
      'uwsgi took too long and nginx gave up with a 504',
      'the service hangs and finally the tunnel responds with a 504 Gateway error',
    ],
    nearMisses: ['the laptop is slow to boot', 'nginx took 30 seconds to restart', 'the app answers in time'],
  }),
  described({
    id: 'alb-lambda-response-format',
    software: 'aws-alb',
    outcome: 'serverless-response',
    implies: { role: 'admin' },
    cause:
      "The load balancer rejected the Lambda function's response: a Lambda target must return a JSON object with statusCode (a number), statusDescription, isBase64Encoded and headers; a missing statusCode, a null value or a body that is not a string makes the ALB answer 502. Return the full response object.",
    source:
      'docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html ("Respond to the load balancer": the response must include isBase64Encoded, statusCode, statusDescription and headers); load-balancer-troubleshooting.html (HTTP 502: "The target is a Lambda function and the response body exceeds 1 MB" and a malformed Lambda response)',
    gates: ['ALB', 'alb', 'Alb', 'ELB', 'elb', 'Elb', ...gatesOf('load balancer', 'target group')],
    test: (lower) =>
      includesAnyWord(lower, ['alb', 'elb', 'load balancer', 'application load balancer', 'target group']) &&
      namesGatewayStatus(lower) &&
      (includesAnyWord(lower, ['statuscode', 'isbase64encoded', 'statusdescription', 'null']) ||
        (includesAnyWord(lower, ['lambda', 'function']) &&
          includesAny(lower, ['response object', 'not a string', 'response format', 'malformed', 'not valid json']))),
    samples: [
      'the ALB answers 502 unless the Lambda returns statusCode and isBase64Encoded',
      'the ALB returns 502 because my Lambda returned a body that was not a string',
      'The load balancer gives a 502 when a header value is null in the function response',
    ],
    nearMisses: ['the ALB answers 502 for the Lambda targets', 'the lambda returned statusCode 200'],
  }),
];

/** Who answered, round 9: response headers, a page and products named beside a status. */
export const familyWhoRules: readonly Rule[] = [
  whoAnswered({
    id: 'cloudfront-pop-header',
    software: 'aws-cloudfront',
    proxy: 'other-cdn',
    what: "CloudFront answered (its x-amz-cf-pop header names the edge location): the CDN's X-Cache header and error page say whether the origin failed.",
    source:
      "CloudFront adds x-amz-cf-pop (the edge location, e.g. HEL51-P6) and x-amz-cf-id to its responses (recorded in curl -I output in AWS re:Post answers; the standard log's x-edge-location field holds the same POP code, docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html)",
    gates: headerGates('x-amz-cf-pop:'),
    test: (lower) => /^x-amz-cf-pop: ?[a-z]{3}\d{1,3}(?:-[a-z0-9]{1,4})?\b/.test(headerLine(lower)),
    samples: ['x-amz-cf-pop: FRA56-P3', '< X-Amz-Cf-Pop: IAD89-C1'],
    nearMisses: ['x-amz-cf-pop:', 'X-Amz-Cf-Pop-Override: FRA56'],
  }),
  whoAnswered({
    id: 'api-gateway-request-id-header',
    software: 'aws-api-gateway',
    proxy: 'api-gateway',
    what: "Amazon API Gateway answered (its apigw-requestid header, sent by HTTP APIs): find that request id in the API's access log, whose integrationErrorMessage says why the integration failed.",
    source:
      'docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html ($context.requestId, the id HTTP APIs return in the apigw-requestid response header; recorded in curl -v output in aws/aws-sam-cli issues)',
    gates: headerGates('apigw-requestid:'),
    test: (lower) => /^apigw-requestid: ?[a-z0-9_=+/-]{6,}/.test(headerLine(lower)),
    samples: ['apigw-requestid: Jx8k1hQ2IAMEVqw=', '< Apigw-Requestid: AbCdEfGhIjKlMnO='],
    nearMisses: ['apigw-requestid:', 'x-apigw-requestid-note: see logs'],
  }),
  whoAnswered({
    id: 'cloudflare-nginx-server-name',
    software: 'cloudflare',
    proxy: 'cloudflare',
    what: "Cloudflare's edge answered (cloudflare-nginx is the server name its error pages and Server header carried before 2018): the page's error code (52x) says what failed between Cloudflare and the origin.",
    source:
      'Cloudflare\'s edge sent "Server: cloudflare-nginx" and ended its error pages with "cloudflare-nginx" until it became "cloudflare" (blog.cloudflare.com, 2018; recorded in many threads\' curl -I output)',
    gates: gatesOf('cloudflare-nginx'),
    // `Server: cloudflare-nginx` and the page's `<center>cloudflare-nginx</center>` have their
    // rule (pages.ts, cloudflare-edge); this one reads the name alone or in a sentence.
    test: (lower) =>
      /(?:^|[\s"'`(])cloudflare-nginx(?:$|[\s"'`),.;])/.test(lower) && !includesAny(lower, ['server:', '<center>']),
    samples: ['cloudflare-nginx', 'the error page ends with cloudflare-nginx'],
    nearMisses: ['my-cloudflare-nginx-config.conf', 'cloudflare nginx'],
  }),
  whoAnswered({
    id: 'cloudflared-named-with-status',
    software: 'cloudflared',
    proxy: 'cloudflare',
    what: "The report names cloudflared (Cloudflare Tunnel) beside a 502/503/504: the tunnel answered because it could not reach the origin service its ingress rule names. cloudflared's own log line ('Unable to reach the origin service') says why.",
    source:
      'developers.cloudflare.com/cloudflare-one/connections/connect-networks/troubleshoot-tunnels/common-errors (a 502 Bad Gateway from the tunnel when cloudflared cannot reach the origin service)',
    gates: gatesOf('cloudflared'),
    test: (lower) => includesAnyWord(lower, ['cloudflared']) && namesGatewayStatus(lower, true),
    samples: ['cloudflared tunnel - websocket connection not working - 502 bad gateway'],
    nearMisses: ['cloudflared tunnel run works fine', 'cloudflared updated to 2024.5.0'],
  }),
  whoAnswered({
    id: 'azure-app-service-error-page',
    software: 'azure',
    proxy: 'platform',
    what: "Azure App Service answered with its own page (':( Application Error'): the site's container or process did not start or did not answer. The Log stream (docker log) says why, often 'didn't respond to HTTP pings on port'.",
    source:
      'App Service\'s default error page ":( Application Error — If you are the application administrator, you can access the diagnostic resources" (recorded in microsoft/PubSec-Info-Assistant#286 and microsoft/azurechat#355; no Microsoft page quotes it)',
    gates: [':( Application Error', ':( application error', ':( APPLICATION ERROR', 'access the diagnostic resources'],
    test: (lower) =>
      lower.includes(':( application error') ||
      lower.includes('application administrator, you can access the diagnostic resources'),
    samples: [
      ':( Application Error',
      'the site shows :( Application Error after the deploy',
      'If you are the application administrator, you can access the diagnostic resources.',
    ],
    nearMisses: ['Application Error', ':) Application Error'],
  }),
  whoAnswered({
    id: 'aws-lb-controller-named',
    software: 'aws-alb',
    proxy: 'cloud-lb',
    what: "The report names the AWS Load Balancer Controller (formerly the ALB Ingress Controller) or a cloud's load balancers beside a status: the ALB or cloud load balancer answered, not an nginx ingress. Its access log and target health say why.",
    source:
      'kubernetes-sigs.github.io/aws-load-balancer-controller (the controller, formerly "AWS ALB Ingress Controller", provisions an Application Load Balancer for each Ingress); cloud.google.com/load-balancing/docs/https (502s logged by the load balancer with statusDetails)',
    gates: gatesOf(
      'ingress controller',
      'ingress-controller',
      'load-balancer-controller',
      'load balancer controller',
      'load balancers',
      'load-balancers',
    ),
    test: (lower) =>
      namesGatewayStatus(lower, true) &&
      (includesAny(lower, [
        'alb ingress controller',
        'alb-ingress-controller',
        'aws-load-balancer-controller',
        'aws load balancer controller',
      ]) ||
        (/\bload[- ]balancers\b/.test(lower) &&
          includesAnyWord(lower, ['gcp', "gcp's", 'google', "google's", 'aws', 'azure', 'gce', 'gke', 'eks', 'elb']))),
    samples: [
      'ELB returns 502s sporadically after moving to the ALB ingress controller',
      "We chased 502 errors coming from GCP's load balancers for weeks",
    ],
    nearMisses: ['the ALB ingress controller is installed', 'our load balancers return 502'],
  }),
  whoAnswered({
    id: 'vercel-edge-code',
    software: 'vercel',
    proxy: 'platform',
    what: "Vercel's edge answered with one of its own routing, cache or image codes (TOO_MANY_FILESYSTEM_CHECKS, TOO_MANY_FORKS, FALLBACK_BODY_TOO_LARGE, OPTIMIZED_EXTERNAL_IMAGE_…): the deployment's routes (rewrites, has conditions) or the external image source failed, not the function. The code's page on vercel.com/docs/errors gives the limit.",
    source:
      'vercel.com/docs/errors (TOO_MANY_FILESYSTEM_CHECKS and TOO_MANY_FORKS: Routing, 502; FALLBACK_BODY_TOO_LARGE: Cache, 502; INFINITE_LOOP_DETECTED: 508; OPTIMIZED_EXTERNAL_IMAGE_REQUEST_FAILED, _INVALID, _UNAUTHORIZED, _TOO_MANY_REDIRECTS: 502)',
    gates: vercelEdgeCodes,
    test: () => true,
    samples: ["502 error 'BAD_GATEWAY Code: TOO_MANY_FORKS'", 'Code: OPTIMIZED_EXTERNAL_IMAGE_REQUEST_FAILED'],
    nearMisses: ['TOO_MANY_FORK', 'OPTIMIZED_EXTERNAL_IMAGE'],
  }),
];

/** Gates of the rules above: every rule needs one of these literals (see `index.ts`). */
export const familyCauseGates: readonly string[] = [
  ...new Set(familyCauseRules.flatMap((rule) => [...rule.includes.slice(0, 1), ...(rule.anyOf ?? [])])),
];
export const familyWhoGates: readonly string[] = gatesOfRules([...familyLateCauseRules, ...familyWhoRules]);
