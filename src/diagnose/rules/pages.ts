/**
 * Who answered: error pages and response headers that name the software that sent the
 * 5xx, but not why. A reader who pastes `curl -sI` output or the text of an error page
 * learns who answered and where that software logs the cause; the wizard skips to that
 * answer of "Who answered with the 502?" (`proxy` node). These rules come last, so a line
 * that also names a cause is explained by the cause.
 */
import { includesAny, includesAnyWord } from '../match.ts';
import type { ImpliedAnswers, Rule, Software } from '../types.ts';
import { admin, type ProxyAnswer } from './answers.ts';
import { aloneOnLine, namesGatewayStatus, spellings } from './words.ts';

/**
 * The header line without a `curl -v` marker (`< `), a Markdown quote (`> `) or leading
 * blanks, in lower case.
 */
function headerText(line: string): string {
  let start = 0;
  while (start < 8 && start < line.length && ' \t<>'.includes(line.charAt(start))) start += 1;
  return line.slice(start, start + 256).toLowerCase();
}

/**
 * Whether `line` is the response header `name` (any case) whose value starts with one of
 * `values` (lower case) as a whole word: `Server: cloudflare` and `< server: nginx/1.24.0`
 * match `cloudflare` and `nginx`; `Server: Apache-Coyote/1.1` does not match `apache`.
 * An empty value matches any value.
 */
export function isHeader(line: string, name: string, values: readonly string[] = ['']): boolean {
  const text = headerText(line);
  if (!text.startsWith(`${name}:`)) return false;
  const value = text.slice(name.length + 1).trimStart();
  return values.some((prefix) => {
    if (!value.startsWith(prefix)) return false;
    const next = value.charAt(prefix.length);
    return prefix === '' || next === '' || '/ (;,\r'.includes(next);
  });
}

interface WhoAnswered {
  readonly id: string;
  readonly software: Software;
  readonly proxy: ProxyAnswer;
  readonly cause: string;
  readonly source: string;
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
  readonly implies?: ImpliedAnswers;
}

/** A who-answered rule: the wizard's `proxy` answer, general checklist as its outcome. */
function who(spec: WhoAnswered, match: Pick<Rule, 'includes' | 'anyOf' | 'excludes' | 'test'>): Rule {
  return {
    id: spec.id,
    software: spec.software,
    kind: 'who-answered',
    cause: spec.cause,
    outcome: 'general-checklist',
    implies: spec.implies ?? admin(spec.proxy),
    source: spec.source,
    samples: spec.samples,
    nearMisses: spec.nearMisses,
    ...match,
  };
}

/**
 * A who-answered rule for response headers: each of `headers` is a name and the values (lower
 * case, see {@link isHeader}) it must start with; an empty list takes any value.
 */
function headers(spec: WhoAnswered, list: readonly (readonly [name: string, values?: readonly string[]])[]): Rule {
  return who(spec, {
    includes: [],
    anyOf: list.flatMap(([name]) => spellings(name)),
    test: (line) => list.some(([name, values]) => isHeader(line, name, values)),
  });
}

/** A who-answered rule for a response header (one of `names`) whose value starts with one of `values`. */
function header(spec: WhoAnswered, names: string | readonly string[], values: readonly string[] = ['']): Rule {
  const list = typeof names === 'string' ? [names] : names;
  return who(spec, {
    includes: [],
    anyOf: list.flatMap(spellings),
    test: (line) => list.some((name) => isHeader(line, name, values)),
  });
}

/**
 * Parts only the titles of Cloudflare's error pages have: their end (`<title>… | Cloudflare</title>`),
 * old spelling too, and how they name a status the origin sent (`example.com | 502: Bad gateway`: only
 * Cloudflare writes the reason in sentence case after a colon).
 */
const cloudflareTitleParts = [
  '| Cloudflare</title>',
  '| CloudFlare</title>',
  '| cloudflare</title>',
  '| 502: Bad gateway',
  '| 504: Gateway time-out',
];

/**
 * Vercel's error body for a client that does not accept HTML ("An error occurred with your
 * deployment"), lower case and without its first word, also as people misspell it.
 */
const vercelDeploymentPhrases = ['error occurred with your deployment', 'error occured with your deployment'];

/**
 * The sentences of CloudFront's 502/504 pages that name the origin, old and new wording, as
 * the pages show them (Studio-42/elFinder#3367, EdOverflow/can-i-take-over-xyz#66; the
 * causes: docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html).
 */
const cloudFrontOrigin = [
  "CloudFront wasn't able to connect to the origin",
  "CloudFront couldn't connect to the origin",
  'CloudFront attempted to establish a connection with the origin',
];

/**
 * The reverse proxies a report can name beside the status it answered with, each with the
 * words that name it (lower case) and where it logs the cause.
 */
const namedProxies: readonly {
  readonly proxy: ProxyAnswer;
  readonly software: Software;
  /** How the sentences of a rule name it. */
  readonly name: string;
  /** How the cause names it, when not by {@link name}. */
  readonly what?: string;
  readonly words: readonly string[];
  readonly log: string;
  /** Whether it answers 503 itself when no upstream can take the request (HAProxy, Envoy, the ALB). */
  readonly answers503?: boolean;
}[] = [
  {
    proxy: 'nginx',
    software: 'nginx',
    name: 'nginx',
    words: ['nginx', 'openresty'],
    log: '/var/log/nginx/error.log',
  },
  // Apache's mod_proxy, Caddy and Traefik answer 503 themselves when no backend can be
  // reached (mod_proxy for a failed connect, Caddy and Traefik for no available upstream).
  {
    proxy: 'apache',
    software: 'apache',
    name: 'Apache',
    words: ['apache', 'httpd'],
    log: "Apache's ErrorLog",
    answers503: true,
  },
  {
    proxy: 'haproxy',
    software: 'haproxy',
    name: 'HAProxy',
    words: ['haproxy', 'ha proxy', 'ha-proxy'],
    log: "HAProxy's log (its termination state)",
    answers503: true,
  },
  {
    proxy: 'caddy',
    software: 'caddy',
    name: 'Caddy',
    words: ['caddy'],
    log: "Caddy's log (level ERROR)",
    answers503: true,
  },
  {
    proxy: 'traefik',
    software: 'traefik',
    name: 'Traefik',
    words: ['traefik'],
    log: "Traefik's log (level DEBUG)",
    answers503: true,
  },
  {
    proxy: 'mesh',
    software: 'envoy',
    name: 'Envoy',
    words: ['envoy', 'istio'],
    log: "Envoy's access log (its response flags)",
    answers503: true,
  },
  {
    proxy: 'cloud-lb',
    software: 'aws-alb',
    name: 'ALB',
    // A load balancer or target group named without a product is the cloud's: the self-hosted
    // ones (HAProxy, nginx) are named by their own names.
    words: [
      'alb',
      'elb',
      'load balancer',
      'load-balancer',
      'loadbalancer',
      'target group',
      // Azure's and Google's: Application Gateway, a GCE/GCLB load balancer.
      'application gateway',
      'app gateway',
      'appgw',
      'gclb',
    ],
    log: "the load balancer's access log (error_reason, target_status_code)",
    answers503: true,
  },
  {
    proxy: 'cloudflare',
    software: 'cloudflare',
    name: 'Cloudflare',
    words: ['cloudflare', 'cloud-flare'],
    log: 'the Cloudflare error page (its 52x code and Ray ID)',
  },
  {
    proxy: 'platform',
    software: 'platform',
    name: 'Heroku',
    what: 'a hosting platform (Heroku, Vercel, Netlify, Render, Railway, Fly.io, Cloud Run, App Engine, Azure App Service, Azure Static Web Apps, Elastic Beanstalk, Tailscale Funnel)',
    words: [
      'heroku',
      'vercel',
      'netlify',
      'railway',
      'fly.io',
      'render.com',
      'onrender.com',
      "render's",
      'render’s',
      'cloud run',
      'app engine',
      'azure app service',
      'azure web app',
      'elastic beanstalk',
      // Other hosting platforms whose router answers for the app.
      'app platform',
      'digitalocean app',
      'supabase',
      'firebase hosting',
      'cloud functions',
      'azure functions',
      'container apps',
      'koyeb',
      'northflank',
      'deno deploy',
      'pythonanywhere',
      'glitch',
      'replit',
      'dokku',
      'coolify',
      'platform.sh',
      'tailscale funnel',
      'deno.dev',
      'static web app',
      'static web apps',
      'azure static app',
      'swa',
    ],
    log: "the platform's router or request log and the app's own log",
    answers503: true,
  },
];

/**
 * The words that name each reverse proxy, load balancer, CDN or platform family above, by its
 * answer to the wizard's "who answered" question; the scored reading (`cue-words.ts`) starts
 * its vocabulary from them.
 */
export const namedProxyWords: ReadonlyMap<ProxyAnswer, readonly string[]> = new Map(
  namedProxies.map((named) => [named.proxy, named.words]),
);

/**
 * The statuses a sentence that names a proxy must carry, as literals in the cases people
 * write them (see {@link namesGatewayStatus}): the rules' `anyOf`, and their group's gates.
 */
/** Gates of the platform and gateway headers above (their names in the three cases). */
export const platformHeaderGates: readonly string[] = [
  'vegur',
  'could not be served',
  'erver:',
  'ERVER:',
  'equest-id:',
  'equest-Id:',
  'EQUEST-ID:',
  'ercel-id:',
  'ercel-Id:',
  'ERCEL-ID:',
  'ndr-id:',
  'ndr-Id:',
  'NDR-ID:',
  'atency:',
  'ATENCY:',
  'HTTPCode_ELB_5',
];

export const namedProxyGates: readonly string[] = [
  '502',
  '503',
  '504',
  'ateway',
  'ATEWAY',
  'ervice unavailable',
  'ervice Unavailable',
  'ERVICE UNAVAILABLE',
];

/**
 * `lower` without the phrases that name another proxy as the source of the answer ("from
 * apache", "from the apache backend"): in "nginx got no valid response from Apache", nginx
 * answered. Linear: one pass per phrase.
 */
function withoutSources(lower: string, others: readonly string[]): string {
  let text = lower;
  for (const word of others) text = text.replaceAll(`from the ${word}`, ' ').replaceAll(`from ${word}`, ' ');
  return text;
}

/**
 * A who-answered rule for a sentence that names one reverse proxy beside a 502 or 504
 * ("Caddy always responds with HTTP 502", "nginx 502 bad gateway"): that proxy answered.
 * A line naming two of them says nothing about which one did.
 */
function namedWithStatus(named: (typeof namedProxies)[number]): Rule {
  const others = namedProxies.filter((other) => other !== named).flatMap((other) => other.words);
  return who(
    {
      id: `${named.proxy}-named-with-status`,
      software: named.software,
      proxy: named.proxy,
      cause: `The report names ${named.what ?? named.name} as what answered with the ${named.answers503 === true ? '502, 503' : '502'} or 504: it answers that itself when its upstream fails, and ${named.log} names the cause. ${logsNext}`,
      source:
        'reference §1-§5 (each proxy answers 502/504 itself when its upstream fails), retold in a sentence that names the proxy beside the status',
      samples: [
        `But even with the app listening, ${named.name} always responds with HTTP 502.`,
        `${named.name.toUpperCase()} gives 502 Bad Gateway on every request`,
      ],
      nearMisses: [
        `${named.name} 404 Not Found`,
        `Upgrade ${named.name} to the latest release`,
        `${named.name} and ${others[0]} both return 502`,
        `${others[0]} returns 502 from ${named.name}`,
      ],
    },
    {
      includes: [],
      // The status first: a literal check, cheaper than the proxy's many spellings.
      anyOf: namedProxyGates,
      test: (line) => {
        const lower = line.toLowerCase();
        if (!includesAnyWord(lower, named.words) || !namesGatewayStatus(lower, named.answers503 === true)) return false;
        if (!includesAnyWord(lower, others)) return true;
        // Two proxies named: the one the answer came "from" is the upstream, the other answered.
        return (
          !includesAnyWord(withoutSources(lower, others), others) &&
          includesAnyWord(withoutSources(lower, named.words), named.words)
        );
      },
    },
  );
}

/**
 * A rule for a sentence that names one reverse proxy beside "connection refused" ("Traefik
 * app: Bad Gateway + Connection Refused"): that proxy's upstream refused the connection.
 * Not a who-answered rule: the line names the cause too.
 */
function namedRefused(named: (typeof namedProxies)[number]): Rule {
  const others = namedProxies.filter((other) => other !== named).flatMap((other) => other.words);
  return {
    id: `${named.proxy}-named-refused`,
    software: named.software,
    cause: `${named.what === undefined ? `${named.name}'s upstream` : 'The app behind the platform'} refused the connection: nothing listens at the address and port it proxies to. ${named.log} shows which.`,
    outcome: 'upstream-refused',
    status: 502,
    implies: admin(named.proxy, 'refused'),
    source:
      'ECONNREFUSED ("Connection refused") as each proxy logs it (reference §1-§5), retold beside the proxy\'s name',
    includes: [],
    anyOf: ['onnection refused', 'onnection Refused', 'ONNECTION REFUSED'],
    test: (line) => {
      const lower = line.toLowerCase();
      return includesAnyWord(lower, named.words) && !includesAnyWord(lower, others);
    },
    samples: [`Can't reach the app behind ${named.name} (Bad Gateway + Connection Refused)`],
    nearMisses: [`${named.name} and ${others[0]}: connection refused`, `${named.name} 502 Bad Gateway`],
  };
}

const logsNext = 'Next: find the request in its error log and paste that line here.';

export const whoAnsweredRules: readonly Rule[] = [
  who(
    {
      id: 'nginx-error-page',
      software: 'nginx',
      proxy: 'nginx',
      cause: `This is nginx's own error page: nginx answered because its upstream failed, and its error log (/var/log/nginx/error.log, or the container's output) names the cause. ${logsNext}`,
      source: 'nginx src/http/ngx_http_special_response.c (ngx_http_error_tail: "<hr><center>nginx/x.y.z</center>")',
      samples: [
        '<hr><center>nginx/1.24.0</center>',
        '<hr><center>nginx</center>',
        'nginx/1.18.0 (Ubuntu)',
        '<hr><center>openresty/1.21.4.1</center>',
        '502 Bad Gateway nginx/1.10.3 (Ubuntu)',
        '502 Bad Gateway - openresty/1.15.8.2',
        'nginx',
        '  openresty ',
      ],
      nearMisses: [
        'nginx version: nginx/1.22.1',
        'Running nginx/1.24.0 with 4 workers',
        'sudo systemctl reload nginx',
        'nginx:',
      ],
    },
    {
      includes: [],
      anyOf: ['nginx', 'openresty'],
      excludes: ['nginx version:'],
      test: (line) => {
        if (line.includes('<center>nginx') || line.includes('<center>openresty')) return true;
        // A footer quoted in Markdown keeps its backticks or quotes: `nginx/1.4.6 (Ubuntu)`.
        const text = line.trimStart().replace(/^[`'"]{1,3}/, '');
        // The page's footer copied as text is the server's name alone on its line (server_tokens off).
        const alone = text.trimEnd();
        if (alone === 'nginx' || alone === 'openresty') return true;
        if (/^(?:nginx|openresty)\/\d/.test(text) && text.length < 64) return true;
        // The page's title and footer run together when its text is copied: "502 Bad Gateway nginx/1.10.3".
        return /^(?:50[234] [A-Z][a-z]+ [A-Z][a-z-]+ -? ?)(?:nginx|openresty)\/\d/.test(text) && text.length < 80;
      },
    },
  ),
  header(
    {
      id: 'nginx-server-header',
      software: 'nginx',
      proxy: 'nginx',
      cause: `The response came from nginx (Server header). If it was the 502 or 504, nginx sent it because its upstream failed, and its error log names the cause. ${logsNext}`,
      source: 'nginx src/http/ngx_http_header_filter_module.c (Server: nginx)',
      samples: ['Server: nginx/1.24.0 (Ubuntu)', 'server: nginx', '< Server: openresty'],
      nearMisses: ['X-Upstream-Server: nginx', 'Server: Apache/2.4.57 (Debian)'],
    },
    'server',
    ['nginx', 'openresty'],
  ),
  who(
    {
      id: 'apache-proxy-error-page',
      software: 'apache',
      proxy: 'apache',
      cause: `This is Apache httpd's "Proxy Error" page: mod_proxy answered because its backend failed; the "Reason:" line of the page and httpd's error_log (/var/log/apache2/error.log) name the cause. ${logsNext}`,
      source:
        'httpd modules/http/http_protocol.c:1213 (reference §2, §10); ap_send_error_response writes the reason phrase, "Proxy Error", as the page\'s <h1>',
      samples: [
        'HTTP/1.1 502 Proxy Error',
        'The proxy server received an invalid response from an upstream server.',
        '<title>502 Proxy Error</title>',
        '<h1>Proxy Error</h1>',
        // The heading copied alone, as quoted in an issue or a Markdown heading.
        '"Proxy Error',
        'Proxy Error',
        '## Proxy Error',
      ],
      nearMisses: [
        'HTTP/1.1 502 Bad Gateway',
        'Proxy Error handling in the dev server',
        '[vite] http proxy error: /api',
        '<h1>Proxy Errors</h1>',
      ],
    },
    {
      includes: [],
      anyOf: [
        '502 Proxy Error',
        'The proxy server received an invalid response from an upstream server',
        'Proxy Error',
        'proxy error',
        'PROXY ERROR',
      ],
      test: (line) => {
        if (line.includes('502 Proxy Error')) return true;
        if (line.includes('The proxy server received an invalid response from an upstream server')) return true;
        const lower = line.toLowerCase();
        return lower.includes('<h1>proxy error</h1>') || aloneOnLine(lower) === 'proxy error';
      },
    },
  ),
  who(
    {
      id: 'apache-server-signature',
      software: 'apache',
      proxy: 'apache',
      cause: `The page came from Apache httpd (its server signature): httpd answered, and its error_log names the cause. ${logsNext}`,
      source: 'httpd server/core.c ap_psignature ("<address>Apache/… Server at … Port …</address>")',
      samples: [
        '<address>Apache/2.4.41 (Ubuntu) Server at example.com Port 443</address>',
        // Retyped from the page, the slash lost.
        'Apache 2.4.57 (Debian) Server at example.com Port 80',
      ],
      nearMisses: ['Apache/2.4.41 (Ubuntu) configured -- resuming normal operations'],
    },
    { includes: [' Server at ', ' Port '], anyOf: ['Apache/2.', 'Apache Server at', 'Apache 2.'] },
  ),
  header(
    {
      id: 'apache-server-header',
      software: 'apache',
      proxy: 'apache',
      cause: `The response came from Apache httpd (Server header). If it was the 502 or 504, httpd sent it, and its error_log names the cause. ${logsNext}`,
      source: 'httpd server/core.c ServerTokens (Server: Apache/…)',
      samples: ['Server: Apache/2.4.57 (Debian)', 'server: Apache'],
      nearMisses: ['Server: Apache-Coyote/1.1x'],
    },
    'server',
    ['apache'],
  ),
  who(
    {
      id: 'haproxy-502-page',
      software: 'haproxy',
      proxy: 'haproxy',
      cause: `This is HAProxy's 502 page: HAProxy got an invalid, incomplete or no response from the server. Its log line for the request (termination state SH, PH, SC…) names the cause. ${logsNext}`,
      source: 'haproxy src/http_htx.c http_err_msgs[HTTP_ERR_502]',
      samples: [
        'The server returned an invalid or incomplete response.',
        '<html><body><h1>502 Bad Gateway</h1>The server returned an invalid or incomplete response.</body></html>',
      ],
      nearMisses: ['The server returned a response.'],
    },
    { includes: ['The server returned an invalid or incomplete response'] },
  ),
  header(
    {
      id: 'caddy-server-header',
      software: 'caddy',
      proxy: 'caddy',
      cause: `The response came from Caddy (Server header). If it was the 502 or 504, Caddy sent it, and its log (journalctl -u caddy, "level":"error") names the cause. ${logsNext}`,
      source: 'caddy modules/caddyhttp/server.go (Server: Caddy)',
      samples: ['Server: Caddy', 'server: Caddy'],
      nearMisses: ['Server: nginx'],
    },
    'server',
    ['caddy'],
  ),
  header(
    {
      id: 'envoy-server-header',
      software: 'envoy',
      proxy: 'mesh',
      cause: `The response came from Envoy (Server header: an Istio sidecar or gateway, or an Envoy-based ingress). Its access log line for the request carries response flags (UF, UC, UH…) that name the cause. ${logsNext}`,
      source: 'envoy source/common/http/conn_manager_config.h (Server: envoy; istio-envoy in Istio)',
      samples: ['server: istio-envoy', 'Server: envoy'],
      nearMisses: ['x-envoy-upstream-service-time: 12'],
    },
    'server',
    ['envoy', 'istio-envoy'],
  ),
  who(
    {
      id: 'alb-error-page',
      software: 'aws-alb',
      proxy: 'cloud-lb',
      cause:
        'The page came from an AWS load balancer (awselb), not from your own proxy. Next: read its access log entry for the request (elb_status_code, target_status_code, error_reason) and the target health of its target group.',
      source: 'ALB error page footer and Server header (reference §1, §7.1, §10)',
      samples: ['<hr><center>awselb/2.0</center>', 'Server: awselb/2.0', 'server: awselb/2.0'],
      nearMisses: ['<hr><center>nginx/1.22.1</center>'],
    },
    { includes: ['awselb/'] },
  ),
  who(
    {
      id: 'azure-application-gateway',
      software: 'azure',
      proxy: 'cloud-lb',
      cause:
        "The page came from Azure Application Gateway: it could not get a valid answer from the backend pool. Next: open the gateway's Backend health view, which names the reason for each backend.",
      source:
        'learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502 ("Server Error: 502 - Web server received an invalid response while acting as a gateway or proxy server")',
      samples: [
        '<hr><center>Microsoft-Azure-Application-Gateway/v2</center>',
        'Server: Microsoft-Azure-Application-Gateway/v2',
        'Server Error: 502 - Web server received an invalid response while acting as a gateway or proxy server.',
        'Intermittent error: "Web server received an invalid response while acting as a gateway or proxy server."',
      ],
      nearMisses: ['Microsoft-IIS/10.0'],
    },
    {
      includes: [],
      anyOf: [
        'Microsoft-Azure-Application-Gateway',
        'Web server received an invalid response while acting as a gateway or proxy server',
      ],
    },
  ),
  header(
    {
      id: 'azure-front-door-header',
      software: 'azure',
      proxy: 'other-cdn',
      cause:
        'The response passed through Azure Front Door (X-Azure-Ref header): the CDN answered for your origin. Next: request the origin directly, bypassing Front Door, and compare.',
      source: 'learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol (X-Azure-Ref)',
      samples: [
        'x-azure-ref: 20240315T101112Z-17c7d6b9f5dkzw2shC1FRA7d6s00000003t0000000001x8c',
        'X-Azure-Ref: 0Zx3cZQAAAAD',
      ],
      nearMisses: ['x-azure-reference-id: 1'],
    },
    'x-azure-ref',
  ),
  who(
    {
      id: 'cloudfront-error-page',
      software: 'aws-cloudfront',
      proxy: 'other-cdn',
      cause:
        "The page or headers came from Amazon CloudFront: the CDN answered because it could not get a good response from your origin. Next: request the origin directly (bypassing CloudFront) and read the origin's own log.",
      source:
        'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html ("X-Cache: Error from cloudfront"; "Generated by cloudfront (CloudFront)")',
      samples: [
        'Generated by cloudfront (CloudFront)',
        'X-Cache: Error from cloudfront',
        'x-cache: Error from cloudfront',
        '<TITLE>ERROR: The request could not be satisfied</TITLE>',
        'via: 1.1 2ed072dcf3e5d253ca3caad233e07058.cloudfront.net (CloudFront)',
        'Via: 1.0 0a1b2c3d4e5f60718293a4b5c6d7e8f9.cloudfront.net:11180 (CloudFront)',
        'x-amz-cf-id: dvdFtAbC1rqCt2lOb9GeUJWvWCIEyD1dAssVRQ8LiWXN9HFs7X9Eww==',
      ],
      nearMisses: ['X-Cache: Hit from cloudfront', 'x-amz-cf-pop: FRA56-P1'],
    },
    {
      includes: [],
      anyOf: [
        'Generated by cloudfront',
        'Error from cloudfront',
        'The request could not be satisfied',
        '.cloudfront.net',
        ...cloudFrontOrigin,
        ...spellings('x-amz-cf-id'),
        'X-Amz-Cf-Id:',
      ],
      test: (line) =>
        [
          'Generated by cloudfront',
          'Error from cloudfront',
          'The request could not be satisfied',
          ...cloudFrontOrigin,
        ].some((literal) => line.includes(literal)) ||
        // Via's value names the edge node, with its port when an older edge adds one.
        /\.cloudfront\.net(?::\d{1,5})? \(CloudFront\)/.test(line) ||
        isHeader(line, 'x-amz-cf-id'),
    },
  ),
  who(
    {
      id: 'google-frontend-error-page',
      software: 'google-frontend',
      proxy: 'cloud-lb',
      cause:
        "The page came from Google's front end (a Google Cloud load balancer, Cloud Run or App Engine): it got no good answer from your backend. Next: read the load balancer's log entry for the request (jsonPayload.statusDetails) in Cloud Logging.",
      source:
        "Google Cloud external Application Load Balancer error page and Via header (reference §7.2); Google's own error page, titled Error 502 (Server Error)!!1 (as quoted in the corpus)",
      samples: [
        'The server encountered a temporary error and could not complete your request.',
        '<title>Error 502 (Server Error)!!1</title>',
        'via: 1.1 google',
        'Via: 1.1 google',
      ],
      nearMisses: ['via: 1.1 varnish', '<title>Error 500 (Server Error)!!1</title>'],
    },
    {
      includes: [],
      anyOf: [
        'The server encountered a temporary error and could not complete your request',
        'Error 502 (Server Error)',
        'via:',
        'Via:',
        'VIA:',
      ],
      test: (line) =>
        line.includes('The server encountered a temporary error and could not complete your request') ||
        line.includes('Error 502 (Server Error)') ||
        isHeader(line, 'via', ['1.1 google']),
    },
  ),
  who(
    {
      id: 'cloudflare-edge',
      software: 'cloudflare',
      proxy: 'cloudflare',
      cause:
        "The response came from Cloudflare's edge (Server: cloudflare, CF-RAY): Cloudflare answers for your origin. On an error page, its code says what went wrong between Cloudflare and the origin (52x), or passes on your origin's own 502. Next: note the code, or request the origin directly, bypassing Cloudflare.",
      source: 'developers.cloudflare.com/fundamentals/reference/http-headers/ (CF-RAY; Server: cloudflare)',
      samples: [
        'server: cloudflare',
        'Server: cloudflare',
        'cf-ray: 8f2c1a2b3c4d5e6f-FRA',
        'Cloudflare Ray ID: 8f2c1a2b3c4d5e6f',
        '<title>example.com | 502: Bad gateway | Cloudflare</title>',
        '<title>example.com | 504: Gateway time-out</title>',
        'Error 502 Ray ID: 7d1e2f3a4b5c6d7e • 2024-01-01 00:00:00 UTC',
        'Server: cloudflare-nginx',
        '<hr><center>cloudflare-nginx</center>',
      ],
      nearMisses: [
        'server: cloudflare-nginx-lookalike-x',
        'x-cf-rayish: 1',
        'cloudflare-nginx is an old name',
        'Ray ID: not shown',
      ],
    },
    {
      includes: [],
      anyOf: [
        'server:',
        'Server:',
        'SERVER:',
        'cf-ray:',
        'CF-RAY:',
        'Cf-Ray:',
        'Cloudflare Ray ID',
        'Ray ID: ',
        '<center>cloudflare-nginx</center>',
        ...cloudflareTitleParts,
      ],
      // Cloudflare's edge once named itself cloudflare-nginx, in its Server header and on the
      // footer of its nginx-made error pages. Its pages end with "Ray ID: <16 hex digits>",
      // which readers copy without the word Cloudflare; their titles end "| Cloudflare".
      test: (line) =>
        line.includes('Cloudflare Ray ID') ||
        cloudflareTitleParts.some((end) => line.includes(end)) ||
        /(?:^|\W)Ray ID: [0-9a-f]{16}(?![0-9a-z])/.test(line) ||
        line.includes('<center>cloudflare-nginx</center>') ||
        isHeader(line, 'cf-ray') ||
        isHeader(line, 'server', ['cloudflare', 'cloudflare-nginx']),
    },
  ),
  who(
    {
      id: 'cloudflare-origin-502',
      software: 'cloudflare',
      proxy: 'cloudflare',
      implies: { role: 'admin', proxy: 'cloudflare', 'cloudflare-code': 'origin-502' },
      cause:
        'Cloudflare passed on a 502 or 504 that your origin sent (its "Bad gateway" page, not a 52x code): the proxy on your origin answered, so its error log names the cause. Next: paste a line from the origin\'s proxy error log.',
      source:
        'developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504/',
      samples: ['Bad gateway Error code 502', 'The web server reported a bad gateway error.'],
      nearMisses: ['Error code 5020'],
    },
    {
      includes: [],
      anyOf: [
        'Error code 502',
        'Error code 504',
        'The web server reported a bad gateway error',
        'The web server reported a gateway time-out error',
      ],
      test: (line) =>
        includesAnyWord(line, ['Error code 502', 'Error code 504']) ||
        line.includes('The web server reported a bad gateway error') ||
        line.includes('The web server reported a gateway time-out error'),
    },
  ),
  who(
    {
      id: 'api-gateway-header',
      software: 'aws-api-gateway',
      proxy: 'api-gateway',
      cause:
        "The response came from Amazon API Gateway (x-amzn-RequestId, x-amz-apigw-id, x-amzn-ErrorType): the gateway answers for its integration (a Lambda function or an HTTP backend). Next: turn on the stage's execution logs and read the entry for that request id.",
      source:
        'docs.aws.amazon.com/apigateway/latest/developerguide (x-amzn-RequestId, x-amz-apigw-id, x-amzn-ErrorType)',
      samples: [
        'x-amzn-requestid: 3b8a4c1e-1234-4f5e-9a0b-0c1d2e3f4a5b',
        'x-amz-apigw-id: Xw1abFZ6IAMFd8A=',
        'x-amzn-ErrorType: InternalServerErrorException',
      ],
      nearMisses: ['x-amzn-trace-id: Root=1-5e1b4151-5ac6c58f5b5daa6532e4f3a6'],
    },
    {
      includes: [],
      anyOf: [
        ...spellings('x-amzn-requestid'),
        'x-amzn-RequestId:',
        'X-Amzn-RequestId:',
        ...spellings('x-amz-apigw-id'),
        ...spellings('x-amzn-errortype'),
        'x-amzn-ErrorType:',
        'X-Amzn-ErrorType:',
      ],
      test: (line) => ['x-amzn-requestid', 'x-amz-apigw-id', 'x-amzn-errortype'].some((name) => isHeader(line, name)),
    },
  ),
  header(
    {
      id: 'heroku-router-header',
      software: 'heroku',
      proxy: 'platform',
      cause:
        "The response passed through Heroku's router (Via: 1.1 vegur): on an error, the router answered for the app, and its log line (heroku[router]: at=error code=H…) names the cause. Next: run heroku logs --tail and paste the router line of that request.",
      source: 'devcenter.heroku.com/articles/http-routing (the router adds "Via: 1.1 vegur")',
      samples: ['Via: 1.1 vegur', '< via: 1.1 vegur'],
      nearMisses: ['Via: 1.1 varnish', 'Via: 1.1 vegur-lookalike'],
    },
    'via',
    ['1.1 vegur'],
  ),
  who(
    {
      id: 'heroku-error-page',
      software: 'heroku',
      proxy: 'platform',
      cause:
        'Heroku\'s own error page answered ("Application error"): its router found no working web process or the app failed the request. The router\'s log line names the code (H10, H12, H13…). Next: run heroku logs --tail and paste the heroku[router] line of that request.',
      source:
        'devcenter.heroku.com/articles/error-pages (the default page "Application error", titled <title>Application Error</title>)',
      samples: [
        'Application error An error occurred in the application and your page could not be served. If you are the application owner, check your logs for details.',
        '<iframe src="//www.herokucdn.com/error-pages/no-such-app.html"></iframe>',
        '<title>Application Error</title>',
        'Application error',
      ],
      nearMisses: [
        'An error occurred in the application',
        // Next.js's client-side error, which has the same first words.
        'Application error: a client-side exception has occurred (see the browser console for more information).',
        'Application error logged in Sentry',
      ],
    },
    // The page's text, the iframe Heroku's error page loads it from, its title, or the title
    // copied alone or beside the word Heroku.
    {
      includes: [],
      anyOf: [
        'your page could not be served',
        'herokucdn.com/error-pages/',
        'Application error',
        'Application Error',
        'application error',
      ],
      test: (line) => {
        const lower = line.toLowerCase();
        if (lower.includes('your page could not be served') || lower.includes('herokucdn.com/error-pages/'))
          return true;
        return (
          lower.includes('<title>application error</title>') ||
          aloneOnLine(lower) === 'application error' ||
          (lower.includes('application error') && includesAnyWord(lower, ['heroku']))
        );
      },
    },
  ),
  headers(
    {
      id: 'fly-proxy-header',
      software: 'fly',
      proxy: 'platform',
      cause:
        'The response came through Fly.io\'s proxy (Server: Fly/…, fly-request-id): on an error, the proxy answered for the app, and its log names the cause ("instance refused connection", "could not find a good candidate"). Next: run fly logs and paste the proxy\'s line.',
      source:
        'A Fly.io response as recorded in public code (server: Fly/60c773e9c (2025-04-01), fly-request-id: 01JQ…-yyz, via: 1.1 fly.io); fly-request-id is not in fly.io/docs/networking (superfly/docs#184 asks for it to be documented), so the rule reads only these two',
      samples: ['server: Fly/8b8b3c2a (2024-01-01)', 'fly-request-id: 01HABCD1234-fra'],
      nearMisses: ['server: Flywheel', 'x-fly-region: fra'],
    },
    [['server', ['fly']], ['fly-request-id']],
  ),
  headers(
    {
      id: 'vercel-header',
      software: 'vercel',
      proxy: 'platform',
      cause:
        "The response came from Vercel's edge (x-vercel-id, Server: Vercel): on an error, the x-vercel-error header or the page's Code names it (FUNCTION_INVOCATION_FAILED, NO_RESPONSE_FROM_FUNCTION…). Next: paste that code, or the function's log line.",
      source:
        'vercel.com/docs/headers/response-headers (the headers Vercel adds to every deployment response: server: Vercel, x-vercel-id, x-vercel-cache)',
      samples: ['x-vercel-id: fra1::iad1::abcde-1700000000000-0123456789ab', 'Server: Vercel'],
      nearMisses: ['x-vercel-cache: MISS', 'Server: Vercelx'],
    },
    [['x-vercel-id'], ['server', ['vercel']]],
  ),
  header(
    {
      id: 'akamai-server-header',
      software: 'akamai',
      proxy: 'other-cdn',
      cause:
        "The response came from Akamai's edge (Server: AkamaiGHost): on an error, Akamai answered for the origin, and its page's Reference # number, decoded with Akamai's error translator, says why it got no answer from the origin. Next: paste that reference number, or request the origin directly.",
      source:
        'techdocs.akamai.com edge-diagnostics (the edge server answers as Server: AkamaiGHost; NetStorage as AkamaiNetStorage; its error pages carry "Reference #")',
      samples: ['Server: AkamaiGHost', '< server: AkamaiNetStorage'],
      nearMisses: ['X-Akamai-Transformed: 9 - 0 pmb=mRUM,1', 'Server: Akamai-lookalike'],
    },
    'server',
    ['akamaighost', 'akamainetstorage'],
  ),
  header(
    {
      id: 'render-header',
      software: 'render',
      proxy: 'platform',
      cause:
        "The response came through Render's proxy (rndr-id, x-render-origin-server): on an error, the service's own logs on Render say why (a crash, or no open port). Next: paste the service's log lines from the time of the error.",
      source:
        "Responses of onrender.com services as recorded with curl -i in public repositories (rndr-id: <hex>-<hex>, x-render-origin-server: uvicorn, behind Server: cloudflare; also on Render's own 503 with x-render-routing: hibernate-wake-error); render.com's docs do not list the headers",
      samples: ['rndr-id: 7f3a9c1e-4b2d-4c1a', 'x-render-origin-server: uvicorn'],
      nearMisses: ['x-render-cache: hit'],
    },
    ['rndr-id', 'x-render-origin-server'],
  ),
  header(
    {
      id: 'kong-latency-header',
      software: 'kong',
      proxy: 'api-gateway',
      implies: admin('api-gateway', undefined, { 'gateway-target': 'http-backend' }),
      cause:
        "The response passed through Kong Gateway (X-Kong-Proxy-Latency, X-Kong-Upstream-Latency): Kong answers 502, 503 or 504 itself when its upstream fails, and its error log names the cause. Next: paste Kong's error-log line for that request.",
      source:
        'Kong/kong kong/constants.lua (HEADERS.PROXY_LATENCY = "X-Kong-Proxy-Latency", HEADERS.UPSTREAM_LATENCY = "X-Kong-Upstream-Latency"); developer.konghq.com/support/kong-proxy-latency-exceeds-timeout-limit-specified-on-service (x-kong-proxy-latency on a 504)',
      samples: ['X-Kong-Upstream-Latency: 3', 'x-kong-proxy-latency: 1'],
      nearMisses: ['X-Kong-Admin-Latency: 2'],
    },
    ['x-kong-upstream-latency', 'x-kong-proxy-latency'],
  ),
  who(
    {
      id: 'alb-metric-elb-5xx',
      software: 'aws-alb',
      proxy: 'cloud-lb',
      cause:
        "The CloudWatch metric counts 5xx the load balancer generated itself (HTTPCode_ELB_502_Count and its siblings), not ones its targets sent: the ALB got no usable answer from a target. Next: the ALB access log's error_reason for those requests.",
      source:
        'docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (HTTPCode_ELB_5XX_Count, HTTPCode_ELB_502_Count, HTTPCode_ELB_503_Count, HTTPCode_ELB_504_Count)',
      samples: ['HTTPCode_ELB_502_Count', 'the HTTPCode_ELB_5XX_Count alarm fired'],
      nearMisses: ['HTTPCode_Target_5XX_Count', 'HTTPCode_ELB_4XX_Count'],
    },
    { includes: ['HTTPCode_ELB_5'] },
  ),
  who(
    {
      id: 'vercel-error-page',
      software: 'vercel',
      proxy: 'platform',
      cause:
        'Vercel\'s edge answered with its own error page ("502: BAD_GATEWAY", "504: GATEWAY_TIMEOUT"): the line below it on the page, Code: …, names what failed (a function crash or timeout, NO_RESPONSE_FROM_FUNCTION…). Next: paste that Code line, or the function\'s log line.',
      source:
        'the page as quoted in vercel/commerce#40 ("502: BAD_GATEWAY / Code: NO_RESPONSE_FROM_FUNCTION / ID: arn1::…") and ArnabXD/bins-su-api#24 ("504: GATEWAY_TIMEOUT (Code: FUNCTION_INVOCATION_TIMEOUT)"); the plain-text and JSON bodies Vercel sends a client that does not accept HTML ("An error occurred with your deployment\\n\\nFUNCTION_INVOCATION_TIMEOUT\\n\\nfra1::…", as mocked from production in public test suites); vercel.com/docs/errors lists each code with its status',
      samples: [
        '502: BAD_GATEWAY',
        '504: GATEWAY_TIMEOUT ID: fra1::abcde-1700000000000',
        'An error occurred with your deployment',
        '{"error": {"code": "502", "message": "An error occurred with your deployment"}}',
      ],
      nearMisses: ['502 Bad Gateway', '504: GATEWAY_TIMEOUTS', 'An error occurred with your request'],
    },
    {
      includes: [],
      anyOf: ['502: BAD_GATEWAY', '503: SERVICE_UNAVAILABLE', '504: GATEWAY_TIMEOUT', ...vercelDeploymentPhrases],
      test: (line) =>
        includesAnyWord(line, ['502: BAD_GATEWAY', '503: SERVICE_UNAVAILABLE', '504: GATEWAY_TIMEOUT']) ||
        includesAny(line.toLowerCase(), vercelDeploymentPhrases),
    },
  ),
  ...namedProxies.map(namedRefused),
  ...namedProxies.map(namedWithStatus),
];
