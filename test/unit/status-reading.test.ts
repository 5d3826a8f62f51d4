/**
 * The status reading the paste box gives when no rule names a cause (issue 21, "say what
 * it can tell"): which texts show a 5xx status code, which do not, and that the reading
 * stays linear and text-only on hostile input.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose';
import { readStatus } from '../../src/diagnose/status-reading';

describe('readStatus', () => {
  it.each([
    ['HTTP/1.1 502 Bad Gateway', 502],
    ['< HTTP/2 502', 502],
    ['I keep getting a 502 when I open the admin page', 502],
    ['The site returns 502 errors every few minutes', 502],
    ['status: 504', 504],
    ['status=503 after the deploy', 503],
    ['Error 502 - Bad Gateway', 502],
    ['502 - bad gateway', 502],
    ['we see 504 Gateway Time-out on long reports', 504],
    ['500 Internal Server Error', 500],
    ['Bad Gateway', 502],
    ['The server returned: Service Unavailable', 503],
    ['gateway timeout after 60 seconds', 504],
    ['  502  ', 502],
    ['HTTP 503', 503],
  ])('reads %j as %i', (text, status) => {
    expect(readStatus(text)?.status).toBe(status);
  });

  it.each([
    ['line 502 of app.js'],
    ['listening on port 5030'],
    ['took 5021 ms'],
    ['Error code 522'],
    ['HTTP/1.1 200 OK'],
    ['2024-05-02 10:50:23 request served'],
    [''],
  ])('finds no status code in %j', (text) => {
    expect(readStatus(text)).toBeUndefined();
  });

  it('takes the first marked number before any phrase', () => {
    expect(readStatus('upstream said Service Unavailable, browser shows HTTP/1.1 502')?.status).toBe(502);
    expect(readStatus('got a 504 and later a 502 Bad Gateway')?.status).toBe(504);
  });

  it('points each status code at its explainer page, which exists in content/docs', () => {
    for (const status of [500, 502, 503, 504] as const) {
      const reading = readStatus(`HTTP/1.1 ${status}`)!;
      expect(reading.status).toBe(status);
      expect(reading.href).toMatch(new RegExp(`^/errors/${status}-[a-z-]+/$`));
      const file = new URL(`../../content/docs${reading.href.replace(/\/$/, '')}.mdx`, import.meta.url);
      expect(existsSync(file), reading.href).toBe(true);
      expect(reading.headline).toContain(`${status} `);
      expect(reading.headline + reading.message).not.toMatch(/[<>]/);
    }
  });

  it('is what a reader gets for texts the rules do not recognise', () => {
    // The paste box only reads the status when diagnose() found nothing; these must be such texts.
    for (const text of [
      'I keep getting a 502 when I open the admin page',
      'HTTP/1.1 503 Service Unavailable',
      'status: 504',
    ]) {
      expect(diagnose(text)).toEqual([]);
      expect(readStatus(text)).toBeDefined();
    }
  });

  it('reads 1 MB of near-matches in linear time and only the first 64 K', () => {
    const hostile = 'status status status 50 HTTP/1.1 '.repeat(32_000) + ' 502 Bad Gateway';
    const start = performance.now();
    expect(readStatus(hostile)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(500);
  });
});
