/**
 * Kong Gateway's own answers. Kong writes a fixed message for each status it answers itself
 * (`kong/error_handlers.lua` and `kong/pdk/response.lua`,
 * table `BODIES`): `s502 = "An invalid response was received from the upstream server"`,
 * `s503 = "The upstream server is currently unavailable"`, `s504 = "The upstream server is
 * timing out"`, sent as `{"message":"…"}`, as plain text, or in an HTML page titled
 * `Kong Error`. When every target of an upstream is unhealthy or there is none, its balancer
 * answers 503 with `failure to get a peer from the ring-balancer` (`kong/runloop/balancer/init.lua`,
 * when the ring balancer reports "No peers are available" or "Balancer is unhealthy").
 *
 * The 502 message is said for any 502 Kong gives (refused, reset or garbled), so it only
 * tells who answered. Kong is an API gateway in front of HTTP services: the wizard's
 * `api-gateway` answer with an HTTP backend.
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';

/** Kong in front of an HTTP service. */
const kong = admin('api-gateway', undefined, { 'gateway-target': 'http-backend' });

/**
 * For a cause the message names: the wizard's questions below "An HTTP endpoint" (curl) do
 * not lead to the timeout or no-live-upstreams pages, so only the role is implied.
 */
const kongCause = { role: 'admin' } as const;

const kongBodies = 'Kong kong/error_handlers.lua and kong/pdk/response.lua, table BODIES (s502, s503, s504)';

export const kongRules: readonly Rule[] = [
  {
    id: 'kong-invalid-response',
    software: 'kong',
    kind: 'who-answered',
    cause:
      "Kong Gateway answered 502 with its own message: the service behind the route refused the connection, closed it or sent something that was not HTTP. Kong's error log (logs/error.log under its prefix, or the container's output) has the nginx line that names the cause.",
    outcome: 'general-checklist',
    status: 502,
    implies: kong,
    source: kongBodies,
    includes: ['n invalid response was received from the upstream server'],
    samples: [
      '{"message":"An invalid response was received from the upstream server"}',
      '<html><head><title>Kong Error</title></head><body><h1>Kong Error</h1><p>An invalid response was received from the upstream server.</p></body></html>',
    ],
    nearMisses: ['An invalid response was received from the client'],
  },
  {
    id: 'kong-unavailable',
    software: 'kong',
    kind: 'who-answered',
    cause:
      "Kong Gateway answered 503 with its own message: it had no service to pass the request to. Its error log and the upstream's health (Admin API /upstreams/<name>/health) say why.",
    outcome: 'general-checklist',
    status: 503,
    implies: kong,
    source: kongBodies,
    includes: ['he upstream server is currently unavailable'],
    samples: ['{"message":"The upstream server is currently unavailable"}'],
    nearMisses: ['The upstream server is currently updating'],
  },
  {
    id: 'kong-upstream-timeout',
    software: 'kong',
    cause:
      "Kong Gateway gave up waiting for the service behind the route and answered 504: the service took longer than the service's connect, read or write timeout (60 s each by default).",
    outcome: 'upstream-timeout',
    status: 504,
    implies: kongCause,
    source: kongBodies,
    includes: ['he upstream server is timing out'],
    samples: ['{"message":"The upstream server is timing out"}', 'The upstream server is timing out'],
    nearMisses: ['The upstream server timed out once'],
  },
  {
    id: 'kong-no-peer',
    software: 'kong',
    cause:
      "Kong Gateway's load balancer found no target to send the request to: the upstream has no targets, or its health checks mark every one unhealthy (503).",
    outcome: 'no-live-upstreams',
    status: 503,
    implies: kongCause,
    source:
      'Kong kong/runloop/balancer/init.lua (returns "failure to get a peer from the ring-balancer", 503, when the balancer has no peers or is unhealthy)',
    includes: ['failure to get a peer from the ring-balancer'],
    samples: ['{"message":"failure to get a peer from the ring-balancer"}'],
    nearMisses: ['failure to get a peer from the cache'],
  },
];

/** Gates of the Kong rules (see `index.ts`). */
export const kongGates = [
  'nvalid response was received from the upstream',
  'he upstream server is',
  'from the ring-balancer',
];
