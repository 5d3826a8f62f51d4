/**
 * HAProxy in front of the misbehaving upstream: one frontend routing on `Host` to one
 * backend per case. The log line is the HTTP log with its termination state (reference
 * §3): HAProxy answers 503 when it cannot connect, 504 on `timeout server`.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.ts';
import { startNxdomainServer, type NxdomainServer } from './dns.ts';
import { binaryPath, describeWithBinaries, haproxy, ss } from './harness/binaries.ts';
import { caseTitle, checkCase, hostOf, type CaseId, type LabCase } from './harness/case.ts';
import { get } from './harness/client.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { fixSnippet } from './harness/fix-snippet.ts';
import { expectLoopbackOnly } from './harness/listening.ts';
import { freePort } from './harness/ports.ts';
import { FixtureRecorder } from './harness/record.ts';
import { wizardOutcome } from './harness/wizard.ts';
import { haproxyConfig, startHaproxy } from './servers/haproxy.ts';
import { run, type RunningProxy } from './servers/proxy.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let dir = '';
let port = 0;
let deadPort = 0;
let proxy: RunningProxy;
let upstream: Upstream;
let socketUpstream: Upstream;
let revived: Upstream | undefined;
let dns: NxdomainServer;
/** Fix snippets applied so far, by case ('' for a fix that only changes a path). */
const fixes = new Map<CaseId, string>();
const recorder = new FixtureRecorder('haproxy', () => run(binaryPath(haproxy), ['-v'], 'haproxy -v').split('\n')[0]!);

/** The frontend and one backend per case, with the fixes applied so far. */
function config(): string {
  const server = (address: string) => `    server app1 ${address}`;
  const up = `127.0.0.1:${upstream.port}`;
  const socket = fixes.has('socket-missing') ? 'app.sock' : 'old-app.sock';
  const backends: Record<CaseId, string> = {
    refused: server(`127.0.0.1:${deadPort}`),
    closed: server(up),
    reset: server(up),
    slow: server(up),
    'big-header': server(up),
    'bad-status': server(up),
    'wrong-version': server(up),
    'bad-header': server(up),
    'socket-missing': server(join(dir, 'run', socket)),
    'not-resolved': server(`backend.invalid:${upstream.port} resolvers lab init-addr last,libc,none`),
  };
  const ids = Object.keys(backends) as CaseId[];
  // A fix is the page's `backend app` (it replaces the case's backend) or `global` section.
  const section = (id: CaseId) => {
    const fixed = fixes.get(id);
    return fixed?.startsWith('backend app\n')
      ? fixed.replace('backend app', `backend ${id}`)
      : `backend ${id}\n${backends[id]}`;
  };
  const global = [...fixes.values()].filter((fixed) => fixed.startsWith('global\n')).map((fixed) => fixed.slice(7));
  const body = [
    `resolvers lab\n    nameserver dns1 127.0.0.1:${dns.port}\n    hold valid 10s`,
    `frontend http-in\n    bind 127.0.0.1:${port}`,
    ...ids.map((id) => `    use_backend ${id} if { hdr(host) -i ${hostOf(id)} }`),
    ...ids.map(section),
  ];
  return haproxyConfig(body.join('\n'), global.join('\n'));
}

async function applyFix(id: CaseId, section: string): Promise<void> {
  fixes.set(id, section);
  await proxy.reload(config());
}

const answers = (...rest: string[]) => ['admin', 'haproxy', ...rest];

const cases: LabCase[] = [
  {
    id: 'refused',
    path: '/',
    status: 503,
    logText: ' SC-- ',
    answers: answers('refused', 'same-host'),
    fix: { what: 'start the upstream', apply: async () => void (revived = await startUpstream({ port: deadPort })) },
  },
  { id: 'closed', path: '/close', status: 502, logText: ' SH-- ', answers: answers('closed', 'every-request') },
  { id: 'reset', path: '/reset', status: 502, logText: ' SH-- ', answers: answers('reset', 'every-request') },
  {
    id: 'slow',
    path: '/reports/slow',
    status: 504,
    logText: ' sH-- ',
    answers: answers('timed-out'),
    fix: {
      what: 'the timeout server backend of fixes/upstream-timeout',
      apply: () =>
        applyFix(
          'slow',
          fixSnippet(
            { page: 'fixes/upstream-timeout.mdx', language: 'haproxy', containing: 'timeout server' },
            upstream.port,
          ),
        ),
    },
  },
  {
    id: 'big-header',
    path: '/big-header?bytes=20000',
    status: 502,
    logText: ' PH-- ',
    answers: answers('header-too-big'),
    knownGap: 'PH-- is the same for an oversized and an invalid header; the recogniser reads it as invalid-response',
    fix: {
      what: 'the tune.bufsize global of fixes/header-too-big',
      apply: () =>
        applyFix(
          'big-header',
          fixSnippet({ page: 'fixes/header-too-big.mdx', language: 'haproxy', containing: 'tune.bufsize' }),
        ),
    },
  },
  { id: 'bad-status', path: '/bad-status', status: 502, logText: ' PH-- ', answers: answers('invalid-header') },
  { id: 'wrong-version', path: '/wrong-version', status: 200, logText: null },
  { id: 'bad-header', path: '/bad-header', status: 502, logText: ' PH-- ', answers: answers('invalid-header') },
  {
    id: 'socket-missing',
    path: '/',
    status: 503,
    logText: ' SC-- ', // the line does not say "socket": the reader answers "refused"
    answers: answers('refused', 'same-host'),
    fix: {
      what: 'point the server line at the socket the app listens on',
      apply: () => applyFix('socket-missing', ''),
    },
  },
  {
    id: 'not-resolved',
    path: '/',
    status: 503,
    logText: 'not-resolved/<NOSRV> ', // per request only <NOSRV>; the name is in the startup warning
    answers: answers('no-live-upstreams'),
  },
];

describeWithBinaries('HAProxy lab', [haproxy, ss], () => {
  beforeAll(async () => {
    dir = makeTempDir('haproxy');
    mkdirSync(join(dir, 'run'), { mode: 0o755 });
    [upstream, socketUpstream, dns, deadPort, port] = await Promise.all([
      startUpstream({ port: 0 }),
      startUpstream({ path: join(dir, 'run', 'app.sock') }),
      startNxdomainServer(),
      freePort(),
      freePort(),
    ]);
    chmodSync(join(dir, 'run', 'app.sock'), 0o666); // HAProxy runs as nobody
    proxy = await startHaproxy(dir, port, config());
  });

  afterAll(async () => {
    await recorder.writeManifest();
    await Promise.all([upstream?.close(), socketUpstream?.close(), revived?.close(), dns?.close()]);
    cleanUpLab();
  });

  it('listens on 127.0.0.1 only', () => expectLoopbackOnly([proxy.mainPid()!, process.pid], port));

  it('not-resolved at startup: warns “could not resolve address”, which names the DNS failure', () => {
    const text = "could not resolve address 'backend.invalid', disabling server";
    const line = proxy.errorLog.linesSince(0).find((candidate) => candidate.includes(text));
    expect(line, `a startup line with “${text}”`).toBeDefined();
    const expected = wizardOutcome(answers('not-resolved'));
    recorder.add('not-resolved-startup', [line!], { line: line!, answers: answers('not-resolved'), outcome: expected });
    const [finding] = diagnose(line!);
    expect(finding?.rule.id).toBe('haproxy-server-not-resolved');
    expect(finding?.outcome).toBe(expected);
  });

  it('not-resolved without init-addr: haproxy -c rejects the config, “could not resolve address”', () => {
    const checkDir = join(dir, 'no-init-addr');
    mkdirSync(checkDir);
    writeFileSync(
      join(checkDir, 'haproxy.cfg'),
      haproxyConfig(`backend app\n    server app1 backend.invalid:${upstream.port}`),
    );
    // Without -q (haproxyTest's flag), which would hide the alert.
    const check = () => run(binaryPath(haproxy), ['-c', '-f', join(checkDir, 'haproxy.cfg')], 'haproxy -c');
    expect(check).toThrow("could not resolve address 'backend.invalid'");
  });

  // Runs before the refused case, whose fix starts the upstream on deadPort.
  it('refused: HAProxy retries the connect 3 times, about 1 s apart, before its 503 (SC--, retries 3)', async () => {
    const from = proxy.errorLog.mark();
    const started = Date.now();
    expect((await get(port, hostOf('refused'), '/')).status).toBe(503);
    const elapsed = Date.now() - started;
    const { line } = await proxy.errorLog.waitForLine(from, ' SC-- ');
    expect(line, 'the retries field (last of the five connection counters) is 3').toMatch(
      / SC-- \d+\/\d+\/\d+\/\d+\/3 /,
    );
    expect(elapsed, 'three retries take about 3 s, not 0 ms').toBeGreaterThanOrEqual(2500);
  });

  for (const labCase of cases) it(caseTitle(labCase), () => checkCase(proxy, labCase, recorder));
});
