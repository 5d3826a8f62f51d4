/**
 * The scored last resort (round 11): for a line of no known format that no rule took, the
 * words it uses are weighed instead of matched as one message. Each outcome's cue words
 * (`cue-words.ts`) add to its score; the line is read as that outcome when the best score
 * tells the cause (2, or 1 beside both a gateway status and who answered or the hop behind
 * it) and the line is about a proxied request (a status, a product or the hop named). A line
 * that tells no cause but names a product beside a 502, 503 or 504 is read as who answered.
 *
 * Rounds 1-10 wrote one rule per message family and reached about 75-79 % on lines they had
 * never seen (the corpus README's blind batches); the misses were mostly new products and
 * new retellings. This stage trades exactness for reach: it is tried only after every rule,
 * so no line a rule recognises changes.
 *
 * Cost: one lower-cased copy of the line (shared with the sentence rules), then one
 * `indexOf` scan per cue, only for a line the prefilter admits; linear in the line.
 */
import { literalsPattern } from '../match.ts';
import type { OutcomeId, Rule } from '../types.ts';
import { admin, type ProxyAnswer } from './answers.ts';
import { causeCues, roleWords, whoWords, type Cue } from './cue-words.ts';
import { lowered, namesGatewayStatus } from './words.ts';

/**
 * Whether the character at `index` of `text` continues a word: a letter of an alphabet
 * (Latin, Greek, Cyrillic) or a digit. Han characters do not, as Chinese puts no space
 * beside a Latin name (`ELB到后端`). Absent counts as not.
 */
function isWordChar(text: string, index: number): boolean {
  const char = text.charAt(index);
  return char !== '' && /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u.test(char);
}

/**
 * Whether `word` is written in Chinese, Japanese or Korean: matched as a plain substring, as
 * Chinese and Japanese put no spaces between words and Korean joins its particles to them.
 */
const isHan = (word: string): boolean =>
  /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(word);

/**
 * Where `stem` first starts a word of `text` (with `whole`, a whole word), or -1. A name in
 * Chinese, Japanese or Korean is found anywhere. Linear: one pass of `indexOf`.
 */
function wordAt(text: string, stem: string, whole: boolean): number {
  if (isHan(stem)) return text.indexOf(stem);
  for (let from = 0; ;) {
    const at = text.indexOf(stem, from);
    if (at === -1 || (!isWordChar(text, at - 1) && (!whole || !isWordChar(text, at + stem.length)))) return at;
    from = at + 1;
  }
}

/** Whether `stem` starts a word of `lower`; with `whole`, also ends one (see {@link wordAt}). */
const hasWord = (lower: string, stem: string, whole: boolean): boolean => wordAt(lower, stem, whole) !== -1;

/** Whether `cue` is in `lower` (a stem at a word's start, a short cue as a whole word). */
const hasCue = (lower: string, [stem]: Cue): boolean => hasWord(lower, stem, stem.length <= 3);

/**
 * Who answered, by the family first named in `line` (see `whoWords`), or undefined.
 * Lower-case names are read in `lower`, capitalised ones in `line` itself.
 */
function namedWho(line: string, lower: string): ProxyAnswer | undefined {
  let first: ProxyAnswer | undefined;
  let firstAt = Infinity;
  for (const [answer, words] of whoWords) {
    for (const word of words) {
      const text = word === word.toLowerCase() ? lower : line;
      const at = wordAt(text, word, true);
      if (at !== -1 && at < firstAt) {
        first = answer;
        firstAt = at;
      }
    }
  }
  return first;
}

/** Whether `lower` names a gateway status: 502, 503, 504 or their names, or `5xx`/`50x`. */
function namesStatus(lower: string): boolean {
  return namesGatewayStatus(lower, true) || hasWord(lower, '5xx', true) || hasWord(lower, '50x', true);
}

/** Words that say something failed, for a line that names no status (stems, lower case). */
const failureWords = [
  'error',
  'fail',
  'cannot',
  "can't",
  "couldn't",
  'could not',
  'unable',
  'not ',
  "n't",
  'never',
  'down',
  'broken',
  'refus',
  'denied',
  'timed out',
  'reset',
  'crash',
  'invalid',
  'wrong',
  'missing',
  'problem',
  'issue',
  'exception',
  'unknown error',
  // "No" beside what was missing: no healthy upstream, no route, no such file…
  'no healthy',
  'no available',
  'no live',
  'no route',
  'no such',
  'no server',
  'no endpoint',
  'no backend',
  // Chinese: error, failure, unable, cannot, abnormal, not (yet).
  '错误',
  '失败',
  '无法',
  '不能',
  '异常',
  '未',
];

/**
 * A duration, which beside a 504 or a proxy tells a time-out ("a 504 at 60s", "after 30
 * seconds"): digits, an optional fraction and a unit. Bounded and anchored on word edges,
 * so linear in the line.
 */
const durationPattern = /\b\d{1,6}(?:\.\d{1,3})? ?(?:s|secs?|seconds?|ms|mins?|minutes?)\b/;

/** What the scored stage reads in a line. */
export interface ScoredReading {
  /** The outcome the cause words point to, when they tell one. */
  readonly outcome?: OutcomeId;
  /** Who answered, when the line names a product (absent when none). */
  readonly who?: ProxyAnswer;
  /** Its score: the sum of the best outcome's cue weights found (0 when none). */
  readonly score: number;
}

let lastLine: string | undefined;
let lastReading: ScoredReading | undefined;

/**
 * Reads `line` by its words: the best-scoring outcome (ties go to the earlier outcome in
 * `causeCues`), who answered, and whether it is read at all (see the module comment).
 * Returns undefined for a line the stage does not read. Linear in the line; never throws.
 * The last answer is kept, as each scored rule asks about the same line in turn.
 *
 * @param line - One line, already cut to the recogniser's `maxLineLength`.
 */
export function readByWords(line: string): ScoredReading | undefined {
  if (line === lastLine) return lastReading;
  lastLine = line;
  lastReading = score(line);
  return lastReading;
}

/**
 * Every literal a line must hold to be read at all, lower case: a status's digits or words,
 * a product's name, a word for the hop behind. One regular expression, so a line that holds
 * none costs one scan instead of a search per name.
 */
const contextLiterals = [
  '502',
  '503',
  '504',
  '5xx',
  '50x',
  'bad gateway',
  'gateway time',
  'service unavailable',
  ...whoWords.flatMap(([, words]) => words.map((word) => word.toLowerCase())),
  ...roleWords,
];
const contextPattern = literalsPattern(contextLiterals);

/**
 * {@link contextLiterals} as a line writes them: lower case, each word capitalised, upper case.
 * The recogniser compiles them into its gate index (`diagnose.ts`), so the one pass that reads a
 * line of no known format for every rule group also tells whether this stage may read it; a
 * line in other mixes of case (`CloudFlare 502`) is read for its status instead.
 */
export const scoredContextGates: readonly string[] = [
  ...new Set(
    contextLiterals.flatMap((literal) => [
      literal,
      literal.toUpperCase(),
      literal.replace(
        /(^|[^\p{L}])(\p{Ll})/gu,
        (_all, before: string, letter: string) => before + letter.toUpperCase(),
      ),
    ]),
  ),
];

function score(line: string): ScoredReading | undefined {
  const lower = lowered(line);
  if (!contextPattern.test(lower)) return undefined;
  const status = namesStatus(lower);
  const who = namedWho(line, lower);
  const role = roleWords.some((word) => hasWord(lower, word, true));
  if (!status && who === undefined && !role) return undefined;
  let outcome: OutcomeId | undefined;
  let best = 0;
  for (const [id, cues] of causeCues) {
    let total = id === 'upstream-timeout' && durationPattern.test(lower) ? 1 : 0;
    for (const cue of cues) if (hasCue(lower, cue)) total += cue[1];
    if (total > best) {
      best = total;
      outcome = id;
    }
  }
  // Without a status, the line must also tell that something failed ("The upstream library
  // fixed a segfault" names a cause word beside a role word, and reports nothing).
  if (!status && !failureWords.some((word) => hasWord(lower, word, false))) return undefined;
  const tellsCause = best >= 2 || (best === 1 && status && (who !== undefined || role));
  const named = who === undefined ? {} : { who };
  if (tellsCause && outcome !== undefined) return { outcome, ...named, score: best };
  if (status && who !== undefined) return { who, score: best };
  return undefined;
}

/** What each outcome's words tell, for the reader: the cause in a few words and where to look. */
const outcomeTold: Readonly<Record<Exclude<OutcomeId, 'general-checklist'>, string>> = {
  'upstream-refused':
    'the app behind the proxy was not running or not listening where the proxy connects (a refused connection, a wrong port or address)',
  'unix-socket-missing':
    'the unix socket the proxy connects to is missing (the app server did not create its socket file)',
  'permission-denied': 'the proxy is not allowed to connect (file permissions on the socket, or SELinux)',
  'upstream-closed':
    'the upstream closed or reset the connection before it sent a full response (a crash, a kill, a reset)',
  'upstream-timeout': 'the upstream took longer to answer than the proxy waits',
  'header-too-big': "the upstream's response headers are bigger than the proxy's buffers",
  'invalid-response': 'the upstream sent something the proxy could not read as an HTTP response',
  'dns-record': "the domain's DNS records point to the wrong address",
  'proxy-cannot-resolve': "the proxy cannot resolve the upstream's host name",
  firewall: 'a firewall or security group drops or rejects the traffic between the proxy and the upstream',
  'cdn-origin': "the CDN's edge could not reach the origin",
  'upstream-tls': 'the TLS handshake between the proxy and an HTTPS upstream failed (certificate, SNI or protocol)',
  'keepalive-mismatch':
    "the upstream closed an idle keep-alive connection the proxy then reused (the upstream's keep-alive timeout is shorter than the proxy's)",
  overload: 'the upstream is overloaded: all its workers are busy or its queue is full',
  'no-live-upstreams': 'the proxy had no healthy upstream to send the request to',
  'container-network':
    'the proxy and the app sit in different containers or networks, so the address the proxy dials does not reach the app',
  'serverless-response': 'the function behind the gateway failed or returned a response the gateway could not use',
  'request-body-limit': "the request's body is bigger than a limit on the way",
  'lb-health-checks': "the load balancer's health checks fail, so it has no target to send to",
  'service-mesh': "the service mesh's sidecar proxy refused, reset or could not route the request",
};

/** How each who-answered family is named in the finding. */
const whoNamed: Readonly<Record<Exclude<ProxyAnswer, 'not-sure'>, string>> = {
  nginx: 'nginx',
  apache: 'Apache httpd',
  haproxy: 'HAProxy',
  caddy: 'Caddy',
  traefik: 'Traefik',
  'k8s-ingress': 'a Kubernetes ingress controller',
  mesh: 'a service mesh proxy (Envoy, Istio, Linkerd)',
  'cloud-lb': 'a cloud load balancer',
  'api-gateway': 'an API gateway',
  cloudflare: 'Cloudflare',
  'other-cdn': 'a CDN',
  platform: 'a hosting platform',
};

const source =
  'src/diagnose/rules/cue-words.ts: cue words from the fix pages (content/docs/fixes/) and the reference catalogue 502-causes.md, weighed rather than matched as one message';

/** Lines written for each scored outcome rule: what it must read, and what it must not. */
const outcomeLines: Readonly<Record<keyof typeof outcomeTold, { samples: string[]; nearMisses: string[] }>> = {
  'upstream-refused': {
    samples: [
      'Every page is a 502 since the backend stopped listening on 0.0.0.0.',
      "Nothing listens on the app's port: the backend is down and the proxy shows 502.",
    ],
    nearMisses: ['The backend is listening on 0.0.0.0 again and pages load.', 'Port 8080 is free on the backend.'],
  },
  'unix-socket-missing': {
    samples: ['Our puma never wrote its socket file, 502 everywhere.'],
    nearMisses: ['Where does the app server keep its sock file?', 'Our puma writes its socket file to /run.'],
  },
  'permission-denied': {
    samples: ['AppArmor keeps the reverse proxy away from the app: 502.'],
    nearMisses: ['AppArmor is enabled on this host.'],
  },
  'upstream-closed': {
    samples: [
      'Half the API calls end in 502 after the upstream dumps core with a segmentation fault.',
      'The upstream gets killed mid-request and the gateway answers 502.',
    ],
    nearMisses: ['The upstream library fixed a segfault last week.', 'A 502 came back after the redeploy.'],
  },
  'upstream-timeout': {
    samples: ['Big exports take longer than the proxy waits, 504.'],
    nearMisses: ['Big exports take longer than small ones.'],
  },
  'header-too-big': {
    samples: ['The cookie is 12 KB and the gateway answers 502 to logged-in users.'],
    nearMisses: ['The cookie is 12 KB for logged-in users.'],
  },
  'invalid-response': {
    samples: ['The origin answers with garbage instead of HTTP, so the gateway gives 502.'],
    nearMisses: ['The form sent garbage instead of JSON.'],
  },
  'dns-record': {
    samples: ['After the move the nameserver change is still propagating and some users see 502.'],
    nearMisses: ['The nameserver change is still propagating.'],
  },
  'proxy-cannot-resolve': {
    samples: ['Name resolution for the backend fails inside the gateway, 502.'],
    nearMisses: ['Name resolution is fast on this network.'],
  },
  firewall: {
    samples: ['The new iptables rules keep the gateway from the backend: 502.'],
    nearMisses: ['The new iptables rules are saved.', 'The new firewall rule drops the traffic.'],
  },
  'cdn-origin': {
    samples: ['The edge serves 502 because the origin is down for maintenance.'],
    nearMisses: ['We moved the origin server to Frankfurt.', 'Our CDN serves the images.'],
  },
  'upstream-tls': {
    samples: ['The upstream cert expired and the reverse proxy now gives 502.'],
    nearMisses: ['The upstream cert was renewed.'],
  },
  'keepalive-mismatch': {
    samples: ['Connections the upstream dropped while idle get reused by the gateway, then 502.'],
    nearMisses: ['Idle connections are dropped after a minute.'],
  },
  overload: {
    samples: ['Too many requests queue up in the backend and the gateway answers 503.'],
    nearMisses: ['Too many requests queue up at the coffee machine.'],
  },
  'no-live-upstreams': {
    samples: ['No available backend in the pool, the router answers 503.'],
    nearMisses: ['No available seats in the pool class.'],
  },
  'container-network': {
    samples: ['The proxy container dials localhost for the app and gets 502.'],
    nearMisses: ['The container dials localhost for the database.'],
  },
  'serverless-response': {
    samples: ['The function returns a statusCode as a string and the gateway shows 502.'],
    nearMisses: ['The function returns a statusCode of 200.'],
  },
  'request-body-limit': {
    samples: ['Posting a 30 MB multipart form via the gateway fails with 502 from the upstream.'],
    nearMisses: ['Posting a 30 MB multipart form takes a minute.'],
  },
  'lb-health-checks': {
    samples: ['The health status of every backend is red and the site returns 503.'],
    nearMisses: ['The health status page is green.'],
  },
  'service-mesh': {
    samples: ['With mTLS strict the calls between services return 503.'],
    nearMisses: ['The sidecar container logs to stdout.', 'mTLS is strict between services.'],
  },
};

/** Lines written for each scored who-answered rule (the family's name beside a status, no cause). */
const whoLines: Readonly<Record<keyof typeof whoNamed, { sample: string; nearMiss: string }>> = {
  nginx: { sample: 'Tengine answers 502 for the shop pages.', nearMiss: 'Tengine answers quickly for the shop pages.' },
  apache: { sample: 'Every page behind mod_proxy is a 502 now.', nearMiss: 'Every page behind mod_proxy loads now.' },
  haproxy: { sample: 'HAProxy returns 5xx for the API.', nearMiss: 'HAProxy returns 2xx for the API.' },
  caddy: { sample: 'Caddy answers 5xx on the admin path.', nearMiss: 'Caddy answers 200 on the admin path.' },
  traefik: { sample: 'Traefik answers 5xx for one router.', nearMiss: 'Traefik answers 404 for one router.' },
  'k8s-ingress': {
    sample: 'The ingress gives 5xx for one service.',
    nearMiss: 'The ingress gives TLS for one service.',
  },
  mesh: { sample: 'Kuma answers 503 for calls to billing.', nearMiss: 'Kuma answers calls to billing.' },
  'cloud-lb': {
    sample: 'The NLB shows 502 for half the users.',
    nearMiss: 'The NLB shows traffic for half the users.',
  },
  'api-gateway': {
    sample: 'KrakenD answers 502 on the orders endpoint.',
    nearMiss: 'KrakenD answers on the orders endpoint.',
  },
  cloudflare: { sample: 'Cloudflare gives 5xx since noon.', nearMiss: 'Cloudflare gives a 403 since noon.' },
  'other-cdn': { sample: 'StackPath gives 502 on the images.', nearMiss: 'StackPath caches the images.' },
  platform: { sample: 'Scalingo returns 502 after deploy.', nearMiss: 'Scalingo returns JSON after deploy.' },
};

/** The scored rule for `outcome`: matches the lines {@link readByWords} reads as it. */
function outcomeRule(outcome: keyof typeof outcomeTold): Rule {
  return {
    id: `scored-${outcome}`,
    software: 'report',
    cause: `The words of this text point to one cause: ${outcomeTold[outcome]}. Read from its words rather than a known message, so check it against the fix page's first step.`,
    outcome,
    // "Not sure who answered" leads to every outcome but a function's, which sits under the
    // API gateway's and the platforms' answers: that rule only says the reader is an admin.
    implies: outcome === 'serverless-response' ? { role: 'admin' } : admin('not-sure'),
    source,
    includes: [],
    anyOf: [''],
    test: (line) => {
      const reading = readByWords(line);
      return reading?.outcome === outcome;
    },
    ...outcomeLines[outcome],
  };
}

/** The scored who-answered rule for `proxy`: a product of that family beside a status, no cause. */
function whoRule(proxy: keyof typeof whoNamed): Rule {
  return {
    id: `scored-who-${proxy}`,
    software: 'report',
    kind: 'who-answered',
    cause: `This text names ${whoNamed[proxy]} beside a 502, 503 or 504 but no cause: that is who answered. Its own log names the cause; paste a line from it here, or answer the questions.`,
    outcome: 'general-checklist',
    implies: admin(proxy),
    source,
    includes: [],
    anyOf: [''],
    test: (line) => {
      const reading = readByWords(line);
      return reading !== undefined && reading.outcome === undefined && reading.who === proxy;
    },
    samples: [whoLines[proxy].sample],
    nearMisses: [whoLines[proxy].nearMiss],
  };
}

/** The scored rules, in the order they are looked up: each outcome's, then each family's. */
export const scoredRules: readonly Rule[] = [
  ...(Object.keys(outcomeTold) as (keyof typeof outcomeTold)[]).map(outcomeRule),
  ...(Object.keys(whoNamed) as (keyof typeof whoNamed)[]).map(whoRule),
];

const outcomeRules = new Map(scoredRules.filter((rule) => rule.kind === undefined).map((rule) => [rule.outcome, rule]));
const whoRules = new Map(scoredRules.filter((rule) => rule.kind !== undefined).map((rule) => [rule.id, rule]));

/**
 * The scored rule for `line`, or undefined when the stage does not read it. Call only for a
 * line no other rule took, of no known log format (see `diagnose.ts`).
 *
 * @param line - One line, already cut to the recogniser's `maxLineLength`. Never throws.
 */
export function scoredRule(line: string): Rule | undefined {
  const reading = readByWords(line);
  if (reading === undefined) return undefined;
  if (reading.outcome !== undefined) return outcomeRules.get(reading.outcome);
  return reading.who === undefined ? undefined : whoRules.get(`scored-who-${reading.who}`);
}
