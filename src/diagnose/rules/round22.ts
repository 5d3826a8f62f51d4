/**
 * Round 22: messages that batch 22's misses quote, each written from the software's own source
 * or documents:
 *
 * - the status text AWS's Classic Load Balancer sends with its 503 ("Service Unavailable:
 *   Back-end server is at capacity");
 * - Go's httputil.ReverseProxy when the upstream's body stopped short, and .NET's HttpClient
 *   when the TLS handshake with the upstream failed;
 * - the h2o server's proxy errors ("I/O error (head)", "socket closed by peer");
 * - Netlify's answer when a function's result is not a response it can decode.
 *
 * Every test lower-cases the line once and makes substring checks, so matching stays linear
 * in the line.
 */
import { includesAny } from '../match.ts';
import type { Rule } from '../types.ts';
import { described, gatesOf, whoAnswered } from './vendor.ts';
import { gatesOfRules } from './words.ts';

/** The Classic Load Balancer's 503 status text, and its wording without the hyphen, lower case. */
const elbCapacity = ['back-end server is at capacity', 'backend server is at capacity', 'backend server at capacity'];

const whoRules: readonly Rule[] = [
  whoAnswered({
    id: 'aws-classic-elb-capacity',
    software: 'aws-alb',
    proxy: 'cloud-lb',
    what: 'AWS\'s Classic Load Balancer answered 503 with "Back-end server is at capacity": it had no healthy registered instance in the zone the request reached, or its surge queue was full because the instances answered too slowly. Check HealthyHostCount and SurgeQueueLength in CloudWatch, and the instances\' health-check page.',
    source:
      'repost.aws/knowledge-center/503-error-classic (a Classic Load Balancer\'s 503: no registered or healthy instances in a zone, or instances that cannot take the load) and knowledge-center/elb-capacity-troubleshooting (SurgeQueueLength, SpilloverCount); the status text as the load balancer sends it, recorded in serverfault.com/questions/556621 ("HTTP/1.1 503 Service Unavailable: Back-end server is at capacity")',
    gates: gatesOf(...elbCapacity),
    test: (lower) => includesAny(lower, elbCapacity),
    samples: [
      'HTTP/1.1 503 Service Unavailable: Back-end server is at capacity',
      'Failed to load resource: the server responded with a status of 503 (Service Unavailable: Back-end server is at capacity)',
    ],
    nearMisses: ['The back-end server is at 80 % capacity'],
  }),
];

/** Go's httputil.ReverseProxy read errors that mean the upstream's body stopped, lower case. */
const bodyCutShort = ['unexpected eof', 'connection reset by peer', 'use of closed network connection'];

/** h2o's proxy errors before the response head (lib/common/http1client.c), lower case. */
const h2oHeadErrors = ['i/o error (head)'];

const causeRules: readonly Rule[] = [
  described({
    id: 'go-reverseproxy-body-cut',
    software: 'report',
    outcome: 'upstream-closed',
    cause:
      "A Go reverse proxy (httputil.ReverseProxy, inside Traefik's and many small Go gateways) was copying the upstream's response body when the upstream stopped sending it: it closed or reset the connection mid-response, often a crash, a restart or an idle time-out of its own. The upstream's log at that moment says why.",
    source:
      'golang/go src/net/http/httputil/reverseproxy.go (copyBuffer: "httputil: ReverseProxy read error during body copy: %v", logged for any read error but io.EOF and context.Canceled)',
    gates: gatesOf('read error during body copy'),
    test: (lower) => lower.includes('reverseproxy read error during body copy') && includesAny(lower, bodyCutShort),
    samples: [
      '2018/12/19 09:16:54 reverseproxy.go:395: httputil: ReverseProxy read error during body copy: unexpected EOF',
    ],
    nearMisses: ['httputil: ReverseProxy read error during body copy: context deadline exceeded'],
  }),
  described({
    id: 'dotnet-ssl-connection-failed',
    software: 'socket',
    outcome: 'upstream-tls',
    cause:
      '.NET\'s HttpClient (inside YARP, Ocelot and most .NET gateways) could not finish the TLS handshake with the upstream ("The SSL connection could not be established"): the inner exception names why, most often a certificate the proxy does not trust or whose name does not match, or no TLS version both sides allow.',
    source:
      'dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (net_http_ssl_connection_failed "The SSL connection could not be established, see inner exception.")',
    gates: [...gatesOf('ssl connection could not be established'), 'SSL connection could not be established'],
    test: (lower) => lower.includes('the ssl connection could not be established'),
    samples: [
      'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.',
    ],
    nearMisses: ['The SSL connection was established in 12 ms'],
  }),
  described({
    id: 'h2o-proxy-closed',
    software: 'report',
    outcome: 'upstream-closed',
    cause:
      'The h2o server, proxying the request, lost the connection to the upstream before it read the response head ("I/O error (head)", "socket closed by peer"), and answered 502: the upstream closed or reset the connection, often a crash, a restart, or a keep-alive connection the upstream had already closed.',
    source:
      'h2o/h2o lib/common/http1client.c (on_head: on_error_before_head(client, "I/O error (head)")), lib/core/proxy.c (logs the client\'s error as "[lib/core/proxy.c] in request:%s:%s"), lib/common/socket.c (h2o_socket_error_closed "socket closed by peer")',
    gates: gatesOf('i/o error (head)', '[lib/core/proxy.c]'),
    test: (lower) =>
      includesAny(lower, h2oHeadErrors) ||
      (lower.includes('[lib/core/proxy.c]') && lower.includes('socket closed by peer')),
    samples: [
      '[lib/core/proxy.c] in request:/text.txt:I/O error (head)',
      '2020-12-24T06:33:10.8293660Z [lib/core/proxy.c] in request:/:socket closed by peer',
    ],
    nearMisses: ['[lib/core/proxy.c] in request:/:connection timeout', 'I/O error (body)'],
  }),
  described({
    id: 'netlify-lambda-response-undecoded',
    software: 'platform',
    outcome: 'serverless-response',
    cause:
      'Netlify answered 502 because the function returned something it could not read as a response ("error decoding lambda response"): the function crashed or timed out before returning, or returned no statusCode or a body that is not a string. The function\'s log in the Netlify UI, at that time, names the error.',
    source:
      'Netlify\'s functions gateway, which answers 502 with this text; not in Netlify\'s documents, so the rule reads the text as recorded in public repositories (netlify threads quoting "error decoding lambda response: unexpected end of JSON input" and "… invalid status code returned from lambda: 0")',
    // Only the role, as for Vercel's function errors (platforms.ts): the wizard's platform
    // answer does not lead to the serverless fix page, which it reaches from the API
    // gateway's "gateway-target" question.
    implies: { role: 'admin' },
    gates: gatesOf('error decoding lambda response'),
    test: (lower) => lower.includes('error decoding lambda response'),
    samples: [
      'error decoding lambda response: error decoding lambda response: unexpected end of JSON input',
      'Error decoding lambda response',
    ],
    nearMisses: ['error decoding the response of the API'],
  }),
];

/** Round 22's who-answered rules, tried with the other who-answered forms. */
export const round22WhoRules: readonly Rule[] = whoRules;
export const round22WhoGates: readonly string[] = gatesOfRules(whoRules);
/** Round 22's cause rules, tried with the vendors' causes. */
export const round22CauseRules: readonly Rule[] = causeRules;
export const round22CauseGates: readonly string[] = gatesOfRules(causeRules);
