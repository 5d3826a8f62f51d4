/**
 * Apache httpd (mod_proxy_http, mod_proxy_fcgi) in front of the misbehaving upstream: one
 * name-based `VirtualHost` per case. Statuses and log lines as in reference §2: Apache
 * answers 503 when it cannot connect, and 502 even for a read timeout.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apache2, binaryPath, describeWithBinaries, phpFpm, ss } from './harness/binaries.ts';
import { caseTitle, checkCase, hostOf, type CaseId, type LabCase } from './harness/case.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { get } from './harness/client.ts';
import { fixSnippet } from './harness/fix-snippet.ts';
import { expectLoopbackOnly } from './harness/listening.ts';
import { freePort } from './harness/ports.ts';
import { FixtureRecorder } from './harness/record.ts';
import { apacheConfig, startApache } from './servers/apache.ts';
import { startPhpFpm, type PhpFpm } from './servers/php-fpm.ts';
import { run, waitFor, type RunningProxy } from './servers/proxy.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let dir = '';
let port = 0;
let deadPort = 0;
let proxy: RunningProxy;
let upstream: Upstream;
let revived: Upstream | undefined;
let fpm: PhpFpm;
/** Lines that replace a case's default lines once its fix is applied. */
const fixes = new Map<CaseId, string>();
const recorder = new FixtureRecorder('apache', () => run(binaryPath(apache2), ['-v'], 'apache2 -v').split('\n')[0]!);

/** The virtual hosts, one per case, with the fixes applied so far. */
function virtualHosts(): string {
  const up = `http://127.0.0.1:${upstream.port}/`;
  const proxyPass = `ProxyPass "/" "${up}"`;
  const stale = join(dir, 'run', 'php7.4-fpm.sock'); // the path of an older PHP version
  const socket = fixes.has('socket-missing') ? fpm.socket : stale;
  const www = join(dir, 'www');
  const bodies: Record<CaseId, string> = {
    refused: `ProxyPass "/" "http://127.0.0.1:${deadPort}/"`,
    closed: proxyPass,
    reset: proxyPass,
    slow: `${fixes.get('slow') ?? 'ProxyTimeout 1'}\n${proxyPass}`,
    'big-header': fixes.get('big-header') ?? proxyPass,
    'bad-status': proxyPass,
    'wrong-version': proxyPass,
    'bad-header': proxyPass,
    'socket-missing': [
      `DocumentRoot ${www}`,
      `<Directory ${www}>`,
      '    Require all granted',
      '</Directory>',
      '<FilesMatch "\\.php$">',
      `    SetHandler "proxy:unix:${socket}|fcgi://localhost"`,
      '</FilesMatch>',
    ].join('\n'),
    'not-resolved': `ProxyPass "/" "http://backend.invalid:${upstream.port}/"`,
  };
  return Object.entries(bodies)
    .map(([id, body]) => {
      const inner = body.replaceAll(/^(?=.)/gm, '    ');
      return `<VirtualHost 127.0.0.1:${port}>\n    ServerName ${hostOf(id as CaseId)}\n${inner}\n</VirtualHost>`;
    })
    .join('\n');
}

async function applyFix(id: CaseId, lines: string): Promise<void> {
  fixes.set(id, lines);
  await proxy.reload(apacheConfig(dir, port, virtualHosts()));
}

const answers = (...rest: string[]) => ['admin', 'apache', ...rest];

const cases: LabCase[] = [
  {
    id: 'refused',
    path: '/',
    status: 503,
    logText: '(111)Connection refused: AH00957:', // 2.4.71 writes `http:`, the reference `HTTP:`
    answers: answers('refused', 'same-host'),
    fix: {
      // 2.4.71 retries a lone ProxyPass worker on the next request: no AH00959, no retry= wait.
      what: 'start the upstream',
      apply: async () => void (revived = await startUpstream({ port: deadPort })),
    },
  },
  {
    id: 'closed',
    path: '/close',
    status: 502,
    logText: 'AH01102: error reading status line from remote server',
    answers: answers('closed', 'every-request'),
  },
  {
    id: 'reset',
    path: '/reset',
    status: 502,
    logText: '(104)Connection reset by peer: [client',
    answers: answers('reset', 'every-request'),
  },
  {
    id: 'slow',
    path: '/reports/slow',
    status: 502,
    logText: '(70007)The timeout specified has expired',
    answers: answers('timed-out'),
    fix: {
      what: 'the ProxyTimeout line of fixes/upstream-timeout',
      apply: () =>
        applyFix(
          'slow',
          fixSnippet({ page: 'fixes/upstream-timeout.mdx', language: 'apacheconf', containing: 'ProxyTimeout' }),
        ),
    },
  },
  {
    id: 'big-header',
    path: '/big-header?bytes=12000',
    status: 502,
    logText: 'AH10124: header size is over the limit allowed by ResponseFieldSize',
    answers: answers('header-too-big'),
    knownGap:
      'no rule for AH10124, which fixes/header-too-big.mdx names (the AH01106 after it reads as invalid-response)',
    fix: {
      what: 'the responsefieldsize ProxyPass line of fixes/header-too-big',
      apply: () =>
        applyFix(
          'big-header',
          fixSnippet(
            { page: 'fixes/header-too-big.mdx', language: 'apacheconf', containing: 'responsefieldsize' },
            upstream.port,
          ),
        ),
    },
  },
  {
    id: 'bad-status',
    path: '/bad-status',
    status: 200, // not `HTTP/#.# ###`: passed through as an HTTP/0.9 body, nothing logged
    logText: null,
  },
  {
    id: 'wrong-version',
    path: '/wrong-version',
    status: 502,
    logText: 'Corrupt status line returned by remote server: HTTP/2.0 200 OK',
    answers: answers('invalid-header'),
  },
  {
    id: 'bad-header',
    path: '/bad-header',
    status: 500,
    logText: "AH02429: Response header name 'Bad\\x01Header' contains invalid characters",
    answers: answers('invalid-header'),
    knownGap: 'no rule for AH02429 (an invalid response header name; Apache answers 500)',
  },
  {
    id: 'socket-missing',
    path: '/index.php',
    status: 503,
    logText: '(2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket',
    answers: answers('no-such-file'),
    fix: { what: 'point SetHandler at the socket PHP-FPM listens on', apply: () => applyFix('socket-missing', '') },
  },
  {
    id: 'not-resolved',
    path: '/',
    status: 500,
    logText: 'DNS lookup failure for: backend.invalid',
    answers: answers('not-resolved'),
  },
];

describeWithBinaries('Apache httpd lab', [apache2, phpFpm, ss], () => {
  beforeAll(async () => {
    dir = makeTempDir('apache');
    [upstream, fpm, deadPort, port] = await Promise.all([
      startUpstream({ port: 0 }),
      startPhpFpm(dir),
      freePort(),
      freePort(),
    ]);
    proxy = await startApache(dir, port, apacheConfig(dir, port, virtualHosts()));
  });

  afterAll(async () => {
    await recorder.writeManifest();
    await Promise.all([upstream?.close(), revived?.close()]);
    cleanUpLab();
  });

  it('listens on 127.0.0.1 only', () => expectLoopbackOnly([proxy.mainPid()!, fpm.pid()!, process.pid], port));

  // Runs before the refused case, whose fix starts the upstream on deadPort.
  it('refused three times: a plain ProxyPass backend is tried on every request (AH00957 each time, no AH00959 or AH00940)', async () => {
    const from = proxy.errorLog.mark();
    const attempts = () => proxy.errorLog.linesSince(from).filter((line) => line.includes('AH00957: http: attempt'));
    for (let request = 0; request < 3; request++) {
      expect((await get(port, hostOf('refused'), '/')).status).toBe(503);
    }
    // Apache may write the lines just after the reply; a disabled worker would write fewer.
    await waitFor(() => attempts().length >= 3, 'one AH00957 line per request', 3000).catch(() => undefined);
    const lines = proxy.errorLog.linesSince(from);
    expect(attempts().length, `AH00957 lines:\n${lines.join('\n')}`).toBe(3);
    expect(
      lines.filter((line) => /AH00959|AH00940/.test(line)),
      `no worker disabled:\n${lines.join('\n')}`,
    ).toEqual([]);
  });

  for (const labCase of cases) it(caseTitle(labCase), () => checkCase(proxy, labCase, recorder));
});
