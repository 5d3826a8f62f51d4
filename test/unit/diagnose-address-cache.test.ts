import { describe, expect, it } from 'vitest';
import { parseUpstreamAddress, upstreamFields } from '../../src/diagnose/address';

/** What `upstreamFields` gave before it kept a cache: computed afresh on every call. */
const fresh = (upstream: string) => ({ upstream, ...parseUpstreamAddress(upstream) });

describe('upstreamFields with its cache', () => {
  const upstreams = [
    'http://127.0.0.1:8080/refused',
    'fastcgi://unix:/run/php/php8.2-fpm.sock:',
    '[::1]:8765',
    'deadpool',
    '-',
    `http://${'a'.repeat(300)}.example:80/`,
  ];

  it('gives the same fields on the first and on later calls', () => {
    for (const upstream of upstreams) {
      expect(upstreamFields(upstream)).toEqual(fresh(upstream));
      expect(upstreamFields(upstream)).toEqual(fresh(upstream));
    }
  });

  it('gives the same fields for a slice of a longer string as for the string alone', () => {
    const line = 'upstream: "http://10.0.3.4:3000/cart", host: "shop.example"';
    const slice = line.slice(11, line.indexOf('"', 11));
    expect(slice).toBe('http://10.0.3.4:3000/cart');
    expect(upstreamFields(slice)).toEqual(fresh('http://10.0.3.4:3000/cart'));
  });

  it('stays right after more distinct upstreams than it keeps', () => {
    for (let port = 1; port <= 3000; port += 1) {
      const upstream = `http://10.0.${port % 7}.1:${port}/`;
      expect(upstreamFields(upstream)).toEqual(fresh(upstream));
    }
    expect(upstreamFields(upstreams[0]!)).toEqual(fresh(upstreams[0]!));
  });

  it('gives nothing for a missing or empty upstream', () => {
    expect(upstreamFields(undefined)).toEqual({});
    expect(upstreamFields('')).toEqual({});
  });

  it('returns frozen objects, so a caller cannot change what the next line is given', () => {
    expect(Object.isFrozen(upstreamFields('127.0.0.1:9000'))).toBe(true);
    expect(Object.isFrozen(upstreamFields(undefined))).toBe(true);
  });
});
