/**
 * Messages of managed platforms and of the systems around a proxy: Amazon API Gateway and
 * AWS Lambda, health checks of load balancers, error pages that name a cause (HAProxy's
 * 503 and 504, CloudFront's 502), hosting platforms (Vercel, Fly.io, Heroku) and firewalld.
 */
import { includesWhole, includesWord } from '../match.ts';
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';
import { herokuContext } from './codes.ts';

/** API Gateway with a Lambda function behind it (`gateway-target: function`). */
const lambdaBehindGateway = admin('api-gateway', undefined, { 'gateway-target': 'function' });

/** Vercel's codes for a function that failed or answered unusably (vercel.com/docs/errors). */
const vercelFunctionCodes = [
  'FUNCTION_INVOCATION_FAILED',
  'FUNCTION_INVOCATION_TIMEOUT',
  'NO_RESPONSE_FROM_FUNCTION',
  'NO_STATUS_CODE_FROM_FUNCTION',
  'BODY_NOT_A_STRING_FROM_FUNCTION',
  'FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE',
  'FUNCTION_THROTTLED',
  'EDGE_FUNCTION_INVOCATION_FAILED',
  'EDGE_FUNCTION_INVOCATION_TIMEOUT',
  'MIDDLEWARE_INVOCATION_FAILED',
  'MIDDLEWARE_INVOCATION_TIMEOUT',
];

/** Vercel's 502 codes for an external rewrite destination whose name does not resolve. */
const vercelDnsCodes = [
  'DNS_HOSTNAME_NOT_FOUND',
  'DNS_HOSTNAME_RESOLVE_FAILED',
  'DNS_HOSTNAME_SERVER_ERROR',
  'DNS_HOSTNAME_EMPTY',
];

/**
 * `line` with an upper-case code joined again where Markdown escapes or spaces split it at
 * its underscores (`NO\\_RESPONSE`, `NO _ RESPONSE` → `NO_RESPONSE`). Linear.
 */
function joinCode(line: string): string {
  return line.includes('_') ? line.replace(/([A-Z]) ?\\?_ ?(?=[A-Z])/g, '$1_') : line;
}

/** Whether one of `codes` occurs in `line` as a whole token (not inside a longer code). */
function includesAnyWhole(line: string, codes: readonly string[]): boolean {
  return codes.some((code) => includesWord(line, code));
}

export const platformRules: readonly Rule[] = [
  {
    id: 'api-gateway-internal-server-error',
    software: 'aws-api-gateway',
    cause:
      'API Gateway answered 502 with {"message": "Internal server error"}: its Lambda proxy integration got a response it could not use (not the {statusCode, headers, body} shape, a body that is not a string) or the function failed.',
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaBehindGateway,
    source:
      'aws/aws-lambda-go#72, apollographql/apollo-server#333; repost.aws knowledge-center/malformed-502-api-gateway',
    includes: ['"message"', 'Internal server error'],
    test: (line) => /"message" ?: ?"Internal server error"/.test(line),
    samples: ['{"message": "Internal server error"}', '{"message":"Internal server error"}'],
    nearMisses: ['{"message": "Forbidden"}', 'Internal server error'],
  },
  {
    id: 'api-gateway-malformed-lambda-response',
    software: 'aws-api-gateway',
    cause:
      "API Gateway could not use the Lambda function's response (Malformed Lambda proxy response): the function must return {statusCode, headers, body} with body a string.",
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaBehindGateway,
    source: 'API Gateway execution log; brefphp/bref#534, vincentsarago/lambda-proxy#59, aws/aws-lambda-go#72',
    includes: ['Malformed Lambda proxy response'],
    samples: [
      'Wed Nov 02 10:19:35 UTC 2022 : Execution failed due to configuration error: Malformed Lambda proxy response',
      'Execution failed due to configuration error: Malformed Lambda proxy response',
    ],
    nearMisses: ['Wed Nov 02 10:19:35 UTC 2022 : Method completed with status: 200'],
  },
  {
    id: 'api-gateway-lambda-failed',
    software: 'aws-api-gateway',
    cause:
      'API Gateway invoked the Lambda function and it failed (an unhandled error, a crash or a timeout inside the function), so the gateway answered 502.',
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaBehindGateway,
    source: 'API Gateway execution log ("Lambda execution failed with status 200 due to customer function error")',
    includes: ['Lambda execution failed with status '],
    samples: [
      "Lambda execution failed with status 200 due to customer function error: Cannot find module 'index'. Lambda request id: 1e9a6f3d-4b1c-4c0e-9d1a-2f3b4c5d6e7f",
    ],
    nearMisses: ['Lambda execution succeeded'],
  },
  {
    id: 'api-gateway-endpoint-timeout',
    software: 'aws-api-gateway',
    cause:
      "API Gateway's integration (a Lambda function or an HTTP backend) did not answer within the integration timeout (29 s by default), so the gateway answered 504.",
    outcome: 'upstream-timeout',
    status: 504,
    implies: { role: 'admin' },
    source: 'API Gateway 504 response body {"message": "Endpoint request timed out"}',
    includes: [],
    anyOf: ['Endpoint request timed out', 'Execution failed due to a timeout error'],
    samples: ['{"message": "Endpoint request timed out"}', 'Execution failed due to a timeout error'],
    nearMisses: ['Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/x/invocations'],
  },
  {
    id: 'lambda-task-timed-out',
    software: 'aws-lambda',
    cause:
      'The Lambda function ran past its configured timeout and was stopped, so the caller (API Gateway, a load balancer, CloudFront) got no usable response.',
    outcome: 'serverless-response',
    implies: lambdaBehindGateway,
    source: 'AWS Lambda CloudWatch log ("Task timed out after N seconds")',
    includes: ['Task timed out after '],
    samples: [
      '2023-05-10T12:00:03.123Z 1e9a6f3d-4b1c-4c0e-9d1a-2f3b4c5d6e7f Task timed out after 3.00 seconds',
      'REPORT RequestId: 1e9a6f3d Duration: 6006.48 ms Billed Duration: 6000 ms Status: timeout Task timed out after 6.01 seconds',
    ],
    nearMisses: ['Task completed after 3.00 seconds'],
  },
  {
    id: 'lambda-runtime-error',
    software: 'aws-lambda',
    cause:
      'The Lambda function failed to start or crashed (module or handler not found, runtime exited, out of memory), so its caller got no response.',
    outcome: 'serverless-response',
    implies: lambdaBehindGateway,
    source: 'AWS Lambda runtime error types (Runtime.ImportModuleError, Runtime.HandlerNotFound, Runtime.ExitError)',
    includes: [],
    anyOf: ['Runtime.ImportModuleError', 'Runtime.HandlerNotFound', 'Runtime.ExitError', 'Runtime exited with error'],
    samples: [
      '{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module \'index\'"}',
      'RequestId: 1e9a6f3d Error: Runtime exited with error: signal: killed',
      'Runtime.ExitError',
    ],
    nearMisses: ['Runtime.Started'],
  },
  {
    id: 'lambda-status-code-invalid',
    software: 'aws-lambda',
    cause:
      "The Lambda function's response has no usable statusCode (missing, or not a number): the load balancer or API Gateway in front of it cannot turn it into an HTTP response and answers 502. Return {statusCode: 200, headers, body} with statusCode a number and body a string.",
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaBehindGateway,
    source:
      'docs.aws.amazon.com/lambda/latest/dg/services-alb.html and API Gateway "Set up Lambda proxy integrations" (the response object: statusCode a number, body a string), retold as an error that names statusCode',
    includes: ['statusCode'],
    test: (line) =>
      /\bstatusCode\b\W{0,3}(?:must be|should be|is not|is missing|missing|not a|invalid|is invalid)/i.test(line),
    samples: [
      '502 bad gateway error on ALB : statusCode must be numeric',
      'Error: statusCode is missing from the Lambda response',
    ],
    nearMisses: ['statusCode: 200', 'the statusCode comes back as 200'],
  },
  {
    id: 'vercel-function-error',
    software: 'vercel',
    cause:
      "Vercel's function crashed, timed out, sent no response or a response Vercel cannot use (FUNCTION_INVOCATION_FAILED, FUNCTION_INVOCATION_TIMEOUT, NO_RESPONSE_FROM_FUNCTION, NO_STATUS_CODE_FROM_FUNCTION, BODY_NOT_A_STRING_FROM_FUNCTION, the middleware's and edge functions' codes). The function's log on Vercel says which.",
    outcome: 'serverless-response',
    implies: { role: 'admin' },
    source:
      'vercel.com/docs/errors (function codes: FUNCTION_INVOCATION_FAILED, FUNCTION_INVOCATION_TIMEOUT, NO_RESPONSE_FROM_FUNCTION, NO_STATUS_CODE_FROM_FUNCTION, BODY_NOT_A_STRING_FROM_FUNCTION, FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE, FUNCTION_THROTTLED, EDGE_FUNCTION_*, MIDDLEWARE_INVOCATION_*)',
    includes: [],
    anyOf: [
      'FUNCTION',
      'MIDDLEWARE',
      'Serverless Function has crashed',
      'Serverless Function has timed out',
      'Edge Function has timed out',
    ],
    // Markdown escapes or spaces split the codes apart ("NO\\_RESPONSE", "NO _ RESPONSE"); the
    // error page's sentence names no code.
    test: (line) =>
      line.includes('Serverless Function has crashed') ||
      line.includes('Serverless Function has timed out') ||
      // EDGE_FUNCTION_INVOCATION_TIMEOUT's page.
      line.includes('Edge Function has timed out') ||
      // A code inside JSON-escaped text ("…deployment\n\nFUNCTION_INVOCATION_TIMEOUT\n…").
      includesAnyWhole(joinCode(line.includes('\\') ? line.replace(/\\[nrt]/g, ' ') : line), vercelFunctionCodes),
    samples: [
      '502: BAD_GATEWAY Code: NO_RESPONSE_FROM_FUNCTION',
      'Code: FUNCTION_INVOCATION_TIMEOUT',
      '> Code: NO_STATUS_CODE_FROM_FUNCTION',
      'Code: NO\\_RESPONSE\\_FROM\\_FUNCTION',
      'Code: BODY _ NOT _ A _ STRING _ FROM _ FUNCTION',
      '504: GATEWAY_TIMEOUT Code: MIDDLEWARE_INVOCATION_TIMEOUT',
      'This Serverless Function has crashed.',
      'This Edge Function has timed out. Check the function logs.',
      '{"error":{"message":"An error occurred with your deployment\\n\\nFUNCTION_INVOCATION_TIMEOUT\\n\\nfra1::abcde-1700000000000-0123456789ab\\n"}}',
    ],
    nearMisses: ['Code: DEPLOYMENT_NOT_FOUND', 'FUNCTION_INVOCATION_FAILED_COUNT', 'Vercel function logs'],
  },
  {
    id: 'vercel-dns-hostname',
    software: 'vercel',
    cause:
      "Vercel could not resolve the host name of the external origin a rewrite or proxy sends the request to (DNS_HOSTNAME_NOT_FOUND, DNS_HOSTNAME_RESOLVE_FAILED, DNS_HOSTNAME_SERVER_ERROR, DNS_HOSTNAME_EMPTY): the name in the rewrite's destination is wrong or has no DNS record.",
    outcome: 'proxy-cannot-resolve',
    status: 502,
    implies: { role: 'admin' },
    source:
      'vercel.com/docs/errors (DNS_HOSTNAME_NOT_FOUND, DNS_HOSTNAME_RESOLVE_FAILED, DNS_HOSTNAME_SERVER_ERROR, DNS_HOSTNAME_EMPTY: 502)',
    includes: [],
    anyOf: ['HOSTNAME'],
    test: (line) => includesAnyWhole(joinCode(line), vercelDnsCodes),
    samples: ['502: BAD_GATEWAY Code: DNS_HOSTNAME_RESOLVE_FAILED', 'DNS_HOSTNAME_NOT_FOUND'],
    nearMisses: ['DNS_HOSTNAME_RESOLVED_PRIVATE_IP', 'DNS hostname not found'],
  },
  {
    id: 'fly-instance-refused',
    software: 'fly',
    cause:
      "Fly.io's proxy could not connect to the app: nothing listens on the internal_port in fly.toml, or the app listens on 127.0.0.1 instead of 0.0.0.0.",
    outcome: 'upstream-refused',
    implies: admin('platform'),
    source: 'Fly.io proxy log ("instance refused connection. is your app listening on 0.0.0.0:8080?")',
    includes: ['instance refused connection'],
    samples: [
      '[PR04] could not find a good candidate within 21 attempts at load balancing. last error: [PC01] instance refused connection. is your app listening on 0.0.0.0:8080? make sure it is not only listening on 127.0.0.1 (hint: look at your startup logs, servers often print the address they are listening on)',
    ],
    nearMisses: ['instance started'],
  },
  {
    id: 'fly-no-candidate',
    software: 'fly',
    cause:
      "Fly.io's proxy found no Machine to send the request to: every Machine of the app is stopped, failing its checks or refusing connections. The app's own log says why.",
    outcome: 'no-live-upstreams',
    implies: admin('platform'),
    source:
      'fly.io/docs/reference/error-codes/ (PR04 "could not find a good candidate within N attempts at load balancing"); the older wording "could not find an instance to route to" (superfly/litefs#278)',
    includes: [],
    anyOf: ['could not find a good candidate within', 'could not find an instance to route to'],
    samples: [
      'could not find a good candidate within 40 attempts at load balancing',
      'error.message="could not find an instance to route to" 2023-02-06T17:22:55Z proxy lhr [warn]',
    ],
    nearMisses: ['could not find a good candidate for the job'],
  },
  {
    id: 'fly-app-not-listening',
    software: 'fly',
    cause:
      "The app does not listen where Fly.io's proxy connects (internal_port in fly.toml, on 0.0.0.0), so requests to it are refused.",
    outcome: 'upstream-refused',
    implies: admin('platform'),
    source:
      'flyctl deploy warning "The app is not listening on the expected address and will not be reachable by fly-proxy."',
    includes: ['not listening on the expected address'],
    samples: ['WARNING The app is not listening on the expected address and will not be reachable by fly-proxy.'],
    nearMisses: ['The app is listening on the expected address'],
  },
  {
    id: 'cloud-run-request-timeout',
    software: 'cloud-run',
    cause:
      'Cloud Run ended the request at its request timeout (5 minutes by default) and answered 504: the container took longer to respond.',
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('platform'),
    source:
      'cloud.google.com/run/docs/configuring/request-timeout (the log entry "The request has been terminated because it has reached the maximum request timeout.")',
    includes: ['reached the maximum request timeout'],
    samples: [
      '"textPayload": "The request has been terminated because it has reached the maximum request timeout. To change this limit, see https://cloud.google.com/run/docs/configuring/request-timeout",',
    ],
    nearMisses: ['The request finished before the maximum request timeout'],
  },
  {
    id: 'heroku-request-timeout',
    software: 'heroku',
    cause: "Heroku's router waited 30 s for the app's first byte and gave up (H12 Request timeout).",
    outcome: 'upstream-timeout',
    status: 503,
    implies: admin('platform'),
    source: 'devcenter.heroku.com/articles/error-codes#h12-request-timeout',
    includes: [],
    anyOf: ['code=H12', 'Error H12 (', 'H12'],
    // The router's log line, or the code retold next to Heroku's name ("H12 on heroku").
    test: (line) =>
      includesWhole(line, 'code=H12') ||
      line.includes('Error H12 (') ||
      (includesWord(line, 'H12') && herokuContext.test(line)),
    samples: [
      'The requests to heroku are timing out with error code H12 after a few minutes.',
      '2010-10-06T21:51:37-07:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/" host=myapp.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd="204.204.204.204" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0',
      '2012-01-20T02:10:47+00:00 heroku[router]: Error H12 (Request timeout) -> POST morning-dawn-8986.herokuapp.com/autoprovision/58 dyno=web.1 queue= wait= service=30000ms status=503 bytes=0',
    ],
    nearMisses: ['heroku[router]: at=info code=H120 method=GET', 'Error H120 (x)', 'Heroku build H120 failed'],
  },
  {
    id: 'heroku-connection-closed',
    software: 'heroku',
    cause:
      "The app's dyno closed the connection without answering (H13 Connection closed without response): it crashed or was killed mid-request.",
    outcome: 'upstream-closed',
    status: 503,
    implies: admin('platform'),
    source: 'devcenter.heroku.com/articles/error-codes#h13-connection-closed-without-response',
    includes: [],
    anyOf: ['code=H13', 'H13', 'onnection closed without response', 'ONNECTION CLOSED WITHOUT RESPONSE'],
    test: (line) =>
      includesWhole(line, 'code=H13') ||
      (includesWord(line, 'H13') && herokuContext.test(line)) ||
      line.toLowerCase().includes('connection closed without response'),
    samples: [
      'Heroku keeps logging H13 errors on file uploads',
      '2010-10-06T21:51:37-07:00 heroku[router]: at=error code=H13 desc="Connection closed without response" method=GET path="/" host=myapp.herokuapp.com fwd=17.17.17.17 dyno=web.1 connect=3030ms service=9767ms status=503 bytes=0',
    ],
    nearMisses: ['heroku[router]: at=info method=GET path="/" status=200', 'H13 on the staging box'],
  },
  {
    id: 'haproxy-503-page',
    software: 'haproxy',
    cause:
      "HAProxy's 503 page: no server of the backend is available (all failed their health checks, or none is set).",
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('haproxy', 'no-live-upstreams'),
    source: 'haproxy src/http_htx.c http_err_msgs[HTTP_ERR_503]',
    includes: ['No server is available to handle this request'],
    samples: ['No server is available to handle this request.'],
    nearMisses: ['No server is available.'],
  },
  {
    id: 'haproxy-504-page',
    software: 'haproxy',
    cause: "HAProxy's 504 page: the server accepted the request but did not answer within timeout server.",
    outcome: 'upstream-timeout',
    status: 504,
    implies: admin('haproxy', 'timed-out'),
    source: 'haproxy src/http_htx.c http_err_msgs[HTTP_ERR_504]',
    includes: ["The server didn't respond in time"],
    samples: ["The server didn't respond in time."],
    nearMisses: ['The server responded in time.'],
  },
  {
    id: 'cloudfront-origin-connect',
    software: 'aws-cloudfront',
    cause:
      'CloudFront could not connect to the origin, or the origin closed the connection (wrong origin port or protocol, TLS name or certificate mismatch, origin down).',
    outcome: 'cdn-origin',
    status: 502,
    implies: admin('other-cdn'),
    source: 'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html',
    includes: [],
    anyOf: [
      "CloudFront wasn't able to connect to the origin",
      'CloudFront attempted to establish a connection with the origin',
    ],
    samples: [
      "CloudFront wasn't able to connect to the origin.",
      'CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.',
    ],
    nearMisses: ['Generated by cloudfront (CloudFront)'],
  },
  {
    id: 'alb-target-unhealthy',
    software: 'aws-alb',
    cause:
      "The load balancer's health checks fail on its targets (wrong health-check path, port or expected codes, a security group, or a target that is down).",
    outcome: 'lb-health-checks',
    implies: admin('cloud-lb', 'unhealthy'),
    source:
      'docs.aws.amazon.com/elasticloadbalancing/latest/application/check-target-health.html (reason codes); target group console status details',
    includes: [],
    anyOf: [
      'Target.ResponseCodeMismatch',
      'Target.Timeout',
      'Target.FailedHealthChecks',
      'Health checks failed with these codes',
      'Request timed out',
    ],
    test: (line) =>
      line.includes('Target.') || line.includes('Health checks failed with these codes') || /unhealthy/i.test(line),
    samples: [
      '| 10.0.1.5 | unhealthy | Target.ResponseCodeMismatch |',
      'Health checks failed with these codes: [502]',
      '"TargetHealth": {"State": "unhealthy", "Reason": "Target.Timeout", "Description": "Request timed out"}',
    ],
    nearMisses: ['| 172.31.0.57 | unused | Target.NotInUse |', 'Request timed out'],
  },
  {
    id: 'gcp-backend-unhealthy',
    software: 'gcp-lb',
    cause:
      "The Google Cloud load balancer's health checks fail on its backends (firewall missing 130.211.0.0/22 and 35.191.0.0/16, wrong port or path).",
    outcome: 'lb-health-checks',
    implies: admin('cloud-lb', 'unhealthy'),
    source:
      'gcloud compute backend-services get-health output (healthState: UNHEALTHY); ingress-gce event "Some backend services are in UNHEALTHY state"',
    includes: ['UNHEALTHY'],
    anyOf: ['healthState: UNHEALTHY', 'backend services are in UNHEALTHY state'],
    samples: ['    healthState: UNHEALTHY', 'Some backend services are in UNHEALTHY state'],
    nearMisses: ['    healthState: HEALTHY'],
  },
  {
    id: 'azure-backend-unhealthy',
    software: 'azure',
    cause:
      "Azure Application Gateway's health probes fail on every backend, so none is left to answer (probe path or host, NSG, certificate).",
    outcome: 'lb-health-checks',
    implies: admin('cloud-lb', 'unhealthy'),
    source:
      'learn.microsoft.com troubleshoot-http-502-bad-gateway ("Backend pool [name] has no healthy servers that can handle the request.")',
    includes: ['has no healthy servers that can handle the request'],
    samples: ['Backend pool appGatewayBackendPool has no healthy servers that can handle the request.'],
    nearMisses: ['Backend pool appGatewayBackendPool has 2 healthy servers.'],
  },
  {
    id: 'haproxy-health-check-failed',
    software: 'haproxy',
    cause:
      "HAProxy's health check of a server fails (refused, timed out, wrong status); once enough fail, the server is taken out of the backend.",
    outcome: 'lb-health-checks',
    implies: admin('haproxy', 'unhealthy'),
    source: 'haproxy src/check.c; haproxy/haproxy#2101, haproxy/haproxy#1234',
    includes: ['Health check for server ', ' failed, reason: '],
    samples: [
      '2023-04-04 15:54:37 [WARNING]  (8) : Health check for server csg-gateway/csggateway-app-1 failed, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms, status: 2/3 UP.',
    ],
    nearMisses: ['Health check for server app/app1 succeeded, reason: Layer7 check passed, code: 200'],
  },
  {
    id: 'envoy-health-check-failed',
    software: 'envoy',
    cause: "Envoy's active health checks eject an upstream host as unhealthy.",
    outcome: 'lb-health-checks',
    implies: admin('mesh', 'unhealthy'),
    source: 'envoy api/envoy/data/core/v3/health_check_event.proto (eject_unhealthy_event, health_check_failure_event)',
    includes: [],
    anyOf: ['"eject_unhealthy_event"', '"health_check_failure_event"'],
    samples: [
      '{"health_checker_type":"HTTP","host":{"socket_address":{"protocol":"TCP","address":"10.0.0.5","port_value":8080}},"cluster_name":"app","eject_unhealthy_event":{"failure_type":"ACTIVE"},"timestamp":"2024-01-01T00:00:00.000Z"}',
    ],
    nearMisses: ['{"health_checker_type":"HTTP","add_healthy_event":{"first_check":true}}'],
  },
  {
    id: 'firewalld-rejected',
    software: 'firewalld',
    cause:
      'firewalld rejected or dropped a packet (LogDenied): a firewall between the proxy and the upstream blocks the port.',
    outcome: 'firewall',
    implies: { role: 'admin' },
    source: 'firewalld LogDenied log prefixes ("filter_IN_public_REJECT: ", "FINAL_REJECT: ")',
    includes: [],
    anyOf: ['_REJECT: IN=', '_DROP: IN=', 'FINAL_REJECT: ', '_REJECT: '],
    test: (line) => /(?:_REJECT|_DROP|FINAL_REJECT): IN=/.test(line),
    samples: [
      'kernel: filter_IN_public_REJECT: IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=10.0.0.2 DST=10.0.0.5 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=TCP SPT=51234 DPT=8080 WINDOW=64240 RES=0x00 SYN URGP=0',
      'kernel: FINAL_REJECT: IN=eth0 OUT= SRC=10.0.0.2 DST=10.0.0.5 PROTO=TCP SPT=51234 DPT=8080 SYN',
    ],
    nearMisses: ['kernel: filter_IN_public_ALLOW: IN=eth0 OUT= SRC=10.0.0.2 DST=10.0.0.5 PROTO=TCP DPT=8080'],
  },
  {
    id: 'api-gateway-internal-error-retold',
    software: 'aws-api-gateway',
    cause:
      'API Gateway answers a Lambda integration it cannot use with 502 and the body {"message": "Internal server error"}: the function returned a response in the wrong shape (not {statusCode, headers, body}, body not a string) or failed.',
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaBehindGateway,
    source:
      'repost.aws knowledge-center/malformed-502-api-gateway (502 with "Internal server error"), retold in a sentence that names Lambda or API Gateway',
    includes: [],
    anyOf: ['Internal server error', 'Internal Server Error', 'internal server error', 'INTERNAL SERVER ERROR'],
    // A 500's reason phrase too, so it counts only next to Lambda or API Gateway, or to AWS and 502.
    test: (line) => {
      const lower = line.toLowerCase();
      if (lower.includes('lambda') || lower.includes('api gateway') || lower.includes('apigateway')) return true;
      return includesWord(lower, 'aws') && /(?:^|\D)502(?:\D|$)/.test(line);
    },
    samples: [
      'Error 502: Internal server error on Lambda Proxy Integration',
      'API Gateway returns 502 Internal Server Error',
      'Deployed to AWS, every call gets 502 Internal Server Error',
    ],
    nearMisses: ['HTTP/1.1 500 Internal Server Error', 'AWS console shows 500 Internal Server Error'],
  },
  {
    id: 'railway-application-failed-to-respond',
    software: 'railway',
    cause:
      'Railway\'s proxy got no answer from the app (its page "Application failed to respond"): the app does not listen on the port Railway gives it in PORT, listens on localhost instead of 0.0.0.0 or ::, or crashed. The deploy logs say which.',
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('platform'),
    source:
      'Railway error page "Application failed to respond" (as quoted in vignesh07/clawdbot-railway-template#192 and Chanzhaoyu/chatgpt-web#1755; docs.railway.com, reference/errors/application-failed-to-respond)',
    includes: [],
    anyOf: ['Application failed to respond', 'application failed to respond', 'APPLICATION FAILED TO RESPOND'],
    samples: ['Application failed to respond', 'Gateway never starts - Application failed to respond after deploy'],
    nearMisses: ['Application failed to start'],
  },
  {
    id: 'render-no-open-ports',
    software: 'render',
    cause:
      "Render's port scan found nothing listening in the web service: the app must bind to 0.0.0.0 on the port in PORT (10000 by default), not to localhost. Until it does, requests to the service fail.",
    outcome: 'upstream-refused',
    implies: admin('platform'),
    source:
      'Render deploy log "No open ports detected" / "Port scan timeout reached, no open ports detected. Bind your service to at least one port." (render.com/docs/web-services, port binding)',
    includes: [],
    // Newer deploy logs say "no open HTTP ports detected".
    anyOf: [
      'No open ports detected',
      'no open ports detected',
      'no open HTTP ports detected',
      'No open HTTP ports detected',
    ],
    samples: [
      '==> No open ports detected, continuing to scan...',
      "Port scan timeout reached, no open ports detected. Bind your service to at least one port. If you don't need to receive traffic on any port, create a background worker instead.",
      'Port scan timeout reached, no open HTTP ports detected',
    ],
    nearMisses: ['Open ports detected: 10000'],
  },
];

/**
 * A 504 page's title with no proxy named (`<title>504 Gateway Time-out</title>`): tried late,
 * in the `gateway-timeout-status` group after the who-answered sentences and round 10's
 * named-504 rules (`index.ts`), so a line that names the product leads to it instead.
 */
export const gatewayTimeoutPageRule: Rule = {
  id: 'gateway-timeout-page',
  // nginx, HAProxy and the ALB all title their 504 page this way: the page names no proxy.
  software: 'error-page',
  cause:
    'A 504 Gateway Time-out page: the proxy waited for its upstream longer than its timeout. The page alone does not say which proxy; its error log names the upstream.',
  outcome: 'upstream-timeout',
  status: 504,
  implies: { role: 'admin' },
  source:
    'nginx src/http/ngx_http_special_response.c ngx_http_error_504_page ("504 Gateway Time-out"); haproxy src/http_htx.c http_err_msgs[HTTP_ERR_504] (the same title)',
  includes: ['504 Gateway Time'],
  anyOf: ['504 Gateway Time-out', '504 Gateway Timeout'],
  samples: [
    '<html><head><title>504 Gateway Time-out</title></head>',
    '504 Gateway Time-out',
    'HTTP/1.1 504 Gateway Timeout',
  ],
  nearMisses: ['502 Bad Gateway', '504 Gateway error'],
};
