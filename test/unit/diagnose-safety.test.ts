import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose';
import { fieldRows } from '../../src/diagnose/present';
import { rules } from '../../src/diagnose/rules/index';

const megabyte = 1 << 20;
/** Generous per input: linear scans of 1 MB take about a millisecond; a backtracking blowup takes minutes. */
const timeLimitMs = 500;
/** A rule whose inputs take longer than this in total is stuck: its worker is stopped. */
const stuckAfterMs = 10_000;

const fill = (unit: string, size = megabyte) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Runs of the characters log formats are made of, each repeated to 1 MB. */
const genericUnits: [string, string][] = [
  ['digits', '1'],
  ['spaces', ' '],
  ['opening brackets', '['],
  ['quotes', '"'],
  ['backslashes', '\\'],
  ['colons and digits', '1:'],
  ['slashes and digits', '1/'],
  ['nginx timestamps without a level', '2026/11/24 01:22:04 '],
  ['Apache timestamps without a module', '[Tue Nov 24 01:22:04.118342 2026] '],
  ['HAProxy accept dates', '[24/Nov/2026:01:22:07.455] '],
  ['Envoy request starts', '[2022-04-24T12:23:37.047Z] "GET '],
  ['JSON keys without values', '"msg":"'],
  ['dial tcp without an address end', 'dial tcp 1'],
  ['unterminated upstream fields', ', upstream: "http://1'],
];

/**
 * The worker that runs every rule and field reader on 1 MB adversarial lines: its own
 * literals almost complete and complete, its first sample repeated, split by padding and
 * followed by each generic run (so its literals are present and its own test runs), and
 * the generic runs above. A worker, so a catastrophic pattern is stopped, not waited for.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fill = (unit, size = ${megabyte}) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const generic = workerData.genericUnits.map(([name, unit]) => [name, fill(unit)]);
function adversarialFor(rule) {
  const literals = [...rule.includes, ...(rule.anyOf ?? []), ...(rule.excludes ?? [])];
  const sample = rule.samples[0];
  const middle = Math.floor(sample.length / 2);
  return [
    ['its literals minus their last character', fill(literals.map((literal) => literal.slice(0, -1)).join(' ') || 'x')],
    ['its literals repeated', fill(literals.join(' ') + ' ')],
    ['its first sample repeated', fill(sample + ' ')],
    ['its first sample split by 1 MB of padding', sample.slice(0, middle) + fill('a') + sample.slice(middle)],
    ...workerData.genericUnits.map(([name, unit]) => ['its first sample followed by ' + name, sample + ' ' + fill(unit)]),
  ];
}
(async () => {
  const { rules } = await import(workerData.modules.rules);
  const { ruleMatches } = await import(workerData.modules.match);
  const { extractFields } = await import(workerData.modules.fields);
  // A run over the limit is repeated once and the faster counts: a GC pause or a busy
  // machine slows one run, a superlinear pattern slows both.
  const time = (run) => {
    let start = performance.now();
    run();
    const first = performance.now() - start;
    if (first < workerData.timeLimitMs) return first;
    start = performance.now();
    run();
    return Math.min(first, performance.now() - start);
  };
  parentPort.on('message', (id) => {
    const rule = rules.find((candidate) => candidate.id === id);
    const timings = [];
    for (const [name, input] of [...generic, ...adversarialFor(rule)]) {
      timings.push(['matching ' + name, time(() => ruleMatches(rule, input))]);
      timings.push(['reading fields of ' + name, time(() => extractFields(rule.software, input))]);
    }
    parentPort.postMessage({ id, timings });
  });
  parentPort.postMessage('ready');
})();
`;

const moduleUrl = (path: string) => new URL(`../../src/diagnose/${path}`, import.meta.url).href;

/** Starts the worker; resolves once it has loaded the rules (with Node's own type stripping). */
async function startWorker(): Promise<Worker> {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      genericUnits,
      timeLimitMs,
      modules: { rules: moduleUrl('rules/index.ts'), match: moduleUrl('match.ts'), fields: moduleUrl('fields.ts') },
    },
  });
  const [message] = (await once(worker, 'message')) as [unknown];
  expect(message).toBe('ready');
  return worker;
}

/** The timings of one rule's inputs, or `stuck` when they did not finish in time. */
async function timeRule(worker: Worker, id: string): Promise<[string, number][] | 'stuck'> {
  worker.postMessage(id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setTimeout(() => resolve('stuck'), stuckAfterMs);
  });
  const done = once(worker, 'message').then(([reply]) => (reply as { timings: [string, number][] }).timings);
  const result = await Promise.race([done, stuck]);
  clearTimeout(timer);
  return result;
}

describe('each rule and its field reader on 1 MB adversarial lines', () => {
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.terminate();
  });

  it.each(rules.map((rule) => rule.id))(
    '%s answers every input in linear time',
    { timeout: stuckAfterMs + 10_000 },
    async (id) => {
      worker ??= await startWorker();
      const timings = await timeRule(worker, id);
      if (timings === 'stuck') {
        await worker.terminate();
        worker = undefined;
        expect.fail(`${id} did not finish its inputs in ${stuckAfterMs} ms: catastrophic backtracking?`);
      }
      for (const [name, ms] of timings) expect(ms, `${id}: ${name}`).toBeLessThan(timeLimitMs);
    },
  );
});

const timed = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};

describe('diagnose on large input', () => {
  it('reads a single 1 MB line in linear time and only its first 8 KiB', () => {
    const line = rules[0]!.samples[0]! + fill(' x');
    const [findings, ms] = timed(() => diagnose(line));
    expect(ms).toBeLessThan(timeLimitMs);
    expect(findings).toHaveLength(1);
    for (const value of Object.values(findings[0]!.fields)) expect(value.length).toBeLessThanOrEqual(8192);
  });

  it('reads 1 MB of short lines in linear time', () => {
    const [findings, ms] = timed(() => diagnose(fill('upstream SC-- ] "\n')));
    expect(ms).toBeLessThan(timeLimitMs * 4);
    expect(findings).toEqual([]);
  });

  it('never throws on arbitrary text, including lone surrogates and NUL bytes', () => {
    for (const input of ['', '\n\n\r', '\u0000'.repeat(100), '\ud800'.repeat(100), fill('\u{1f600}', 4096)]) {
      expect(() => diagnose(input)).not.toThrow();
    }
  });
});

describe('markup inside log lines', () => {
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const line = `2026/11/24 01:22:04 [error] 15577#15577: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: ${payload}, request: "GET /${payload} HTTP/1.1", upstream: "http://127.0.0.1:18999/${payload}", host: "example.test"`;

  it('comes back as the same plain text, neither escaped nor dropped', () => {
    const [finding] = diagnose(line);
    expect(finding?.rule.id).toBe('nginx-connect-refused');
    expect(finding?.fields).toMatchObject({
      server: payload,
      request: `GET /${payload} HTTP/1.1`,
      upstream: `http://127.0.0.1:18999/${payload}`,
    });
    expect(fieldRows(finding!.fields).map((row) => typeof row.value)).not.toContain('object');
  });

  it('is shown by the paste box with textContent only, never parsed as HTML', () => {
    const script = readFileSync(new URL('../../src/components/diagnose/log-paste.ts', import.meta.url), 'utf8');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/);
    expect(script).toContain('textContent');
  });
});
