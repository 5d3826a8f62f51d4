/**
 * Traefik's proxy errors (reference §5, `pkg/proxy/httputil/proxy.go`): DEBUG level by
 * default; v2 writes `'502 Bad Gateway' caused by: <Go error>`, v3 `502 Bad Gateway` with
 * an `error=` field. Traefik is not one of the wizard's proxy answers, so its rules answer
 * "Not sure".
 */
import type { Rule } from '../types.ts';
import { admin } from './answers.ts';

const v2 = (status: string, error: string) =>
  `time="2026-11-24T01:22:07Z" level=debug msg="'${status}' caused by: ${error}"`;
const markers = [
  "' caused by: ",
  'msg="502 Bad Gateway"',
  'msg="504 Gateway Timeout"',
  '"message":"502 Bad Gateway"',
  '"message":"504 Gateway Timeout"',
];

export const traefikRules: readonly Rule[] = [
  {
    id: 'traefik-no-available-server',
    software: 'traefik',
    cause: 'The service has no healthy server left (Traefik answers 503 "no available server").',
    outcome: 'no-live-upstreams',
    status: 503,
    implies: admin('traefik', 'no-live-upstreams'),
    source: 'traefik pkg/server/service/loadbalancer/wrr/wrr.go:15 (reference §5)',
    includes: ['no available server'],
    samples: [
      'no available server',
      'time="2026-11-24T01:22:07Z" level=debug msg="Service selection failed: no available server"',
    ],
    nearMisses: ['server available'],
  },
  {
    id: 'traefik-connect-refused',
    software: 'traefik',
    cause:
      "Nothing listens at the container's or pod's port (wrong loadbalancer.server.port, or the app binds 127.0.0.1).",
    outcome: 'upstream-refused',
    status: 502,
    implies: admin('traefik', 'refused'),
    source: 'traefik v2.11 pkg/server/service/proxy.go:138 (reference §5)',
    includes: ['dial tcp ', 'connection refused'],
    anyOf: markers,
    samples: [
      v2('502 Bad Gateway', 'dial tcp 10.244.0.146:5000: connect: connection refused'),
      `'502 Bad Gateway' caused by: dial tcp 10.244.0.146:5000: connect: connection refused`,
      'time="2026-11-24T01:22:07Z" level=debug msg="502 Bad Gateway" error="dial tcp 172.18.0.3:80: connect: connection refused"',
    ],
    nearMisses: ['dial tcp 10.244.0.146:5000: connect: connection refused'],
  },
  {
    id: 'traefik-dial-timeout',
    software: 'traefik',
    cause: 'Traefik cannot reach the container, usually because it sits on another Docker network (504).',
    outcome: 'container-network',
    status: 504,
    implies: admin('traefik'),
    source: 'traefik/traefik#5040, mailcow docs PR #545 (reference §5)',
    includes: ['dial tcp ', 'i/o timeout'],
    anyOf: markers,
    samples: [v2('504 Gateway Timeout', 'dial tcp 172.27.0.2:80: i/o timeout')],
    nearMisses: ['dial tcp 172.27.0.2:80: i/o timeout'],
  },
  {
    id: 'traefik-upstream-reset',
    software: 'traefik',
    cause: 'The upstream reset the connection before answering (a crash, or a keep-alive connection it had closed).',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('traefik', 'reset'),
    source:
      'Traefik debug log "\'502 Bad Gateway\' caused by: …"; traefik/traefik#7739 (Windows WSAECONNRESET wording)',
    includes: ["'502 Bad Gateway' caused by: "],
    anyOf: ['connection reset by peer', 'forcibly closed by the remote host'],
    samples: [
      "'502 Bad Gateway' caused by: read tcp xx.xx.x.xxx:yyyyy->xx.xx.x.xxx:yyyy: wsarecv: An existing connection was forcibly closed by the remote host",
      `time="2026-11-24T01:22:07Z" level=debug msg="'502 Bad Gateway' caused by: read tcp 172.18.0.2:40112->172.18.0.3:8080: read: connection reset by peer"`,
    ],
    nearMisses: ["'502 Bad Gateway' caused by: EOF"],
  },
  {
    id: 'traefik-upstream-eof',
    software: 'traefik',
    cause: 'The backend closed the connection without answering (EOF): a crash or a keep-alive race.',
    outcome: 'upstream-closed',
    status: 502,
    implies: admin('traefik', 'closed'),
    source: 'traefik pkg/proxy/httputil/proxy.go ComputeStatusCode io.EOF (reference §5)',
    includes: ["'502 Bad Gateway' caused by: EOF"],
    samples: [v2('502 Bad Gateway', 'EOF')],
    nearMisses: [v2('502 Bad Gateway', 'unexpected EOF reading trailer')],
  },
  {
    id: 'traefik-tls-mismatch',
    software: 'traefik',
    cause:
      'The backend speaks TLS where the proxy sends plain HTTP (or the reverse), or its certificate is not trusted.',
    outcome: 'upstream-tls',
    status: 502,
    implies: admin('traefik', 'tls-error'),
    source: 'Go crypto/tls and crypto/x509 error text (reference §5)',
    includes: [],
    anyOf: ['tls: first record does not look like a TLS handshake', 'x509: certificate signed by unknown authority'],
    samples: [
      v2('502 Bad Gateway', 'tls: first record does not look like a TLS handshake'),
      v2('500 Internal Server Error', 'x509: certificate signed by unknown authority'),
    ],
    nearMisses: ['tls: handshake complete'],
  },
];
