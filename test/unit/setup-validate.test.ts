import { describe, expect, it } from 'vitest';
import {
  isIPv4,
  isIPv6,
  validateHost,
  validateDomain,
  validateHostname,
  validatePath,
  validatePort,
  validateServer,
  validSetup,
} from '../../src/setup/validate';
import { emptySetup } from '../../src/setup/store';
import { hostileValues } from '../support/hostile';

const validators = { validateHostname, validateDomain, validateHost, validatePort, validatePath };

describe.each(Object.entries(validators))('%s', (_name, validate) => {
  it.each(hostileValues)('refuses %s', (_label, value) => {
    const result = validate(value);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message.length).toBeGreaterThan(10);
  });
});

describe('messages', () => {
  it.each([
    ['ex\u0430mple.com', /U\+0430.*look-alike/],
    ['\uff18\uff10\uff18\uff10', /U\+FF18/],
    ['a'.repeat(10_000), /Too long: 10000 characters, at most 253/],
    ['example.com\nrm', /a line break can’t be used/],
    ['shop example', /a space can’t be used/],
    ['$(id)', /“\$” can’t be used.*letters a–z, digits, dots and hyphens/],
  ])('explain why %j is refused', (value, message) => {
    const result = validateHostname(value);
    expect(result.ok === false && result.message).toMatch(message);
  });
});

describe('validateHostname (RFC 1123)', () => {
  it.each([
    ['example.com', 'example.com'],
    ['shop.example.org', 'shop.example.org'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['localhost', 'localhost'],
    ['a-1.b2.co', 'a-1.b2.co'],
    [' example.com ', 'example.com'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
  ])('accepts %j', (value, normalised) => {
    expect(validateHostname(value)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['', 'empty'],
    ['-example.com', 'a leading hyphen'],
    ['example-.com', 'a label ending in a hyphen'],
    ['example..com', 'an empty label'],
    ['.example.com', 'a leading dot'],
    ['example.com.', 'a trailing dot'],
    [`${'a'.repeat(64)}.com`, 'a 64-character label'],
    [`${'a.'.repeat(127)}com`, 'more than 253 characters'],
    ['under_score.com', 'an underscore'],
    ['10.0.0.256', 'an all-numeric last label'],
    ['https://example.com', 'a URL'],
  ])('refuses %j (%s)', (value) => {
    expect(validateHostname(value).ok).toBe(false);
  });
});

describe('isIPv4 and isIPv6', () => {
  it.each(['127.0.0.1', '10.0.0.5', '0.0.0.0', '255.255.255.255'])('IPv4 %s', (value) => {
    expect(isIPv4(value)).toBe(true);
  });
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..2.3'])('not IPv4 %s', (value) => {
    expect(isIPv4(value)).toBe(false);
  });
  it.each(['::1', '::', 'fe80::1', '2001:db8::8a2e:370:7334', '2001:db8:0:0:0:0:2:1', '::ffff:192.0.2.128', '1::'])(
    'IPv6 %s',
    (value) => expect(isIPv6(value)).toBe(true),
  );
  it.each([':::1', '1::2::3', '2001:db8:0:0:0:0:2:1:9', '12345::1', 'g::1', '::ffff:192.0.2.256', '1.2.3.4::', ':1'])(
    'not IPv6 %s',
    (value) => expect(isIPv6(value)).toBe(false),
  );
});

describe('validateHost', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['[2001:DB8::1]', '2001:db8::1'],
    ['app.internal', 'app.internal'],
    ['app', 'app'],
  ])('accepts %j as %j', (value, normalised) => {
    expect(validateHost(value)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['fe80::1%eth0', /zone IDs/],
    ['127.0.0.1:8080', /port in the Port field/],
    ['[::1', /can’t be used/],
    ['10.0.0.999', /looks like an IP address/],
  ])('refuses %j', (value, message) => {
    const result = validateHost(value);
    expect(result.ok === false && result.message).toMatch(message);
  });
});

describe('validatePort', () => {
  it.each(['1', '80', '8080', '65535'])('accepts %s', (value) => {
    expect(validatePort(value)).toEqual({ ok: true, value });
  });
  it.each(['0', '65536', '08080', '-1', '+80', '80.0', '1e3', '0x50', '', '123456'])('refuses %j', (value) => {
    expect(validatePort(value).ok).toBe(false);
  });
});

describe('validatePath', () => {
  it.each(['/var/log/nginx/error.log', '/run/php/php8.3-fpm.sock', '/srv/app_1/log-file.log', '/x'])(
    'accepts %s',
    (value) => expect(validatePath(value)).toEqual({ ok: true, value }),
  );
  it.each([
    ['var/log/error.log', /starting with “\/”/],
    ['/var/log/', /slash at the end/],
    ['/var//log', /extra “\/”/],
    ['/var/../etc/passwd', /“\.\.”/],
    ['/var/log/error log', /a space/],
    [`/${'a'.repeat(256)}`, /255 characters/],
    [`/${'a/'.repeat(2048)}b`, /Too long/],
  ])('refuses %j', (value, message) => {
    const result = validatePath(value);
    expect(result.ok === false && result.message).toMatch(message);
  });
});

describe('validateServer', () => {
  it.each(['nginx', 'apache', 'haproxy', 'caddy', 'other'])('accepts %s', (value) => {
    expect(validateServer(value).ok).toBe(true);
  });
  it.each(['', 'Nginx', 'iis', 'nginx; id'])('refuses %j', (value) => {
    expect(validateServer(value).ok).toBe(false);
  });
});

describe('validSetup', () => {
  it('keeps valid values, normalised, and drops unset and invalid ones', () => {
    expect(
      validSetup({
        ...emptySetup,
        domain: 'shop.example.org',
        upstreamHost: '[::1]',
        upstreamPort: '$(id)',
        socket: '/run/app.sock',
        server: 'haproxy',
      }),
    ).toEqual({ domain: 'shop.example.org', upstreamHost: '::1', socket: '/run/app.sock', server: 'haproxy' });
  });

  it('ignores values that are not strings (a hand-edited localStorage)', () => {
    const stored = { ...emptySetup, domain: 42 } as unknown as typeof emptySetup;
    expect(validSetup(stored)).toEqual({});
  });
});

describe('validateDomain', () => {
  it.each([
    ['https://shop.example/', 'shop.example'],
    ['http://Shop.Example:8080/cart?id=1#top', 'shop.example'],
    ['https://user:secret@shop.example/', 'shop.example'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['shop.example/', 'shop.example'],
    ['shop.example/cart', 'shop.example'],
    [' shop.example ', 'shop.example'],
  ])('takes the host of %s', (raw, host) => {
    expect(validateDomain(raw)).toEqual({ ok: true, value: host });
  });

  it.each(['https://', 'https://:8080/', 'ftp://', '/shop.example', 'https://-shop.example/', 'https://127.0.0.1.5/'])(
    'refuses %s',
    (raw) => {
      expect(validateDomain(raw).ok).toBe(false);
    },
  );
});
