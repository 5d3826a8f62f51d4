/**
 * Every rule, grouped by software behind cheap gates, in the order the recogniser tries
 * them: the first rule a line matches wins. Software whose messages overlap is ordered
 * from the most specific wording to the most generic (Traefik and cloudflared before the
 * bare Go errors of Caddy).
 */
import { scoredRules } from './scored.ts';
import type { Rule, RuleGroup } from '../types.ts';
import { minimalGates } from './words.ts';
import { apacheRules } from './apache.ts';
import { apacheResponseRules } from './apache-response.ts';
import { appServerRules } from './app-servers.ts';
import { caddyRules } from './caddy.ts';
import { cloudRules } from './cloud.ts';
import { cloudflaredRules, cloudflareEdgeRules } from './cloudflare.ts';
import { curlRules } from './curl.ts';
import { digRules } from './dig.ts';
import { codeGates, codeRules } from './codes.ts';
import {
  apacheFamilyRules,
  familyCauseGates,
  familyCauseRules,
  familyLateCauseRules,
  familyWhoGates,
  familyWhoRules,
  nginxAjpRule,
} from './families.ts';
import { envoyPageRule, envoyRetoldGates, envoyRetoldRules, envoyRules } from './envoy.ts';
import { errnoGates, errnoRules } from './errno.ts';
import { haproxyNoServerRetold, haproxyRetoldRules, haproxyRules } from './haproxy.ts';
import { kongGates, kongRules } from './kong.ts';
import { nginxConnectRules, nginxResolverRules, nginxSendRules } from './nginx.ts';
import { nginxFragmentRules } from './fragments.ts';
import { nodeProxyGates, nodeProxyRules } from './node-proxies.ts';
import { namedProxyGates, platformHeaderGates, whoAnsweredRules } from './pages.ts';
import { gatewayTimeoutPageRule, platformRules } from './platforms.ts';
import { proseGates, proseRules } from './prose.ts';
import {
  apacheAjpRule,
  gatewayTimeoutStatusRule,
  retoldGates,
  retoldRules,
  retoldWhoGates,
  retoldWhoRules,
  staleAddressRule,
} from './retold.ts';
import { nginxTlsRules } from './nginx-tls.ts';
import {
  haproxyLayer7Rule,
  round10CauseGates,
  round10CauseRules,
  round10CloudflareGates,
  round10CloudflareRules,
  round10LateGates,
  round10LateRules,
} from './round10.ts';
import { nginxResponseRules } from './nginx-response.ts';
import { round14CauseGates, round14CauseRules, round14WhoGates, round14WhoRules } from './round14.ts';
import { round16CauseGates, round16CauseRules } from './round16.ts';
import { round17CauseGates, round17CauseRules } from './round17.ts';
import { round18CauseGates, round18CauseRules, round18WhoGates, round18WhoRules } from './round18.ts';
import {
  round21ApacheRules,
  round21CauseGates,
  round21CauseRules,
  round21WhoGates,
  round21WhoRules,
} from './round21.ts';
import { round22CauseGates, round22CauseRules, round22WhoGates, round22WhoRules } from './round22.ts';
import { round23CauseGates, round23CauseRules } from './round23.ts';
import { round24ApacheRules, round24CauseGates, round24CauseRules } from './round24.ts';
import { traefikRules } from './traefik.ts';
import {
  vendorCauseGates,
  vendorCauseRules,
  vendorEdgeGates,
  vendorEdgeRules,
  vendorLateCauseGates,
  vendorLateCauseRules,
  meshFlagRule,
  vendorWhoGates,
  vendorWhoRules,
} from './vendor.ts';

/**
 * Rule groups in matching order; a unit test checks that each gate covers its rules. The
 * nginx groups follow its phases and never overlap, so the most frequent come first.
 */
const declaredGroups: readonly RuleGroup[] = [
  {
    name: 'nginx-connect',
    format: 'nginx',
    gates: ['while connecting to upstream', 'no live upstreams', 'No live upstreams', 'temporarily disabled'],
    rules: nginxConnectRules,
  },
  {
    name: 'nginx-response',
    format: 'nginx',
    gates: ['upstream sent', 'Upstream sent', 'prematurely closed', 'from upstream', 'no port in upstream'],
    rules: [...nginxResponseRules, nginxAjpRule],
  },
  { name: 'nginx-tls', format: 'nginx', gates: ['SSL'], rules: nginxTlsRules },
  { name: 'nginx-send', format: 'nginx', gates: ['while sending request to upstream'], rules: nginxSendRules },
  {
    name: 'nginx-resolver',
    format: 'nginx',
    gates: ['resolv', 'host not found in upstream'],
    rules: nginxResolverRules,
  },
  // Stale upstream addresses retold: before nginx's retold fragments take the "Connection
  // refused" such a sentence also tells.
  { name: 'stale-address', gates: staleAddressRule.anyOf ?? [], rules: [staleAddressRule] },
  {
    name: 'nginx-fragments',
    gates: [
      'connect() ',
      'worker_connections are not enough',
      '(2: ',
      '(113: ',
      '(101: ',
      '(104: ',
      '(SSL: error:',
      '(110: ',
      'onnection refused',
      'ONNECTION REFUSED',
      'onnection Refused',
      '111:',
      'ost is unreachable',
      'o route to host',
      'OST IS UNREACHABLE',
      'O ROUTE TO HOST',
      'pstream timed out',
      'pstream Timed Out',
      'PSTREAM TIMED OUT',
      'onnecting to',
      'onnecting To',
      'ONNECTING TO',
      'rematurely closed',
      'rematurely Closed',
      'REMATURELY CLOSED',
    ],
    rules: nginxFragmentRules,
  },
  {
    name: 'apache',
    format: 'apache',
    gates: [
      'connect',
      'remote server',
      'DNS lookup',
      'request',
      'FastCGI',
      'protocol handler',
      'returned by',
      'interim',
      'roxy',
      'keepalives',
      'ajp_ilink_receive',
      '(70007)',
      'mod_fcgid',
      'AH00952',
      'AH02454',
      '(70014)',
      'SSL Handshake with remote',
      'jk_connect.c',
      'jk_ajp_common.c',
      'Tomcat is probably not started',
    ],
    // Round 9's APR time-out, mod_fastcgi and mod_fcgid messages before the AJP rule, which
    // reads a timed-out AJP read as a closed connection.
    rules: [
      ...round24ApacheRules,
      ...apacheRules,
      ...apacheResponseRules,
      ...apacheFamilyRules,
      apacheAjpRule,
      ...round21ApacheRules,
    ],
  },
  {
    name: 'haproxy',
    gates: ['] ', 'no server available', ' is DOWN', 'invalid response'],
    rules: [haproxyLayer7Rule, ...haproxyRules],
  },
  {
    name: 'haproxy-retold',
    gates: [
      'SC--',
      'sC--',
      'SH--',
      'sH--',
      'PH--',
      'sQ--',
      'PC--',
      'NOSRV',
      'o server available',
      'o Server Available',
      'O SERVER AVAILABLE',
    ],
    rules: [...haproxyRetoldRules, haproxyNoServerRetold],
  },
  {
    name: 'envoy',
    // Envoy's flags beside an Istio sidecar's marks (round 8) first: before the flags alone.
    gates: [
      '] "',
      'reason: ',
      'delayed_connect_error',
      'upstream',
      'Upstream',
      'UPSTREAM',
      ...(meshFlagRule.anyOf ?? []),
    ],
    rules: [meshFlagRule, ...envoyRules, envoyPageRule],
  },
  {
    name: 'envoy-retold',
    gates: envoyRetoldGates,
    rules: envoyRetoldRules,
  },
  {
    name: 'cloudflared',
    // Round 10's Cloudflare 1xxx codes join the tunnel client's group: their gates are code
    // phrases, while the 5xx pages' group opens on any "52".
    gates: [
      ...new Set([
        'Unable to reach the origin service',
        'responding to traffic from cloudflared',
        ...round10CloudflareGates,
      ]),
    ],
    rules: [...cloudflaredRules, ...round10CloudflareRules],
  },
  { name: 'traefik', gates: ['available server', 'dial tcp ', 'caused by: ', 'tls: ', 'x509: '], rules: traefikRules },
  { name: 'cloud', gates: [' - ', 'Lambda', 'awselb/', 'backend', 'statusDescription'], rules: cloudRules },
  {
    name: 'cloudflare',
    gates: [
      '52',
      '530',
      'data-translate',
      'origin service',
      'Web server is',
      'web server is not returning',
      'Cloudflare is unable',
      'unknown connection issue between',
      'timed out responding to this request',
      'did not receive a timely HTTP response',
    ],
    rules: cloudflareEdgeRules,
  },
  {
    name: 'caddy',
    gates: [
      'upstream',
      'dial tcp',
      'dial unix ',
      'timeout awaiting',
      'server closed idle',
      'connection reset',
      '"EOF"',
      'unreachable backend',
      'aborting with incomplete response',
    ],
    rules: caddyRules,
  },
  {
    name: 'app-servers',
    gates: [
      'WORKER',
      'Worker',
      'max_children',
      'seems busy',
      'timed out (',
      'exited on signal',
      'bind listening',
      'listen queue',
      'request block',
    ],
    rules: appServerRules,
  },
  {
    name: 'curl',
    gates: [
      'curl: (',
      'Curl: (',
      'was not closed cleanly: ',
      'SSL certificate problem: ',
      'Failed to connect to ',
      'connect to ',
      'Empty reply from server',
    ],
    rules: curlRules,
  },
  { name: 'node-proxy', gates: nodeProxyGates, rules: nodeProxyRules },
  { name: 'kong', gates: kongGates, rules: kongRules },
  // Vendors' descriptions of an error, IIS's WinHTTP codes, HAProxy's unresolvable server
  // (round 8): before the platform and code rules, whose 502.3 reads as a time-out.
  // The CDN or load balancer named as unable to connect (who answered) comes after them, still
  // before the retold causes, which read "can't connect" as a refused upstream. One group, as
  // the format-free gate index reads at most 31 groups in one pass (gate-index.ts).
  {
    name: 'vendor-causes',
    gates: [
      ...new Set([
        ...vendorCauseGates,
        ...vendorEdgeGates,
        ...familyCauseGates,
        ...round10CauseGates,
        ...round14CauseGates,
        ...round16CauseGates,
        ...round17CauseGates,
        ...round21CauseGates,
        ...round22CauseGates,
        ...round23CauseGates,
        ...round24CauseGates,
      ]),
    ],
    rules: [
      ...vendorCauseRules,
      ...vendorEdgeRules,
      ...familyCauseRules,
      ...round10CauseRules,
      ...round14CauseRules,
      ...round16CauseRules,
      ...round17CauseRules,
      ...round21CauseRules,
      ...round22CauseRules,
      ...round23CauseRules,
      ...round24CauseRules,
    ],
  },
  {
    name: 'platforms',
    gates: [
      'nternal server error',
      'nternal Server Error',
      'INTERNAL SERVER ERROR',
      'Lambda',
      'Endpoint request timed out',
      'timeout error',
      'Task timed out',
      'Runtime',
      'FUNCTION',
      'MIDDLEWARE',
      'HOSTNAME',
      'statusCode',
      'Serverless Function has',
      'Edge Function has timed out',
      'refused connection',
      'code=H1',
      'Error H1',
      'H12',
      'H13',
      'good candidate within',
      'instance to route to',
      'expected address',
      'maximum request timeout',
      'No server is available',
      "didn't respond in time",
      '504 Gateway Time',
      'CloudFront',
      'Target.',
      'Health checks failed',
      'Request timed out',
      'UNHEALTHY',
      'no healthy servers',
      'Health check for server',
      'health_check_failure_event',
      'eject_unhealthy_event',
      'REJECT: ',
      '_DROP: IN=',
      'Application failed to respond',
      'application failed to respond',
      'APPLICATION FAILED TO RESPOND',
      'onnection closed without response',
      'ONNECTION CLOSED WITHOUT RESPONSE',
      'o open ports detected',
      'o open HTTP ports detected',
    ],
    rules: platformRules,
  },
  // Platform and server codes: causes, so before the sentences that only name who answered.
  { name: 'codes', gates: codeGates, rules: codeRules },
  { name: 'prose', gates: proseGates, rules: proseRules },
  // Causes retold beside a proxy's or product's name (round 7): before the who-answered
  // sentences, so a sentence that names a proxy and a cause leads with the cause.
  { name: 'retold', gates: retoldGates, rules: retoldRules },
  { name: 'dig', gates: ['NXDOMAIN', 'SERVFAIL', 'REFUSED', 'no servers could be reached'], rules: digRules },
  // Round 9's causes told beside a product's name first (after every product's own rule, before
  // the sentences that only name who answered), then round 8's firewall sentence and
  // who-answered forms (one group with round 7's, as the gate index reads at most 31 groups in
  // one pass).
  {
    name: 'who-answered-more',
    gates: [
      ...new Set([
        ...round10LateGates,
        ...familyWhoGates,
        ...vendorLateCauseGates,
        ...vendorWhoGates,
        ...retoldWhoGates,
      ]),
    ],
    rules: [
      ...familyLateCauseRules,
      ...round10LateRules,
      ...familyWhoRules,
      ...vendorLateCauseRules,
      ...vendorWhoRules,
      ...retoldWhoRules,
    ],
  },
  {
    name: 'who-answered',
    gates: [
      'nginx',
      'openresty',
      'Proxy Error',
      'The proxy server received',
      'Server at',
      'The server returned an invalid',
      'erver:',
      'ERVER:',
      'awselb/',
      'Microsoft-Azure',
      'Web server received an invalid response',
      'Error 502 (Server Error)',
      'zure-',
      'Ref:',
      'REF:',
      'cloudfront',
      'CloudFront',
      'could not be satisfied',
      'temporary error',
      'ia:',
      'IA:',
      'ay:',
      'AY:',
      'Cloudflare Ray ID',
      'Ray ID: ',
      'Error code 50',
      'NGINX',
      'Nginx',
      'onnection refused',
      'onnection Refused',
      'ONNECTION REFUSED',
      'OPENRESTY',
      'Openresty',
      'apache',
      'Apache',
      'APACHE',
      'httpd',
      'HTTPD',
      'Httpd',
      'haproxy',
      'HAPROXY',
      'Haproxy',
      'HAProxy',
      'OpenResty',
      'caddy',
      'Caddy',
      'CADDY',
      'traefik',
      'Traefik',
      'TRAEFIK',
      'The web server reported',
      'with your deployment',
      'herokucdn.com/error-pages/',
      'pplication error',
      'pplication Error',
      'Flare</title>',
      'flare</title>',
      'amz',
      'Amz',
      'AMZ',
      ...namedProxyGates,
      ...platformHeaderGates,
      ...round14WhoGates,
      ...round18WhoGates,
      ...round21WhoGates,
      ...round22WhoGates,
    ],
    rules: [...whoAnsweredRules, ...round14WhoRules, ...round18WhoRules, ...round21WhoRules, ...round22WhoRules],
  },
  // A bare 504 page or status, once no rule above has named the proxy or the cause.
  {
    name: 'gateway-timeout-status',
    gates: gatewayTimeoutStatusRule.anyOf ?? [],
    rules: [gatewayTimeoutPageRule, gatewayTimeoutStatusRule],
  },
  // Socket errors in any program's words: the most generic wordings come last, so every
  // proxy's own message is explained by its own rule first.
  // Go's certificate errors (round 18) after errno.ts's TLS rules, which read the handshake's
  // wording around them.
  { name: 'errno', gates: [...errnoGates, ...round18CauseGates], rules: [...errnoRules, ...round18CauseRules] },
];

/**
 * Rule groups in matching order (a unit test checks that each gate covers its rules), each
 * group's gates without the literals another of its gates already covers (`minimalGates`).
 */
export const ruleGroups: readonly RuleGroup[] = declaredGroups.map((group) => ({
  ...group,
  gates: minimalGates(group.gates),
}));

/** All rules, in matching order: the groups' rules, then the scored last resort's (`scored.ts`). */
export const rules: readonly Rule[] = [...ruleGroups.flatMap((group) => group.rules), ...scoredRules];
