/**
 * What a paste tells when no rule names a cause: the 5xx status code it shows, and what that
 * code says about who answered and where to look next. The paste box says this instead of a
 * bare "not recognised" (issue 21: never leave a reader with nothing when the text shows a
 * 5xx). Pure and linear in the text; the wording of each code follows RFC 9110 §15.6.
 */

/** The 5xx status codes a reader of this site meets, with their RFC 9110 reason phrases. */
export type ServerStatus = 500 | 502 | 503 | 504;

/** What {@link readStatus} found: the code, and plain-text sentences to show the reader. */
export interface StatusReading {
  readonly status: ServerStatus;
  /** The explainer page for that status code, a site path. */
  readonly href: string;
  /** Plain text (no markup), one sentence: the code the text shows, and that no line names a cause. */
  readonly headline: string;
  /** Plain text (no markup): what the code means here and the next step. */
  readonly message: string;
}

/** How much of the text is read, in UTF-16 code units: the paste box's 64 KB cap. */
const maxRead = 64 * 1024;

/**
 * A status code written with what marks it as one: a reason phrase after it, or `HTTP/x`,
 * `status`, `error`, `code`, `got`/`get`/`returns`/`sees` (with `a`/`the`) before it. Each alternative
 * is a fixed sequence with bounded gaps, so matching is linear.
 */
const numbered =
  /(?:\bHTTP(?:\/[0-9.]{1,3})?[ ]{1,3}|\b(?:status|error|code|got|get|getting|gets|returns?|returning|returned|throws?|throwing|sees?|seeing)(?:[ ]?code)?[ ]?[:=]?[ ]{0,3}(?:an?[ ]|the[ ])?["'`(]?)(50[0234])\b|\b(50[0234])[ ]?(?:-[ ]?)?(?:bad[ -]gateway|gateway[ -]time-?out|service[ -]unavailable|internal[ -]server[ -]error|errors?\b|status\b)/i;

/** A reason phrase alone, in any case, when no number is written. */
const phrases: readonly [RegExp, ServerStatus][] = [
  [/\bbad[ -]gateway\b/i, 502],
  [/\bgateway[ -]time-?out\b/i, 504],
  [/\bservice[ -]unavailable\b/i, 503],
  [/\binternal[ -]server[ -]error\b/i, 500],
];

const explainers: Record<ServerStatus, string> = {
  500: '/errors/500-internal-server-error/',
  502: '/errors/502-bad-gateway/',
  503: '/errors/503-service-unavailable/',
  504: '/errors/504-gateway-timeout/',
};

const reasons: Record<ServerStatus, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const messages: Record<ServerStatus, string> = {
  502:
    'A reverse proxy, load balancer or CDN got no valid answer from the server behind it. ' +
    'The last line of the error page, or the Server header that curl -sI prints for your address, names who answered: pick it in the questions, and that server’s error log names the cause.',
  504:
    'A reverse proxy, load balancer or CDN waited longer than its timeout for the server behind it. ' +
    'The questions find which timeout and which server; the proxy’s error log names the upstream that was slow.',
  503:
    'The server that sent it is up but will not handle the request now. ' +
    'From a proxy or load balancer this usually means no upstream is marked healthy; from the application itself, maintenance or overload. ' +
    'The questions tell the two apart.',
  500:
    'It comes from the application (or the server running it), not from a gateway. ' +
    'Its cause is in the application’s own log, not the proxy’s.',
};

/**
 * The 5xx status code `text` shows, for a paste in which no rule recognised a cause.
 *
 * A number counts when it is marked as a status code (`HTTP/1.1 502`, `status 502`,
 * `error 504`, `502 Bad Gateway`, `503 errors`); a bare number does not (`line 502`,
 * `port 5030`). Without a number, a reason phrase counts (`Bad Gateway`). The first
 * marked number in the text wins, then the phrases in the order 502, 504, 503, 500.
 *
 * @param text - The pasted text; only its first 64 K code units are read. Never throws.
 * @returns The reading, or undefined when the text shows none of 500, 502, 503, 504.
 */
export function readStatus(text: string): StatusReading | undefined {
  const head = text.length > maxRead ? text.slice(0, maxRead) : text;
  const match = numbered.exec(head);
  const number = match?.[1] ?? match?.[2];
  let status: ServerStatus | undefined = number === undefined ? undefined : (Number(number) as ServerStatus);
  if (status === undefined && /^\s*50[0234]\s*$/.test(head)) status = Number(head.trim()) as ServerStatus;
  status ??= phrases.find(([pattern]) => pattern.test(head))?.[1];
  if (status === undefined) return undefined;
  return {
    status,
    href: explainers[status],
    headline: `The text shows a ${status} ${reasons[status]}, but no line names its cause.`,
    message: messages[status],
  };
}
