/**
 * Cloud load balancers (reference §7.1, §7.2): AWS ALB access-log entries where the load
 * balancer answered itself (`elb_status_code` 5xx with `target_status_code` `-`), its error
 * page, and Google Cloud load balancer `statusDetails` values.
 */
import { albOwnStatus, parseAlbLog } from '../formats/alb.ts';
import { includesAnyWord, includesWhole } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { albLine } from './sample-lines.ts';

const albDocs = 'AWS ALB user guide, load-balancer-troubleshooting.md and access-log fields (reference §7.1)';
const targetAnswered = albLine('10.0.1.5:8080', '0.000 0.002 0.000', '502', '502');

/** A rule for an ALB entry in which the load balancer itself answered `status`. */
function albRule(status: string, outcome: OutcomeId, log: string | undefined, cause: string): Rule {
  return {
    id: `alb-own-${status}`,
    software: 'aws-alb',
    cause,
    outcome,
    status: Number(status),
    implies: admin('cloud-lb', log),
    source: albDocs,
    includes: [` ${status} - `],
    test: (line) => albOwnStatus(line, status),
    samples: [albLine(status === '503' ? '-' : '10.0.1.5:8080', '0.000 -1 -1', status, '-')],
    nearMisses: [targetAnswered.replace(' 502 502 ', ` ${status} ${status} `)],
  };
}

/** A rule for a Google Cloud load balancer `jsonPayload.statusDetails` value. */
function gcpRule(detail: string, outcome: OutcomeId, log: string | undefined, cause: string): Rule {
  return {
    id: `gcp-${detail.replaceAll('_', '-')}`,
    software: 'gcp-lb',
    cause,
    outcome,
    implies: admin('cloud-lb', log),
    source:
      'Google Cloud https-logging-monitoring#failure-messages, as quoted in contour#6121, gnomad-browser#746 (reference §7.2)',
    includes: [detail],
    test: (line) => includesWhole(line, detail),
    samples: [
      `{"httpRequest":{"requestMethod":"GET","requestUrl":"https://example.com/api","status":502,"remoteIp":"198.51.100.7","serverIp":"10.128.0.5"},"jsonPayload":{"statusDetails":"${detail}"},"resource":{"type":"http_load_balancer"},"timestamp":"2026-11-24T01:22:07.455120Z"}`,
      `statusDetails: ${detail}`,
    ],
    nearMisses: [
      '{"jsonPayload":{"statusDetails":"response_sent_by_backend"},"httpRequest":{"status":502}}',
      `${detail}_v2`,
    ],
  };
}

/**
 * A Lambda function behind the load balancer: the wizard's "API gateway or serverless
 * function" answer with a function behind it, which leads to the serverless-response page
 * (the page that names the ALB's `LambdaInvalidResponse`).
 */
const lambdaTarget = admin('api-gateway', undefined, { 'gateway-target': 'function' });

/**
 * The ALB's `error_reason` values that blame the Lambda function itself (ALB access-log
 * docs, "Error reason codes" for Lambda targets): a malformed response, an unhandled
 * exception, a response over 1 MB. `LambdaUnhandledException` is the load balancer's own
 * failure and is not one of them.
 */
const lambdaFunctionReasons = ['LambdaInvalidResponse', 'LambdaUnhandled', 'LambdaResponseTooLarge'];

export const cloudRules: readonly Rule[] = [
  {
    id: 'alb-lambda-invalid-response',
    software: 'aws-alb',
    cause: 'The Lambda target returned a response the load balancer could not use.',
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaTarget,
    source: albDocs,
    includes: ['"LambdaInvalidResponse"'],
    test: (line) => parseAlbLog(line) !== undefined,
    samples: [
      'http 2018-11-30T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - 0.000 0.001 0.000 502 - 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-" 0 2018-11-30T22:22:48.364000Z "forward" "-" "LambdaInvalidResponse" "-" "-" "-" "-"',
    ],
    nearMisses: ['"LambdaInvalidResponse" outside an access-log entry'],
  },
  {
    id: 'alb-lambda-function-error',
    software: 'aws-alb',
    cause:
      "The load balancer got no usable answer from its Lambda target: the function returned a malformed response (statusCode, statusDescription, headers or body not as the ALB expects, or multiValueHeaders when the target group has them off), threw an unhandled exception, or answered more than 1 MB. The function's log says which.",
    outcome: 'serverless-response',
    status: 502,
    implies: lambdaTarget,
    source:
      'AWS ALB user guide: access-log error_reason codes for Lambda targets (LambdaInvalidResponse, LambdaUnhandled, LambdaResponseTooLarge) and lambda-functions.html (the response fields statusCode, statusDescription, isBase64Encoded, headers)',
    includes: [],
    anyOf: [...lambdaFunctionReasons, 'statusDescription'],
    // An error reason retold as a word, or the response field named beside the ALB.
    test: (line) =>
      includesAnyWord(line, lambdaFunctionReasons) ||
      (line.includes('statusDescription') &&
        includesAnyWord(line, ['ALB', 'Application Load Balancer', 'load balancer'])),
    samples: [
      'error_reason: LambdaInvalidResponse',
      'The target group metric LambdaUserError rises and the access log says LambdaUnhandled.',
      'The statusDescription header must contain the status code and reason phrase, separated by a single space -- ALB returning 502 from Lambda',
    ],
    nearMisses: ['LambdaUnhandledException', 'return { statusCode: 200, statusDescription: "200 OK" }'],
  },
  albRule(
    '502',
    'keepalive-mismatch',
    'closed',
    'The ALB got no usable answer from the target: usually it closed a keep-alive connection the ALB reused (target keep-alive shorter than the idle timeout).',
  ),
  albRule(
    '503',
    'no-live-upstreams',
    'no-live-upstreams',
    'The target group has no registered or healthy targets (503 from the ALB).',
  ),
  albRule(
    '504',
    'upstream-timeout',
    undefined,
    'The target did not connect within 10 s or did not answer within the idle timeout (504 from the ALB).',
  ),
  gcpRule(
    'backend_connection_closed_before_data_sent_to_client',
    'keepalive-mismatch',
    'closed',
    "The backend closed a connection the load balancer reused: its keep-alive timeout is shorter than the LB's 600 s.",
  ),
  gcpRule(
    'backend_connection_closed_after_partial_response_sent',
    'upstream-closed',
    'closed',
    'The backend closed the connection in the middle of the response.',
  ),
  gcpRule(
    'failed_to_pick_backend',
    'lb-health-checks',
    'unhealthy',
    "No healthy backend: the load balancer's health checks fail (firewall, port or path), or the NEG is empty.",
  ),
  gcpRule(
    'failed_to_connect_to_backend',
    'upstream-refused',
    'refused',
    'The load balancer could not connect to the backend (firewall for 130.211.0.0/22 and 35.191.0.0/16, or a pod gone).',
  ),
  gcpRule(
    'backend_timeout',
    'upstream-timeout',
    'timed-out',
    "The backend did not answer within the backend service's timeout (30 s by default).",
  ),
];
