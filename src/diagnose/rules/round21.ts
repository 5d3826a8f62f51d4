/**
 * Round 21: messages and page parts that programs print, which the held-out lines showed the
 * rules did not read, each written from the software's own source or documents:
 *
 * - Apache httpd's "Proxy Error" page heading, and Heroku's "Application Error" page title,
 *   copied without the rest of the page (read by their page rules in `pages.ts`);
 * - GitLab's own 502 page ("Whoops, GitLab is taking too much time to respond."), which the
 *   nginx bundled with GitLab serves;
 * - .NET's HttpClient (behind YARP and most .NET gateways) when the response stopped short;
 * - the AWS SAM CLI's message for a Lambda answer API Gateway cannot use, and Lambda's REPORT
 *   line of an invocation that timed out;
 * - Go's TLS handshake error when the two sides share no cipher suite, and Go's HTTP/2 error
 *   when the upstream reset the stream;
 * - Apache httpd's AH00952 (creating the socket denied) and AH02454 cut after its first words.
 *
 * Every test lower-cases the line once and makes substring checks or bounded regular
 * expressions, so matching stays linear in the line.
 */
import { includesAny } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { described, gatesOf, whoAnswered } from './vendor.ts';
import { gatesOfRules } from './words.ts';

const whoRules: readonly Rule[] = [
  whoAnswered({
    id: 'gitlab-502-page',
    software: 'nginx',
    proxy: 'nginx',
    what: "This is GitLab's own 502 page (public/502.html), which the nginx bundled with GitLab serves when it cannot get an answer from GitLab Workhorse and Puma: usually Puma is still starting, has run out of memory, or another program holds its port. Run sudo gitlab-ctl status and sudo gitlab-ctl tail puma.",
    source:
      'gitlab-org/gitlab public/502.html ("Whoops, GitLab is taking too much time to respond."); docs.gitlab.com/omnibus/settings/nginx (the bundled nginx proxies to GitLab Workhorse)',
    gates: gatesOf('is taking too much time to respond'),
    test: (lower) => lower.includes('gitlab is taking too much time to respond'),
    samples: [
      'Whoops, GitLab is taking too much time to respond.',
      '502 Whoops, GitLab is taking too much time to respond.',
    ],
    nearMisses: ['GitLab is taking too much time to load the pipeline page'],
  }),
];

/** .NET's System.Net.Http messages for a response that stopped before it was complete, lower case. */
const dotnetPrematureEnd = ['the response ended prematurely'];

/** Go's net/http2: a stream error the peer sent, with the RST_STREAM code that means it gave up. */
const goStreamResetByPeer =
  /stream error: stream id \d{1,10}; (?:internal_error|cancel|stream_closed); received from peer/;

const causeRules: readonly Rule[] = [
  described({
    id: 'dotnet-response-ended-prematurely',
    software: 'socket',
    outcome: 'upstream-closed',
    cause:
      '.NET\'s HttpClient (inside YARP, Ocelot and most .NET gateways) read a response the upstream stopped sending before it was complete ("The response ended prematurely"): the upstream closed or reset the connection mid-response, often a crash, an idle time-out shorter than the proxy\'s, or an HTTP/2 connection cut by a middlebox.',
    source:
      'dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (net_http_invalid_response_premature_eof "The response ended prematurely.", net_http_invalid_response_missing_frame "The response ended prematurely while waiting for the next frame from the server.")',
    gates: gatesOf(...dotnetPrematureEnd),
    test: (lower) => includesAny(lower, dotnetPrematureEnd),
    samples: [
      'System.IO.IOException: The response ended prematurely while waiting for the next frame from the server.',
      'HttpRequestException: The response ended prematurely. (ResponseEnded)',
      'The response ended prematurely, with at least 90 additional bytes expected.',
    ],
    nearMisses: ['The response ended normally.', 'the request ended prematurely'],
  }),
  described({
    id: 'sam-local-invalid-response',
    software: 'aws-lambda',
    outcome: 'serverless-response',
    cause:
      'The function returned something API Gateway cannot turn into an HTTP response (the AWS SAM CLI says so locally; API Gateway answers 502 with "Internal server error" in AWS): return an object with statusCode, headers and a string body.',
    source:
      'aws/aws-sam-cli samcli/local/apigw/local_apigw_service.py ("Function returned an invalid response (must include one of: body, headers, multiValueHeaders or statusCode in the response object)"); its README quotes the older wording without multiValueHeaders',
    proxy: 'api-gateway',
    gates: gatesOf('returned an invalid response (must include one of'),
    test: (lower) => lower.includes('returned an invalid response (must include one of'),
    samples: [
      'Function returned an invalid response (must include one of: body, headers, multiValueHeaders or statusCode in the response object). Response received:',
      'ERROR: Function ExampleFunction returned an invalid response (must include one of: body, headers or statusCode in the response object)',
    ],
    nearMisses: ['Function returned an invalid JSON document'],
  }),
  described({
    id: 'lambda-report-timeout',
    software: 'aws-lambda',
    outcome: 'serverless-response',
    cause:
      'Lambda\'s REPORT line for the invocation ends in "Status: timeout": the function ran past its configured time-out and was stopped, so the gateway or function URL in front answered 502 or 504. Raise the function\'s timeout or make the slow call faster.',
    source:
      'docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html (the REPORT line at the end of each invocation: RequestId, Duration, Billed Duration, Memory Size, Max Memory Used, Init Duration and, for a failed one, Status)',
    proxy: 'api-gateway',
    gates: ['REPORT RequestId'],
    // With "Task timed out after" on the line, lambda-task-timed-out (platforms.ts) reads it.
    test: (lower) =>
      lower.includes('report requestid') &&
      lower.includes('status: timeout') &&
      !lower.includes('task timed out after'),
    samples: [
      'REPORT RequestId: 3c2a1b00-0000-4000-8000-000000000000\tDuration: 30000.00 ms\tBilled Duration: 30000 ms\tMemory Size: 1024 MB\tMax Memory Used: 153 MB\tStatus: timeout',
    ],
    nearMisses: [
      'REPORT RequestId: 3c2a1b00-0000-4000-8000-000000000000\tDuration: 120.55 ms\tBilled Duration: 121 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB',
    ],
  }),
  described({
    id: 'go-tls-no-shared-cipher',
    software: 'report',
    outcome: 'upstream-tls',
    cause:
      "A Go program (Traefik, Caddy, cloudflared, a Go server) and the other side of the TLS handshake share no cipher suite, so the handshake stops: one side allows only old or only new suites, or a certificate's key type does not fit the suites allowed. Compare the TLS versions and suites each side allows (openssl s_client -connect host:443 -tls1_2).",
    source: 'golang/go src/crypto/tls/handshake_server.go ("tls: no cipher suite supported by both client and server")',
    gates: gatesOf('no cipher suite supported by both'),
    test: (lower) => lower.includes('no cipher suite supported by both client and server'),
    samples: [
      'http: TLS handshake error from 10.0.0.5:51234: tls: no cipher suite supported by both client and server',
    ],
    nearMisses: ['tls: cipher suites supported by both sides: 3'],
  }),
  described({
    id: 'go-http2-stream-reset-by-peer',
    software: 'report',
    outcome: 'upstream-closed',
    cause:
      'A Go proxy (Caddy, Traefik) had an HTTP/2 stream reset by the other side ("received from peer" with INTERNAL_ERROR, CANCEL or STREAM_CLOSED): the upstream gave up on the request mid-way, often a crash, a time-out of its own or a restart. The upstream\'s own log at that moment says why.',
    source:
      'golang.org/x/net http2/errors.go (StreamError: "stream error: stream ID %d; %v; %v") and http2/transport.go (errFromPeer "received from peer", set when the peer sends RST_STREAM)',
    gates: gatesOf('received from peer'),
    test: (lower) => lower.includes('received from peer') && goStreamResetByPeer.test(lower),
    samples: [
      '{"level":"error","logger":"http.handlers.reverse_proxy","msg":"reading from backend","error":"stream error: stream ID 5; INTERNAL_ERROR; received from peer"}',
    ],
    nearMisses: [
      'stream error: stream ID 3; PROTOCOL_ERROR; received from peer',
      'stream error: stream ID 5; INTERNAL_ERROR',
    ],
  }),
];

/** Round 21's who-answered rules, tried with the other who-answered forms. */
export const round21WhoRules: readonly Rule[] = whoRules;
export const round21WhoGates: readonly string[] = gatesOfRules(whoRules);
/**
 * Apache httpd's AH00952 with Permission denied, and AH02454 cut after its first words: in the
 * Apache group (index.ts), which also reads a whole error_log line.
 */
export const round21ApacheRules: readonly Rule[] = [
  {
    id: 'apache-socket-create-permission',
    software: 'apache',
    cause:
      'httpd was not allowed to create the socket to its backend (AH00952 with Permission denied): on Red Hat family systems SELinux stops httpd from opening network connections until httpd_can_network_connect is on. Check with getsebool httpd_can_network_connect and ausearch -m avc -ts recent.',
    outcome: 'permission-denied',
    implies: admin('apache', 'permission-denied'),
    source:
      'apache/httpd modules/proxy/proxy_util.c (AH00952 "%s: error creating fam %d socket for target %s", logged with the socket call\'s error)',
    includes: ['AH00952'],
    test: (line) => line.includes('Permission denied'),
    samples: [
      '[proxy:error] [pid 12721:tid 2934961200] (13)Permission denied: AH00952: FCGI: error creating fam 2 socket for target 127.0.0.1',
    ],
    nearMisses: [
      '(97)Address family not supported by protocol: AH00952: HTTP: error creating fam 10 socket for target localhost',
    ],
  },
  {
    id: 'apache-socket-missing-cut',
    software: 'apache',
    cause:
      'httpd found no file at the Unix socket path it was told to reach (AH02454 with No such file or directory): PHP-FPM is not running, or its pool listens on another path than the SetHandler "proxy:unix:…" names.',
    outcome: 'unix-socket-missing',
    implies: admin('apache', 'no-such-file'),
    source:
      'apache/httpd modules/proxy/proxy_util.c (AH02454 "%s: attempt to connect to Unix domain socket %s (%s) failed"), the line cut after its first words',
    includes: ['(2)No such file or directory: AH02454'],
    samples: ['139930193864448] (2)No such file or directory: AH02454: FCGI: attempt to connect'],
    nearMisses: ['(13)Permission denied: AH02454: FCGI: attempt to connect'],
  },
];

/** Round 21's cause rules, tried with the vendors' causes. */
export const round21CauseRules: readonly Rule[] = causeRules;
export const round21CauseGates: readonly string[] = gatesOfRules(causeRules);
