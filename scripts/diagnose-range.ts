/**
 * The diagnose CLI's text report on a large log uses both CPU cores: the log is split at
 * a line break near its middle, a worker thread (`diagnose-worker.ts`) recognises the
 * second part into a tally of its own while the main thread recognises the first, and the
 * worker's tally is then added to the main one (`Tally.merge`), which gives exactly the
 * tally of reading the log in one go. When it cannot (a rule with more than 256 distinct
 * upstreams, whose approximate counts depend on the order of the lines), or when the
 * worker fails, the main thread recognises the second part itself, so the report is the
 * same in every case; only the time differs. `--json` output, standard input and `.gz`
 * logs are read in one go, in order.
 *
 * Measured on the bench's 200 MB nginx error log (2 cores, median of 5): see README
 * ("Speed").
 */
import { availableParallelism } from 'node:os';
import { readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sniffEncoding } from '../src/diagnose/decode.ts';
import { diagnoseLine } from '../src/diagnose/diagnose.ts';
import { maxLineLength } from '../src/diagnose/match.ts';
import { rules } from '../src/diagnose/rules/index.ts';
import type { Tally, TallySnapshot } from '../src/diagnose/summary.ts';
import { LogLineReader, pieceBytes } from './log-lines.ts';

/**
 * Logs smaller than this (128 MiB) are read in one go. Two threads pay a fixed price: the
 * worker's start-up (about 0.05 s) and, above all, a second isolate warming up its own
 * compiled code while both cores are busy, which slowed the main thread's half by 0.1 to
 * 0.3 s on this machine. Measured on the bench's log (2 cores, median of 5, interleaved):
 * 50 MB took 0.44 s in one thread and 0.60 s in two; 200 MB took 1.20 s and 0.82 s when
 * the other core was free, and 1.19 s and 1.18 s when other programs kept it busy.
 * `DIAGNOSE_SPLIT_BYTES` sets another size (tests use a few bytes; `Infinity` never
 * splits); when it is set, the log is split even on a single core.
 */
const defaultSplitBytes = 128 * 1024 * 1024;

/** How far past the middle a line break is looked for (a line may be very long). */
const breakSearchBytes = 1024 * 1024;

/**
 * What the worker posts back: the lines it read and its tally; null when it stopped
 * early because its tally could not be merged (see {@link tallySplit}).
 */
export interface PartResult {
  readonly lines: number;
  readonly snapshot: TallySnapshot;
}

/**
 * Recognises the lines of the bytes `[start, end)` of the open file `fd` into `tally`.
 *
 * @param fd - A regular file open for reading (read with positional `readSync`, so the
 *   file position is not used).
 * @param start - Byte offset of the first line: 0, or just after a `\n`.
 * @param end - Byte offset where reading stops (just after a `\n`), or `Infinity` for the
 *   end of the file.
 * @param tally - Where the findings go.
 * @param stop - Called after each piece read (32 KiB); when it returns true, reading stops
 *   there and undefined is returned.
 * @returns The number of lines read, or undefined when `stop` stopped it.
 * @throws The error of `readSync` when the file cannot be read.
 */
export function tallyRange(
  fd: number,
  start: number,
  end: number,
  tally: Tally,
  stop: () => boolean = () => false,
): number | undefined {
  let lines = 0;
  const reader = new LogLineReader(
    (line) => {
      lines += 1;
      const finding = diagnoseLine(line, lines);
      if (finding !== undefined) tally.add(finding);
    },
    maxLineLength,
    { continuing: start > 0 },
  );
  const buffer = Buffer.allocUnsafe(pieceBytes);
  for (let position = start; position < end;) {
    const bytesRead = readSync(fd, buffer, 0, Math.min(pieceBytes, end - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    reader.push(buffer.subarray(0, bytesRead));
    if (stop()) return undefined;
  }
  reader.end();
  return lines;
}

/**
 * Where to split the UTF-8 log open as `fd`, of `size` bytes: just after the first `\n`
 * at or after its middle. Undefined when the log is to be read in one go: smaller than
 * the split size, a single core (unless `DIAGNOSE_SPLIT_BYTES` is set), not UTF-8 (the
 * parts of a UTF-16 log are not lines), or no `\n` within 1 MiB after the middle.
 *
 * @param fd - A regular file open for reading.
 * @param size - Its size in bytes.
 */
export function splitPoint(fd: number, size: number): number | undefined {
  const setting = process.env.DIAGNOSE_SPLIT_BYTES;
  const minBytes = setting === undefined || setting === '' ? defaultSplitBytes : Number(setting);
  if (!(size >= Math.max(2, minBytes))) return undefined;
  if (setting === undefined && availableParallelism() < 2) return undefined;
  const head = Buffer.alloc(4);
  if (sniffEncoding(head.subarray(0, readSync(fd, head, 0, 4, 0))) !== 'utf-8') return undefined;
  const buffer = Buffer.allocUnsafe(pieceBytes);
  for (let position = Math.floor(size / 2); position < Math.floor(size / 2) + breakSearchBytes;) {
    const bytesRead = readSync(fd, buffer, 0, pieceBytes, position);
    if (bytesRead === 0) return undefined;
    const feed = buffer.subarray(0, bytesRead).indexOf(10);
    if (feed !== -1) return position + feed + 1 < size ? position + feed + 1 : undefined;
    position += bytesRead;
  }
  return undefined;
}

/**
 * The worker's young generation, in MB (V8's `maxYoungGenerationSizeMb`). Its lines and
 * findings die young, so a small one is enough: on the bench's 200 MB log, peak RSS was
 * 101–105 MB with 4 MB and 106–109 MB (once 137 MB) with Node's default, at the same
 * speed (4 runs each, interleaved).
 */
const workerYoungGenerationMB = 4;

const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

/**
 * Recognises the log open as `fd` (named `file`) into `tally`, the part from `split` on
 * in a worker thread; see the module comment.
 *
 * @returns The number of lines read, and whether the worker's tally was used (false when
 *   the worker failed or its tally could not be merged, so the main thread read the
 *   second part too).
 * @throws The error of `readSync` when the file cannot be read.
 */
export async function tallySplit(
  file: string,
  fd: number,
  split: number,
  tally: Tally,
): Promise<{ lines: number; byWorker: boolean }> {
  const worker = new Worker(new URL('./diagnose-worker.mjs', import.meta.url), {
    workerData: { file, start: split },
    resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMB },
  });
  const result = new Promise<PartResult | undefined>((resolve) => {
    worker.once('message', (message: PartResult | null) => resolve(message ?? undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  let lines: number;
  let stopped = false;
  try {
    // Once a rule's upstream counts are approximate the worker's tally cannot be merged,
    // so the worker is stopped at once (the worker stops itself likewise).
    const stopWorker = () => {
      if (!stopped && !tally.exact) {
        stopped = true;
        void worker.terminate();
      }
      return false;
    };
    lines = tallyRange(fd, 0, split, tally, stopWorker)!;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const part = await result;
  if (part !== undefined && tally.merge(part.snapshot, (id) => rulesById.get(id)))
    return { lines: lines + part.lines, byWorker: true };
  return { lines: lines + tallyRange(fd, split, Infinity, tally)!, byWorker: false };
}
