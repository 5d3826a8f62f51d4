/**
 * One failure reproduced on one server, and the assertions the lab makes about it: the
 * status the client gets, the error-log line, what `diagnose()` makes of that line
 * against what the wizard concludes for the same answers, and that the fix gives a 200.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { diagnose } from '../../../src/diagnose/diagnose.ts';
import type { RunningProxy } from '../servers/proxy.ts';
import { get, type Reply } from './client.ts';
import type { FixtureRecorder } from './record.ts';
import { wizardOutcome } from './wizard.ts';

/** The failures the lab reproduces, named as the README's table names them. */
export type CaseId =
  | 'refused'
  | 'closed'
  | 'reset'
  | 'slow'
  | 'big-header'
  | 'bad-status'
  | 'wrong-version'
  | 'bad-header'
  | 'socket-missing'
  | 'not-resolved';

/** What the server logs for the case. */
export type LogExpectation =
  | {
      /** Text the server's log line contains (the message, as reference 502-causes.md quotes it). */
      readonly logText: string;
      /** What a reader who sees that line answers in the wizard, from the root. */
      readonly answers: readonly string[];
      /**
       * Set when `diagnose()` is known to disagree with the wizard on this line: why. The
       * lab then asserts the disagreement, so fixing the recogniser turns the test red
       * until this is removed.
       */
      readonly knownGap?: string;
    }
  /** The server logs nothing the recogniser would blame for this request. */
  | { readonly logText: null };

/** A case as one server shows it. */
export type LabCase = LogExpectation & {
  readonly id: CaseId;
  /** Request path; the upstream's behaviour is its last segment (see upstream.ts). */
  readonly path: string;
  /** The status the client gets, or `not HTTP` when the reply is not valid HTTP. */
  readonly status: number | 'not HTTP';
  /** The fix, when it is a config change or starting something; the request then gets 200. */
  readonly fix?: {
    readonly what: string;
    readonly apply: () => Promise<void>;
    /** Request path after the fix, when it differs (a fix that adds a `location`). */
    readonly path?: string;
  };
};

/** The virtual host each case's request names; configs route on it. */
export function hostOf(id: CaseId): string {
  return `${id}.lab.test`;
}

/** The test's name: case, status, the log text (or that nothing is logged) and the fix. */
export function caseTitle(labCase: LabCase): string {
  const log = labCase.logText === null ? 'no line blames the upstream' : `“${labCase.logText.trim()}”`;
  const fix = labCase.fix === undefined ? '' : `; ${labCase.fix.what} gives 200`;
  return `${labCase.id}: ${labCase.status}, ${log}${fix}`;
}

function statusOf(reply: Reply): number | 'not HTTP' {
  return reply.status ?? 'not HTTP';
}

/** Asserts what `diagnose()` makes of `line`, against the wizard's outcome for `expected.answers`. */
function checkDiagnosis(proxy: RunningProxy, line: string, expected: LogExpectation & { logText: string }): void {
  const outcome = wizardOutcome(expected.answers);
  const finding = diagnose(line)[0];
  const wizardUrl = `/wizard/${expected.answers.join('/')}/`;
  if (expected.knownGap === undefined) {
    expect(finding?.outcome, `diagnose() on the ${proxy.software} line vs ${wizardUrl}\n${line}`).toBe(outcome);
    expect(finding?.rule.software).toBe(proxy.software);
    return;
  }
  console.warn(`[lab] known gap, ${proxy.software}: ${expected.knownGap}\n  ${line}`);
  expect(finding?.outcome, `known gap fixed? Remove knownGap (${expected.knownGap})`).not.toBe(outcome);
}

/**
 * Reproduces `labCase` on `proxy` and asserts everything the lab proves about it.
 * Records the log lines with `recorder` when `LAB_RECORD=1`.
 */
export async function checkCase(proxy: RunningProxy, labCase: LabCase, recorder: FixtureRecorder): Promise<void> {
  const from = proxy.errorLog.mark();
  const reply = await get(proxy.port, hostOf(labCase.id), labCase.path);
  expect(statusOf(reply), `status the client gets (${JSON.stringify(reply).slice(0, 300)})`).toBe(labCase.status);

  if (labCase.logText === null) {
    await sleep(300); // long enough for a line the server would write; none may blame the upstream
    const lines = proxy.errorLog.linesSince(from);
    recorder.add(labCase.id, lines, { line: null, status: labCase.status });
    expect(diagnose(lines.join('\n')), `no line blames the upstream:\n${lines.join('\n')}`).toEqual([]);
  } else {
    const { line, lines } = await proxy.errorLog.waitForLine(from, labCase.logText);
    const outcome = wizardOutcome(labCase.answers);
    const gap = labCase.knownGap === undefined ? {} : { knownGap: labCase.knownGap };
    recorder.add(labCase.id, lines, { line, status: labCase.status, answers: labCase.answers, outcome, ...gap });
    checkDiagnosis(proxy, line, labCase);
  }

  if (labCase.fix === undefined) return;
  await labCase.fix.apply();
  const fixed = await get(proxy.port, hostOf(labCase.id), labCase.fix.path ?? labCase.path);
  expect(statusOf(fixed), `status after the fix: ${labCase.fix.what} (${JSON.stringify(fixed).slice(0, 300)})`).toBe(
    200,
  );
}
