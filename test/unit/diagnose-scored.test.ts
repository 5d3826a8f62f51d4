import { describe, expect, it } from 'vitest';
import { classifyLine, diagnose } from '../../src/diagnose/diagnose';
import { causeCues, whoWords } from '../../src/diagnose/rules/cue-words';
import { readByWords, scoredRule, scoredRules } from '../../src/diagnose/rules/scored';

describe('the scored last resort', () => {
  it.each([
    [
      'a tie goes to the narrower cause: a socket file before a wrong port',
      'The puma sock file moved and the wrong port is set, 502.',
      'unix-socket-missing',
    ],
    [
      'a hint needs a status and who answered or the hop behind',
      'The gateway answers 502 once the cert was rotated.',
      'upstream-tls',
    ],
    [
      'a phrase that names the cause needs no status',
      'Error: the backend is not listening on 0.0.0.0 after the deploy',
      'upstream-refused',
    ],
  ])('%s', (_what, line, outcome) => {
    // The stage's own reading; on these lines a rule answers first (see the next tests).
    expect(readByWords(line)?.outcome).toBe(outcome);
  });

  it('only reads what no rule took: where a rule matches, its answer stands', () => {
    const line = 'Error: the backend is not listening on 0.0.0.0 after the deploy';
    expect(readByWords(line)?.outcome).toBe('upstream-refused');
    expect(classifyLine(line)?.id).toBe('app-not-listening-described');
  });

  it.each([
    [
      'cause words alone, with no status, product or hop named',
      'The segfault happened when nothing listens on the port.',
    ],
    ['a role word and a cause phrase that report no failure', 'The upstream library fixed a segfault last week.'],
    ['a status and a single hint with nobody named', 'The cert page gives 502.'],
    ['a product named without a status or a cause', 'We run Tengine in front of the shop.'],
  ])('reads nothing from %s', (_what, line) => {
    expect(readByWords(line)).toBeUndefined();
    expect(classifyLine(line)).toBeUndefined();
  });

  it('takes the first family a line names as who answered', () => {
    expect(scoredRule('Tengine forwards to mod_proxy and shows 5xx')?.id).toBe('scored-who-nginx');
    expect(scoredRule('mod_proxy behind Tengine shows 5xx')?.id).toBe('scored-who-apache');
  });

  it('takes a name that is also an English word only when it is capitalised', () => {
    expect(scoredRule('Scalingo and Render both show 5xx')?.id).toBe('scored-who-platform');
    expect(readByWords('the page fails to render and shows 5xx')).toBeUndefined();
  });

  it('reads Chinese, which puts no space between words or beside a Latin name', () => {
    // "The security group does not let the ELB reach the backend's port; 502 is returned."
    expect(readByWords('安全组未放通ELB到后端的端口，返回502')).toEqual({
      outcome: 'firewall',
      who: 'cloud-lb',
      score: 2,
    });
    // "Calling the backend failed: connection refused" (no status, a failure word).
    expect(readByWords('调用后端失败：拒绝连接')?.outcome).toBe('upstream-refused');
  });

  it('reads Korean and Japanese names of a load balancer as who answered', () => {
    // "The load balancer returns 502." / "The load balancer returns 502 errors."
    expect(readByWords('로드 밸런서가 502를 반환합니다')?.who).toBe('cloud-lb');
    expect(readByWords('ロードバランサーが502エラーを返す')?.who).toBe('cloud-lb');
  });

  it('takes a duration beside a 504 as a time-out', () => {
    expect(readByWords('Every export gets a 504 at 60s.')?.outcome).toBe('upstream-timeout');
    expect(readByWords('Every export gets a 504.')).toBeUndefined();
  });

  it("reads Envoy's response-code details as its access log writes them", () => {
    const line = '"- - -" 0 UF,URX - - "delayed_connect_error:_111" 0 0 0 - "-"';
    expect(readByWords(line)).toEqual({ outcome: 'upstream-refused', who: 'mesh', score: 3 });
  });

  it('reads a short cue only as a whole word', () => {
    // `ut` is Envoy's upstream-timeout flag; `utf-8` must not count as it.
    expect(readByWords('The gateway answers 503 UT for the search service')?.outcome).toBe('upstream-timeout');
    expect(readByWords('The gateway answers 503 with utf-8 text')).toBeUndefined();
  });

  it("reads an nginx line's own message when no nginx rule took it, never its context", () => {
    const prefix = '2026/12/06 10:00:00 [error] 1201#1201: *1 ';
    const context =
      ', client: 198.51.100.7, server: shop.example, request: "GET /api HTTP/1.1", upstream: "fastcgi://unix:/run/php/fpm.sock:"';
    expect(
      classifyLine(`${prefix}upstream prematurely closed FastCGI request while reading upstream${context}`)?.id,
    ).toBe('scored-upstream-closed');
    // Cause words in the request path or host name are the reader's URLs, not nginx's message.
    const hostOnly = `${prefix}upstream keeps a stale state${context.replace('GET /api', 'GET /keepalive-timeout')}`;
    expect(readByWords(hostOnly)?.outcome).toBe('keepalive-mismatch');
    expect(classifyLine(hostOnly)).toBeUndefined();
    // nginx's messages about other things than an upstream are not read, whatever their words.
    expect(
      classifyLine(`${prefix}client 198.51.100.7 closed keepalive connection (104: Connection reset by peer)`),
    ).toBeUndefined();
    expect(
      classifyLine(
        `${prefix}open() "/srv/sock file/backend" failed (2: No such file or directory)${context.split(', upstream')[0]}`,
      ),
    ).toBeUndefined();
    // Text nginx passed through from the app is the app's, as for nginx's own fallback.
    expect(
      classifyLine(`${prefix}FastCGI sent in stderr: "upstream connection refused by the database"${context}`),
    ).toBeUndefined();
  });

  it('never reads an Apache error-log line, whose own rules had their turn', () => {
    const apacheLine =
      '[Sun Dec 06 10:00:00.000000 2026] [proxy:error] [pid 1201] the backend crashed and nothing listens, 502';
    expect(readByWords(apacheLine)?.outcome).toBe('upstream-refused');
    expect(classifyLine(apacheLine)).toBeUndefined();
  });

  it('gives a finding the paste box and the CLI show like any other, with the cause in words', () => {
    const [finding] = diagnose('Connections the upstream dropped while idle get reused by the gateway, then 502.');
    expect(finding?.rule.id).toBe('scored-keepalive-mismatch');
    expect(finding?.outcome).toBe('keepalive-mismatch');
    expect(finding?.rule.cause).toContain('Read from its words');
  });

  it('has one rule per outcome it can read and per family it can name', () => {
    const outcomes = new Set(causeCues.map(([outcome]) => outcome));
    const families = new Set(whoWords.map(([answer]) => answer));
    expect(
      scoredRules
        .filter((rule) => rule.kind === undefined)
        .map((rule) => rule.outcome)
        .sort(),
    ).toEqual([...outcomes].sort());
    expect(
      scoredRules
        .filter((rule) => rule.kind === 'who-answered')
        .map((rule) => rule.implies.proxy)
        .sort(),
    ).toEqual([...families].sort());
  });

  it('keeps every cue lower case, as it reads the lower-cased line', () => {
    for (const [, cues] of causeCues) for (const [stem] of cues) expect(stem).toBe(stem.toLowerCase());
  });
});
