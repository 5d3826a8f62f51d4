import { describe, expect, it } from 'vitest';
import { parseUpstreamAddress } from '../../src/diagnose/address';
import { diagnose } from '../../src/diagnose/diagnose';
import { setupValuesFrom } from '../../src/diagnose/setup-values';
import type { Fields } from '../../src/diagnose/types';
import { findingWizardPath, fixPagePath, pasteLinks, reachesOutcome, wizardPathFor } from '../../src/diagnose/wizard';
import { rules } from '../../src/diagnose/rules/index';
import { loadTreeForRouting } from '../support/tree';

const tree = loadTreeForRouting();
const fieldsOf = (line: string): Fields => diagnose(line)[0]!.fields;

describe('fields read from a recognised line', () => {
  it.each([
    [
      'an nginx line names the upstream, client, server, request and time',
      '2026/11/24 01:22:04 [error] 15577#15577: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: example.test, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:18999/refused", host: "example.test"',
      {
        timestamp: '2026/11/24 01:22:04',
        upstream: 'http://127.0.0.1:18999/refused',
        upstreamHost: '127.0.0.1',
        upstreamPort: '18999',
        client: '127.0.0.1',
        server: 'example.test',
        request: 'GET /refused HTTP/1.1',
      },
    ],
    [
      'an nginx unix-socket line names the socket',
      '2026/11/24 01:22:08 [crit] 15577#15577: *19 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: , request: "GET /nosock HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.test"',
      {
        timestamp: '2026/11/24 01:22:08',
        upstream: 'fastcgi://unix:/run/php/php8.2-fpm.sock:',
        socket: '/run/php/php8.2-fpm.sock',
        client: '127.0.0.1',
        server: 'example.test',
        request: 'GET /nosock HTTP/1.1',
      },
    ],
    [
      'an nginx resolver line names the name that did not resolve',
      '2026/11/24 01:22:34 [error] 15847#15847: *35 backend.invalid could not be resolved (3: Host not found), client: 127.0.0.1, server: example.test, request: "GET /nxdomain2 HTTP/1.1", host: "example.test"',
      {
        timestamp: '2026/11/24 01:22:34',
        upstream: 'backend.invalid',
        upstreamHost: 'backend.invalid',
        client: '127.0.0.1',
        server: 'example.test',
        request: 'GET /nxdomain2 HTTP/1.1',
      },
    ],
    [
      'an Apache line names the backend and the client',
      '[Tue Nov 24 01:22:06.004511 2026] [proxy_http:error] [pid 2211:tid 140093781235264] (70007)The timeout specified has expired: [client 198.51.100.7:52310] AH01102: error reading status line from remote server 127.0.0.1:8080',
      {
        timestamp: 'Tue Nov 24 01:22:06.004511 2026',
        upstream: '127.0.0.1:8080',
        upstreamHost: '127.0.0.1',
        upstreamPort: '8080',
        client: '198.51.100.7:52310',
      },
    ],
    [
      'an HAProxy line names backend/server, client, request and accept date',
      'haproxy[2411]: 198.51.100.7:52190 [24/Nov/2026:01:22:07.455] http-in app/app1 0/0/0/3/3 502 209 - - PH-- 1/1/0/0/0 0/0 "GET / HTTP/1.1"',
      {
        timestamp: '24/Nov/2026:01:22:07.455',
        upstream: 'app/app1',
        client: '198.51.100.7:52190',
        request: 'GET / HTTP/1.1',
      },
    ],
    [
      'a Caddy JSON line names the dialled upstream and the request',
      '{"level":"error","ts":1649018456.56,"logger":"http.log.error","msg":"dial tcp 127.0.0.1:4040: connect: connection refused","request":{"remote_ip":"198.51.100.7","method":"GET","host":"example.com","uri":"/api"},"status":502}',
      {
        timestamp: '2022-04-03T20:40:56.560Z',
        upstream: '127.0.0.1:4040',
        upstreamHost: '127.0.0.1',
        upstreamPort: '4040',
        client: '198.51.100.7',
        server: 'example.com',
        request: 'GET /api',
      },
    ],
    [
      'curl names the host and port it tried',
      "curl: (7) Failed to connect to 127.0.0.1 port 18999 after 0 ms: Couldn't connect to server",
      { upstream: '127.0.0.1:18999', upstreamHost: '127.0.0.1', upstreamPort: '18999' },
    ],
    [
      'an Envoy access-log line names the upstream host',
      '[2022-04-24T12:23:37.047Z] "GET /wrong HTTP/1.1" 502 UPE upstream_reset_before_response_started{protocol_error} - "-" 0 87 1001 - "-" "curl/7.80.0" "…" "http-chunked:8080" "10.244.0.17:8080" inbound|8080|| …',
      {
        timestamp: '2022-04-24T12:23:37.047Z',
        request: 'GET /wrong HTTP/1.1',
        upstream: '10.244.0.17:8080',
        upstreamHost: '10.244.0.17',
        upstreamPort: '8080',
      },
    ],
  ])('%s', (_name, line, expected) => {
    expect(fieldsOf(line)).toEqual(expected);
  });
});

describe('parseUpstreamAddress', () => {
  it.each([
    ['http://127.0.0.1:8080/path', { upstreamHost: '127.0.0.1', upstreamPort: '8080' }],
    ['fastcgi://unix:/run/php/php8.2-fpm.sock:', { socket: '/run/php/php8.2-fpm.sock' }],
    ['http://unix:/run/app/x.sock:/', { socket: '/run/app/x.sock' }],
    ['unix:///var/run/puma.sock', { socket: '/var/run/puma.sock' }],
    ['[::1]:8765', { upstreamHost: '::1', upstreamPort: '8765' }],
    ['http://deadpool/nolive', { upstreamHost: 'deadpool' }],
    ['-', {}],
    ['::1', {}],
  ])('splits %s', (upstream, expected) => {
    expect(parseUpstreamAddress(upstream)).toEqual(expected);
  });
});

describe('values offered to the reader setup', () => {
  it.each([
    [
      'an IPv4 address with its port',
      { upstreamHost: '127.0.0.1', upstreamPort: '8080' },
      { upstreamHost: '127.0.0.1', upstreamPort: '8080' },
    ],
    [
      'a hostname with its port',
      { upstreamHost: 'app.internal', upstreamPort: '3000' },
      { upstreamHost: 'app.internal', upstreamPort: '3000' },
    ],
    ['a socket path', { socket: '/run/php/php8.2-fpm.sock' }, { socket: '/run/php/php8.2-fpm.sock' }],
    ['no host without a port (an nginx pool name)', { upstreamHost: 'deadpool' }, {}],
    ['no port 0', { upstreamHost: '127.0.0.1', upstreamPort: '0' }, {}],
    ['no port above 65535', { upstreamHost: '127.0.0.1', upstreamPort: '65536' }, {}],
    ['no IPv4 part above 255', { upstreamHost: '300.1.1.1', upstreamPort: '80' }, {}],
    ['no shell in a host', { upstreamHost: '$(id)', upstreamPort: '80' }, {}],
    ['no markup in a host', { upstreamHost: '<img src=x>', upstreamPort: '80' }, {}],
    ['no IPv6 (left to the setup panel)', { upstreamHost: '::1', upstreamPort: '8765' }, {}],
    ['no relative socket path', { socket: 'run/x.sock' }, {}],
    ['no .. in a socket path', { socket: '/run/../etc/passwd' }, {}],
    ['no spaces in a socket path', { socket: '/run/a b.sock' }, {}],
    ['no socket path of 10 000 characters', { socket: `/${'a'.repeat(10_000)}` }, {}],
    [
      'the domain from the virtual host, with the upstream',
      { server: 'Shop.Example', upstreamHost: '127.0.0.1', upstreamPort: '8080' },
      { domain: 'shop.example', upstreamHost: '127.0.0.1', upstreamPort: '8080' },
    ],
    [
      'no domain from a catch-all server name',
      { server: '_', socket: '/run/php/php-fpm.sock' },
      { socket: '/run/php/php-fpm.sock' },
    ],
    ['no domain from an address', { server: '203.0.113.7' }, {}],
    ['no domain with markup', { server: '<b>x</b>.example' }, {}],
  ])('%s', (_name, fields: Fields, expected) => {
    expect(setupValuesFrom(fields)).toEqual(expected);
  });
});

describe('the wizard URL of a rule', () => {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  it.each([
    ['nginx-connect-refused', '/wizard/admin/nginx/refused/'],
    ['nginx-socket-missing', '/wizard/admin/nginx/no-such-file/'],
    ['nginx-connect-timeout', '/wizard/admin/nginx/'],
    ['apache-status-line-timeout', '/wizard/admin/apache/timed-out/'],
    ['haproxy-server-aborted', '/wizard/admin/haproxy/closed/'],
    ['caddy-idle-connection-closed', '/wizard/admin/caddy/closed/random/'],
    ['cloudflare-521', '/wizard/admin/cloudflare/error-521/'],
    ['cloudflare-edge', '/wizard/admin/cloudflare/'],
    ['nginx-error-page', '/wizard/admin/nginx/'],
    ['api-gateway-internal-server-error', '/wizard/admin/api-gateway/function/'],
    ['curl-connect-refused', '/wizard/admin/'],
  ])('goes as deep as %s allows: %s', (id, path) => {
    expect(wizardPathFor(tree, byId.get(id)!.implies)).toBe(path);
  });

  it('turns a finding into its wizard path, reaching the outcome when the answers do', () => {
    const [finding] = diagnose('curl: (52) Empty reply from server');
    expect(findingWizardPath(tree, finding!)).toBe('/wizard/admin/');
    expect(reachesOutcome(tree, byId.get('nginx-socket-missing')!.implies)).toBe(true);
    expect(reachesOutcome(tree, byId.get('nginx-connect-refused')!.implies)).toBe(false);
  });

  it('stops at the root when the first question is not implied', () => {
    expect(wizardPathFor(tree, { proxy: 'nginx' })).toBe('/wizard/');
  });

  it('names the fix page of an outcome', () => {
    expect(fixPagePath('upstream-refused')).toBe('/fixes/upstream-refused/');
  });

  it('links a paste whose answers reach its outcome to that fix page with the answers, both ways', () => {
    const fix = '/fixes/unix-socket-missing/?answers=admin/nginx/no-such-file';
    expect(pasteLinks(tree, byId.get('nginx-socket-missing')!.implies, 'unix-socket-missing')).toEqual({
      next: fix,
      fix,
    });
    // Answers that stop at a question: the question, and the bare fix page.
    expect(pasteLinks(tree, byId.get('nginx-connect-refused')!.implies, 'upstream-refused')).toEqual({
      next: '/wizard/admin/nginx/refused/',
      fix: '/fixes/upstream-refused/',
    });
  });
});
