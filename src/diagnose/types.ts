/**
 * Types of the log-line recogniser: rules (one per real message in
 * `../shared/reference/502-causes.md`), what a line yields when a rule matches, and the
 * fields read from it. Pure TypeScript: the browser and the CLI share it.
 */

/**
 * The software that prints a message. Names follow the reference's sections; `platform` is
 * a hosting platform the line does not name, `error-page` a proxy's page that does not name
 * the proxy, `socket` any program's socket error, `report` a sentence that retells a cause.
 */
export type Software =
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'caddy'
  | 'traefik'
  | 'envoy'
  | 'aws-alb'
  | 'gcp-lb'
  | 'cloudflare'
  | 'cloudflared'
  | 'gunicorn'
  | 'php-fpm'
  | 'uwsgi'
  | 'curl'
  | 'dig'
  | 'aws-cloudfront'
  | 'aws-api-gateway'
  | 'aws-lambda'
  | 'azure'
  | 'google-frontend'
  | 'platform'
  | 'firewalld'
  | 'node'
  | 'kong'
  | 'heroku'
  | 'vercel'
  | 'fly'
  | 'render'
  | 'railway'
  | 'cloud-run'
  | 'iis'
  | 'ngrok'
  | 'kubernetes'
  | 'fastly'
  | 'varnish'
  | 'selinux'
  | 'linkerd'
  | 'akamai'
  /** Any proxy that reports its error in the standard Proxy-Status header (RFC 9209). */
  | 'proxy-status'
  /** A proxy's error page that does not say which proxy wrote it (`504 Gateway Time-out`). */
  | 'error-page'
  /** A socket error in any program's words (a client library, a runtime, an app's log). */
  | 'socket'
  /** A cause told in a sentence rather than a log line. */
  | 'report';

/** Fix pages (`content/docs/fixes/<id>.mdx`) a rule can send the reader to. */
export type OutcomeId =
  | 'upstream-refused'
  | 'unix-socket-missing'
  | 'permission-denied'
  | 'upstream-closed'
  | 'upstream-timeout'
  | 'header-too-big'
  | 'invalid-response'
  | 'dns-record'
  | 'proxy-cannot-resolve'
  | 'firewall'
  | 'cdn-origin'
  | 'upstream-tls'
  | 'keepalive-mismatch'
  | 'overload'
  | 'no-live-upstreams'
  | 'container-network'
  | 'serverless-response'
  | 'request-body-limit'
  | 'lb-health-checks'
  | 'service-mesh'
  | 'general-checklist';

/** Wizard node ids (`content/wizard/tree.yaml`) a rule can answer. */
export type WizardNodeId =
  | 'role'
  | 'proxy'
  | 'cloudflare-code'
  | 'gateway-target'
  | 'log'
  | 'app-log'
  | 'runtime'
  | 'pattern'
  | 'cdn'
  | 'bypass'
  | 'status'
  | 'which'
  | 'change'
  | 'dns-check'
  | 'curl'
  | 'proxied';

/**
 * Wizard answers a rule implies: node id → answer slug. Followed from the root, an answer
 * for a node that is not named here stops the walk (see `wizard.ts`).
 */
export type ImpliedAnswers = Readonly<Partial<Record<WizardNodeId, string>>>;

/**
 * One recognisable message. A line matches when it contains every `includes` literal, at
 * least one `anyOf` literal (when given), no `excludes` literal, and `test` (when given)
 * returns true. Literals are case-sensitive substrings, so matching is linear in the line.
 */
export interface Rule {
  /** Stable id, `<software>-<cause>`, e.g. `nginx-connect-refused`; printed by the CLI. */
  readonly id: string;
  readonly software: Software;
  /** What went wrong, in one short sentence for the reader. */
  readonly cause: string;
  /** The fix page this message leads to. */
  readonly outcome: OutcomeId;
  /** HTTP status the client receives for this failure, when the reference states it. */
  readonly status?: number;
  readonly implies: ImpliedAnswers;
  /** Where the message text comes from: source file and line, doc page or issue. */
  readonly source: string;
  readonly includes: readonly string[];
  readonly anyOf?: readonly string[];
  readonly excludes?: readonly string[];
  /** A further check on a line that has all the literals. Must be linear in the line. */
  readonly test?: (line: string) => boolean;
  /**
   * `who-answered` when the line names the software that answered with the error (an
   * error page, a response header) but not why: `cause` then says what that tells and
   * where to look next, and `implies` answers the wizard's "who answered" question.
   * Absent for a line that names a cause.
   */
  readonly kind?: 'who-answered';
  /** Real lines (from the reference or the fix pages) that must match this rule. */
  readonly samples: readonly string[];
  /** Lines that look alike but must not match this rule. */
  readonly nearMisses: readonly string[];
}

/** Log formats recognised from the first characters of a line (see `formats/sniff.ts`). */
export type LineFormat = 'nginx' | 'apache';

/**
 * Rules of one software, tried in order, behind a cheap gate: a line that contains none of
 * the `gates` literals cannot match any of the rules (every rule requires a literal that
 * contains a gate; a unit test checks this), so the rules are skipped.
 */
export interface RuleGroup {
  readonly name: string;
  /** When set, a line of a known format is only tried against groups of that format. */
  readonly format?: LineFormat;
  readonly gates: readonly string[];
  readonly rules: readonly Rule[];
}

/**
 * Fields read from a recognised line. Each is the text as written in the log (never
 * interpreted as HTML), or absent when the line does not carry it.
 */
export interface Fields {
  /** When the software wrote the line, in its own format (e.g. `2026/11/24 01:22:04`). */
  timestamp?: string;
  /** The upstream as the log names it: URL, `host:port`, socket or pool name. */
  upstream?: string;
  /** Host part of the upstream address (IPv4, IPv6 without brackets, or a name). */
  upstreamHost?: string;
  /** Port of the upstream address, as digits. */
  upstreamPort?: string;
  /** Path of the upstream unix socket. */
  socket?: string;
  /** The client address the log names (with its port when the log gives one). */
  client?: string;
  /** The virtual host (nginx `server:`) or the request's Host header. */
  server?: string;
  /** The request line or URL, e.g. `GET /refused HTTP/1.1`. */
  request?: string;
}

/** A recognised line: where it is, which rule matched and what it says. */
export interface Finding {
  /** 1-based line number in the text given to `diagnose()`. */
  readonly line: number;
  readonly rule: Rule;
  readonly outcome: OutcomeId;
  readonly fields: Fields;
}
