/**
 * Round 10: the general families behind batch 9's misses, each written from the vendor's
 * documents or source rather than from one pasted line:
 *
 * - Cloudflare's 1xxx codes that concern reaching the origin (1000, 1001, 1002, 1004, 1014,
 *   1016, 1033, 1034) and those of a Worker that failed (1101, 1102), written as `Error 1033`,
 *   `1033 error` or by their page titles (`Argo Tunnel error`, `Origin DNS error`, …);
 * - serverless platforms' own pages for a function that failed (Netlify's
 *   `This edge function has crashed`, LocalStack's Lambda response-format warning) and a
 *   function named beside a gateway status on a serverless platform;
 * - the ASP.NET Core Module's 502.5 page sentences, Azure Front Door's default error page;
 * - a product named beside a 504 (not a 502): the product waited for its upstream and gave up,
 *   so the time-out page leads, and the product stays the wizard's "who answered" answer;
 * - HAProxy's Layer 7 health-check failures, connections reused after the upstream closed them.
 *
 * Every test lower-cases the line once (`lowered`) and makes substring checks or bounded
 * regular expressions without nested quantifiers, so matching stays linear in the line.
 */
import { includesAny, includesAnyWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin, type ProxyAnswer } from './answers.ts';
import { described, gatesOf, whoAnswered } from './vendor.ts';
import { gatesOfRules, namesGatewayStatus } from './words.ts';

/**
 * Gate literals for a status `code` after a blank, a quote, a bracket or a bar (never inside a
 * longer number such as `/items/1504` or a field such as `took=502ms`), and for its `name`
 * (which covers a line that opens with the status, `504 Gateway Timeout`).
 */
function statusGates(code: string, name: string): string[] {
  return [...[' ', '`', '(', '"', "'", '|'].map((mark) => `${mark}${code}`), ...gatesOf(name)];
}

const cloudflareDocs =
  'github.com/cloudflare/cloudflare-docs src/content/docs/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/';

/** Cloudflare's 1xxx codes a reader meets when Cloudflare cannot reach or run what is behind it. */
const cloudflareCodes: readonly {
  readonly code: string;
  readonly title: string;
  readonly outcome: OutcomeId;
  readonly what: string;
  /** Other wordings of the title, as the docs write them (matched in any case). */
  readonly more?: readonly string[];
}[] = [
  {
    code: '1000',
    title: 'dns points to prohibited ip',
    outcome: 'cdn-origin',
    what: "a DNS record points at a Cloudflare address, or a proxy at the origin sends the request back through Cloudflare (Error 1000, 'DNS points to prohibited IP'): point the record at the origin's own address",
  },
  {
    code: '1001',
    title: 'dns resolution error',
    outcome: 'cdn-origin',
    what: "Cloudflare could not resolve the hostname's CNAME target, or the name is not an active Cloudflare zone (Error 1001, 'DNS resolution error'): check the CNAME target resolves",
  },
  {
    code: '1002',
    title: 'restricted',
    outcome: 'cdn-origin',
    what: "the zone's record points at a Cloudflare, local or disallowed address (Error 1002, 'DNS points to Prohibited IP' or 'Restricted'): point the A record at the origin's public address",
  },
  {
    code: '1004',
    title: 'host not configured to serve web traffic',
    outcome: 'cdn-origin',
    what: "the hostname is not set up to be proxied for web traffic yet (Error 1004, 'Host Not Configured to Serve Web Traffic'): wait for a new record or Spectrum app to propagate, or check the record is proxied",
  },
  {
    code: '1014',
    title: 'cname cross-user banned',
    outcome: 'cdn-origin',
    what: "the hostname is a CNAME to a zone in another Cloudflare account, which Cloudflare refuses (Error 1014, 'CNAME Cross-User Banned'): use Cloudflare for SaaS or point the record at the origin",
  },
  {
    code: '1016',
    title: 'origin dns error',
    outcome: 'cdn-origin',
    what: "Cloudflare cannot resolve the origin's address: the A record is missing or its CNAME target does not resolve (Error 1016, 'Origin DNS error')",
  },
  {
    code: '1033',
    title: 'argo tunnel error',
    outcome: 'cdn-origin',
    what: "the hostname is routed to a Cloudflare Tunnel that has no connector running (Error 1033, 'Argo Tunnel error'): cloudflared is not running or cannot reach Cloudflare's network",
  },
  {
    code: '1034',
    title: 'edge ip restricted',
    outcome: 'cdn-origin',
    what: "the record points at an address Cloudflare's edge refuses as an origin (Error 1034, 'Edge IP Restricted', e.g. 1.1.1.1): point it at an address you control",
  },
  {
    code: '1101',
    title: 'worker threw exception',
    // The docs' wording of the same title.
    more: ['Worker threw a JavaScript exception'],
    outcome: 'serverless-response',
    what: "the Cloudflare Worker in front of the origin threw a JavaScript exception (Error 1101, 'Worker threw exception' or 'Rendering error'): the Worker's logs name the exception",
  },
  {
    code: '1102',
    title: 'worker exceeded resource limits',
    outcome: 'serverless-response',
    what: "the Cloudflare Worker exceeded its CPU time or memory limit (Error 1102, 'Worker exceeded resource limits')",
  },
];

/**
 * `Error 1033`, `error code: 1033`, `1033 error`, `` `1033` error ``, compiled once per code;
 * a bare `1033` counts only beside Cloudflare, cloudflared or a tunnel ({@link namesCode}).
 */
function codePattern(code: string): RegExp {
  // "Error" in Chinese (错误, 报错 "reports the error") and Persian (خطای) has no word
  // boundary before it in a sentence of its own script, so it stands outside the \b group.
  return new RegExp(
    `(?:\\b(?:error|code|fehler|erreur)|错误|报错|خطای)[ :#*-]{0,5}\`?${code}\\b|(?:^|[^\\w.])\`?${code}\`? ?(?:errors?\\b|错误)`,
  );
}

/** Whether `lower` names Cloudflare's `code` (its pattern from {@link codePattern}). */
function namesCode(lower: string, code: string, pattern: RegExp): boolean {
  if (!lower.includes(code)) return false;
  if (pattern.test(lower)) return true;
  return includesAnyWord(lower, [code]) && includesAnyWord(lower, ['cloudflare', 'cloudflared', 'tunnel', 'ray id']);
}

/**
 * Tunnel page forms that name no code: the title's `Cloudflare Tunnel error` (its newer name)
 * and the page's sentence, old and new product name.
 */
const tunnelPage = /\b(?:argo|cloudflare) tunnel error\b|\bis configured as an? (?:argo|cloudflare) tunnel\b/;

const cloudflareCodeRules: readonly Rule[] = cloudflareCodes.map((entry) => {
  const pattern = codePattern(entry.code);
  const title = entry.title !== 'restricted' && entry.title !== 'dns resolution error' ? entry.title : undefined;
  return described({
    id: `cloudflare-error-${entry.code}`,
    software: 'cloudflare',
    outcome: entry.outcome,
    implies: entry.outcome === 'serverless-response' ? { role: 'admin' } : admin('cloudflare'),
    cause: `Cloudflare answered with its own page instead of the origin's: ${entry.what}. The 1xxx code is in the page body; the HTTP status is usually 530, 502 or 500.`,
    source: `${cloudflareDocs}error-${entry.code}.mdx ("Error ${entry.code}: ${entry.title}"; 1xxx errors appear in the HTML body, index.mdx)`,
    gates: [
      ...[
        `rror ${entry.code}`,
        `RROR ${entry.code}`,
        `ode**: ${entry.code}`,
        `rror: ${entry.code}`,
        `ode: ${entry.code}`,
        `${entry.code} error`,
        `${entry.code} Error`,
        `${entry.code} ERROR`,
        `${entry.code}error`,
        `${entry.code}\` error`,
        `${entry.code}错误`,
        // The code beside the vendor's name ("Cloudflare 1101"), which namesCode reads.
        `lare ${entry.code}`,
        `LARE ${entry.code}`,
        ...['错误', '报错', 'خطای'].flatMap((word) => [`${word}${entry.code}`, `${word} ${entry.code}`]),
      ],
      ...(entry.code === '1033' ? gatesOf('tunnel error', 'argo tunnel', 'cloudflare tunnel') : []),
      ...(entry.title === 'restricted' || entry.title === 'dns resolution error' ? [] : gatesOf(entry.title)),
      ...(entry.more ?? []).flatMap((text) => [text.slice(1), ...gatesOf(text.toLowerCase())]),
    ],
    test: (lower) =>
      namesCode(lower, entry.code, pattern) ||
      // A title beside the 530 status is the 530 page, whose rule (cloudflare.ts) comes later.
      (title !== undefined && lower.includes(title) && !includesAnyWord(lower, ['530'])) ||
      (entry.code === '1033' && tunnelPage.test(lower)) ||
      (entry.more ?? []).some((text) => lower.includes(text.toLowerCase())),
    samples: [
      `Error ${entry.code} Ray ID: 8a1b2c3d4e5f6a7b • 2026-03-03 10:15:42 UTC`,
      `the site shows Cloudflare error ${entry.code} since this morning`,
      `访问时出现错误 ${entry.code}`,
    ],
    nearMisses: [`order ${entry.code}0 failed`, `listening on port ${entry.code}`],
  });
});

/**
 * Netlify's function error page (served when a function or edge function throws) and its
 * sentences; LocalStack's API Gateway warning when a Lambda's output is not a proxy response.
 */
const functionPagePhrases = [
  'this edge function has crashed',
  'this function has crashed',
  'an unhandled error in the function code triggered the following message',
  'an unhandled error in the edge function code triggered the following message',
  'the deployment failed while serving the request',
  'lambda output should follow the next json format',
];

/** Serverless platforms and their function products, lower case, whole words. */
const serverlessNames = [
  'netlify',
  'vercel',
  'supabase',
  'lambda',
  'firebase',
  'cloud functions',
  'cloud function',
  'azure functions',
  'azure function',
  'edge function',
  'edge functions',
  'serverless function',
  'serverless functions',
  'workers',
  'deno deploy',
];
const functionWord = /\bfunctions?\b/;

/** API Gateway's or an ALB's Lambda proxy response format named beside a status. */
const proxyFormat =
  /\b(?:multi[- ]?value ?headers|multivalueheaders|aws_proxy|proxy integration|lambda proxy|(?:specific|response|json|required|expected|correct|right|proper) (?:response )?format)\b/;

const serverlessRules: readonly Rule[] = [
  described({
    id: 'function-error-page',
    software: 'platform',
    outcome: 'serverless-response',
    implies: { role: 'admin' },
    cause:
      "The platform's function (or edge function) threw an error or crashed while serving the request, so the platform answered with its own error page instead of the function's response. The function's log on the platform names the exception; fix it there.",
    source:
      'netlify/cli src/lib/templates/function-error.html ("This edge function has crashed", "An unhandled error in the edge function code triggered the following message:", netlify/cli#5070); Netlify\'s served page also carries "The deployment failed while serving the request." (recorded in netlify/next-react-server-components#73); localstack/localstack services/apigateway integration ("Lambda output should follow the next JSON format: …" when a Lambda proxy response lacks statusCode or body)',
    gates: gatesOf(
      'function has crashed',
      'the function code triggered',
      'function code triggered',
      'failed while serving the request',
      'should follow the next',
    ),
    test: (lower) => includesAny(lower, functionPagePhrases),
    samples: [
      'This edge function has crashed',
      'An unhandled error in the function code triggered the following message: TypeError: x is undefined',
      'WARN --- [ asgi_gw_0] l.s.apigateway.integration : Lambda output should follow the next JSON format: { "isBase64Encoded": true|false, "statusCode": httpStatusCode }',
    ],
    nearMisses: ['the function has been deployed', 'The deployment failed: build script returned non-zero exit code'],
  }),
];

/**
 * A function on a serverless platform named beside a 502: after every product's own rule (API
 * Gateway's and Lambda's messages keep their lines), before the sentences that only name the
 * platform or load balancer.
 */
const serverlessNamedRule: Rule = described({
  id: 'serverless-function-named-with-status',
  software: 'platform',
  outcome: 'serverless-response',
  implies: { role: 'admin' },
  cause:
    "A serverless function answered the platform with an error, crashed, timed out or returned a response the platform could not use, and the platform (Netlify, Vercel, Supabase, Lambda behind API Gateway or an ALB, Cloud Functions, Azure Functions) answered 502. The function's own log on the platform says which; a Lambda proxy integration also needs the documented response shape (statusCode, headers or multiValueHeaders, body).",
  source:
    'docs.netlify.com/build/server/troubleshooting/ (502 Bad Gateway when the code did not start responding within 20 seconds or its instance stopped before responding, e.g. crashed or out of memory); opennextjs/opennextjs-netlify#1174 (a function time-out seen as a 502, recorded output); vercel.com/docs/errors/FUNCTION_INVOCATION_FAILED (502); supabase.com/docs/guides/functions/status-codes (502/504/546 from Edge Functions); docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html (a Lambda proxy response in another shape gives 502 "Malformed Lambda proxy response"); docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html (with multi-value headers enabled the response must use multiValueHeaders)',
  gates: statusGates('502', 'bad gateway'),
  test: (lower) => {
    if (!namesGatewayStatus(lower)) return false;
    if (includesAnyWord(lower, ['timeout', 'timed out', 'time out', '504', 'gateway timeout', 'gateway time-out']))
      return false;
    if (proxyFormat.test(lower) && includesAnyWord(lower, ['lambda', 'alb', 'elb', 'api gateway', 'function']))
      return true;
    return (
      functionWord.test(lower) &&
      (includesAnyWord(lower, serverlessNames) ||
        /\b(?:deploy(?:ing|ed)?|invok(?:e|ing|ed)|invocation) (?:the |my |a |any |this )?[\w -]{0,30}\bfunctions?\b/.test(
          lower,
        ))
    );
  },
  samples: [
    'The checkout Netlify Function started returning 502 after the upgrade',
    'Invoking my Supabase edge function gives a 502 Bad Gateway',
    'the ALB answers 502 once multi value headers are enabled on the target group',
  ],
  nearMisses: [
    'the Netlify site returns 502 for the images',
    'the Lambda function times out and API Gateway returns 504',
    'this function returns the 502 page template',
  ],
});

/** The ASP.NET Core Module's 502.5 "Process Failure" page, its list of causes. */
const ancmPhrases = [
  'the application process failed to start',
  'the application process started but then stopped',
  'the application process started but failed to listen on the configured port',
];

const iisRules: readonly Rule[] = [
  described({
    id: 'ancm-process-failure-page',
    software: 'iis',
    outcome: 'upstream-refused',
    implies: admin('not-sure'),
    cause:
      "IIS's ASP.NET Core Module could not start the app's process, or the process stopped, or it did not listen on the port the module gave it (HTTP Error 502.5 - Process Failure). The Windows event log and the app's stdout log (stdoutLogEnabled) say why.",
    source:
      'dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2 out-of-process error page (HTTP Error 502.5 - Process Failure: "The application process failed to start", "The application process started but then stopped", "The application process started but failed to listen on the configured port", recorded in aspnet/IISIntegration#623); dotnet/AspNetCore.Docs aspnetcore/test/troubleshoot-azure-iis.md (502.5 Process Failure)',
    gates: gatesOf('application process failed to start', 'application process started but'),
    test: (lower) => includesAny(lower, ancmPhrases),
    samples: [
      'The application process failed to start',
      'Common causes of this issue: The application process started but then stopped',
    ],
    nearMisses: ['The application failed to start', 'The application process started'],
  }),
];

/** Azure Front Door's default error page ("Our services aren't available right now"). */
const frontDoorRules: readonly Rule[] = [
  whoAnswered({
    id: 'azure-front-door-error-page',
    software: 'azure',
    proxy: 'other-cdn',
    what: "Azure Front Door answered with its own error page ('Our services aren't available right now'): it had no route or origin for the request (a 400 before the profile or custom domain is set up) or could not get an answer from the origin (503/504). The response's x-azure-ref header finds the request in Front Door's access log, whose ErrorInfo says which.",
    source:
      'learn.microsoft.com/en-us/answers/questions/1669065 (Microsoft\'s answer: Front Door returns "Our services aren\'t available right now" for hostnames or routes it does not serve yet); learn.microsoft.com/azure/frontdoor/troubleshoot-issues (503/504 from Front Door, ErrorInfo: OriginTimeout, OriginInvalidResponse)',
    gates: gatesOf("aren't available right now", 'aren’t available right now', 'restore all services'),
    test: (lower) =>
      lower.includes("our services aren't available right now") ||
      lower.includes("we're working to restore all services as soon as possible"),
    samples: [
      "Our services aren't available right now",
      "We're working to restore all services as soon as possible. Please check back soon.",
    ],
    nearMisses: ['Our services are available again', 'the service is not available right now'],
  }),
];

/** HAProxy's Layer 7 health-check failures (check.c: L7STS, L7RSP, L7TOUT). */
const haproxyLayer7 = /\bis down, reason: layer7 (?:wrong status|wron|invalid response|timeout|response error)/;

/**
 * HAProxy's server DOWN after an HTTP health check failed: before `haproxy-server-down`, which
 * reads every DOWN as a server that is gone (`index.ts`, haproxy group).
 */
export const haproxyLayer7Rule: Rule = described({
  id: 'haproxy-layer7-check-down',
  software: 'haproxy',
  outcome: 'lb-health-checks',
  implies: admin('haproxy'),
  cause:
    "HAProxy's HTTP health check marked the server DOWN (Layer7 wrong status, invalid response or timeout): the server accepts connections, but the check's request (option httpchk, http-check expect) gets another status than expected, or no answer. Check the path the health check asks for and what the app answers there; when no server is left, HAProxy answers 503.",
  source:
    'haproxy/haproxy src/check.c check_statuses[] (HCHK_STATUS_L7STS "Layer7 wrong status", HCHK_STATUS_L7RSP "Layer7 invalid response", HCHK_STATUS_L7TOUT "Layer7 timeout"); src/server.c ("Server %s/%s is DOWN, reason: …")',
  gates: [' is DOWN'],
  test: (lower) => haproxyLayer7.test(lower),
  samples: [
    'Server web/app1 is DOWN, reason: Layer7 wrong status, code: 404, info: "Not Found", check duration: 2ms. 1 active and 0 backup servers left.',
    'Server api/api2 is DOWN, reason: Layer7 timeout, check duration: 2001ms. 0 active and 0 backup servers left.',
  ],
  nearMisses: [
    'Server app/app1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms.',
  ],
});

/** A connection the upstream had closed, reused by the proxy or load balancer. */
const reusedClosed =
  /\bconnections?\b[^.;]{0,40}\b(?:re-?)?used after\b[^.;]{0,30}\bclosed\b|\b(?:send|sends|sending|sent|forward|forwards|forwarding) (?:new )?requests? (?:to|on|over) (?:a |the )?(?:idle )?connections? (?:that (?:were|was|had been|have been) )?(?:already )?closed\b|\b(?:disconnect(?:s|ing)?|clos(?:e|es|ing)) (?:the )?(?:idle )?(?:connections? )?before (?:the )?(?:elb|alb|load balancer|proxy|nginx|haproxy)(?:'s)? (?:idle )?timeout\b/;

const otherRules: readonly Rule[] = [
  described({
    id: 'resolver-host-not-found-retold',
    software: 'nginx',
    outcome: 'proxy-cannot-resolve',
    implies: admin('nginx'),
    cause:
      'The proxy\'s resolver answered that the upstream\'s name does not exist (nginx: "could not be resolved (3: Host not found)" at run time, "host not found in upstream" at start): the name in proxy_pass is misspelt, or it exists only in another DNS view (a Docker network, /etc/hosts the resolver does not read). Check the name with the resolver nginx uses.',
    source:
      'nginx/nginx src/core/ngx_resolver.c (ngx_resolver_strerror: "Host not found" for NXDOMAIN; "%V could not be resolved (%i: %s)"); src/http/ngx_http_upstream.c ("host not found in upstream \"%V\"")',
    gates: gatesOf('host not found'),
    test: (lower) =>
      lower.includes('host not found') &&
      (lower.includes('could not be resolved') ||
        includesAnyWord(lower, ['proxy_pass', 'upstream', 'nginx', 'resolver', 'fastcgi_pass', 'uwsgi_pass'])),
    samples: [
      'backend.internal could not be resolved Host not found',
      'nginx says "host not found" for the proxy_pass target',
    ],
    nearMisses: ['ssh: Could not resolve hostname db: Name or service not known', 'host not found in the inventory'],
  }),
  described({
    id: 'closed-connection-reused-described',
    software: 'report',
    outcome: 'keepalive-mismatch',
    cause:
      "The proxy or load balancer reused a keep-alive connection the upstream had already closed: the upstream's keep-alive (idle) timeout is shorter than the front's, so a request sent on it fails at once. Make the upstream's keep-alive timeout longer than the proxy's or load balancer's idle timeout (60 s on an ALB by default).",
    source:
      "docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout (set the targets' keep-alive timeout above the idle timeout); RFC 9112 §9.6 (a client that sends on a connection the server is closing can lose the request)",
    gates: [
      'used after',
      'requests to connection',
      'requests on connection',
      'requests over connection',
      ...['ELB', 'elb', 'ALB', 'alb', 'load balancer', 'proxy', 'nginx', 'Nginx', 'HAProxy', 'haproxy'].map(
        (name) => `efore the ${name}`,
      ),
    ],
    test: (lower) => reusedClosed.test(lower),
    samples: [
      'HTTP 1.1 connections are sometimes used after the upstream closed them, so the proxy returns 502',
      'the load balancer keeps sending requests to connections already closed by the app',
      "the backends disconnect before the load balancer's idle timeout",
    ],
    nearMisses: ['the connection was closed after the response', 'close the tab before the timeout'],
  }),
];

/**
 * Products that answer 504 when their upstream does not answer in time, in matching order (an
 * ingress before nginx, which `ingress-nginx` also names), with the wizard's proxy answer.
 */
const timeoutProducts: readonly {
  readonly proxy: ProxyAnswer;
  readonly words: readonly string[];
  readonly source: string;
}[] = [
  {
    proxy: 'k8s-ingress',
    words: ['ingress', 'ingress-nginx'],
    source:
      'kubernetes.github.io/ingress-nginx user-guide/nginx-configuration/annotations (proxy-read-timeout, 60 s; nginx answers 504)',
  },
  {
    proxy: 'nginx',
    words: ['nginx', 'openresty'],
    source:
      'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout; src/http/ngx_http_upstream.c (NGX_HTTP_UPSTREAM_FT_TIMEOUT → 504)',
  },
  {
    proxy: 'haproxy',
    words: ['haproxy'],
    source:
      'docs.haproxy.org configuration.html "timeout server" and section 1.3.1 (504 Gateway Timeout: the server failed to respond within the configured time)',
  },
  {
    proxy: 'apache',
    words: ['apache', 'httpd', 'mod_proxy'],
    source:
      'httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxytimeout; modules/proxy/mod_proxy_http.c (a timed-out backend read gives HTTP_GATEWAY_TIME_OUT, 504)',
  },
  {
    proxy: 'cloud-lb',
    words: [
      'alb',
      'elb',
      'application load balancer',
      'elastic load balancer',
      'elastic load balancing',
      'load balancer',
    ],
    source:
      'docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html (HTTP 504: the target did not respond before the idle timeout, or no connection within 10 s)',
  },
  {
    proxy: 'other-cdn',
    words: ['cloudfront', 'fastly', 'akamai', 'front door'],
    source:
      'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-504-gateway-timeout.html (the origin did not respond within the response timeout); learn.microsoft.com/azure/frontdoor/troubleshoot-issues (504, OriginTimeout)',
  },
  {
    proxy: 'api-gateway',
    words: ['api gateway', 'apigateway', 'api-gateway'],
    source:
      'docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (integration timeout, 29 s by default; API Gateway answers 504 "Endpoint request timed out")',
  },
];

/** A 504 or "gateway timeout", without a 502 or a cause the earlier rules read. */
function names504Only(lower: string): boolean {
  if (!namesGatewayStatus(lower)) return false;
  if (includesAnyWord(lower, ['502', '502s']) || lower.includes('bad gateway')) return false;
  if (includesAny(lower, ['refus', 'reset', 'unreachable', 'resolv', 'certificate', 'tls', 'ssl'])) return false;
  return includesAnyWord(lower, ['504', '504s']) || lower.replaceAll('api gateway time', ' ').includes('gateway time');
}

const named504Rules: readonly Rule[] = timeoutProducts.map((product, index) =>
  described({
    id: `${product.proxy}-named-with-504`,
    software: 'report',
    outcome: 'upstream-timeout',
    implies: admin(product.proxy),
    cause: `The report names ${product.words[0] === 'alb' ? 'a cloud load balancer' : product.words[0]} beside a 504 Gateway Timeout: it waited for its upstream longer than its timeout and gave up. Find the slow request in the upstream's log, or raise the front's timeout where the request is legitimately slow.`,
    source: `${product.source}; RFC 9110 §15.6.5 (504: no timely response from the upstream)`,
    gates: statusGates('504', 'gateway time'),
    test: (lower) =>
      names504Only(lower) &&
      includesAnyWord(lower, product.words) &&
      !timeoutProducts.slice(0, index).some((earlier) => includesAnyWord(lower, earlier.words)),
    samples: [
      `Since Monday ${product.words[0] === 'alb' ? 'the ALB' : product.words[0]} answers 504 on the reports page`,
      // The page's own title beside the product: this rule, not the bare page rule tried later.
      `Our ${product.words[0] === 'alb' ? 'ALB' : product.words[0]} returns 504 Gateway Timeout on long reports`,
    ],
    nearMisses: [`${product.words[0]} answers 502 and sometimes 504`, `${product.words[0]} 504: connection refused`],
  }),
);

/** Cloudflare's 1xxx rules, tried after cloudflared's own (`index.ts`, cloudflared group). */
export const round10CloudflareRules: readonly Rule[] = cloudflareCodeRules;

/** Cause rules tried with the vendors' descriptions (`index.ts`, vendor-causes group). */
export const round10CauseRules: readonly Rule[] = [...serverlessRules, ...iisRules, ...otherRules];

/**
 * Rules tried after every product's own rule and before the sentences that only name who
 * answered (`index.ts`, who-answered-more group, after round 9's causes told beside a product):
 * a function beside a 502, the 504s beside a product, Front Door's page.
 */
export const round10LateRules: readonly Rule[] = [serverlessNamedRule, ...named504Rules, ...frontDoorRules];

/** Gates of the rules above: every rule needs one of these literals (see `index.ts`). */
export const round10CloudflareGates: readonly string[] = gatesOfRules(round10CloudflareRules);
export const round10CauseGates: readonly string[] = gatesOfRules(round10CauseRules);
export const round10LateGates: readonly string[] = gatesOfRules(round10LateRules);
