/**
 * nginx in front of the misbehaving upstream: one `server` block per case, routed by
 * `Host`. Statuses and log lines as in reference §1 and §13.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNxdomainServer, type NxdomainServer } from './dns.ts';
import { binaryPath, describeWithBinaries, nginx, phpFpm, ss } from './harness/binaries.ts';
import { caseTitle, checkCase, hostOf, type CaseId, type LabCase } from './harness/case.ts';
import { get } from './harness/client.ts';
import { cleanUpLab, makeTempDir } from './harness/cleanup.ts';
import { ErrorLog } from './harness/errorlog.ts';
import { fixSnippet } from './harness/fix-snippet.ts';
import { expectLoopbackOnly } from './harness/listening.ts';
import { freePort } from './harness/ports.ts';
import { FixtureRecorder } from './harness/record.ts';
import { nginxConfig, startNginx } from './servers/nginx.ts';
import { run, waitFor, type RunningProxy } from './servers/proxy.ts';
import { startPhpFpm, type PhpFpm } from './servers/php-fpm.ts';
import { startUpstream, type Upstream } from './upstream.ts';

let dir = '';
let proxy: RunningProxy;
let upstream: Upstream;
let revived: Upstream | undefined;
let dns: NxdomainServer;
let fpm: PhpFpm;
let deadPort = 0;
let port = 0;
/** Fix snippets applied so far, by case; each goes into its case's `server` block. */
const fixes = new Map<CaseId, string>();
const recorder = new FixtureRecorder('nginx', () => run(binaryPath(nginx), ['-v'], 'nginx -v'));

/** The `server` blocks, one per case, with the fixes applied so far. */
function servers(): string {
  const up = `http://127.0.0.1:${upstream.port}`;
  const stale = join(dir, 'run', 'php7.4-fpm.sock'); // Debian 12's default site still names 7.4
  const socket = fixes.has('socket-missing') ? fpm.socket : stale;
  const bodies: Record<CaseId, string> = {
    refused: `location / { proxy_pass http://127.0.0.1:${deadPort}; }`,
    closed: `location / { proxy_pass ${up}; }`,
    reset: `location / { proxy_pass ${up}; }`,
    slow: `location / { proxy_pass ${up}; proxy_read_timeout 1s; }`,
    'big-header': `location / { proxy_pass ${up}; }`,
    'bad-status': `location / { proxy_pass ${up}; }`,
    'wrong-version': `location / { proxy_pass ${up}; }`,
    'bad-header': `location / { proxy_pass ${up}; }`,
    'socket-missing': [
      'location / {',
      `    fastcgi_pass unix:${socket};`,
      `    fastcgi_param SCRIPT_FILENAME ${fpm.script};`,
      '    fastcgi_param REQUEST_METHOD $request_method;',
      '}',
    ].join('\n'),
    'not-resolved': [
      `resolver 127.0.0.1:${dns.port} ipv6=off;`,
      `location / { set $app_upstream http://backend.invalid:${upstream.port}; proxy_pass $app_upstream; }`,
    ].join('\n'),
  };
  const blocks = Object.entries(bodies).map(([id, body]) => {
    const inner = [body, fixes.get(id as CaseId) ?? ''].join('\n').replaceAll(/^(?=.)/gm, '        ');
    return `    server {\n        listen 127.0.0.1:${port};\n        server_name ${hostOf(id as CaseId)};\n${inner}\n    }`;
  });
  return [...blocks, singleServer()].join('\n');
}

/** Host of the one-server `upstream {}` group, logged with general-checklist's upstream format. */
const singleHost = 'single-upstream.lab.test';

/**
 * A one-server `upstream {}` group (with `max_fails=1`) on the dead port, and a site that
 * logs it with the `log_format` (in `http {}`) and `access_log` (in `server {}`) of
 * fixes/general-checklist, the access log written to `upstream.log` instead.
 */
function singleServer(): string {
  const format = fixSnippet({ page: 'fixes/general-checklist.mdx', language: 'nginx', containing: 'log_format' });
  const pageLine = fixSnippet({ page: 'fixes/general-checklist.mdx', language: 'nginx', containing: 'access_log' });
  if (!pageLine.includes('/var/log/nginx/access.log')) throw new Error(`[lab] unexpected access_log line: ${pageLine}`);
  const accessLog = pageLine.trim().replace('/var/log/nginx/access.log', join(dir, 'upstream.log'));
  return [
    format,
    `upstream lab_single { server 127.0.0.1:${deadPort} max_fails=1; }`,
    'server {',
    `    listen 127.0.0.1:${port};`,
    `    server_name ${singleHost};`,
    `    ${accessLog}`,
    '    location / { proxy_pass http://lab_single; }',
    '}',
  ].join('\n');
}

async function applyFix(id: CaseId, snippet: string): Promise<void> {
  fixes.set(id, snippet);
  await proxy.reload(nginxConfig(dir, servers()));
}

const answers = (...rest: string[]) => ['admin', 'nginx', ...rest];

const cases: LabCase[] = [
  {
    id: 'refused',
    path: '/',
    status: 502,
    logText: 'connect() failed (111: Connection refused) while connecting to upstream',
    answers: answers('refused', 'same-host'),
    fix: {
      what: 'start the upstream',
      apply: async () => void (revived = await startUpstream({ port: deadPort })),
    },
  },
  {
    id: 'closed',
    path: '/close',
    status: 502,
    logText: 'upstream prematurely closed connection while reading response header from upstream',
    answers: answers('closed', 'every-request'),
  },
  {
    id: 'reset',
    path: '/reset',
    status: 502,
    logText: 'recv() failed (104: Connection reset by peer) while reading response header from upstream',
    answers: answers('reset', 'every-request'),
  },
  {
    id: 'slow',
    path: '/reports/slow',
    status: 504,
    logText: 'upstream timed out (110: Connection timed out) while reading response header from upstream',
    answers: answers('timed-out'),
    fix: {
      what: 'the proxy_read_timeout location of fixes/upstream-timeout',
      apply: () =>
        applyFix(
          'slow',
          fixSnippet(
            { page: 'fixes/upstream-timeout.mdx', language: 'nginx', containing: 'proxy_read_timeout' },
            upstream.port,
          ),
        ),
    },
  },
  {
    id: 'big-header',
    path: '/big-header?bytes=12000',
    status: 502,
    logText: 'upstream sent too big header while reading response header from upstream',
    answers: answers('header-too-big'),
    fix: {
      what: 'the proxy_buffer_size lines of fixes/header-too-big',
      apply: () =>
        applyFix(
          'big-header',
          fixSnippet(
            { page: 'fixes/header-too-big.mdx', language: 'nginx', containing: 'proxy_buffer_size' },
            upstream.port,
          ),
        ),
    },
  },
  {
    id: 'bad-status',
    path: '/bad-status',
    status: 'not HTTP', // nginx passes a reply without a valid status line through as HTTP/0.9
    logText: 'upstream sent no valid HTTP/1.0 header while reading response header from upstream',
    answers: answers('invalid-header'),
  },
  {
    id: 'wrong-version',
    path: '/wrong-version',
    status: 200, // nginx accepts any HTTP/x.y status line
    logText: null,
  },
  {
    id: 'bad-header',
    path: '/bad-header',
    status: 502,
    logText: 'upstream sent invalid header',
    answers: answers('invalid-header'),
  },
  {
    id: 'socket-missing',
    path: '/index.php',
    status: 502,
    logText: 'php7.4-fpm.sock failed (2: No such file or directory) while connecting to upstream',
    answers: answers('no-such-file'),
    fix: { what: 'point fastcgi_pass at the socket PHP-FPM listens on', apply: () => applyFix('socket-missing', '') },
  },
  {
    id: 'not-resolved',
    path: '/',
    status: 502,
    logText: 'backend.invalid could not be resolved (3: Host not found)',
    answers: answers('not-resolved'),
  },
];

describeWithBinaries('nginx lab', [nginx, phpFpm, ss], () => {
  beforeAll(async () => {
    dir = makeTempDir('nginx');
    [upstream, dns, fpm, deadPort] = await Promise.all([
      startUpstream({ port: 0 }),
      startNxdomainServer(),
      startPhpFpm(dir),
      freePort(),
    ]);
    port = await freePort();
    proxy = await startNginx(dir, port, nginxConfig(dir, servers()));
  });

  afterAll(async () => {
    await recorder.writeManifest();
    await Promise.all([upstream?.close(), revived?.close(), dns?.close()]);
    cleanUpLab();
  });

  it('listens on 127.0.0.1 only', () => expectLoopbackOnly([proxy.mainPid()!, fpm.pid()!, process.pid], port));

  // Runs before the refused case, whose fix starts the upstream on deadPort.
  it('one-server upstream group, refused 4 times: never “no live upstreams”; the server-level access_log logs each request once, upstream_status=502 uheader=-', async () => {
    const from = proxy.errorLog.mark();
    const httpLevel = new ErrorLog(join(dir, 'access.log'));
    const httpFrom = httpLevel.mark();
    for (let request = 0; request < 4; request++) {
      expect((await get(port, singleHost, '/')).status).toBe(502);
    }
    const lines = proxy.errorLog.linesSince(from).filter((line) => line.includes(`host: "${singleHost}"`));
    expect(lines.filter((line) => line.includes('connect() failed (111: Connection refused)'))).toHaveLength(4);
    expect(lines.filter((line) => line.includes('no live upstreams'))).toEqual([]);
    const upstreamLog = new ErrorLog(join(dir, 'upstream.log'));
    // nginx writes access logs after the reply, for both access_log lines in the same phase.
    await waitFor(() => upstreamLog.linesSince(0).length >= 4, 'four lines in upstream.log', 3000);
    const logged = upstreamLog.linesSince(0);
    expect(logged).toHaveLength(4);
    for (const line of logged) expect(line).toMatch(/" 502 157 .* upstream_status=502 uheader=- /);
    expect(httpLevel.linesSince(httpFrom), 'the server-level access_log replaces the http-level one').toEqual([]);
  });

  for (const labCase of cases) it(caseTitle(labCase), () => checkCase(proxy, labCase, recorder));
});
