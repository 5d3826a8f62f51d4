/**
 * Socket errors in the words of any program: the text of the errno a connection failed
 * with, as the C libraries, Windows and the language runtimes spell it, without the proxy's
 * own words around it. Readers paste these from a tunnel agent, a dev server, a client
 * library or a sentence that retells them; the proxies' full messages are matched by their
 * own rules first, and these come last.
 *
 * Wording, per errno (each family is matched in lower case, as whole words):
 *
 * - ECONNREFUSED: glibc, musl and macOS `Connection refused`; Windows WSAECONNREFUSED (10061)
 *   `No connection could be made because the target machine actively refused it.` and, in
 *   newer Windows builds as Go's `connectex:` quotes it, `A connection cannot be established
 *   as the destination computer expressly denied that connection`; Node's and Ruby's errno
 *   name `ECONNREFUSED` (`Errno::ECONNREFUSED`, `AggregateError [ECONNREFUSED]`); Python's
 *   `ConnectionRefusedError`.
 * - ECONNRESET and a close before the response: `Connection reset by peer`; Windows
 *   WSAECONNRESET (10054) `An existing connection was forcibly closed by the remote host`;
 *   `ECONNRESET`, `ConnectionResetError`; Python's http.client
 *   `RemoteDisconnected('Remote end closed connection without response')`, httpx's
 *   `Server disconnected without sending a response.`, aiohttp's `ServerDisconnectedError`,
 *   mitmproxy's `HttpReadDisconnect`.
 * - ETIMEDOUT on connect: glibc `Connection timed out`; Windows WSAETIMEDOUT (10060)
 *   `… did not properly respond after a period of time …`; urllib3's `ConnectTimeoutError`.
 *   A read that timed out: urllib3's and Java's `Read timed out`, `ReadTimeout`.
 * - EHOSTUNREACH / ENETUNREACH: glibc `No route to host`, musl `Host is unreachable`,
 *   `Network is unreachable`; Windows WSAEHOSTUNREACH (10065) `A socket operation was
 *   attempted to an unreachable host.`
 * - Name resolution: glibc getaddrinfo `Name or service not known`,
 *   `Temporary failure in name resolution`; macOS `nodename nor servname provided`; Windows
 *   WSAHOST_NOT_FOUND (11001) `No such host is known` and Python's `getaddrinfo failed`;
 *   Node's `ENOTFOUND` / `EAI_AGAIN`; urllib3 2's `NameResolutionError`; Java's
 *   `UnknownHostException`.
 *
 * Boundary: the same errors from an app reaching its database, cache or queue (PostgreSQL,
 * MySQL, Redis, MongoDB, RabbitMQ, Kafka, memcached, an SMTP server, the Docker daemon, by
 * name or default port) are the app's own problem, not the upstream's, so a line that names
 * one is left alone ({@link namesOtherService}).
 */
import { includesAnyWord } from '../match.ts';
import type { ImpliedAnswers, OutcomeId, Rule } from '../types.ts';
import { admin } from './answers.ts';
import { connectionRefused } from './curl.ts';
import { gatesOfRules } from './words.ts';

/**
 * Words and default ports (lower case) of services an app connects to that are not the
 * upstream of a proxy: databases and their drivers, caches, queues, mail, the Docker
 * daemon, SSH.
 */
const otherServices = [
  'sqlstate',
  'database',
  'psycopg',
  'libpq',
  'sqlalchemy',
  'jdbc',
  'postgres',
  'psql',
  'pg_',
  'mysql',
  'mariadb',
  'redis',
  'mongo',
  'amqp',
  'rabbitmq',
  'kafka',
  'memcache',
  'smtp',
  'docker daemon',
  'docker.sock',
  ':5432',
  ':3306',
  ':6379',
  ':27017',
  ':11211',
  ':5672',
  ':9092',
  'port 5432',
  'port 3306',
  'port 6379',
  'port 27017',
];

/**
 * Whether `lower` (a line in lower case) names a database, cache, queue or other service
 * that is the app's own dependency rather than a proxy's upstream (see the file comment),
 * or SSH as a whole word. Linear in the line.
 */
export function namesOtherService(lower: string): boolean {
  for (const word of otherServices) if (lower.includes(word)) return true;
  return includesAnyWord(lower, ['ssh', 'sshd']);
}

/**
 * WSAECONNREFUSED's text in Windows' own languages (de, fr, es, pt-BR and pt-PT, ru), as .NET,
 * Python (`[WinError 10061] …`) and Go (`connectex: …`) print it from FormatMessage, lower
 * case. Each checked against real output quoted in public code and logs (code search, Dec
 * 2026): "Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung
 * verweigerte", "Aucune connexion n'a pu être établie car l'ordinateur cible l'a expressément
 * refusée", "No se puede establecer una conexión ya que el equipo de destino denegó
 * expresamente dicha conexión", "Nenhuma conexão/ligação pôde ser feita porque o computador de
 * destino as recusou ativamente", "Подключение не установлено, т.к. конечный компьютер отверг
 * запрос на подключение".
 */
const windowsRefused = [
  'die verbindung verweigerte',
  'expressément refusée',
  'denegó expresamente',
  'recusou ativamente',
  'отверг запрос на подключение',
];

/** Literals that hold the translated refusals (the glibc texts of `curl.ts` and {@link windowsRefused}). */
const translatedRefusedStems = [
  'abgelehnt',
  'verweigerte',
  'refusée',
  'rehusada',
  'denegó',
  'rifiutata',
  'recusada',
  'recusou',
  'geweigerd',
  'odrzucone',
  'отказано',
  'отверг',
  '拒否',
  '拒绝连接',
  'reddedildi',
  'förvägrad',
  'odmítnuto',
];

const sources =
  'glibc and musl strerror texts (musl src/errno/__strerror.h); Windows Sockets error codes (learn.microsoft.com, windows/win32/winsock/windows-sockets-error-codes-2: WSAECONNREFUSED 10061, WSAECONNRESET 10054, WSAETIMEDOUT 10060, WSAEHOSTUNREACH 10065, WSAHOST_NOT_FOUND 11001) as Go quotes them after "connectex:"; Node lib/internal/errors.js error codes; CPython Lib/http/client.py RemoteDisconnected, urllib3 exceptions, httpx and aiohttp messages';

interface Family {
  readonly id: string;
  readonly cause: string;
  readonly outcome: OutcomeId;
  /** The `log` answer (wizard `log` node) the error implies. */
  readonly log?: string;
  /**
   * Cheap literals, one of which every phrase holds as people write it: lower case, capitalised,
   * and the upper-case errno names (they are also the group's gates; text in capitals is left
   * out to keep the gates few, as every unrecognised line is scanned for each).
   */
  readonly stems: readonly string[];
  /** The wordings, lower case, matched as whole words in the lower-cased line. */
  readonly phrases: readonly string[];
  readonly samples: readonly string[];
  readonly nearMisses: readonly string[];
  /** Literals that rule a line out (see {@link Rule.excludes}). */
  readonly excludes?: readonly string[];
  /** Answers other than "not sure who answered, the log says `log`". */
  readonly implies?: ImpliedAnswers;
  /** Where the wordings come from, when not the socket errors' {@link sources}. */
  readonly source?: string;
}

/** A rule for one errno family: any of its phrases, on a line that names no other service. */
function family(spec: Family): Rule {
  return {
    id: spec.id,
    software: 'socket',
    cause: spec.cause,
    outcome: spec.outcome,
    implies: spec.implies ?? admin('not-sure', spec.log),
    source: spec.source ?? sources,
    includes: [],
    anyOf: spec.stems,
    ...(spec.excludes === undefined ? {} : { excludes: spec.excludes }),
    test: (line) => {
      const lower = line.toLowerCase();
      return includesAnyWord(lower, spec.phrases) && !namesOtherService(lower);
    },
    samples: spec.samples,
    nearMisses: spec.nearMisses,
  };
}

export const errnoRules: readonly Rule[] = [
  family({
    id: 'socket-refused',
    cause:
      'A connection was refused: nothing listens at the address and port it was made to (a backend that is not running, a wrong port, or localhost resolving to ::1 while the backend listens on 127.0.0.1). When the line comes from the proxy or a tunnel agent, that address is its upstream.',
    outcome: 'upstream-refused',
    log: 'refused',
    stems: ['efused', 'EFUSED', 'denied that', ...translatedRefusedStems],
    phrases: [
      'connection refused',
      'econnrefused',
      'connectionrefusederror',
      'actively refused it',
      'expressly denied that connection',
      'wsaeconnrefused',
      'connectionrefused',
      ...connectionRefused.map((text) => text.toLowerCase()),
      ...windowsRefused,
      'refused the connection',
      'refused to connect',
      'err_connection_refused',
    ],
    samples: [
      'dial tcp [::1]:3000: connectex: No connection could be made because the target machine actively refused it.',
      'dial tcp [::1]:8080: connectex: A connection cannot be established as the destination computer expressly denied that connection',
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f0e5c1d3a90>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      'ConnectionRefusedError: [Errno 61] Connection refused',
      'System.Net.Sockets.SocketException (10061): Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte.',
      'dial tcp 127.0.0.1:8080: connect: Connexion refusée',
      'java.net.ConnectException: Connection refused (Connection refused)',
      'Errno::ECONNREFUSED: Failed to open TCP connection to localhost:3000 (Connection refused - connect(2) for "localhost" port 3000)',
      'AggregateError [ECONNREFUSED]:',
      'localhost refused to connect.',
      'the backend server refused the connection',
      'The dev server logs ECONNREFUSED for every /api request.',
      'CONNECTION REFUSED',
      'ConnectError("tcp connect error", Os { code: 111, kind: ConnectionRefused })',
    ],
    nearMisses: [
      'SQLSTATE[HY000] [2002] Connection refused',
      'psql: error: connection to server at "localhost" (::1), port 5432 failed: Connection refused',
      'Error: connect ECONNREFUSED 127.0.0.1:6379',
      'ssh: connect to host 10.0.0.5 port 22: Connection refused',
      'ECONNREFUSEDX',
      'the connection was not refused',
      'the bank refused the payment',
    ],
  }),
  family({
    id: 'socket-closed',
    cause:
      'The other end closed or reset the connection before it answered: the backend crashed, a worker was killed or restarted, or it closed a kept-alive connection just as it was reused.',
    outcome: 'upstream-closed',
    log: 'closed',
    stems: ['eset', 'ESET', 'losed', 'isconnect', 'hang up', 'EMPTY_RESPONSE'],
    phrases: [
      'connection reset by peer',
      'econnreset',
      'connectionreseterror',
      'wsaeconnreset',
      'forcibly closed by the remote host',
      'remote end closed connection without response',
      'remotedisconnected',
      'server disconnected without sending a response',
      'serverdisconnectederror',
      'httpreaddisconnect',
      'connectionreset',
      'server disconnected',
      'socket hang up',
      'err_empty_response',
      'connection closed before message completed',
    ],
    samples: [
      'read tcp 10.0.0.2:51234->10.0.0.7:8080: wsarecv: An existing connection was forcibly closed by the remote host.',
      'http.client.RemoteDisconnected: Remote end closed connection without response',
      'httpx.RemoteProtocolError: Server disconnected without sending a response.',
      'aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected',
      "::ffff:10.0.0.3:50112: server communication error: HttpReadDisconnect('Server disconnected')",
      'ConnectionResetError: [Errno 104] Connection reset by peer',
      'The proxy logs ECONNRESET whenever the backend restarts',
      'socket hang up',
      'net::ERR_EMPTY_RESPONSE',
      'hyper::Error(IncompleteMessage): connection closed before message completed',
      'Os { code: 104, kind: ConnectionReset, message: "Connection reset by peer" }',
    ],
    nearMisses: [
      'redis.exceptions.ConnectionError: Error while reading from socket: Connection reset by peer',
      'Connection reset counters: 0',
      'ECONNRESETS',
    ],
  }),
  family({
    id: 'socket-connect-timeout',
    cause:
      'A connection attempt got no answer at all until it timed out: a firewall or security group drops the packets, or the host is down or on another network.',
    outcome: 'firewall',
    stems: ['imed out', 'after a period of time', 'ConnectTimeout', 'WSAETIMEDOUT'],
    phrases: [
      'connection timed out',
      'did not properly respond after a period of time',
      'connecttimeouterror',
      'exceptions.connecttimeout',
      'wsaetimedout',
    ],
    samples: [
      'dial tcp 10.0.0.5:8080: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
      "urllib3.exceptions.ConnectTimeoutError: (<urllib3.connection.HTTPConnection object at 0x7f>, 'Connection to 10.0.0.5 timed out. (connect timeout=5)')",
      'OSError: [Errno 110] Connection timed out',
    ],
    nearMisses: [
      'psycopg2.OperationalError: could not connect to server: Connection timed out',
      'Read timed out.',
      'connectTimeout: 5s',
    ],
  }),
  family({
    id: 'socket-read-timeout',
    cause:
      'The connection was made but the answer did not come before the read timeout: the backend is slow (a long query, a blocked worker) or the timeout is shorter than its work.',
    outcome: 'upstream-timeout',
    log: 'timed-out',
    stems: ['ead timed out', 'ReadTimeout'],
    phrases: ['read timed out', 'exceptions.readtimeout', 'readtimeouterror', 'readtimeoutexception'],
    samples: [
      "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='api', port=8000): Read timed out. (read timeout=30)",
      'java.net.SocketTimeoutException: Read timed out',
    ],
    nearMisses: ['redis.exceptions.TimeoutError: Read timed out', 'readTimeout: 30s'],
  }),
  family({
    id: 'socket-unreachable',
    cause:
      'There is no route to the host it connects to: the host is down or on another network, or a firewall rejects the connection with an ICMP unreachable.',
    outcome: 'firewall',
    log: 'no-route',
    stems: ['o route to host', 'nreachable', 'UNREACH'],
    phrases: [
      'no route to host',
      'host is unreachable',
      'network is unreachable',
      'ehostunreach',
      'enetunreach',
      'wsaehostunreach',
      'attempted to an unreachable host',
      'attempted to an unreachable network',
    ],
    samples: [
      'dial tcp 10.0.0.5:8080: connectex: A socket operation was attempted to an unreachable host.',
      'OSError: [Errno 113] No route to host',
      'Network is unreachable',
      'The proxy logs EHOSTUNREACH for every request to the backend',
    ],
    nearMisses: ['mysqli::real_connect(): (HY000/2002): No route to host', 'the host is reachable'],
  }),
  family({
    id: 'socket-name-not-resolved',
    cause:
      "The upstream's host name could not be resolved: the name is wrong, it is not in DNS, or (in Docker Compose or Kubernetes) it names a service on another network or namespace.",
    outcome: 'proxy-cannot-resolve',
    log: 'not-resolved',
    stems: [
      'ervice not known',
      'name resolution',
      'servname',
      'such host is known',
      'getaddrinfo failed',
      'ResolutionError',
      'UnknownHost',
      'no such host',
    ],
    phrases: [
      'name or service not known',
      'temporary failure in name resolution',
      'nodename nor servname provided',
      'no such host is known',
      'getaddrinfo failed',
      'nameresolutionerror',
      'unknownhostexception',
      'no such host',
    ],
    samples: [
      'socket.gaierror: [Errno -2] Name or service not known',
      'socket.gaierror: [Errno 11001] getaddrinfo failed',
      "urllib3.exceptions.NameResolutionError: <urllib3.connection.HTTPConnection object at 0x7f>: Failed to resolve 'backend' ([Errno -3] Temporary failure in name resolution)",
      'java.net.UnknownHostException: backend',
      'lookup api.internal: no such host',
    ],
    nearMisses: [
      'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known',
      'service is known',
    ],
  }),
  family({
    id: 'tls-upstream-handshake',
    cause:
      "A TLS connection failed: the certificate is not trusted (self-signed, expired, another name, missing intermediate), or the two ends do not speak the same protocol (HTTPS sent to a plain HTTP port, or plain HTTP to an HTTPS one). When the line comes from the proxy, the upstream is the other end: trust its CA or fix the scheme in the proxy's address.",
    outcome: 'upstream-tls',
    log: 'tls-error',
    source:
      'OpenSSL error strings (certificate verify failed, wrong version number, self-signed certificate, unable to get local issuer certificate, certificate has expired, sslv3 alert handshake failure); Go crypto/tls and crypto/x509 errors (tls: handshake failure, tls: failed to verify certificate, first record does not look like a TLS handshake), net/http "server gave HTTP response to HTTPS client"; Python ssl.SSLError / requests SSLError',
    // Go's server-side "http: TLS handshake error from <client>" is a client's handshake
    // with this server, not the upstream's.
    excludes: ['handshake error from'],
    stems: ['ertificate', 'andshake', 'ersion number', 'HTTPS client', 'SSLError', 'x509', 'SSL_ERROR_SYSCALL'],
    phrases: [
      'certificate verify failed',
      'certificate_verify_failed',
      'x509: certificate',
      'tls: handshake failure',
      'tls: failed to verify certificate',
      'first record does not look like a tls handshake',
      'server gave http response to https client',
      'wrong version number',
      'wrong_version_number',
      'self signed certificate',
      'self-signed certificate',
      'unable to get local issuer certificate',
      'certificate has expired',
      'sslv3 alert handshake failure',
      'sslerror',
      'ssl_error_syscall',
    ],
    samples: [
      'tls: failed to verify certificate: x509: certificate is valid for api.internal, not backend',
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='backend', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)')))",
      'http: server gave HTTP response to HTTPS client',
      'remote error: tls: handshake failure',
    ],
    nearMisses: [
      'http: TLS handshake error from 203.0.113.7:51234: remote error: tls: unknown certificate',
      'certificate renewed for example.com',
      'psycopg2.OperationalError: SSL error: certificate verify failed',
    ],
  }),
  family({
    id: 'process-killed',
    cause:
      'The app process was killed, most often by the out-of-memory killer (OOMKilled, exit code 137, signal 9): the requests it was serving got no answer, and until it restarts nothing listens. Its memory use and limit are where to look.',
    outcome: 'upstream-closed',
    implies: admin('not-sure', 'app-server', { 'app-log': 'killed' }),
    source:
      'Kubernetes container status (Reason: OOMKilled, exit code 137 = 128 + SIGKILL); Linux mm/oom_kill.c "Out of memory: Killed process"; Go os/exec "signal: killed"; Heroku R15 "Memory quota vastly exceeded"; Cloud Run "Memory limit of N MiB exceeded with M MiB used"; gunicorn arbiter.py "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?" and "Worker with pid %s was terminated due to signal %s"; unicorn lib/unicorn/http_server.rb ("reaped #{status.inspect} worker=…", Ruby\'s Process::Status#inspect "#<Process::Status: pid N SIGKILL (signal 9)>")',
    // nginx's own worker killed ("worker process N exited on signal 9") is not the app.
    excludes: ['worker process'],
    stems: [
      'OOMKilled',
      'illed process',
      'code 137',
      'status 137',
      'signal: killed',
      'signal 9',
      'uota vastly',
      'SIGKILL',
      'xceeded with',
    ],
    phrases: [
      'oomkilled',
      'out of memory: killed process',
      'exit code 137',
      'exited with code 137',
      'exited with status 137',
      'exit status 137',
      'signal: killed',
      'exited on signal 9',
      'memory quota vastly exceeded',
      'was sent sigkill',
      'terminated due to signal 9',
      'mib exceeded with',
      // Ruby's Process::Status#inspect, as Unicorn and Puma log a reaped worker.
      'sigkill (signal 9)',
    ],
    samples: [
      'Last State: Terminated Reason: OOMKilled Exit Code: 137',
      'Out of memory: Killed process 1234 (node) total-vm:2048000kB',
      'app exited with code 137',
      'Error R15 (Memory quota vastly exceeded)',
      '[2026-12-06 10:00:00 +0000] [7] [ERROR] Worker (pid:7) was sent SIGKILL! Perhaps out of memory?',
      'Memory limit of 512 MiB exceeded with 513 MiB used. Consider increasing the memory limit.',
      'E, [2026-12-06T10:00:00.000000 #7] ERROR -- : reaped #<Process::Status: pid 42 SIGKILL (signal 9)> worker=0',
    ],
    nearMisses: [
      '2024/01/01 10:00:00 [alert] 1#1: worker process 1234 exited on signal 9',
      'exit code 1370',
      'Reason: Completed Exit Code: 0',
    ],
  }),
];

/** Gates of the errno rules: every rule needs one of its stems (see `index.ts`). */
export const errnoGates: readonly string[] = gatesOfRules(errnoRules);
