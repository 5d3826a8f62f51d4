/**
 * Round 14: forms a reader pastes that the rules before it did not read, each written from the
 * software's own source or the vendor's page rather than from one pasted line:
 *
 * - Apache httpd's proxy error in the forms it really leaves: the status line mod_proxy sets
 *   (`502 Proxy Error`, also as wget prints it, `ERROR 502: Proxy Error.`), the first line of
 *   its error notes, and the page's sentence in the languages httpd ships it in;
 * - Google's front end's 502 pages (`502. That’s an error.`, `<title>502 Server Error</title>`);
 * - Go's `http: request body too large`, nginx's resolver message cut before its errno, and
 *   Apache's `DNS lookup failure for` without its colon;
 * - the keep-alive race told in prose: a load balancer or proxy that pools connections and
 *   writes a request onto one the upstream has just closed.
 *
 * Every test lower-cases the line once (`lowered`) and makes substring checks or bounded
 * regular expressions without nested quantifiers, so matching stays linear in the line.
 */
import { includesAny } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { described, gatesOf, whoAnswered } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/**
 * The first words of the 502 page's sentence in each language httpd ships
 * (docs/error/HTTP_BAD_GATEWAY.html.var, HTML entities decoded), lower case. A reader who copies
 * the page gets one of these when httpd's localized error documents are switched on (Debian's
 * `localized-error-pages.conf`).
 */
const apachePageSentences = [
  'proxy server obdržel od nadřazeného', // cs
  'der proxy-server erhielt eine fehlerhafte antwort', // de
  "el servidor 'proxy' ha recibido", // es
  'le serveur proxy a reçu une réponse', // fr
  'fuair an seachfhreastalaí freagairt neamhbhailí', // ga
  'il server proxy ha ricevuto una risposta', // it
  'プロクシサーバは上流サーバから不正な応答を受信しました', // ja
  '프록시 서버가 더 윗쪽의 서버로부터 잘못된 응답을 받았습니다', // ko
  'de proxy server heeft een ongeldig', // nl
  'proxyserveren mottok et ugyldig svar', // nb
  'otrzymał nieprawidłową odpowiedź od kolejnego serwera', // pl
  'o servidor proxy recebeu uma resposta', // pt-br
  'o servidor de proxy recebeu uma resposta', // pt
  'serverul proxy a primit un raspuns invalid', // ro
  'прокси-сервер получил недопустимый ответ', // ru
  'посреднички сервер је примио неисправан', // sr
  'proxyservern mottog ett felaktigt svar', // sv
  'vekil sunucu üstbirim sunucudan', // tr
  '代理服务器从上游服务器收到了无效的响应', // zh-cn
  '代理伺服器從上遊伺服器收到了無效的響應', // zh-tw
];

/** Gate literals of {@link apachePageSentences}: words each sentence has in the page's own case. */
const apachePageGates = [
  'obdržel od nadřazeného',
  'erhielt eine fehlerhafte',
  "'proxy' ha recibido",
  'a reçu une réponse',
  'freagairt neamhbhail',
  'ha ricevuto una risposta',
  'プロクシサーバは上流サーバから',
  '프록시 서버가',
  'heeft een ongeldig',
  'mottok et ugyldig',
  'nieprawidłową odpowiedź',
  'recebeu uma resposta',
  'a primit un raspuns',
  'олучил недопустимый',
  'примио неисправан',
  'mottog ett felaktigt',
  'üstbirim sunucudan',
  '代理服务器从上游',
  '代理伺服器從上遊',
];

/** mod_proxy's status line (`%3.3u Proxy Error`) as a page, a client or wget writes it. */
const proxyErrorStatus = /\b50[234]:? proxy error\b|\bproxy error:? 50[234]\b|\bstatustext: ?['"]proxy error['"]/;

/** Google's front-end 502 pages: google.com's and a Google Cloud load balancer's. */
const googlePage =
  /\b50[234]\.(?:<\/b>)? (?:<ins>)?that[’']s an error\b|<title>50[234] server error<\/title>|<h1>error: server error<\/h1>|^["'`(]?error: server error["'`)]?$|\bplease try again in 30 seconds\b/;

const whoRules: readonly Rule[] = [
  whoAnswered({
    id: 'apache-proxy-error-status',
    software: 'apache',
    proxy: 'apache',
    what: "Apache httpd's mod_proxy answered (its \"502 Proxy Error\" status line, or its error page's text in any of the languages httpd ships): its backend failed, and httpd's error_log (/var/log/apache2/error.log) holds an AH0… line naming the cause.",
    source:
      'apache/httpd modules/proxy/proxy_util.c proxyerror_core (r->status_line = "%3.3u Proxy Error"; error notes "The proxy server could not handle the request"); docs/error/HTTP_BAD_GATEWAY.html.var (the page\'s sentence in 19 languages)',
    gates: [
      ...gatesOf('proxy error'),
      'Proxy Error',
      ...gatesOf('the proxy server could not handle', 'the proxy server received an invalid'),
      'Proxy Server Received',
      'proxy server received',
      ...apachePageGates,
    ],
    test: (lower) =>
      proxyErrorStatus.test(lower) ||
      lower.includes('the proxy server could not handle the request') ||
      // The page's source breaks the sentence after "invalid": a copy of it can stop there.
      lower.includes('the proxy server received an invalid') ||
      includesAny(lower, apachePageSentences),
    samples: [
      'ERROR 502: Proxy Error.',
      'which unfortunately gives me **Proxy Error 502**.',
      'HTTP/1.1 503 Proxy Error',
      "Response {type: 'basic', status: 502, statusText: 'Proxy Error', ok: false}",
      'The proxy server could not handle the request GET /api/users.',
      'The Proxy Server Received an Invalid Response from an Upstream Server',
      'Der Proxy-Server erhielt eine fehlerhafte Antwort eines übergeordneten Servers oder Proxies.',
      "Le serveur proxy a reçu une réponse incorrecte de la part d'un serveur supérieur.",
      '代理服务器从上游服务器收到了无效的响应。',
    ],
    nearMisses: ['proxy error count: 502 requests', 'HTTP/1.1 500 Proxy Error', 'The proxy server is starting'],
  }),
  whoAnswered({
    id: 'google-frontend-502-page',
    software: 'google-frontend',
    proxy: 'cloud-lb',
    what: 'The page came from Google\'s front end (google.com\'s "502. That’s an error.", or a Google Cloud load balancer\'s "502 Server Error"): it got no good answer from the backend behind it. On Google Cloud, the load balancer\'s log entry (jsonPayload.statusDetails) in Cloud Logging names why.',
    source:
      'Google\'s front-end error page ("<b>502.</b> <ins>That’s an error.</ins> The server encountered a temporary error…") and the Google Cloud external Application Load Balancer\'s ("<title>502 Server Error</title> … <h1>Error: Server Error</h1>"), cloud.google.com/load-balancing/docs/https/troubleshooting-ext-https (statusDetails)',
    gates: [
      's an error',
      'S AN ERROR',
      'Server Error</title>',
      'server error</title>',
      'Error: Server Error',
      ...gatesOf('please try again in 30 seconds'),
    ],
    test: (lower) => googlePage.test(lower.trim()),
    samples: [
      '502. That’s an error.',
      '<p><b>502.</b> <ins>That’s an error.</ins>',
      "**Error details:** 502. That's an error.",
      '<title>502 Server Error</title>',
      '<p>Please try again in 30 seconds.',
      '<body text=#000000 bgcolor=#ffffff><h1>Error: Server Error</h1>',
    ],
    nearMisses: ['404. That’s an error.', '<title>500 Server Error</title>', 'Error: Server Error while saving'],
  }),
];

/** Markers of connections kept open for reuse, or of a socket the front still takes as live. */
const reuseMarkers = [
  'pooled connection',
  'pools connections',
  'pool connections',
  'pool and reuse',
  'reuse connections',
  'reuses connections',
  'reused connection',
  'for reuse',
  'connection reuse',
  'dead socket',
  'still usable',
  'still considers',
  'still thinks',
  'still think',
  'still believes',
  'still believe',
];

/** The upstream closing its side (any tense). */
const closes = /\b(?:clos(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|tears? down)\b/;

/** The front that reuses the connection, or the 502 it answers. */
const front =
  /\b(?:50[234]s?|load[- ]?balancers?|balancer|lb|alb|elb|proxy|nginx|haproxy|envoy|gateway|ingress|sidecar)\b/;

/** The upstream's keep-alive set below the front's idle timeout. */
const belowIdleTimeout =
  /\b(?:lower|shorter|less) than (?:the )?(?:alb|elb|lb|load balancer|proxy|nginx|haproxy)(?:'s|’s)? idle timeout\b/;

const causeRules: readonly Rule[] = [
  described({
    id: 'go-request-body-too-large',
    software: 'report',
    outcome: 'request-body-limit',
    cause:
      "A Go server refused the request body as too large (http.MaxBytesReader's limit): the body is over the limit the handler set. Raise that limit, or send the upload in parts; the proxy in front then passes the error on, or answers 502 when the server closes the connection mid-body.",
    source:
      'golang/go src/net/http/request.go (MaxBytesError.Error returns "http: request body too large"; MaxBytesReader closes the connection once the limit is passed)',
    gates: gatesOf('request body too large'),
    test: (lower) => lower.includes('http: request body too large'),
    samples: ['**http: request body too large**', '{"level":"error","msg": "http: request body too large"}'],
    nearMisses: ['request body too large for this endpoint'],
  }),
  described({
    id: 'nginx-resolver-cut',
    software: 'nginx',
    outcome: 'proxy-cannot-resolve',
    implies: admin('nginx'),
    cause:
      "nginx's resolver could not resolve the upstream's name (\"*N host could not be resolved\", cut before the resolver's code): the name in proxy_pass is wrong, or the resolver nginx uses does not know it (a Docker or Kubernetes service name needs that network's DNS). Check the name with the resolver in nginx's resolver directive.",
    source:
      'nginx/nginx src/core/ngx_resolver.c ("%V could not be resolved (%i: %s)", logged with the connection number *N)',
    gates: gatesOf('could not be resolved'),
    test: (lower) => /(?:^|\s)\*\d{1,12} [^\s]{1,253} could not be resolved\b/.test(lower),
    samples: ['*294247 www.example.com could not be resolved', '2024/01/01 10:00:00 *12 backend could not be resolved'],
    nearMisses: ['www.example.com could not be resolved by the browser'],
  }),
  described({
    id: 'apache-dns-lookup-failure-cut',
    software: 'apache',
    outcome: 'proxy-cannot-resolve',
    implies: admin('apache'),
    cause:
      'Apache httpd\'s mod_proxy could not resolve the backend\'s name ("DNS lookup failure for: …", the "Reason:" of its Proxy Error page): the name in ProxyPass is wrong or unknown to the DNS httpd uses. Check it with getent hosts on the proxy.',
    source:
      'apache/httpd modules/proxy/proxy_util.c (AH00898: "DNS lookup failure for: %s returned by %s"; the page\'s Reason:)',
    gates: [...gatesOf('dns lookup failure for'), 'NS lookup failure for', 'NS Lookup Failure For'],
    test: (lower) => lower.includes('dns lookup failure for'),
    samples: ['Reason DNS lookup failure for govready-app', 'Reason: DNS lookup failure for backend'],
    nearMisses: ['DNS lookup failure on the client'],
  }),
  described({
    id: 'keepalive-race-told',
    software: 'report',
    outcome: 'keepalive-mismatch',
    cause:
      "The front (a load balancer or proxy) keeps connections to the upstream open for reuse, and the upstream closes idle ones first: a request written onto a connection the upstream has just closed gets no response, so the front answers 502 now and then. Make the upstream's keep-alive timeout longer than the front's idle timeout (60 s on an ALB by default).",
    source:
      "docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout (targets' keep-alive timeout above the load balancer's idle timeout); RFC 9112 §9.6 (a request sent on a connection the server is closing can be lost)",
    gates: [
      ...reuseMarkers.flatMap((marker) => gatesOf(marker)),
      ...gatesOf('than the alb idle', 'than the elb idle', 'than the load balancer', 'than the proxy', 'than the lb'),
      'than the ALB idle',
      'than the ELB idle',
      'than the LB idle',
      "than the ALB's idle",
      "than the load balancer's",
    ],
    test: (lower) =>
      (includesAny(lower, reuseMarkers) && closes.test(lower) && front.test(lower)) ||
      (belowIdleTimeout.test(lower) && /\b50[234]s?\b/.test(lower)),
    samples: [
      'The target closes a pooled connection first, the ALB then writes a request onto a dead socket, and the client gets a 502.',
      'the app closes the connection while the load balancer still thinks it is open, so nginx returns 502',
      "a value shorter than the load balancer's idle timeout gives 502s",
    ],
    nearMisses: [
      'the connection pool is exhausted and requests wait',
      'pooled connection count: 12',
      'a timeout lower than the ALB idle timeout',
    ],
  }),
];

/** Round 14's cause rules, tried with the vendors' causes (before the retold and who-answered sentences). */
export const round14CauseRules: readonly Rule[] = causeRules;
/** Round 14's who-answered rules, tried with the other who-answered forms. */
export const round14WhoRules: readonly Rule[] = whoRules;
export const round14CauseGates: readonly string[] = gatesOfRules(causeRules);
export const round14WhoGates: readonly string[] = gatesOfRules(whoRules);
