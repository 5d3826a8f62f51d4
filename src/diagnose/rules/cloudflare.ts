/**
 * Cloudflare's own 52x error pages and cloudflared's tunnel errors (reference §7.3, from
 * cloudflare/cloudflare-docs `…/cloudflare-5xx-errors/error-5NN.mdx`). The page text says
 * `Error code 52x`; the TLS pages carry stable `data-translate` keys.
 */
import { includesAny, includesAnyWord } from '../match.ts';
import type { ImpliedAnswers, OutcomeId, Rule } from '../types.ts';
import { cloudflareCode } from './answers.ts';

const docs =
  'cloudflare/cloudflare-docs support/troubleshooting/http-status-codes/cloudflare-5xx-errors (reference §7.3)';

/**
 * How people write a Cloudflare code: the page's own `Error code 522`, and the forms of
 * tickets and forums (`Error 522`, `522 error`, `Cloudflare 522`, `HTTP/2 522` from curl).
 */
function codeForms(code: string): string[] {
  return [
    `Error code ${code}`,
    // The plain-text body Cloudflare sends a client that does not accept HTML (curl, fetch):
    // 16 bytes for a 502 (auroraxo/docrot-api v1.4.0 release notes measured it at the edge),
    // `error code: 522` quoted from a Workers endpoint in fatwang2/search2ai#12.
    `error code: ${code}`,
    `Error ${code}`,
    `error ${code}`,
    `ERROR ${code}`,
    `${code} error`,
    `${code} Error`,
    `Cloudflare ${code}`,
    `cloudflare ${code}`,
    `CloudFlare ${code}`,
    `HTTP/2 ${code}`,
    `HTTP/1.1 ${code}`,
    `HTTP ${code}`,
    `${code} Origin`,
    `reference number: ${code}`,
    // Reports of what a site sends: "returning 521", "status code 522", "got a 524".
    `returning ${code}`,
    `returns ${code}`,
    `returned ${code}`,
    `returning a ${code}`,
    `returns a ${code}`,
    `returned a ${code}`,
    `status ${code}`,
    `status code ${code}`,
    // A client's or tunnel's log of the status it got: "Invalid status code: 522".
    `HTTP Code ${code}`,
    `HTTP code ${code}`,
    `status: ${code}`,
    `status code: ${code}`,
    `Status: ${code}`,
    `Status code: ${code}`,
    `got a ${code}`,
    `getting a ${code}`,
  ];
}

/**
 * Whether `line` holds `code` as a whole word followed by `title`, with `: ` or a space
 * between, in any case (`524: A timeout occurred`, `525 SSL Handshake failed`). Linear.
 */
function codeThenTitle(line: string, code: string, title: string): boolean {
  const lower = line.toLowerCase();
  const wanted = title.toLowerCase();
  return includesAnyWord(lower, [`${code}: ${wanted}`, `${code} ${wanted}`]);
}

/**
 * The code beside a word for "error" in the ways people write it when no form of
 * {@link codeForms} fits: `API Error (520`, `API Error: 524`, ``Error `525` ``, `524 server
 * error`, `` `520` errors ``, Russian `ошибки 524`, Chinese `错误 522`. Only Cloudflare sends
 * 520 to 527, so the code beside "error" names it. Compiled once per code; bounded,
 * so linear.
 */
function errorWordPattern(code: string): RegExp {
  return new RegExp(
    `(?:\\berror|(?<![а-яё])ошибк[а-я]{0,3}|错误|报错)[ :(\`]{1,3}${code}(?![\\w.])|(?<![\\w.])\`?${code}\`? (?:server )?errors?\\b`,
    'i',
  );
}

/** Literals one of which {@link errorWordPattern} needs: a cheap check before the pattern. */
const errorWords = ['rror', 'RROR', 'ошибк', 'Ошибк', 'ОШИБК', '错误', '报错'];

/** Whether `line` names Cloudflare (any case). Linear. */
function mentionsCloudflare(line: string): boolean {
  return /cloudflare/i.test(line);
}

/**
 * A rule for the Cloudflare page of one 52x/530 code. The code is Cloudflare's own (no
 * origin or other proxy sends 52x), so its wizard answer is `cloudflare-code: error-52x`.
 */
function pageRule(
  code: string,
  title: string,
  outcome: OutcomeId,
  cause: string,
  implies: ImpliedAnswers = cloudflareCode(code),
  titles: readonly string[] = [],
): Rule {
  const forms = codeForms(code);
  // 530 is also FTP's "Not logged in": only the 52x codes are read beside a bare "error".
  const errorWord = code.startsWith('52') ? errorWordPattern(code) : undefined;
  return {
    id: `cloudflare-${code}`,
    software: 'cloudflare',
    cause: `Cloudflare ${code} (${title}): ${cause}`,
    outcome,
    status: Number(code),
    implies,
    source: docs,
    includes: [],
    anyOf: [...forms, code, ...titles],
    // The code as written with "Error", "HTTP" or the page's title; or the bare code on a line
    // that names Cloudflare; or a page title only Cloudflare uses; or the code followed by its
    // own title in any case, as the page's <title> and <h1> write it ("524: A timeout occurred").
    test: (line) =>
      includesAnyWord(line, forms) ||
      (includesAnyWord(line, [code]) && mentionsCloudflare(line)) ||
      titles.some((text) => line.includes(text)) ||
      codeThenTitle(line, code, title) ||
      (errorWord !== undefined && includesAny(line, errorWords) && errorWord.test(line)),
    samples: [
      `Error code ${code}`,
      `${title} Error code ${code} Visit cloudflare.com for more information.`,
      `Error ${code}`,
      `Getting Cloudflare ${code} on my site`,
      `HTTP/2 ${code} `,
      `<title>example.com | ${code}: ${title}</title>`,
      `the site keeps getting a ${code} ${title.toUpperCase()} page`,
      `example.com returning ${code} since this morning`,
      `error code: ${code}`,
      ...(errorWord === undefined
        ? []
        : [`API Error (${code} <!DOCTYPE html>`, `then get ${code} server error.`, `Увеличить тайминг ошибки ${code}`]),
    ],
    nearMisses: [
      `Error code ${code}0`,
      `Error code ${Number(code) + 100}`,
      `Error 1${code}`,
      `Cloudflare served 1${code} requests`,
      `the query returned ${code}0 rows`,
      `waited ${code} seconds for the page`,
      `error 1${code}`,
    ],
  };
}

export const cloudflareRules: readonly Rule[] = [
  {
    id: 'cloudflare-ssl-handshake-page',
    software: 'cloudflare',
    cause: 'Cloudflare could not complete a TLS handshake with the origin (SSL mode Full or Full (strict)).',
    outcome: 'cdn-origin',
    status: 525,
    implies: cloudflareCode('525'),
    source: 'Cloudflare error page data-translate keys; DeviaVir/zenbot#69 (reference §7.3)',
    includes: [],
    anyOf: [
      'data-translate="origin_ssl_bad_handshake"',
      'Cloudflare is unable to establish an SSL connection to the origin server',
    ],
    samples: [
      '<p data-translate="origin_ssl_bad_handshake">CloudFlare is unable to establish an SSL connection to the origin server.</p>',
      'Cloudflare is unable to establish an SSL connection to the origin server.',
    ],
    nearMisses: [
      '<p data-translate="error_desc">There is an unknown connection issue between Cloudflare and the origin web server.</p>',
    ],
  },
  pageRule(
    '520',
    'Web server is returning an unknown error',
    'cdn-origin',
    'The origin sent an empty, unknown or unexpected response.',
    cloudflareCode('520'),
    // The page's title, and its "What happened?" sentence.
    ['Web server is returning an unknown error', 'unknown connection issue between Cloudflare and the origin'],
  ),
  pageRule(
    '521',
    'Web server is down',
    'cdn-origin',
    "The origin refused Cloudflare's connection: usually nothing listens on the origin's port (web server down or on another port), sometimes a firewall that rejects Cloudflare's IPs.",
    cloudflareCode('521'),
    ['Web server is down (', 'Web server is down Error', 'The web server is not returning a connection'],
  ),
  pageRule(
    '522',
    'Connection timed out',
    'firewall',
    'The origin did not answer Cloudflare within 19 s (IPs dropped, overload, wrong origin IP).',
  ),
  pageRule(
    '523',
    'Origin is unreachable',
    'dns-record',
    'There is no route to the origin IP: usually the DNS record points at an old or wrong address.',
  ),
  pageRule(
    '524',
    'A timeout occurred',
    'upstream-timeout',
    'The origin accepted the connection but sent no response within 120 s.',
    cloudflareCode('524'),
    // The page's "What happened?" sentence, and the docs' description of the code.
    [
      'The origin web server timed out responding to this request',
      'complete a TCP connection to the origin server, but did not receive a timely HTTP response',
    ],
  ),
  pageRule('525', 'SSL handshake failed', 'cdn-origin', 'The TLS handshake failed between Cloudflare and the origin.'),
  pageRule('526', 'Invalid SSL certificate', 'cdn-origin', "The origin's certificate fails Full (strict) validation."),
  pageRule(
    '530',
    'Origin DNS error',
    'cdn-origin',
    'Cloudflare cannot resolve or reach the origin hostname; the page shows a 1xxx code (1033: Tunnel).',
    { role: 'admin', proxy: 'cloudflare' },
  ),
  {
    id: 'cloudflared-origin-unreachable',
    software: 'cloudflared',
    cause:
      "cloudflared cannot reach the tunnel's origin service: the service: URL is wrong (localhost inside its container) or the app is down.",
    outcome: 'cdn-origin',
    status: 502,
    implies: { role: 'admin', proxy: 'cloudflare' },
    source:
      'cloudflared log, Cloudflare 502 via Tunnel (reference §7.3, §12); cloudflare/cloudflared connection/errors.go and proxy: "Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: <the dial or TLS error>" (the second sentence alone when a paste cuts the first; a TLS error after it is still the tunnel failing to reach its origin, not a proxy of its own)',
    includes: [],
    anyOf: ['Unable to reach the origin service', 'responding to traffic from cloudflared'],
    samples: [
      '2024-07-10T16:37:00Z ERR Request failed error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 192.168.3.180:3000: i/o timeout" connIndex=2 dest=https://app.example.com/ event=0 ip=198.41.192.37 type=http',
      '{"level":"error","error":"Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp [::1]:8081: connect: connection refused","cfRay":"8f2c1a2b3c4d5e6f-FRA","originService":"http://localhost:8081"}',
    ],
    nearMisses: ['2024-07-10T16:37:00Z INF Registered tunnel connection connIndex=0 event=0 ip=198.41.192.37'],
  },
];

/** cloudflared's own rules, tried before Traefik's and the TLS rules, which would take its quoted Go errors. */
export const cloudflaredRules: readonly Rule[] = cloudflareRules.filter((rule) => rule.software === 'cloudflared');

/** Cloudflare's page and code rules (everything but {@link cloudflaredRules}). */
export const cloudflareEdgeRules: readonly Rule[] = cloudflareRules.filter((rule) => rule.software !== 'cloudflared');
