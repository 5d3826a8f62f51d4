/**
 * Hostile input for the recogniser and the CLI (issue 23): text a remote client or a
 * broken tool can put in a log, and what must happen to it.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseLine } from '../../src/diagnose/diagnose';
import { maxFieldLength } from '../../src/diagnose/formats/text';
import { Tally } from '../../src/diagnose/summary';

const longName = 'ж'.repeat(5000);

describe('fields read from hostile lines', () => {
  it.each([
    [
      'nginx … could not be resolved',
      `2026/11/24 01:22:10 [error] 1#1: *28 ${longName} could not be resolved (3: Host not found), client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", host: "x"`,
    ],
    [
      'HAProxy Server … is DOWN',
      `Server app/${longName} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.`,
    ],
  ])('keeps at most maxFieldLength characters of the upstream in %s', (_, line) => {
    const finding = diagnoseLine(line, 1);
    expect(finding).toBeDefined();
    expect(finding!.fields.upstream!.length).toBe(maxFieldLength);
  });

  it('keeps upstream names in the tally to 256 characters, then …', () => {
    const tally = new Tally();
    const line = `Server app/${longName} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.`;
    tally.add(diagnoseLine(line, 1)!);
    const [upstream] = tally.summary()[0]!.topUpstreams;
    expect(upstream).toEqual({ upstream: `app/${'ж'.repeat(252)}…`, count: 1 });
  });
});
