/**
 * Round 8: the general families behind batch 7's misses. Vendors' own descriptions of an
 * error (Heroku, Scalingo, Fly.io, Fastly, Vercel, IBM/Akamai, RFC 9110's 504 wording), IIS
 * and the ASP.NET Core Module's failed-request and event-log forms (WinHTTP codes written as
 * HRESULTs, `failed to start process`), a php-fpm socket that is full, HAProxy's startup
 * warning for a server name it cannot resolve, and who answered: CDN response headers
 * (CloudFront, Fastly, Akamai), API gateways (APISIX, Tyk, KrakenD), nginx's fork Tengine,
 * Linkerd's error header, Apache's 503 page, and a CDN or load balancer named as the one that
 * could not connect to the origin.
 *
 * Every test lower-cases the line once and makes substring checks or bounded, anchored
 * regular expressions (no nested quantifiers), so matching stays linear in the line.
 */
import { includesAny, includesAnyWord, includesWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin, type ProxyAnswer } from './answers.ts';
import { namesOtherService } from './errno.ts';
import { gatesOfRules, lowered, namesGatewayStatus, spellings } from './words.ts';

/**
 * Gate literals for lower-case `phrases`: each phrase without its first letter (which a
 * sentence may capitalise), as written, in upper case and in title case (`Backend Read Error`).
 */
export function gatesOf(...phrases: readonly string[]): string[] {
  return [
    ...new Set(
      phrases.flatMap((phrase) => {
        const title = phrase.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
        return [phrase.slice(1), phrase.slice(1).toUpperCase(), title.slice(1)];
      }),
    ),
  ];
}

/** A header's spellings as gates, from its name with its colon (`x-served-by:`). */
export function headerGates(...names: readonly string[]): string[] {
  return names.flatMap((name) => spellings(name.replace(/:$/, '')));
}

export interface Described {
  readonly id: string;
  readonly software: Rule['software'];
  readonly outcome: OutcomeId;
  readonly cause: string;
  readonly source: string;
  /** Gate literals: the line must contain one (kept in the rule's `anyOf`). */
  readonly gates: readonly string[];
  readonly test: (lower: string) => boolean;
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
  readonly proxy?: ProxyAnswer;
  /** The wizard answers, when not the admin's `proxy` answer. */
  readonly implies?: Rule['implies'];
}

/**
 * A cause rule for an error code a program prints as it is (`ERR_READ_TIMEOUT`,
 * `UND_ERR_SOCKET`): the code as a whole word ({@link includesWord}: not inside a longer
 * code), in any case. Its gate is the code.
 */
export function codeWordRule(code: string, spec: Omit<Described, 'gates' | 'test'>): Rule {
  const word = code.toLowerCase();
  return described({ ...spec, gates: [code], test: (lower) => includesWord(lower, word) });
}

/** A cause rule from a vendor's description. */
export function described(spec: Described): Rule {
  return {
    id: spec.id,
    software: spec.software,
    cause: spec.cause,
    outcome: spec.outcome,
    implies: spec.implies ?? admin(spec.proxy ?? 'not-sure'),
    source: spec.source,
    includes: [],
    anyOf: spec.gates,
    test: (line) => spec.test(lowered(line)),
    samples: spec.samples,
    nearMisses: spec.nearMisses,
  };
}

const closedPhrases = [
  'closed the connection abruptly',
  'closes the connection abruptly',
  'abruptly cutting connections',
  'abruptly closed the connection',
  'zero-length response',
  'without sending any response',
];

const timelyPhrases = [
  'did not receive a timely response',
  "didn't receive a timely response",
  'timely response was not received',
  'no timely response',
];

const overloadPhrases = [
  'cannot keep up with',
  "can't keep up with",
  "isn't keeping up with",
  'not keeping up with',
  'requests queue is full',
  'request queue is full',
  'queue is full',
];

/**
 * WinHTTP error codes as IIS (ARR, the ASP.NET Core Module) writes them: the decimal code, the
 * HRESULT (`0x8007` + the code in hex, HRESULT_FROM_WIN32) and that HRESULT in decimal, as a
 * failed-request trace's `ErrorCode="…"` shows it.
 */
const winhttp: readonly {
  readonly code: number;
  readonly name: string;
  readonly outcome: OutcomeId;
  readonly id: string;
  readonly what: string;
}[] = [
  {
    code: 12002,
    name: 'ERROR_WINHTTP_TIMEOUT',
    outcome: 'upstream-timeout',
    id: 'iis-winhttp-timeout-code',
    what: 'the app did not answer in time (WinHTTP 12002, ERROR_WINHTTP_TIMEOUT): raise requestTimeout in web.config or make the request faster',
  },
  {
    code: 12029,
    name: 'ERROR_WINHTTP_CANNOT_CONNECT',
    outcome: 'upstream-refused',
    id: 'iis-winhttp-cannot-connect-code',
    what: 'IIS could not connect to the app (WinHTTP 12029, ERROR_WINHTTP_CANNOT_CONNECT): the app process is not running or not listening on the port the module gave it',
  },
  {
    code: 12030,
    name: 'ERROR_WINHTTP_CONNECTION_ERROR',
    outcome: 'upstream-closed',
    id: 'iis-winhttp-connection-error-code',
    what: 'the app closed or reset the connection before it answered (WinHTTP 12030, ERROR_WINHTTP_CONNECTION_ERROR), often a crash or an unhandled exception in the request',
  },
  {
    code: 12152,
    name: 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE',
    outcome: 'invalid-response',
    id: 'iis-winhttp-invalid-response-code',
    what: 'the app sent a response IIS could not parse (WinHTTP 12152, ERROR_WINHTTP_INVALID_SERVER_RESPONSE)',
  },
];

/**
 * The spellings of WinHTTP `code` no older rule reads: `0x80072ee2`, its decimal `2147954402`,
 * `502.3.12002` (the `502 3 12002` log fields have rules in `codes.ts`).
 */
function winhttpForms(code: number): string[] {
  const hresult = 0x80070000 + code;
  return [`0x${hresult.toString(16)}`, String(hresult), `502.3.${code}`];
}

const winhttpSource =
  'learn.microsoft.com/windows/win32/winhttp/error-messages (ERROR_WINHTTP_TIMEOUT 12002, ERROR_WINHTTP_CANNOT_CONNECT 12029, ERROR_WINHTTP_CONNECTION_ERROR 12030, ERROR_WINHTTP_INVALID_SERVER_RESPONSE 12152); HRESULT_FROM_WIN32 (winerror.h: 0x80070000 | code) gives 0x80072EE2/0x80072EFD/0x80072EFE/0x80072F78, printed in decimal (2147954402…) by a failed-request trace\'s ErrorCode field; learn.microsoft.com troubleshoot/developer/webapps/iis "Troubleshooting 502 errors in ARR" (502.3 with the WinHTTP code)';

const iisRules: Rule[] = winhttp.map((entry) => {
  const forms = winhttpForms(entry.code);
  return described({
    id: entry.id,
    software: 'iis',
    outcome: entry.outcome,
    cause: `IIS answered 502.3 because ${entry.what}. The app's stdout log (stdoutLogEnabled) and the Windows event log say why.`,
    source: winhttpSource,
    gates: [...forms, `0x${(0x80070000 + entry.code).toString(16).toUpperCase()}`],
    test: (lower) =>
      includesAnyWord(lower, forms) &&
      (includesAny(lower, ['502', 'iis', 'aspnetcore', 'asp.net', 'ancm', 'winhttp', 'arr']) ||
        lower.includes('errorcode')),
    samples: [
      `ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="${0x80070000 + entry.code}", ConfigExceptionInfo=""`,
      `HTTP Error 502.3 - Bad Gateway in AspNetCoreModule ErrorCode: 0x${(0x80070000 + entry.code).toString(16)}`,
      `the proxied calls fail with 502.3.${entry.code} in the IIS log`,
    ],
    nearMisses: [
      `ErrorCode = '0x${(0x80070000 + entry.code).toString(16)}1'`,
      `order ${0x80070000 + entry.code} shipped`,
      `HTTP Error 502.3 - Bad Gateway ErrorCode: 0x80070005`,
    ],
    proxy: 'not-sure',
  });
});

/** Cause rules from vendors' descriptions of an error. */
/**
 * The ASP.NET Core Module's event-log messages when the app's process did not start, lower
 * case: the V2 module's "Failed to start application …, ErrorCode '0x…'", and the out-of-process
 * line cut before its command line.
 */
const ancmStartFailures = [
  /failed to start application '[^']{1,300}', errorcode '0x/,
  /with physical root '[^']{1,300}' failed to start process/,
];

export const vendorCauseRules: readonly Rule[] = [
  ...iisRules,
  described({
    id: 'ancm-failed-to-start-process',
    software: 'iis',
    outcome: 'upstream-refused',
    cause:
      'The ASP.NET Core Module could not start the app\'s process, or the process did not listen on the port the module gave it (the event log\'s "failed to start process with commandline" or "failed to listen on the given port"), so IIS answers 502.5: the command line, the path to dotnet or the app\'s DLL is wrong, or the app exits at startup. Run the command line from the site\'s folder to see why.',
    source:
      "aspnet/AspNetCoreModule resource strings (ASPNETCORE_EVENT_PROCESS_START_ERROR_MSG \"… failed to start process with commandline '%s', ErrorCode = '0x%x'\", _WRONGPORT_ERROR_MSG \"… created process with commandline '%s' but failed to listen on the given port '%d'\", _NOTREADY_ERROR_MSG \"… but either crashed, did not respond, or did not listen on the given port\"); dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/CommonLib/resources.h (ASPNETCORE_EVENT_ADD_APPLICATION_ERROR_MSG \"Failed to start application '%s', ErrorCode '0x%x'.\"; aspnet/IISIntegration issues 357 and 623 record the first); dotnet/AspNetCore.Docs aspnetcore/test/troubleshoot-azure-iis.md (502.5 Process Failure)",
    gates: gatesOf('failed to start process', 'listen on the given port', 'failed to start application'),
    test: (lower) =>
      lower.includes('failed to start process with commandline') ||
      // The out-of-process line cut before its command line, and the V2 module's own event.
      ancmStartFailures.some((pattern) => pattern.test(lower)) ||
      (lower.includes('created process with commandline') && lower.includes('listen on the given port')),
    samples: [
      "Application 'MACHINE/WEBROOT/APPHOST/shop' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll', ErrorCode = '0x80004005 : 0.",
      "Application 'MACHINE/WEBROOT/APPHOST/API' with physical root 'C:\\sites\\api\\' created process with commandline 'dotnet .\\Api.dll' but failed to listen on the given port '21345'",
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.",
      "Application 'MACHINE/WEBROOT/APPHOST/SITE' with physical root 'C:\\inetpub\\site\\' failed to start process",
    ],
    nearMisses: [
      'systemd: failed to start process monitor',
      'the app did not listen on the given port 8080',
      'Failed to start application pool DefaultAppPool',
    ],
  }),
  described({
    id: 'vendor-upstream-closed-described',
    software: 'report',
    outcome: 'upstream-closed',
    cause:
      'The app accepted the connection and then closed it without sending a response (Heroku H13, Scalingo\'s "abruptly cutting connections"): usually the process crashed or threw before it answered. The app\'s own log just before says why.',
    source:
      'devcenter.heroku.com/articles/error-codes (H13 "Connection closed without response"; help.heroku.com/Y6M4QI4V: "the dyno closed the connection immediately, before any data could be transferred"); doc.scalingo.com/platform/internals/router-error-codes ("often sent when your application is abruptly cutting connections"); github.com/hunterloftis/heroku-node-errcodes h13 ("destroys the connection\'s socket without sending any response")',
    gates: gatesOf('abruptly', 'zero-length response', 'without sending any response'),
    test: (lower) => includesAny(lower, closedPhrases) && !namesOtherService(lower),
    samples: [
      'Your app has closed the connection abruptly or issued a zero-length response.',
      'The server accepts connections, but then destroys the socket without sending any response.',
      'This error is often sent when your application is abruptly cutting connections.',
    ],
    nearMisses: ['The client closed the tab abruptly', 'the postgres server closed the connection abruptly'],
  }),
  described({
    id: 'vendor-timeout-described',
    software: 'report',
    outcome: 'upstream-timeout',
    cause:
      "The proxy, CDN or platform gave up waiting for the app's answer (a gateway timeout). Find the slow request in the app's log and make it faster, or raise the timeout where the platform allows it.",
    source:
      'RFC 9110 §15.6.5 (504: "did not receive a timely response from an upstream server"); Apache httpd\'s built-in 504 page ("The gateway did not receive a timely response", http_protocol.c, seen in /usr/sbin/apache2 2.4 here); devcenter.heroku.com/articles/error-codes (H12: "took longer than 30 seconds to complete"); docs.edgecast.com TS_5xx ("a timely response was not received")',
    gates: gatesOf('timely response', 'seconds to respond', 'seconds to complete', 'seconds to answer'),
    test: (lower) =>
      includesAny(lower, timelyPhrases) ||
      /\b(?:taking|takes|took|take) (?:more|longer) than \d{1,4} ?seconds to (?:respond|complete|answer)/.test(lower),
    samples: [
      'The proxy server did not receive a timely response from the upstream server.',
      'Indicates that a timely response was not received from the web server.',
      'Your dyno is taking more than 30 seconds to respond to a request.',
    ],
    nearMisses: ['We send a timely response to every ticket', 'The build took longer than 30 minutes to complete'],
  }),
  described({
    id: 'vendor-overload-described',
    software: 'report',
    outcome: 'overload',
    cause:
      "Requests arrive faster than the app answers them: the platform's request queue or the app's concurrency limit is full (Heroku H11, Scalingo's full queue, Fly.io's concurrency limit). Add instances or workers, raise the limit, or make the slow requests faster.",
    source:
      'devcenter.heroku.com/articles/error-codes (H11: "your application isn\'t keeping up with its incoming request volume"); doc.scalingo.com/platform/internals/router-error-codes (503: "The application requests queue is full"); fly.io/docs/reference/configuration/#services-concurrency (hard_limit, default 25 connections)',
    gates: gatesOf(
      'keep up with',
      'keeping up with',
      'queue is full',
      'concurrent connections',
      'connections limit',
      'concurrency limit',
    ),
    test: (lower) =>
      !namesOtherService(lower) &&
      (namesGatewayStatus(lower, true) ||
        includesAny(lower, ['request', 'dyno', 'traffic', 'worker', 'container', 'instance']) ||
        includesAnyWord(lower, ['app', 'application'])) &&
      (includesAny(lower, overloadPhrases) ||
        (includesAny(lower, ['concurrent connections', 'connections limit', 'concurrency limit']) &&
          includesAny(lower, ['limit', 'hit', 'reached', 'exceed']))),
    samples: [
      'Your dynos cannot keep up with the current request volume.',
      'The application requests queue is full, so the newly incoming request has not been dequeued.',
      'the app instance hit the default 25 concurrent connections limit',
      'The app reached its concurrency limit (hard_limit = 25)',
    ],
    nearMisses: [
      'I cannot keep up with the news',
      'too many connections: the PostgreSQL concurrent connections limit was hit',
    ],
  }),
  described({
    id: 'vendor-no-instances-described',
    software: 'report',
    outcome: 'no-live-upstreams',
    cause:
      'The platform has no running instance of the app to send the request to (no web container or dyno, or every container quarantined after failing). Scale the web process up and read why the last ones stopped.',
    source:
      'doc.scalingo.com/platform/internals/router-error-codes ("all containers are in quarantine", "no web container responding to web requests"); doc.scalingo.com/platform/app/custom-error-page ("There is no running container")',
    gates: gatesOf('quarantine', 'no web container', 'no running container'),
    test: (lower) =>
      includesAny(lower, [
        'containers are in quarantine',
        'no web container responding',
        'no web container running',
        'no running container',
      ]),
    samples: [
      'This is also the code when all containers are in quarantine.',
      'The application has no web container responding to web requests.',
    ],
    nearMisses: ['the quarantine ended in May', 'no web container images were pushed'],
  }),
  described({
    id: 'vendor-port-not-open',
    software: 'fly',
    outcome: 'upstream-refused',
    cause:
      "The platform's proxy found no app listening on the port it sends to (Fly.io PC01/PC02): the app listens on another port, or on 127.0.0.1 instead of 0.0.0.0.",
    source:
      'fly.io/docs/reference/error-codes (PC01 "Machine refused connection on port": "A request was sent to a specific port that isn\'t open on the target machine"; PC02)',
    gates: [
      ...gatesOf('refused connection on port', "port that isn't open", 'port that is not open', 'port is not open on'),
      'ort that isn’t open',
    ],
    test: (lower) =>
      includesAny(lower, [
        'refused connection on port',
        "port that isn't open",
        'port that is not open',
        'port is not open on',
      ]),
    samples: [
      'PC01: Machine refused connection on port',
      'A request was sent to a specific port that isn’t open on the target machine.',
    ],
    nearMisses: ['the firewall port is open', 'Machine refused connection'],
    proxy: 'platform',
  }),
  described({
    id: 'vendor-status-line-unparsable',
    software: 'fastly',
    outcome: 'invalid-response',
    cause:
      "The origin's response could not be parsed (its status line or headers are malformed), so the CDN or proxy answered with its own 5xx. Fetch the origin directly with curl -v and look at the first lines it sends.",
    source:
      'docs.fastly.com/en/guides/common-503-errors ("The status line of the HTTP response from the origin was not parsable")',
    gates: gatesOf('status line'),
    test: (lower) =>
      lower.includes('status line') &&
      includesAny(lower, [
        'not parsable',
        'not parseable',
        'unparsable',
        'unparseable',
        'could not be parsed',
        'malformed',
      ]),
    samples: ['The status line of the HTTP response from the origin was not parsable.'],
    nearMisses: ['The status line reads HTTP/1.1 200 OK', 'the status bar was not parsable'],
  }),
  described({
    id: 'serverless-no-response-described',
    software: 'vercel',
    implies: { role: 'admin' },
    outcome: 'serverless-response',
    cause:
      "The platform got no usable response from the serverless function (it crashed, timed out or returned a body that is not a string): the function's own log shows the error.",
    source:
      'vercel.com/knowledge/how-to-debug-a-502-error (a 502 from Serverless Functions means no response was received from the function); vercel.com/docs/errors (NO_RESPONSE_FROM_FUNCTION, FUNCTION_INVOCATION_FAILED); docs.netlify.com functions (a response body must be a string)',
    gates: gatesOf('function'),
    test: (lower) =>
      lower.includes('function') &&
      includesAny(lower, [
        'no response is being received',
        'no response was received',
        'did not return a string',
        "didn't return a string",
        'not getting a valid response from',
        'no valid response from',
        'invalid response from the',
      ]),
    samples: [
      'When Serverless Functions are throwing a 502 error, this means that no response is being received from the function.',
      'The requested Serverless Function from the application did not return a string as the body.',
      "we're sometimes not getting a valid response from the create-checkout function",
    ],
    nearMisses: ['no response is being received from the database', 'the function returned a string'],
  }),
  described({
    id: 'tls-handshake-described',
    software: 'report',
    outcome: 'upstream-tls',
    cause:
      "The TLS handshake between the proxy or CDN and the origin failed (a certificate in the chain, a name mismatch or a protocol the origin refuses). Test the origin's certificate with openssl s_client -connect host:443 -servername host.",
    source:
      'github.com/ibm-cloud-docs/CDN ts-503-error.md (Akamai-based CDN: a 503 from "a certificate in the SSL certificate chain", the reference number translating to "an SSL handshake failure"); nginx src/event/ngx_event_openssl.c ("SSL_do_handshake() failed"; "while SSL handshaking to upstream" names the upstream side)',
    gates: [...gatesOf('handshake failure', 'certificate chain'), 'SSL_do_handshake() failed'],
    test: (lower) =>
      includesAny(lower, ['ssl handshake failure', 'tls handshake failure']) ||
      (lower.includes('certificate chain') && namesGatewayStatus(lower, true)) ||
      (lower.includes('ssl_do_handshake() failed') && !lower.includes('while ssl handshaking, client:')),
    samples: [
      'In this case, the reference number in the error string translates to an SSL handshake failure.',
      'The most common reason observed for the 503 error is due to an issue with a certificate in the SSL certificate chain.',
      'SSL_do_handshake() failed ... SSL alert number 40',
    ],
    nearMisses: [
      '2026/01/01 10:00:00 [info] 12#12: *3 SSL_do_handshake() failed (SSL: error:0A000126) while SSL handshaking, client: 10.0.0.1, server: 0.0.0.0:443',
      'Download the certificate chain from the portal',
    ],
  }),
  described({
    id: 'php-fpm-socket-full-fragment',
    software: 'php-fpm',
    outcome: 'overload',
    cause:
      "The php-fpm socket's listen queue is full (EAGAIN on a unix socket: every worker busy and the backlog full). Raise pm.max_children or listen.backlog, or find the slow requests in php-fpm's slow log.",
    source:
      'nginx src/event/ngx_event_connect.c ("connect() to %V failed"), Linux connect(2) on a unix socket: EAGAIN when the backlog is full (errno 11, "Resource temporarily unavailable")',
    gates: ['unix:'],
    test: (lower) => lower.includes('unix:') && lower.includes('(11: resource temporarily unavailable)'),
    samples: ['connect() to unix:/var/run/php/php-fpm.sock failed (11: Resource temporarily unavailable)'],
    nearMisses: ['connect() to unix:/var/run/php/php-fpm.sock failed (2: No such file or directory)'],
  }),
  described({
    id: 'fly-request-not-completed',
    software: 'fly',
    outcome: 'upstream-closed',
    cause:
      "Fly.io's proxy started the request to the machine but could not complete it (PU02): the app closed or reset the connection mid-request, often a crash or an out-of-memory kill. The machine's own log around that time says why.",
    source:
      'fly.io/docs/reference/error-codes (PU02 "Failed to complete HTTP request to instance": "An HTTP request to a machine was started, but could not be completed")',
    proxy: 'platform',
    gates: gatesOf('failed to complete http request to instance', 'pu02'),
    test: (lower) =>
      lower.includes('failed to complete http request to instance') || /(?:^|[\s\[(])pu02[\]:)]/.test(lower),
    samples: ['[PU02] Failed to complete HTTP request to instance', 'PU02: could not complete the request'],
    nearMisses: ['PU020: product code', 'Failed to complete HTTP request to the API'],
  }),
  described({
    id: 'heroku-h12-heading',
    software: 'heroku',
    outcome: 'upstream-timeout',
    cause:
      "Heroku's router gave up on the request after 30 seconds without a response from the dyno (H12 Request timeout): find the slow requests in the app's log and make them faster or move the work to a background job.",
    source:
      'devcenter.heroku.com/articles/error-codes (the heading "H12 - Request timeout": "An HTTP request took longer than 30 seconds to complete")',
    proxy: 'platform',
    gates: gatesOf('request timeout'),
    test: (lower) => /\bh12 ?[-–:] ?request timeout/.test(lower),
    samples: ['H12 - Request timeout', 'We see H12: Request timeout in the logs'],
    nearMisses: ['H120 - Request timeout', 'H12 is not a request timeout'],
  }),
  described({
    id: 'fastly-backend-read-error',
    software: 'fastly',
    outcome: 'upstream-timeout',
    cause:
      "Fastly's read from the origin failed, usually a time-out waiting for the origin's response (or a response header over Fastly's limit): make the origin answer faster or raise the backend's between-bytes and first-byte timeouts.",
    source:
      'docs.fastly.com/en/guides/common-503-errors ("Error 503 backend read error … typically appears if a timeout error occurs when Fastly cache servers attempt to fetch content from your origins"); fastly.com/documentation/reference/vcl/constraints-and-limitations (a response header over 69KB gives "backend read error")',
    proxy: 'other-cdn',
    gates: gatesOf('backend read error'),
    test: (lower) => lower.includes('backend read error'),
    samples: ['Error 503 backend read error', '503 Backend Read Error from Fastly'],
    nearMisses: ['backend reads are slow', 'backend error while reading the file'],
  }),
  {
    id: 'haproxy-server-not-resolved',
    software: 'haproxy',
    cause:
      "HAProxy could not resolve a server's name when it read its configuration: with init-addr it disables the server (every request to that backend then gets a 503), without it refuses to start. Check the name with dig from the HAProxy host, or add a resolvers section.",
    outcome: 'proxy-cannot-resolve',
    implies: admin('haproxy'),
    source:
      'HAProxy src/server.c ("could not resolve address \'%s\', disabling server." / "falling back to configured address." / "could not resolve address \'%s\'.", all three in /usr/sbin/haproxy 2.6.12 here); the lab run (test/lab/haproxy.test.ts) records the warning and haproxy -c the alert',
    includes: ['could not resolve address'],
    test: (line) => line.includes("'server ") || line.includes('[WARNING]') || line.includes('[ALERT]'),
    samples: [
      "[WARNING]  (13073) : config : [/etc/haproxy/haproxy.cfg:51] : 'server app/app1' : could not resolve address 'backend.invalid', disabling server.",
      "[ALERT]    (30386) : config : [h.cfg:7] : 'server app/app1' : could not resolve address 'backend.invalid'.",
    ],
    nearMisses: [
      "Could not resolve address 'example.com' or failed to connect",
      "client: could not resolve address 'db'",
    ],
  },
];

/** The header line without a `curl -v` marker, a Markdown quote or blanks, lower case. */
export function headerLine(lower: string): string {
  let start = 0;
  while (start < 8 && start < lower.length && ' \t<>'.includes(lower.charAt(start))) start += 1;
  return lower.slice(start, start + 512);
}

export interface Who {
  readonly id: string;
  readonly software: Rule['software'];
  readonly proxy: ProxyAnswer;
  readonly what: string;
  readonly source: string;
  readonly gates: readonly string[];
  readonly test: (lower: string) => boolean;
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
}

/** A who-answered rule: the line names the software that answered, not why. */
export function whoAnswered(spec: Who): Rule {
  return {
    id: spec.id,
    software: spec.software,
    kind: 'who-answered',
    cause: `${spec.what} Next: find the request in that software's log (or its status page) and paste the line here.`,
    outcome: 'general-checklist',
    implies: admin(spec.proxy),
    source: spec.source,
    includes: [],
    anyOf: spec.gates,
    test: (line) => spec.test(lowered(line)),
    samples: spec.samples,
    nearMisses: spec.nearMisses,
  };
}

/** CDNs, lower case, whole words, that a sentence can name as unable to reach the origin. */
const cdnNames = ['cloudfront', 'fastly', 'akamai', 'front door', 'cdn', 'edgecast', 'bunnycdn', 'keycdn', 'cdn77'];

/** "could not connect to the origin" and its wordings, lower case. */
const cannotConnect = [
  'unable to connect to',
  "couldn't connect to",
  'could not connect to',
  "can't connect to",
  'cannot connect to',
  "wasn't able to connect to",
  'was not able to connect to',
  'failed to connect to',
];

/**
 * A firewall named as blocking a CDN's or load balancer's addresses beside a status: after the
 * retold causes (whose firewall rule reads the common wordings), before the sentences that
 * only name the CDN.
 */
export const vendorLateCauseRules: readonly Rule[] = [
  described({
    id: 'firewall-blocks-edge',
    software: 'report',
    outcome: 'firewall',
    cause:
      "A firewall or security group in front of the origin drops or refuses the CDN's or load balancer's connections. Allow the edge's published IP ranges on the origin's port.",
    source:
      'repost.aws/knowledge-center/cloudfront-502-errors ("If the origin doesn\'t allow traffic over these ports, or blocks the CloudFront IP address\'s connection, the TCP connection fails and produces a 502 error")',
    gates: gatesOf('block'),
    test: (lower) =>
      /\bblock(?:s|ed|ing)?\b/.test(lower) &&
      namesGatewayStatus(lower, true) &&
      includesAny(lower, [' ip address', ' ips', 'ip range', 'firewall', 'security group', 'iptables', 'ufw']),
    samples: [
      "If the origin blocks the CloudFront IP address's connection, the TCP connection fails and produces a 502 error.",
      "Fastly's IP ranges were blocked on the origin, hence the 503s",
    ],
    nearMisses: ['The firewall blocks port 22', 'a 502 in the blocking call'],
  }),
];

/**
 * A CDN or a load balancer named as unable to connect to the origin beside a status: who
 * answered, tried before the retold causes (which read "can't connect" as a refused upstream).
 */
export const vendorEdgeRules: readonly Rule[] = [
  whoAnswered({
    id: 'edge-cannot-connect-origin',
    software: 'report',
    proxy: 'other-cdn',
    what: 'The report names a CDN (CloudFront, Fastly, Akamai…) as unable to connect to the origin: the CDN answered the 502 itself. Its error page or log gives the reason (refused, timed out, TLS).',
    source:
      'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html ("CloudFront wasn\'t able to serve the requested object because it couldn\'t connect to the origin server"); repost.aws/knowledge-center/cloudfront-502-errors',
    gates: gatesOf('connect to'),
    test: (lower) =>
      includesAny(lower, cannotConnect) &&
      includesAnyWord(lower, cdnNames) &&
      includesAny(lower, ['origin']) &&
      namesGatewayStatus(lower, true),
    samples: [
      'A 502 error occurs when CloudFront is unable to connect to the origin.',
      "An HTTP 502 status code (Bad Gateway) indicates that CloudFront wasn't able to serve the requested object because it couldn't connect to the origin server.",
    ],
    nearMisses: [
      'CloudFront is unable to connect to the origin',
      'A 502 error occurs when nginx is unable to connect to the origin.',
    ],
  }),
  whoAnswered({
    id: 'lb-cannot-connect-app',
    software: 'report',
    proxy: 'cloud-lb',
    what: 'The report names a load balancer as unable to connect to the app: the load balancer answered the 502 itself. Its access log and target health say why.',
    source:
      'docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html (HTTP 502: "The load balancer received a TCP RST from the target when attempting to establish a connection")',
    gates: gatesOf('connect to'),
    test: (lower) =>
      includesAny(lower, cannotConnect) &&
      includesAnyWord(lower, ['load balancer', 'load-balancer', 'loadbalancer', 'elb', 'alb']) &&
      namesGatewayStatus(lower, true) &&
      !namesOtherService(lower),
    samples: [
      "502 error usually means your load balancer can't connect to your app, which is a problem with your AWS config.",
    ],
    nearMisses: [
      "my load balancer can't connect to the app",
      "502: the app can't connect to PostgreSQL behind the load balancer",
    ],
  }),
];

/** Who answered: headers, page texts and sentences naming the software that answered. */
export const vendorWhoRules: readonly Rule[] = [
  whoAnswered({
    id: 'cloudfront-server-header',
    software: 'aws-cloudfront',
    proxy: 'other-cdn',
    what: 'The response came from CloudFront (Server: CloudFront): the CDN answered; its X-Cache header ("Error from cloudfront") and its error page say whether the origin failed.',
    source:
      'CloudFront\'s responses carry "Server: CloudFront" (recorded in the curl -I output of stackoverflow.com/questions/20664018 and AWS re:Post answers; no AWS reference page lists the header)',
    gates: headerGates('server:'),
    test: (lower) => /^server: ?cloudfront\b/.test(headerLine(lower)),
    samples: ['Server: CloudFront', '< server: cloudfront'],
    nearMisses: ['Server: CloudFrontProxy2', 'X-Server: CloudFront'],
  }),
  whoAnswered({
    id: 'fastly-headers-or-page',
    software: 'fastly',
    proxy: 'other-cdn',
    what: "Fastly answered (its x-served-by cache node, x-timer, or the error page's 'Details: cache-…' line): it says which edge node answered, not why. The status text (first byte timeout, backend read error) tells the cause.",
    source:
      'fastly.com/documentation/reference/http/http-headers/X-Served-By ("cache-{datacenter}{nodeid}-{datacenter}"); fastly.com/documentation/reference/http/http-headers/X-Timer ("S{unixStartTimeSeconds},VS0,VE{durationMilliseconds}"); Fastly\'s default error page line "Details: cache-<node>-<POP> <time> <id>" as recorded in npm/newww#890 and jupyter/nbviewer#542 (no vendor page shows it)',
    gates: [...headerGates('x-served-by:', 'x-timer:'), ...gatesOf('details: cache-')],
    test: (lower) => {
      const header = headerLine(lower);
      return (
        /^x-served-by: ?cache-[a-z0-9]{3,40}-[a-z]{3}\b/.test(header) ||
        /^x-timer: ?s\d{9,11}\.\d{1,9},vs\d/.test(header) ||
        // The node's name can carry a second part (cache-mia-kmia1760095-MIA), and newer pages
        // bracket the numbers ([1725334421] [3363393888]).
        /(?:^|>|\s)details: cache-[a-z0-9]{3,20}(?:-[a-z0-9]{3,20})?-[a-z]{3} \[?\d{9,11}\]? \[?\d{1,12}\b/.test(
          lower.slice(0, 512),
        )
      );
    },
    samples: [
      'x-served-by: cache-hel1410027-HEL',
      'X-Timer: S1650885468.636644,VS0,VE0',
      'Details: cache-iad2136-IAD 1429109318 3487436242',
      '<p>Details: cache-hel1410021-HEL 1650885468 1826925335</p>',
      'Details: cache-fra-eddf8230041-FRA [1700000000] [1234567890]',
    ],
    nearMisses: ['x-served-by: web-3', 'X-Timer: 12ms', 'Details: cache miss'],
  }),
  whoAnswered({
    id: 'akamai-reference-number',
    software: 'akamai',
    proxy: 'other-cdn',
    what: "Akamai's edge answered (its error page's 'Reference #' number): the reference number, decoded with Akamai's error translator, tells why the edge could not get an answer from the origin.",
    source:
      'techdocs.akamai.com edge-diagnostics API, error-translator (the error string "1.5e3b5b68.1621415935.409841": <n>.<hex>.<epoch>.<hex>); github.com/ibm-cloud-docs/CDN ts-503-error.md (the page text "An error occurred while processing your request. Reference #…" on an Akamai-based CDN); an AkamaiGHost 503 page as recorded in gist.github.com/andcam/9305da753726599ba2a14e2a6ff13de2 ("An error occurred while processing your request.<p>")',
    gates: gatesOf('reference #', 'processing your request.<p>'),
    test: (lower) =>
      /reference #\d{1,3}\.[0-9a-f]{4,12}\.\d{9,11}\.[0-9a-f]{4,12}\b/.test(lower) ||
      // The page's sentence as its HTML holds it, with the paragraph break before the number
      // (ASP.NET Core's error view has the same sentence, but in a heading of its own).
      lower.includes('an error occurred while processing your request.<p>'),
    samples: [
      'Reference #1.1faa9d50.1386767216.b7ccfbd',
      'An error occurred while processing your request. Reference #30.3598c0ba.1521745157.87201fff',
      'An error occurred while processing your request.<p>',
    ],
    nearMisses: [
      'Reference #12 in the ticket',
      'Reference #1.2.3.4',
      '<h2 class="text-danger">An error occurred while processing your request.</h2>',
    ],
  }),
  whoAnswered({
    id: 'api-gateway-headers-or-page',
    software: 'report',
    proxy: 'api-gateway',
    what: "An API gateway answered (APISIX, Tyk or KrakenD, by its Server header, its X-KrakenD header or its error body): find the request in the gateway's error log, which names the upstream and the failure.",
    source:
      'apache/apisix apisix/init.lua (ver_header = "APISIX/" .. core.version.VERSION, sent as the Server header; recorded in apache/apisix#4667); TykTechnologies/tyk gateway/reverse_proxy.go (ErrorHandler.HandleError "There was a problem proxying the request", "Upstream host lookup failed"); krakend core/version.go (KrakendHeaderName "X-KRAKEND", value "Version <v>")',
    gates: [
      ...gatesOf('server: apisix', 'problem proxying the request', 'upstream host lookup failed'),
      'erver: APISIX',
      ...headerGates('x-krakend:'),
      'X-KrakenD:',
    ],
    test: (lower) => {
      const header = headerLine(lower);
      return (
        /^server: ?apisix\b/.test(header) ||
        /^x-krakend: ?version\b/.test(header) ||
        lower.includes('there was a problem proxying the request') ||
        lower.includes('upstream host lookup failed')
      );
    },
    samples: [
      'Server: APISIX/2.6',
      'X-Krakend: Version 2.4.1',
      '{"error": "There was a problem proxying the request"}',
    ],
    nearMisses: ['Server: APISIXproxy', 'a problem proxying the request was the cookie'],
  }),
  whoAnswered({
    id: 'netlify-headers',
    software: 'platform',
    proxy: 'platform',
    what: "Netlify answered (Server: Netlify, or its x-nf-request-id header): the request went through Netlify's edge; the function's or the proxied origin's log, found by that request id, says what failed.",
    source:
      'netlify/primitives packages/edge-functions/dev/src/node/headers.ts (RequestID: "x-nf-request-id"); "server: Netlify" with "x-nf-request-id: …" in recorded curl -I output (gist.github.com/maxboeck/406e5923a9f5b1c2ae25d5d7546da8f6; no Netlify page lists the Server header)',
    gates: [...headerGates('x-nf-request-id:'), 'erver: Netlify', 'erver: netlify', 'ERVER: NETLIFY'],
    test: (lower) => /^(?:server: ?netlify\b|x-nf-request-id: ?[0-9a-z])/.test(headerLine(lower)),
    samples: ['server: Netlify', 'x-nf-request-id: 4c29b527-69d4-4730-97c0-518c8e771192-10739793'],
    nearMisses: ['server: Netlifyish', 'x-nf-request-id:'],
  }),
  whoAnswered({
    id: 'tengine-page-or-header',
    software: 'nginx',
    proxy: 'nginx',
    what: "Tengine (Alibaba's fork of nginx) answered: it logs like nginx, so its error log names the upstream failure.",
    source:
      'alibaba/tengine (the fork\'s error pages end "Powered by Tengine", its Server header is "Tengine"; recorded in alibaba/tengine#880)',
    gates: gatesOf('tengine'),
    test: (lower) => lower.includes('powered by tengine') || /^server: ?tengine\b/.test(headerLine(lower)),
    samples: ['Powered by Tengine', 'Server: Tengine/2.3.3'],
    nearMisses: ['Tengine 3.0 released', 'Server: Tenginex'],
  }),
  whoAnswered({
    id: 'linkerd-error-header-or-named',
    software: 'linkerd',
    proxy: 'mesh',
    what: "Linkerd's proxy answered (its l5d-err or l5d-proxy-error header, or the report names Linkerd beside the status): the sidecar could not reach the destination; the header's text and the proxy's log say why.",
    source:
      'linkerd/linkerd (Linkerd 1: the l5d-err response header on a 502, asserted by its HttpInitializerTest; recorded in linkerd/linkerd#2001); linkerd/linkerd2-proxy (the l5d-proxy-error response header); linkerd.io/2/tasks/debugging-502s',
    gates: [...headerGates('l5d-err:', 'l5d-proxy-error:'), ...gatesOf('linkerd')],
    test: (lower) => {
      const header = headerLine(lower);
      if (header.startsWith('l5d-err:') || header.startsWith('l5d-proxy-error:')) return true;
      return includesAnyWord(lower, ['linkerd', 'linkerd2', 'linkerd-proxy']) && namesGatewayStatus(lower, true);
    },
    samples: [
      '< l5d-err: Unable+to+establish+connection+to+127.0.0.1%3A4149.',
      'l5d-proxy-error: client error (Connect): Connection refused',
      'the requests return 502 Bad Gateway while linkerd is injected',
    ],
    nearMisses: ['linkerd is injected and all is well', 'x-l5d-err: none'],
  }),
  whoAnswered({
    id: 'apache-503-page-text',
    software: 'apache',
    proxy: 'apache',
    what: "Apache httpd answered 503 with its built-in page: for mod_proxy this usually means every worker of the balancer is in error state or the backend refused the connection. Apache's error log names the backend and the AH code.",
    source:
      'Apache httpd modules/http/http_protocol.c (the canned 503 text "The server is temporarily unable to service your request due to maintenance downtime or capacity problems", found in /usr/sbin/apache2 2.4 here)',
    gates: gatesOf('temporarily unable to service your'),
    test: (lower) =>
      lower.includes('temporarily unable to service your request due to maintenance downtime or capacity') ||
      // The page's first line as it wraps in the HTML ("<p>The server is temporarily unable to
      // service your<br />\nrequest due to …"), copied alone.
      lower.trimEnd().endsWith('the server is temporarily unable to service your'),
    samples: [
      'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.',
      '## The server is temporarily unable to service your request due to maintenance downtime or capacity problems.',
      '<p>The server is temporarily unable to service your',
    ],
    nearMisses: [
      'The server is temporarily unable to service your request.',
      'We are temporarily unable to service your request due to maintenance',
    ],
  }),
];

/** Gates of the rules above: every rule needs one of these literals (see `index.ts`). */
export const vendorCauseGates: readonly string[] = [
  ...new Set(vendorCauseRules.flatMap((rule) => [...rule.includes.slice(0, 1), ...(rule.anyOf ?? [])])),
];
export const vendorWhoGates: readonly string[] = gatesOfRules(vendorWhoRules);
export const vendorLateCauseGates: readonly string[] = gatesOfRules(vendorLateCauseRules);
export const vendorEdgeGates: readonly string[] = gatesOfRules(vendorEdgeRules);

/**
 * Envoy's connection-failure flags (UF, UC) beside the marks of an Istio sidecar (its
 * `outbound|port||host` and `inbound|port||` cluster names, Istio or a sidecar named): the
 * mesh's fix page, as `envoy-sidecar-reset` does for the page text. Tried before Envoy's own
 * flag rules, which read the flags alone.
 */
export const meshFlagRule: Rule = {
  id: 'envoy-flag-in-mesh',
  software: 'envoy',
  cause:
    "An Istio sidecar could not connect to the app, or the app closed the connection (Envoy's UF or UC flag in a mesh): the app does not listen on the port the Service declares, listens on 127.0.0.1 only, the mTLS mode does not match, or the app's idle timeout is shorter than the sidecar's.",
  outcome: 'service-mesh',
  implies: admin('mesh'),
  source:
    'envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage (UF: upstream connection failure, UC: upstream connection termination); istio.io/latest/docs/ops/diagnostic-tools/proxy-cmd and Istio\'s default access log format (upstream_cluster "outbound|<port>|<subset>|<host>", "inbound|<port>||")',
  includes: [],
  anyOf: ['outbound|', 'inbound|', 'stio', 'STIO', 'idecar', 'IDECAR'],
  test: (line) => {
    const lower = lowered(line);
    return (
      /\b(?:50[34] ?[ |] ?u[fc]|u[fc] 50[34])\b/.test(lower) &&
      includesAny(lower, ['outbound|', 'inbound|', 'istio', 'sidecar'])
    );
  },
  samples: [
    '[2026-01-05T09:00:00.000Z] "GET /orders HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure} - "-" 0 91 1 - "-" "curl/8.5.0" "7c1d" "orders:8080" "10.1.2.3:8080" outbound|8080||orders.shop.svc.cluster.local - 10.96.0.12:8080 10.1.2.9:40312 - default',
    'we keep seeing 503 UC errors in the Istio sidecar logs',
  ],
  nearMisses: ['503 UC errors from the standalone Envoy', 'the Istio sidecar logs 200 UF'],
};
