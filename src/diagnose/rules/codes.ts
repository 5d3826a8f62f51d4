/**
 * Error codes of hosting platforms, tunnels and servers that answer for an app, as their
 * logs print them or readers retell them: Heroku's router H-codes, ngrok's `ERR_NGROK_*`
 * codes, IIS's 502 substatus codes (`502.3`, `502.5`), Kubernetes' "no active endpoints"
 * messages, and a load balancer's access-log fields or a 502 blamed on large cookies or
 * headers in a sentence. Each code is matched as a whole word, so `H100` is not `H10`.
 */
import { includesAnyWord, includesWhole, includesWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';

export interface HerokuCode {
  readonly code: string;
  /** The router's `desc="…"` text, from Heroku's list. */
  readonly desc: readonly string[];
  readonly outcome: OutcomeId;
  readonly cause: string;
  /** Other literal wordings of the code (the runtime codes' text after the code). */
  readonly phrases?: readonly string[];
  /** The log line, when it is not the router's `at=error code=… desc=…` form. */
  readonly logLine?: string;
}

const herokuSource =
  'devcenter.heroku.com/articles/error-codes (the router\'s "at=error code=Hnn desc=…" lines, and the article\'s heading for each code, "H10 - App crashed")';

/**
 * Heroku router codes a 503 from the router carries (H12 and H13 have their own rules in
 * `platforms.ts`). H27 (client request interrupted) and H80 (maintenance mode) say nothing
 * about the app's health and are left out.
 */
export const herokuCodes: readonly HerokuCode[] = [
  {
    code: 'H10',
    desc: ['App crashed'],
    outcome: 'upstream-refused',
    cause:
      "Heroku's router had no running web process to send the request to (H10 App crashed): the web dyno crashed or did not bind $PORT in time at boot. The app's own log lines just before say why.",
  },
  {
    code: 'H11',
    desc: ['Backlog too deep'],
    outcome: 'overload',
    cause:
      'Requests arrive faster than the dynos answer them and the backlog passed its limit (H11 Backlog too deep): add dynos or make the slow requests faster.',
  },
  {
    code: 'H14',
    desc: ['No web processes running', 'No web dynos running'],
    outcome: 'no-live-upstreams',
    cause:
      "The app has no web dyno running (H14), often after scaling web to 0 or a Procfile without a web process: there is nothing for Heroku's router to send the request to.",
  },
  {
    code: 'H15',
    desc: ['Idle connection'],
    outcome: 'upstream-timeout',
    cause:
      'The dyno kept the connection open without sending the full response for 55 seconds (H15 Idle connection), and the router closed it.',
  },
  {
    code: 'H17',
    desc: ['Poorly formatted HTTP response'],
    outcome: 'invalid-response',
    cause:
      "The dyno's answer was not valid HTTP (H17 Poorly formatted HTTP response): malformed status line or headers.",
  },
  {
    code: 'H18',
    desc: ['Server Request Interrupted', 'Request Interrupted'],
    outcome: 'upstream-closed',
    cause:
      'The dyno closed the socket before the request or the response was complete (H18 Server Request Interrupted): a crash or a worker killed mid-request.',
  },
  {
    code: 'H19',
    desc: ['Backend connection timeout'],
    outcome: 'overload',
    cause:
      'The router could not open a connection to the dyno within 5 seconds (H19 Backend connection timeout): the dyno is too busy to accept new connections.',
  },
  {
    code: 'H20',
    desc: ['App boot timeout'],
    outcome: 'upstream-refused',
    cause:
      'The web process did not start listening on $PORT within the boot time (H20 App boot timeout), so the router had nothing to connect to.',
  },
  {
    code: 'R10',
    desc: ['Boot timeout'],
    outcome: 'upstream-refused',
    cause:
      'The web process did not bind to $PORT within 60 seconds of launch (R10 Boot timeout), so Heroku stopped it: the app must listen on the port in PORT, on 0.0.0.0.',
    phrases: ['failed to bind to $PORT'],
    logLine:
      '2024-03-02T17:58:33.000000+00:00 heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
  },
  {
    code: 'H21',
    desc: ['Backend connection refused'],
    outcome: 'upstream-refused',
    cause: "The dyno refused the router's connection (H21 Backend connection refused): nothing listens on $PORT.",
  },
  {
    code: 'H22',
    desc: ['Connection limit reached'],
    outcome: 'overload',
    cause: 'The app reached its limit of open connections at the router (H22 Connection limit reached).',
  },
];

/**
 * Words that make a bare `H12` a Heroku code: Heroku's name, a dyno, its router, or the word
 * error or code beside it ("H12 errors", "an H13 code error"). Bounded, case-insensitive.
 */
export const herokuContext = /heroku|dyno|router|\berrors?\b|\bcodes?\b/i;

/**
 * A rule for one Heroku router code: the log line, its `Error Hnn (` form, the code beside
 * Heroku's name or the word error, or a description of three words or more on its own
 * ("Backlog too deep", "Connection closed without response"), in any case.
 */
function herokuRule(spec: HerokuCode): Rule {
  const descs = [...spec.desc.map((text) => `desc="${text}"`), ...(spec.phrases ?? [])];
  return {
    id: `heroku-${spec.code.toLowerCase()}`,
    software: 'heroku',
    cause: spec.cause,
    outcome: spec.outcome,
    status: 503,
    implies: admin('platform'),
    source: herokuSource,
    includes: [],
    anyOf: [
      spec.code,
      ...descs,
      ...spec.desc.filter((text) => text.split(' ').length >= 3).flatMap((text) => [text, text.toLowerCase()]),
    ],
    test: (line) =>
      includesWhole(line, `code=${spec.code}`) ||
      line.includes(`Error ${spec.code} (`) ||
      // The heading Heroku's error-codes article gives each code: "H10 - App crashed".
      spec.desc.some((text) => line.includes(`${spec.code} - ${text}`)) ||
      descs.some((desc) => line.includes(desc)) ||
      (includesWord(line, spec.code) && herokuContext.test(line)) ||
      (spec.desc.some((text) => text.split(' ').length >= 3) &&
        spec.desc.some((text) => text.split(' ').length >= 3 && line.toLowerCase().includes(text.toLowerCase()))),
    samples: [
      spec.logLine ??
        `2024-03-02T17:58:33.000000+00:00 heroku[router]: at=error code=${spec.code} desc="${spec.desc[0]}" method=GET path="/" host=myapp.herokuapp.com request_id=5b3c1e9a fwd="203.0.113.9" dyno=web.1 connect= service= status=503 bytes= protocol=https`,
      spec.logLine === undefined
        ? `at=error code=${spec.code} desc="${spec.desc[0]}" method=POST path="/webhook"`
        : `Error ${spec.code} (${spec.desc[0]})`,
      `Our Heroku app keeps logging ${spec.code} errors`,
      `${spec.code} - ${spec.desc[0]}`,
    ],
    nearMisses: [`heroku[router]: at=info code=${spec.code}0 method=GET`, `${spec.code} heading in the report`],
  };
}

/** IIS substatus codes of 502 (ARR and the ASP.NET Core Module) and what each says. */
const iisSubstatus: readonly { sub: string; outcome: OutcomeId; cause: string }[] = [
  {
    sub: '1',
    outcome: 'upstream-timeout',
    cause: 'IIS 502.1: the CGI application behind IIS ran past its time-out.',
  },
  {
    sub: '2',
    outcome: 'invalid-response',
    cause: 'IIS 502.2: the CGI application behind IIS did not return a complete set of HTTP headers.',
  },
  {
    sub: '3',
    outcome: 'upstream-timeout',
    cause:
      "IIS 502.3 (ARR or the ASP.NET Core Module): IIS, acting as a proxy, could not complete the request to the backend, most often because it timed out (WinHTTP error 12002, the proxy or requestTimeout time-out); 12029 means it could not connect at all. The IIS log's sc-win32-status says which.",
  },
  {
    sub: '5',
    outcome: 'upstream-refused',
    cause:
      'IIS 502.5 Process Failure (ASP.NET Core Module): the app process failed to start, stopped, or did not listen on the port the module gave it. The Windows event log and the stdout log say why.',
  },
];

/** Whether `line` holds `502.<sub>` as a token: not part of a longer number or version. */
function hasSubstatus(line: string, sub: string): boolean {
  const token = `502.${sub}`;
  let from = 0;
  for (;;) {
    const at = line.indexOf(token, from);
    if (at === -1) return false;
    const before = at === 0 ? '' : line.charAt(at - 1);
    const after = line.charAt(at + token.length);
    if (
      !/[\w.]/.test(before) &&
      !/[\w]/.test(after) &&
      !(after === '.' && /\d/.test(line.charAt(at + token.length + 1)))
    )
      return true;
    from = at + 1;
  }
}

/** Words that put a `502.N` beside IIS: its name, its error page, ARR or the ASP.NET Core Module. */
const iisContext = [
  'iis',
  'bad gateway',
  'process failure',
  'ancm',
  'aspnetcore',
  'arr',
  'asp.net',
  'kestrel',
  'inprocess',
  'outofprocess',
  'in-process',
  'out-of-process',
];

function iisRule(spec: (typeof iisSubstatus)[number]): Rule {
  return {
    id: `iis-502-${spec.sub}`,
    software: 'iis',
    cause: spec.cause,
    outcome: spec.outcome,
    status: 502,
    implies: admin('not-sure'),
    source:
      'Windows SDK iiscnfg.h MD_ERROR_SUB502_TIMEOUT = 1 (502.1, CGI time-out; microsoft.github.io/windows-docs-rs …/Iis/constant.MD_ERROR_SUB502_TIMEOUT.html); iis.net/learn/troubleshoot/diagnosing-http-errors/troubleshooting-http-5022-bad-gateway-error-in-cgi-applications (502.2: "Specified CGI application did not return a complete set of HTTP headers"); learn.microsoft.com troubleshoot/developer/webapps/iis "Troubleshooting 502 errors in ARR" (502.3 with sc-win32-status 12002, ERROR_WINHTTP_TIMEOUT) and the archived blog benjaminperkins/502-3 (502.3 "Bad Gateway: Forwarder Connection Error (ARR)"); dotnet/AspNetCore.Docs aspnetcore/test/troubleshoot-azure-iis.md (502.5 Process Failure)',
    includes: [`502.${spec.sub}`],
    test: (line) => {
      if (!hasSubstatus(line, spec.sub)) return false;
      const lower = line.toLowerCase();
      return (
        lower.includes('http error 502.') ||
        includesAnyWord(lower, iisContext) ||
        // "502.5 error": the substatus as a status name, as IIS readers write it.
        new RegExp(`(?:^|[^\\w.])502\\.${spec.sub} (?:error|status)\\b`).test(lower)
      );
    },
    samples: [
      `HTTP Error 502.${spec.sub} - Bad Gateway`,
      `Since the update IIS answers with 502.${spec.sub} on every request`,
    ],
    nearMisses: [`version 1.502.${spec.sub}.4 released`, `IIS build 10502.${spec.sub}`, `502.${spec.sub}0 Bad Gateway`],
  };
}

/** Whether `line` holds IIS's 502.3 as `502.3` or as the log's `502 3 ` (sc-status, sc-substatus). */
function has5023(line: string): boolean {
  return hasSubstatus(line, '3') || /(?:^|\s)502 3 \d/.test(line);
}

/**
 * The 502.3 whose backend answered something WinHTTP could not parse (12152,
 * ERROR_WINHTTP_INVALID_SERVER_RESPONSE; IIS's page: "The server returned an invalid or
 * unrecognized response"), and that WinHTTP error named by itself, as a reverse proxy built on
 * WinHTTP (Service Fabric's) logs it.
 */
const iis5023Invalid: Rule = {
  id: 'iis-502-3-invalid-response',
  software: 'iis',
  cause:
    'IIS 502.3 with WinHTTP error 12152 (ERROR_WINHTTP_INVALID_SERVER_RESPONSE): the proxy (ARR, the ASP.NET Core Module, or another WinHTTP-based proxy) reached the backend, but its answer was not valid HTTP: a malformed status line or headers, or a connection closed mid-header.',
  outcome: 'invalid-response',
  status: 502,
  implies: admin('not-sure', 'invalid-header'),
  source:
    'learn.microsoft.com windows/win32/winhttp/error-messages (12152 ERROR_WINHTTP_INVALID_SERVER_RESPONSE: "The server response cannot be parsed"); learn.microsoft.com troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr (502.3 and its sc-win32-status)',
  includes: [],
  anyOf: ['502.3', '502 3 ', 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE'],
  test: (line) =>
    line.includes('ERROR_WINHTTP_INVALID_SERVER_RESPONSE') ||
    (has5023(line) && (includesAnyWord(line, ['12152']) || line.includes('invalid or unrecognized response'))),
  samples: [
    '502 3 12152 31',
    'HTTP Error 502.3 - Bad Gateway: The server returned an invalid or unrecognized response',
    'the proxy logged ERROR_WINHTTP_INVALID_SERVER_RESPONSE for the request',
  ],
  nearMisses: ['502 3 12002 29889', 'HTTP Error 502.3 - Bad Gateway: The operation timed out'],
};

/** The connection-error 502.3 (WinHTTP 12029/12030: no connection to the backend). */
const iis5023Refused: Rule = {
  id: 'iis-502-3-cannot-connect',
  software: 'iis',
  cause:
    'IIS 502.3 with WinHTTP error 12029 or 12030: IIS, acting as a proxy (ARR or the ASP.NET Core Module), could not connect to the backend, or lost the connection: nothing listens there, or it closed the connection.',
  outcome: 'upstream-refused',
  status: 502,
  implies: admin('not-sure', 'refused'),
  source:
    'learn.microsoft.com troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr (502.3, sc-win32-status); WinHTTP error codes 12029 ERROR_WINHTTP_CANNOT_CONNECT, 12030 ERROR_WINHTTP_CONNECTION_ERROR',
  includes: [],
  anyOf: ['502.3', '502 3 '],
  test: (line) =>
    has5023(line) && (includesAnyWord(line, ['12029', '12030']) || line.includes('could not be established')),
  samples: ['502 3 12029 15', 'HTTP Error 502.3 - Bad Gateway: A connection with the server could not be established'],
  nearMisses: ['502 3 12002 29889', 'HTTP Error 502.3 - Bad Gateway: The operation timed out'],
};

/** Azure Front Door's ErrorInfo values for a failure between it and the origin, and what each says. */
const frontDoorErrors: readonly { info: string; outcome: OutcomeId; cause: string }[] = [
  {
    info: 'OriginTimeout',
    outcome: 'upstream-timeout',
    cause:
      'Azure Front Door waited longer than its origin response timeout (30 s by default, up to 240 s on Standard/Premium) and answered 504 (ErrorInfo: OriginTimeout): the origin is slow, or the timeout is shorter than its work.',
  },
  {
    info: 'OriginInvalidResponse',
    outcome: 'invalid-response',
    cause:
      "Azure Front Door could not use the origin's answer (ErrorInfo: OriginInvalidResponse, 503): a malformed or cut response, often a timeout on the origin's side or a byte-range request answered with a compressed body.",
  },
];

/** A rule for one Front Door ErrorInfo value, as its error page or access log (errorInfo) shows it. */
function frontDoorRule(spec: (typeof frontDoorErrors)[number]): Rule {
  return {
    id: `azure-front-door-${spec.info.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
    software: 'azure',
    cause: spec.cause,
    outcome: spec.outcome,
    implies: admin('other-cdn'),
    source:
      'learn.microsoft.com/azure/frontdoor/troubleshoot-issues ("504 errors appear with ErrorInfo: OriginTimeout", "Intermittent 503 errors appear with ErrorInfo: OriginInvalidResponse")',
    includes: [spec.info],
    test: (line) => includesWord(line, spec.info),
    samples: [`ErrorInfo: ${spec.info}`, `"errorInfo": "${spec.info}"`],
    nearMisses: [`ErrorInfo: ${spec.info}Retry`],
  };
}

/** Whether `line` holds an ngrok error code `ERR_NGROK_<n>` as a whole token. */
function ngrokCode(line: string, code: string): boolean {
  return includesWhole(line, `ERR_NGROK_${code}`);
}

export const codeRules: readonly Rule[] = [
  ...herokuCodes.map(herokuRule),
  iis5023Invalid,
  iis5023Refused,
  ...iisSubstatus.map(iisRule),
  {
    id: 'ngrok-upstream-refused',
    software: 'ngrok',
    cause:
      'ngrok reached its agent, but the agent could not connect to the local service it forwards to (ERR_NGROK_8012): nothing listens on that port, or it listens on another address (127.0.0.1 against ::1). Start the service or point ngrok at the port it uses.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('not-sure', 'refused'),
    source:
      'ngrok.com/docs/errors/err_ngrok_8012 ("Traffic was successfully tunneled to the ngrok agent, but the agent failed to establish a connection to the upstream web service"); ngrok 2\'s page "Failed to complete tunnel connection" ("… was successfully tunneled to your ngrok client, but the client failed to establish a connection to the local address localhost:8080"), as saved in public repositories',
    includes: [],
    anyOf: [
      'ERR_NGROK_8012',
      'failed to establish a connection to the upstream',
      'failed to establish a connection to the local address',
      'ailed to complete tunnel connection',
    ],
    test: (line) =>
      ngrokCode(line, '8012') ||
      // The page's title.
      /\bfailed to complete tunnel connection\b/i.test(line) ||
      line.includes('failed to establish a connection to the upstream') ||
      line.includes('failed to establish a connection to the local address'),
    samples: [
      'ERR_NGROK_8012',
      'Failed to complete tunnel connection',
      'Traffic was successfully tunneled to the ngrok agent, but the agent failed to establish a connection to the upstream web service at localhost:3000.',
    ],
    nearMisses: ['ERR_NGROK_80120', 'ERR_NGROK_3200'],
  },
  {
    id: 'ngrok-invalid-response',
    software: 'ngrok',
    cause:
      'The service behind the ngrok agent answered something that is not valid HTTP (ERR_NGROK_3004), most often an HTTPS service that ngrok speaks plain HTTP to: give ngrok the https:// address.',
    outcome: 'invalid-response',
    status: 502,
    implies: admin('not-sure', 'invalid-header'),
    source:
      'ngrok.com/docs/errors/err_ngrok_3004 ("ngrok gateway error The server returned an invalid or incomplete HTTP response.")',
    includes: [],
    anyOf: ['ERR_NGROK_3004', 'ngrok gateway error'],
    test: (line) =>
      ngrokCode(line, '3004') ||
      (line.includes('ngrok gateway error') && line.includes('invalid or incomplete HTTP response')),
    samples: ['ERR_NGROK_3004', 'ngrok gateway error The server returned an invalid or incomplete HTTP response.'],
    nearMisses: ['ERR_NGROK_30041', 'ngrok gateway error: tunnel not found'],
  },
  {
    id: 'cloud-run-no-available-instance',
    software: 'cloud-run',
    cause:
      'Cloud Run had no instance free to take the request (429 or 503, "no available instance"): the service is at its maximum number of instances, or instances cannot start fast enough for a burst. Raise max instances or concurrency, or make start-up faster.',
    outcome: 'overload',
    status: 503,
    implies: admin('platform'),
    source:
      'cloud.google.com/run/docs/known-issues and troubleshooting (request log "The request was aborted because there was no available instance")',
    includes: ['there was no available instance'],
    samples: ['The request was aborted because there was no available instance.'],
    nearMisses: ['The request was served by an available instance.'],
  },
  ...frontDoorErrors.map(frontDoorRule),
  {
    id: 'kubernetes-no-endpoints',
    software: 'kubernetes',
    cause:
      "The Kubernetes Service has no ready endpoints: no pod matches its selector, or none passes its readiness probe, so the ingress has nowhere to send the request (ingress-nginx answers 503). Check 'kubectl get endpoints' and the pods' readiness.",
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('k8s-ingress', 'no-live-upstreams'),
    source:
      'kubernetes/ingress-nginx internal/ingress/controller/controller.go ("Service %q does not have any active Endpoint"); kube-apiserver service proxy ("no endpoints available for service %q")',
    includes: [],
    anyOf: [
      'does not have any active endpoint',
      'does not have any active Endpoint',
      'no endpoints available for service',
      'No endpoints available for service',
      'no endpoints',
      'No endpoints',
      'no ready endpoints',
      'no active endpoints',
    ],
    // The controller's and apiserver's texts, or a Service retold as having no endpoints beside
    // the words of Kubernetes ("the service has no endpoints, so the ingress returns 503").
    test: (line) => {
      const lower = line.toLowerCase();
      if (lower.includes('does not have any active endpoint') || lower.includes('no endpoints available for service'))
        return true;
      return (
        /\bno (?:ready |active |healthy )?endpoints\b/.test(lower) &&
        includesAnyWord(lower, ['service', 'svc', 'ingress', 'kubernetes', 'k8s', 'kubectl', 'pod', 'pods'])
      );
    },
    samples: [
      'The web Service has no ready endpoints, so the ingress answers 503',
      'W1206 10:00:00.000000       7 controller.go:1112] Service "default/web" does not have any active Endpoint.',
      'service default/web does not have any active endpoints',
      'Error from server (ServiceUnavailable): no endpoints available for service "web"',
    ],
    nearMisses: ['Service "default/web" has 2 active endpoints', 'the API has no endpoints for billing yet'],
  },
  {
    id: 'alb-no-target-response-fields',
    software: 'aws-alb',
    kind: 'who-answered',
    cause:
      "The load balancer answered the 502 itself: its access log shows no status from the target (target_status_code '-') and a processing time of -1, so the target closed the connection or sent no valid response. Next: the ALB access log's error_reason field and the target's own log for that request.",
    outcome: 'general-checklist',
    implies: admin('cloud-lb'),
    source:
      'docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html (target_status_code "-", request/target/response_processing_time -1 when the target sent no response)',
    includes: [],
    anyOf: ['target_status_code', 'response_processing_time', 'target_processing_time'],
    test: (line) => /(?:target_status_code|processing_time)\W{0,12}(?:of\W{0,4})?(?:-1|-)(?![\w-])/.test(line),
    samples: [
      'the 502s have a `response_processing_time` of `-1` and a `target_status_code` of `-`',
      'target_status_code: -',
    ],
    nearMisses: ['target_status_code: 200', 'target_processing_time 0.004'],
  },
  {
    id: 'header-size-retold',
    software: 'report',
    cause:
      "The request or the upstream's response headers are larger than the proxy's buffer (large or many cookies, long tokens in headers): nginx's proxy_buffer_size, Apache's LimitRequestFieldSize, or the load balancer's header limits. The proxy's error log says which side.",
    outcome: 'header-too-big',
    status: 502,
    implies: admin('not-sure'),
    source:
      'reference §1 (nginx "upstream sent too big header", proxy_buffer_size), retold in a sentence that puts cookies or headers too large beside a 502',
    includes: [],
    // The status first (rarer than the words cookie and header).
    anyOf: ['502', 'ad gateway', 'AD GATEWAY', 'ad Gateway'],
    test: (line) => {
      const lower = line.toLowerCase();
      const big =
        /\b(?:large|big|huge|long|many|size|too large|too big)\W{1,3}(?:cookies?|headers?)\b/.test(lower) ||
        /\b(?:cookies?|headers?)\W{1,3}(?:are |is |get |gets |too |grow |grows )?(?:too )?(?:large|big|long|huge)\b/.test(
          lower,
        );
      return big && (includesWord(lower, '502') || lower.includes('bad gateway'));
    },
    samples: [
      'when we set large cookies, the site answers 502 bad gateway',
      'Users with many cookies get a 502 from the proxy',
      '502 error: cookie too large',
    ],
    nearMisses: ['400 Bad Request: Request Header Or Cookie Too Large', 'large cookies are a privacy risk'],
  },
];

/** Gates of the code rules: every rule needs one of these literals (see `index.ts`). */
export const codeGates: readonly string[] = [
  ...herokuCodes.flatMap((spec) =>
    spec.desc.filter((text) => text.split(' ').length >= 3).flatMap((text) => [text, text.toLowerCase()]),
  ),
  'H1',
  'H2',
  'R10',
  'failed to bind to $PORT',
  'there was no available instance',
  'desc="',
  '502.',
  '502 3 ',
  'ERR_NGROK_',
  'ERROR_WINHTTP_INVALID_SERVER_RESPONSE',
  'OriginTimeout',
  'OriginInvalidResponse',
  'ngrok gateway error',
  'failed to establish a connection to the upstream',
  'failed to establish a connection to the local address',
  'ailed to complete tunnel connection',
  'AILED TO COMPLETE TUNNEL CONNECTION',
  'ctive endpoint',
  'ctive Endpoint',
  'ndpoints available for service',
  'o endpoints',
  'o ready endpoints',
  'o active endpoints',
  'target_status_code',
  'processing_time',
  '502',
  'ad gateway',
  'AD GATEWAY',
  'ad Gateway',
];
