/**
 * Caddy 2 in front of the misbehaving upstream: one site block per case, routed on
 * `Host`. Caddy logs each failed proxied request as a JSON line of the `http.log.error`
 * logger whose `msg` is Go's error text and whose `status` is what the client got
 * (reference §4): 502 when it cannot connect, resolve or read a response, 504 on
 * `response_header_timeout`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNxdomainServer, type NxdomainServer } from './dns.ts';
import { binaryPath, caddy, describeWithBinaries, ss } from './harness/binaries.ts';
import { caseTitle, checkCase, hostOf, type CaseId, type LabCase } from './harness/case.ts';
import { get } from './harness/client.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { fixSnippet } from './harness/fix-snippet.ts';
import { expectLoopbackOnly } from './harness/listening.ts';
import { freePort } from './harness/ports.ts';
import { FixtureRecorder } from './harness/record.ts';
import { caddyConfig, startCaddy } from './servers/caddy.ts';
import { run, type RunningProxy } from './servers/proxy.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let dir = '';
let port = 0;
let adminPort = 0;
let deadPort = 0;
let proxy: RunningProxy;
let upstream: Upstream;
let revived: Upstream | undefined;
let dns: NxdomainServer;
/** Fix snippets applied so far, by case: the `reverse_proxy` directive that replaces the case's. */
const fixes = new Map<CaseId, string>();
const recorder = new FixtureRecorder('caddy', () => run(binaryPath(caddy), ['version'], 'caddy version'));

type CaddyCase = 'refused' | 'closed' | 'reset' | 'slow' | 'not-resolved';

/** One site block per case, with the fixes applied so far. */
function config(): string {
  const up = `127.0.0.1:${upstream.port}`;
  const directives: Record<CaddyCase, string> = {
    refused: `reverse_proxy 127.0.0.1:${deadPort}`,
    closed: `reverse_proxy ${up}`,
    reset: `reverse_proxy ${up}`,
    // The lab's 1 s, like the other servers' proxy timeouts; Caddy has no default.
    slow: `reverse_proxy ${up} {\n\ttransport http {\n\t\tresponse_header_timeout 1s\n\t}\n}`,
    // `resolvers` sends the lookup to the lab's NXDOMAIN server, never off the machine.
    'not-resolved': `reverse_proxy backend.invalid:${upstream.port} {\n\ttransport http {\n\t\tresolvers 127.0.0.1:${dns.port}\n\t}\n}`,
  };
  const sites = (Object.keys(directives) as CaddyCase[]).map((id) => {
    const body = (fixes.get(id) ?? directives[id]).replaceAll('\n', '\n\t');
    return `http://${hostOf(id)}:${port} {\n\tbind 127.0.0.1\n\t${body}\n}`;
  });
  return caddyConfig(dir, adminPort, sites.join('\n\n'));
}

async function applyFix(id: CaseId, directive: string): Promise<void> {
  fixes.set(id, directive);
  await proxy.reload(config());
}

const answers = (...rest: string[]) => ['admin', 'caddy', ...rest];

const cases: LabCase[] = [
  {
    id: 'refused',
    path: '/',
    status: 502,
    logText: 'connect: connection refused',
    answers: answers('refused', 'same-host'),
    fix: { what: 'start the upstream', apply: async () => void (revived = await startUpstream({ port: deadPort })) },
  },
  { id: 'closed', path: '/close', status: 502, logText: '"msg":"EOF"', answers: answers('closed', 'every-request') },
  {
    id: 'reset',
    path: '/reset',
    status: 502,
    logText: 'read: connection reset by peer',
    answers: answers('reset', 'every-request'),
  },
  {
    id: 'slow',
    path: '/reports/slow',
    status: 504,
    logText: '"msg":"net/http: timeout awaiting response headers"',
    answers: answers('timed-out'),
    fix: {
      what: 'the response_header_timeout of fixes/upstream-timeout',
      apply: () =>
        applyFix(
          'slow',
          fixSnippet({
            page: 'fixes/upstream-timeout.mdx',
            language: 'caddy',
            containing: 'response_header_timeout',
          }).replaceAll('127.0.0.1:8080', `127.0.0.1:${upstream.port}`),
        ),
    },
  },
  {
    id: 'not-resolved',
    path: '/',
    status: 502,
    logText: ': no such host"',
    answers: answers('not-resolved'),
  },
];

describeWithBinaries('Caddy lab', [caddy, ss], () => {
  beforeAll(async () => {
    dir = makeTempDir('caddy');
    [upstream, dns, deadPort, port, adminPort] = await Promise.all([
      startUpstream({ port: 0 }),
      startNxdomainServer({ tcp: true }),
      freePort(),
      freePort(),
      freePort(),
    ]);
    proxy = await startCaddy(dir, port, adminPort, config());
  });

  afterAll(async () => {
    await recorder.writeManifest();
    await Promise.all([upstream?.close(), revived?.close(), dns?.close()]);
    cleanUpLab();
  });

  it('listens on 127.0.0.1 only', () => expectLoopbackOnly([proxy.mainPid()!, process.pid], port));

  // Go's error names the first nameserver of /etc/resolv.conf even though Caddy's
  // `resolvers` dialled the lab's server instead: the queries prove where it went.
  it('not-resolved: the lookup went to the lab’s DNS server, and “no such host” ends the line', async () => {
    const from = proxy.errorLog.mark();
    expect((await get(port, hostOf('not-resolved'), '/')).status).toBe(502);
    const { line } = await proxy.errorLog.waitForLine(from, 'no such host');
    expect(dns.queries).toContain('backend.invalid');
    expect(JSON.parse(line)).toMatchObject({
      level: 'error',
      logger: 'http.log.error',
      msg: expect.stringMatching(/^dial tcp: lookup backend\.invalid on \S+: no such host$/),
      status: 502,
    });
  });

  it('refused: the line names the address it dialled, and its status field is the 502 the client got', async () => {
    const from = proxy.errorLog.mark();
    expect((await get(port, hostOf('refused'), '/')).status).toBe(502);
    const { line } = await proxy.errorLog.waitForLine(from, 'connection refused');
    expect(JSON.parse(line)).toMatchObject({
      logger: 'http.log.error',
      msg: `dial tcp 127.0.0.1:${deadPort}: connect: connection refused`,
      status: 502,
    });
  });

  for (const labCase of cases) it(caseTitle(labCase), () => checkCase(proxy, labCase, recorder));
});
