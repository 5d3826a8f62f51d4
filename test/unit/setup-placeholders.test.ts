import { describe, expect, it } from 'vitest';
import { fillCode, findPlaceholders, parseExtra, placeholderText } from '../../src/setup/placeholders';
import { describeSetup } from '../../src/setup/summary';
import { validSetup, type ValidSetup } from '../../src/setup/validate';
import { emptySetup } from '../../src/setup/store';
import { hostileValues } from '../support/hostile';

const bash = { language: 'bash', extra: '' };
const found = (code: string, options = bash) =>
  findPlaceholders(code, options).map(({ kind, text, form, server, context }) =>
    [kind, text, form, server, context].filter((part) => part !== undefined).join(' '),
  );

describe('findPlaceholders', () => {
  it.each([
    ['curl -I http://127.0.0.1:8080/', ['upstreamHost 127.0.0.1 address unquoted', 'upstreamPort 8080 bare unquoted']],
    ["sudo ss -ltnp 'sport = :8080'", ['upstreamPort 8080 bare single']],
    [
      'curl -I --resolve example.com:443:203.0.113.10 https://example.com/',
      ['domain example.com bare unquoted', 'domain example.com bare unquoted'],
    ],
    ["curl -H 'Host: example.com' http://203.0.113.10/", ['domain example.com bare single']],
    ['sudo tail -n 20 /var/log/apache2/error.log', ['errorLog /var/log/apache2/error.log bare apache unquoted']],
    [
      "sudo zgrep -h 'upstream' /var/log/nginx/error.log.*.gz",
      ['errorLog /var/log/nginx/error.log bare nginx unquoted'],
    ],
    ['sudo grep -c x /var/log/haproxy.log', ['errorLog /var/log/haproxy.log bare haproxy unquoted']],
    ['ls -l /run/php/php8.2-fpm.sock', ['socket /run/php/php8.2-fpm.sock bare unquoted']],
    [
      'echo "http://127.0.0.1:8080" # example.com',
      ['upstreamHost 127.0.0.1 address double', 'upstreamPort 8080 bare double', 'domain example.com bare comment'],
    ],
  ])('finds the placeholders in %j', (code, expected) => {
    expect(found(code)).toEqual(expected);
  });

  it.each([
    ['dig +short www.example.com', 'a subdomain'],
    ['dig @ns1.example.net example.community', 'a longer name'],
    ['curl -I http://127.0.0.1:8081/', 'another port on the same host'],
    ['openssl s_client -connect 127.0.0.1:443', 'the proxy itself, not the upstream'],
    ['curl -I http://127.0.0.1/', 'the local host without the upstream port'],
    ['sudo tail /var/log/nginx/access.log', 'the access log'],
    ['sudo grep x /var/log/php8.2-fpm.log', 'the PHP-FPM log'],
    ['sudo tail /var/log/nginx/error.log_old', 'a longer file name'],
    ['echo 18080 80801 8080.5', 'longer numbers'],
  ])('leaves %j alone (%s)', (code) => {
    expect(found(code)).toEqual([]);
  });

  it('adds the literals named in the meta', () => {
    const options = { language: 'bash', extra: 'upstreamHost=10.0.0.5' };
    expect(found('nc -vz -w 5 10.0.0.5 8080\ncurl -v http://10.0.0.5:8080/', options)).toEqual([
      'upstreamHost 10.0.0.5 bare unquoted',
      'upstreamPort 8080 bare unquoted',
      'upstreamHost 10.0.0.5 address unquoted',
      'upstreamPort 8080 bare unquoted',
    ]);
  });

  it('marks non-shell blocks as config', () => {
    expect(found('fastcgi_pass unix:/run/php/php8.2-fpm.sock;', { language: 'nginx', extra: '' })).toEqual([
      'socket /run/php/php8.2-fpm.sock bare config',
    ]);
  });

  it.each(['bogus=1', 'errorLog=/var/log/x.log', 'upstreamHost=', 'upstreamHost'])('rejects the meta %j', (extra) => {
    expect(() => parseExtra(extra)).toThrow(/\[placeholders\] Cannot read/);
  });
});

const sample = [
  "sudo ss -ltnp 'sport = :8080'",
  'curl -I http://127.0.0.1:8080/',
  'curl -sS -o /dev/null -w "%{http_code}\\n" https://example.com/',
  'sudo tail -n 20 /var/log/nginx/error.log',
  'sudo tail -n 20 /var/log/apache2/error.log',
  'ls -l /run/php/php8.2-fpm.sock',
].join('\n');

const fill = (setup: Partial<typeof emptySetup>) => fillCode(sample, bash, validSetup({ ...emptySetup, ...setup }));

describe('fillCode', () => {
  it('leaves the examples when nothing is set', () => {
    expect(fill({})).toBe(sample);
  });

  it('puts valid values in place', () => {
    expect(
      fill({ domain: 'shop.example.org', upstreamHost: '10.1.2.3', upstreamPort: '3000', socket: '/run/app.sock' }),
    ).toBe(
      [
        "sudo ss -ltnp 'sport = :3000'",
        'curl -I http://10.1.2.3:3000/',
        'curl -sS -o /dev/null -w "%{http_code}\\n" https://shop.example.org/',
        'sudo tail -n 20 /var/log/nginx/error.log',
        'sudo tail -n 20 /var/log/apache2/error.log',
        'ls -l /run/app.sock',
      ].join('\n'),
    );
  });

  it('brackets and quotes an IPv6 host before a port', () => {
    expect(fill({ upstreamHost: '::1' }).split('\n')[1]).toBe("curl -I http://'[::1]':8080/");
  });

  it.each([
    [{ errorLog: '/srv/log/err.log' }, '/srv/log/err.log', '/var/log/apache2/error.log'],
    [{ errorLog: '/srv/log/err.log', server: 'nginx' }, '/srv/log/err.log', '/var/log/apache2/error.log'],
    [{ errorLog: '/srv/log/err.log', server: 'apache' }, '/var/log/nginx/error.log', '/srv/log/err.log'],
    [{ errorLog: '/srv/log/err.log', server: 'caddy' }, '/var/log/nginx/error.log', '/var/log/apache2/error.log'],
  ])('replaces only the chosen server’s log: %j', (setup, nginxLog, apacheLog) => {
    const lines = fill(setup).split('\n');
    expect(lines[3]).toBe(`sudo tail -n 20 ${nginxLog}`);
    expect(lines[4]).toBe(`sudo tail -n 20 ${apacheLog}`);
  });

  it.each(hostileValues)('never lets %s in, even past validation', (_label, value) => {
    const unvalidated = {
      domain: value,
      upstreamHost: value,
      upstreamPort: value,
      socket: value,
      errorLog: value,
    } as ValidSetup;
    expect(fill({ domain: value, upstreamHost: value, upstreamPort: value, socket: value, errorLog: value })).toBe(
      sample,
    );
    expect(fillCode(sample, bash, unvalidated)).toBe(sample);
  });
});

describe('placeholderText', () => {
  const host = { kind: 'upstreamHost', text: '127.0.0.1', server: undefined } as const;
  it.each([
    ['address', 'unquoted', "'[::1]'"],
    ['address', 'single', '[::1]'],
    ['address', 'double', '[::1]'],
    ['address', 'config', '[::1]'],
    ['bare', 'unquoted', '::1'],
  ] as const)('writes an IPv6 host in the %s form, %s, as %s', (form, context, text) => {
    expect(placeholderText({ ...host, form, context }, { upstreamHost: '::1' })).toBe(text);
  });
});

describe('describeSetup', () => {
  it.each([
    [{}, 'Commands show examples: example.com and 127.0.0.1:8080.'],
    [{ domain: 'shop.example.org', upstreamPort: '3000' }, 'Commands use shop.example.org and 127.0.0.1:3000.'],
    [{ upstreamHost: '::1' }, 'Commands use example.com and [::1]:8080.'],
  ])('describes %j', (setup, text) => {
    expect(describeSetup(setup)).toBe(text);
  });
});
