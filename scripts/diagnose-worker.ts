/**
 * The diagnose CLI's worker thread (see `diagnose-range.ts`): recognises a log file from a
 * byte offset (just after a line break) to its end into a tally of its own, and posts
 * back the number of lines read and the tally's snapshot (`PartResult`), or null as soon
 * as the tally can no longer be merged (a rule with more than 256 distinct upstreams). An error (the
 * file cannot be read) ends the thread with it; the main thread then reads that part
 * itself.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Tally } from '../src/diagnose/summary.ts';
import { type PartResult, tallyRange } from './diagnose-range.ts';

const { file, start } = workerData as { file: string; start: number };
const tally = new Tally();
const fd = openSync(file, 'r');
try {
  // A tally whose upstream counts became approximate cannot be merged: stop there.
  const lines = tallyRange(fd, start, Infinity, tally, () => !tally.exact);
  parentPort!.postMessage(lines === undefined ? null : ({ lines, snapshot: tally.snapshot() } satisfies PartResult));
} finally {
  closeSync(fd);
}
