import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose';
import { escapeUntrusted } from '../../src/diagnose/escape';
import { formatReport } from '../../src/diagnose/report';
import { Tally, upstreamAddress } from '../../src/diagnose/summary';

const mixedLog = readFileSync(new URL('../fixtures/mixed-error.log', import.meta.url), 'utf8');

/** Line number → rule of every line of the fixture that explains a failure. */
const expectedFindings: [number, string][] = [
  [2, 'nginx-connect-refused'],
  [5, 'nginx-upstream-closed'],
  [6, 'nginx-connect-refused'],
  [8, 'nginx-read-timeout'],
  [10, 'nginx-socket-missing'],
  [11, 'apache-connect-refused'],
  [12, 'apache-backend-connection-failed'],
  [13, 'haproxy-server-aborted'],
  [15, 'caddy-connect-refused'],
  [16, 'gunicorn-worker-timeout'],
  [17, 'php-fpm-max-children'],
  [18, 'curl-connect-refused'],
  [19, 'dig-nxdomain'],
  [22, 'envoy-flag-uf'],
  [23, 'alb-own-502'],
  [24, 'nginx-upstream-reset'],
];

describe('a mixed log', () => {
  const findings = diagnose(mixedLog);

  it('yields one finding per recognised line, in order, with 1-based line numbers', () => {
    expect(findings.map((finding) => [finding.line, finding.rule.id])).toEqual(expectedFindings);
  });

  it('ignores noise: notices, client-side TLS, keep-alive closes, missing favicons, 200s', () => {
    const noise = [1, 3, 4, 7, 14, 20, 21];
    expect(findings.filter((finding) => noise.includes(finding.line))).toEqual([]);
  });

  it('does not read app text that nginx passed through as another program’s message', () => {
    expect(findings.find((finding) => finding.line === 9)).toBeUndefined();
  });

  it('numbers lines the same with \\n, \\r\\n and \\r endings', () => {
    const line = mixedLog.split('\n')[1]!;
    for (const ending of ['\n', '\r\n', '\r']) {
      expect(diagnose(['noise', line, 'noise', line].join(ending)).map((finding) => finding.line)).toEqual([2, 4]);
    }
  });
});

describe('the tally of a mixed log', () => {
  const tally = new Tally();
  for (const finding of diagnose(mixedLog)) tally.add(finding);
  const summary = tally.summary();

  it('counts each rule, the most frequent first', () => {
    expect(summary[0]).toMatchObject({
      rule: 'nginx-connect-refused',
      count: 2,
      firstTimestamp: '2026/11/24 01:22:04',
      lastTimestamp: '2026/11/24 01:22:08',
      fixPage: '/fixes/upstream-refused/',
      topUpstreams: [
        { upstream: '127.0.0.1:18999', count: 1 },
        { upstream: '172.18.0.3:3000', count: 1 },
      ],
    });
    expect(summary.reduce((sum, entry) => sum + entry.count, 0)).toBe(expectedFindings.length);
    expect(tally.findings).toBe(expectedFindings.length);
  });

  it('keeps at most three upstreams per rule', () => {
    const many = new Tally();
    const line = (port: number) =>
      `2026/11/24 01:22:04 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:${port}/", host: "a"`;
    for (const port of [8001, 8002, 8002, 8003, 8003, 8003, 8004]) many.add(diagnose(line(port))[0]!);
    expect(many.summary()[0]!.topUpstreams).toEqual([
      { upstream: '127.0.0.1:8003', count: 3 },
      { upstream: '127.0.0.1:8002', count: 2 },
      { upstream: '127.0.0.1:8001', count: 1 },
    ]);
  });

  it('prints a block per rule with its fix page', () => {
    const report = formatReport(summary, { files: 1, lines: 25, recognised: expectedFindings.length });
    expect(report).toContain('Recognised 16 of 25 lines in 1 file.');
    expect(report).toContain('2  nginx-connect-refused (nginx)');
    expect(report).toContain('first 2026/11/24 01:22:04, last 2026/11/24 01:22:08');
    expect(report).toContain('fix: /fixes/upstream-refused/');
  });

  it('says when nothing was recognised and points to the questions', () => {
    expect(formatReport([], { files: 2, lines: 3, recognised: 0 })).toBe(
      'No line was recognised in 3 lines in 2 files.\nContinue with the questions: /wizard/\n',
    );
  });
});

describe('upstream addresses in the tally', () => {
  it.each([
    [{ socket: '/run/x.sock', upstream: 'fastcgi://unix:/run/x.sock:' }, 'unix:/run/x.sock'],
    [{ upstreamHost: '::1', upstreamPort: '8765' }, '[::1]:8765'],
    [{ upstreamHost: 'deadpool', upstream: 'http://deadpool/nolive' }, 'deadpool'],
    [{ upstream: 'app/app1' }, 'app/app1'],
    [{}, undefined],
  ])('counts %j as %s', (fields, address) => {
    expect(upstreamAddress(fields)).toBe(address);
  });

  it('shows control characters from a log as \\xNN, never raw', () => {
    expect(escapeUntrusted('a\u001b[31mb\u0007')).toBe('a\\x1b[31mb\\x07');
  });
});

/** One case of `test/fixtures/lab/<server>.json`, as the lab recorded it from the real server. */
interface LabCase {
  readonly case: string;
  readonly file: string;
  readonly line: string | null;
  readonly outcome?: string;
  readonly knownGap?: string;
}

const labDir = new URL('../fixtures/lab/', import.meta.url);
const labCases = ['nginx', 'apache', 'haproxy', 'caddy'].flatMap((server) => {
  const recorded = JSON.parse(readFileSync(new URL(`${server}.json`, labDir), 'utf8')) as { cases: LabCase[] };
  return recorded.cases.map((labCase) => [server, labCase.case, labCase] as const);
});

// The lab's own assertions (test/lab/harness/case.ts), replayed on the lines it recorded from
// real servers, so a rule change that breaks them fails here without starting any server.
describe('the lines the lab recorded from real servers', () => {
  it('cover at least 30 cases of the four servers', () => {
    expect(labCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(labCases)('%s %s: diagnose() gives what the lab asserts', (server, _case, labCase) => {
    if (labCase.line === null) {
      const log = readFileSync(new URL(labCase.file, labDir), 'utf8');
      expect(diagnose(log), 'no line blames the upstream').toEqual([]);
      return;
    }
    const finding = diagnose(labCase.line)[0];
    if (labCase.knownGap !== undefined) {
      expect(finding?.outcome, `known gap: ${labCase.knownGap}`).not.toBe(labCase.outcome);
      return;
    }
    expect(finding?.outcome).toBe(labCase.outcome);
    expect(finding?.rule.software).toBe(server);
  });
});
