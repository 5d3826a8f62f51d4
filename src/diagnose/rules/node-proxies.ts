/**
 * Errors of Node.js proxies: the development servers of front-end tool chains (Angular
 * CLI, Vue CLI, Create React App, webpack-dev-server, Vite), which forward API calls to a
 * backend with http-proxy-middleware or node-http-proxy, and any Node process that proxies
 * with `http.request`. They name the failure by Node's error code:
 *
 * - http-proxy-middleware, before 3.0 (`lib/index.js`, `logError`):
 *   `[HPM] Error occurred while trying to proxy request %s from %s to %s (%s) (%s)`, the
 *   fourth value being `err.code`; from 3.0 (`src/plugins/default/logger-plugin.ts`):
 *   `[HPM] Error occurred while proxying request %s to %s [%s] (%s)`. Both end with the link
 *   `https://nodejs.org/api/errors.html#errors_common_system_errors`.
 * - Create React App (`react-dev-utils/WebpackDevServerUtils.js`, `onProxyError`):
 *   `Proxy error: Could not proxy request … from … to ….` then
 *   `See https://nodejs.org/api/errors.html#errors_common_system_errors for more information (CODE).`
 * - Node itself (`lib/internal/errors.js`, `exceptionWithHostPort` and `dnsException`):
 *   `<syscall> <CODE> <address>:<port>`, e.g. `connect ECONNREFUSED 127.0.0.1:3000`,
 *   `getaddrinfo ENOTFOUND backend`, `read ECONNRESET`; `socket hang up` when the server
 *   closes before answering (`lib/_http_client.js`); `Parse Error: …` with code
 *   `HPE_INVALID_*` for a response that is not HTTP. Each was reproduced with Node 24's
 *   `http.get` against a closed port, an unknown name, a server that closes or resets the
 *   connection, and one that answers `garbage`.
 *
 * http-proxy-middleware answers 504 for ECONNREFUSED, ECONNRESET, ENOTFOUND and ETIMEDOUT,
 * and 502 for HPE_INVALID_* (`src/status-code.ts`).
 *
 * A bare error code is only taken beside one of those proxies' words, since any Node client
 * prints the same codes; Node's own `<syscall> <CODE>` forms are taken alone, unless the line
 * names a database, cache or queue (`errno.ts`, `namesOtherService`). A bare code elsewhere is
 * left to `errno.ts`.
 */
import { includesAny, includesAnyWord } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { namesOtherService } from './errno.ts';

/** Words of the Node proxies' error messages around the code (see the file comment). */
const proxyContext = [
  '[HPM]',
  'errors_common_system_errors',
  'errors_co mmon_system_errors',
  'roxy error',
  'Could not proxy request',
  'proxying request',
  'proxy request',
  'Failed to proxy',
];

const hpmSource =
  'http-proxy-middleware lib/index.js logError (before 3.0), src/plugins/default/logger-plugin.ts (3.0+); react-dev-utils/WebpackDevServerUtils.js onProxyError; Node lib/internal/errors.js';

interface NodeCodeSpec {
  readonly id: string;
  readonly cause: string;
  readonly outcome: OutcomeId;
  /** The `log` answer the code implies (the proxy is none of the wizard's, so `not-sure`). */
  readonly log?: string;
  /** Error codes, matched as whole words beside a proxy's words. */
  readonly codes: readonly string[];
  /** Node's own messages with the code, taken without a proxy's words. */
  readonly nodeForms: readonly string[];
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
}

/**
 * A rule for one Node error code: Node's own `<syscall> <CODE>` form anywhere, or the bare
 * code beside one of {@link proxyContext}, each as whole words (`ECONNREFUSEDX` is not one).
 */
function nodeCode(spec: NodeCodeSpec): Rule {
  return {
    id: spec.id,
    software: 'node',
    cause: spec.cause,
    outcome: spec.outcome,
    implies: admin('not-sure', spec.log),
    source: hpmSource,
    includes: [],
    anyOf: [...spec.codes, ...spec.nodeForms],
    // Node's own form from an app reaching its database or cache is the app's problem, not
    // the upstream's (see errno.ts): left alone.
    test: (line) =>
      (includesAnyWord(line, spec.nodeForms) && !namesOtherService(line.toLowerCase())) ||
      (includesAnyWord(line, spec.codes) && includesAny(line, proxyContext)),
    samples: spec.samples,
    nearMisses: spec.nearMisses,
  };
}

export const nodeProxyRules: readonly Rule[] = [
  nodeCode({
    id: 'node-proxy-refused',
    cause:
      'The Node proxy (a dev server such as Angular CLI, Vue CLI, Create React App or Vite) could not connect: nothing listens on the backend address it forwards to (backend not started, wrong port, or localhost resolving to ::1 while the backend listens on 127.0.0.1).',
    outcome: 'upstream-refused',
    log: 'refused',
    codes: ['ECONNREFUSED'],
    nodeForms: ['connect ECONNREFUSED'],
    samples: [
      '[HPM] Error occurred while trying to proxy request /api/users from localhost:4200 to http://localhost:3000 (ECONNREFUSED) (https://nodejs.org/api/errors.html#errors_common_system_errors)',
      '[HPM] Error occurred while proxying request localhost:8080/api/users to http://backend:8180/ [ECONNREFUSED] (https://nodejs.org/api/errors.html#errors_common_system_errors)',
      'See https://nodejs.org/api/errors.html#errors_common_system_errors for more information (ECONNREFUSED).',
      'Error: connect ECONNREFUSED 127.0.0.1:3000',
    ],
    nearMisses: [
      'ECONNREFUSEDX',
      'Proxy error: ECONNREFUSED_MAP is not defined',
      'ECONNREFUSED',
      'Error: connect ECONNREFUSED 127.0.0.1:5432',
      'Redis connection error: connect ECONNREFUSED 10.0.0.9:6379',
    ],
  }),
  nodeCode({
    id: 'node-proxy-reset',
    cause:
      'The backend behind the Node proxy closed or reset the connection before it answered (a crash, a restart, or a backend that expects HTTPS or another protocol).',
    outcome: 'upstream-closed',
    log: 'closed',
    codes: ['ECONNRESET'],
    nodeForms: ['read ECONNRESET', 'Error: socket hang up'],
    samples: [
      '[HPM] Error occurred while trying to proxy request /api/user from localhost:4200 to https://localhost:9000 (ECONNRESET) (https://nodejs.org/api/errors.html#errors_common_system_errors)',
      'Error: read ECONNRESET',
      'Error: socket hang up',
    ],
    nearMisses: ['ECONNRESET', 'socket hang up'],
  }),
  nodeCode({
    id: 'node-proxy-connect-timeout',
    cause:
      "The Node proxy's connection to the backend timed out: no answer to the connection at all, as when a firewall drops packets or the host is down.",
    outcome: 'firewall',
    codes: [],
    nodeForms: ['connect ETIMEDOUT'],
    samples: ['Error: connect ETIMEDOUT 10.0.0.5:443'],
    nearMisses: ['ETIMEDOUT', 'connect ETIMEDOUTX'],
  }),
  nodeCode({
    // ETIMEDOUT is the errno of a connect() the kernel gave up on (no SYN-ACK came back), also
    // when the proxy logs it without "connect": the wizard's "timed out while connecting"
    // answer, as nginx's (110) while connecting. A Node proxy's read time-out aborts the
    // request instead (ECONNRESET, "socket hang up").
    id: 'node-proxy-timeout',
    cause:
      "The Node proxy's connection to the backend timed out before it was set up (ETIMEDOUT: no answer to the connection attempt): a firewall or security group drops the packets, or the address is not the backend's.",
    outcome: 'firewall',
    log: 'no-route',
    codes: ['ETIMEDOUT'],
    nodeForms: [],
    samples: [
      '[HPM] Error occurred while trying to proxy request /api/report from localhost:8080 to http://localhost:5000 (ETIMEDOUT) (https://nodejs.org/api/errors.html#errors_common_system_errors)',
    ],
    nearMisses: ['ETIMEDOUT'],
  }),
  nodeCode({
    id: 'node-proxy-read-timeout',
    cause:
      "The backend behind the Node proxy accepted the connection but did not answer in time (ESOCKETTIMEDOUT: the request library's read time-out).",
    outcome: 'upstream-timeout',
    log: 'timed-out',
    codes: ['ESOCKETTIMEDOUT'],
    nodeForms: [],
    samples: [
      '[HPM] Error occurred while trying to proxy request /api/report from localhost:8080 to http://localhost:5000 (ESOCKETTIMEDOUT) (https://nodejs.org/api/errors.html#errors_common_system_errors)',
    ],
    nearMisses: ['ESOCKETTIMEDOUT'],
  }),
  nodeCode({
    id: 'node-proxy-not-resolved',
    cause:
      "The Node proxy could not resolve the backend's host name (ENOTFOUND: no such name; EAI_AGAIN: the DNS server did not answer). In Docker Compose, the name must be a service on the same network.",
    outcome: 'proxy-cannot-resolve',
    log: 'not-resolved',
    codes: ['ENOTFOUND', 'EAI_AGAIN'],
    nodeForms: ['getaddrinfo ENOTFOUND', 'getaddrinfo EAI_AGAIN'],
    samples: [
      'Error: getaddrinfo ENOTFOUND backend',
      '[HPM] Error occurred while proxying request localhost:8080/api to http://api:3000/ [ENOTFOUND] (https://nodejs.org/api/errors.html#errors_common_system_errors)',
    ],
    nearMisses: ['ENOTFOUND', 'getaddrinfo'],
  }),
  nodeCode({
    id: 'node-proxy-no-route',
    cause:
      'The Node proxy has no route to the backend host (EHOSTUNREACH or ENETUNREACH): a firewall rejects it, or the host is down.',
    outcome: 'firewall',
    log: 'no-route',
    codes: ['EHOSTUNREACH', 'ENETUNREACH'],
    nodeForms: ['connect EHOSTUNREACH', 'connect ENETUNREACH'],
    samples: ['Error: connect EHOSTUNREACH 192.168.1.20:8080'],
    nearMisses: ['EHOSTUNREACH'],
  }),
  nodeCode({
    id: 'node-proxy-invalid-response',
    cause:
      "The backend's answer to the Node proxy was not valid HTTP (Parse Error, HPE_INVALID_*): a TLS port spoken to in plain HTTP, or a service that is not HTTP.",
    outcome: 'invalid-response',
    log: 'invalid-header',
    codes: ['HPE_INVALID_CONSTANT', 'HPE_INVALID_HEADER_TOKEN', 'HPE_INVALID_CHUNK_SIZE', 'HPE_INVALID_STATUS'],
    nodeForms: [],
    samples: [
      '[HPM] Error occurred while proxying request localhost:3000/api to https://backend:8443/ [HPE_INVALID_CONSTANT] (https://nodejs.org/api/errors.html#errors_common_system_errors)',
    ],
    nearMisses: ['HPE_INVALID_CONSTANT'],
  }),
  nodeCode({
    id: 'node-proxy-tls',
    cause:
      "The Node proxy refused the backend's TLS certificate (self-signed, expired, or for another name) or could not complete the handshake. Dev servers take secure: false to skip the check for a self-signed backend.",
    outcome: 'upstream-tls',
    log: 'tls-error',
    codes: [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'EPROTO',
    ],
    nodeForms: [],
    samples: [
      '[HPM] Error occurred while trying to proxy request /api from localhost:4200 to https://localhost:44300 (DEPTH_ZERO_SELF_SIGNED_CERT) (https://nodejs.org/api/errors.html#errors_common_system_errors)',
    ],
    nearMisses: ['DEPTH_ZERO_SELF_SIGNED_CERT'],
  }),
];

/** Gates of the Node proxy rules: every rule needs one of these words (see `index.ts`). */
export const nodeProxyGates = [
  'ECONNREFUSED',
  'ECONNRESET',
  'socket hang up',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'HPE_INVALID_',
  'SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
];
