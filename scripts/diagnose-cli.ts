/**
 * `npm run diagnose -- [--json] FILE...` (started by `diagnose.mjs`): reads error logs (or
 * tool output) line by line and tallies the lines the recogniser explains, per cause, with
 * the fix page to open.
 * `-` reads standard input; a name ending in `.gz` is gunzipped on the fly. UTF-8 and
 * UTF-16 (LE or BE, as PowerShell's `>` writes) are read (`src/diagnose/decode.ts`).
 * Memory stays flat whatever the input: lines are streamed and each is kept to its first
 * 8 KiB (unlike readline, which holds a whole line however long), and the tally keeps a
 * fixed number of upstreams per rule. Bytes become lines in `log-lines.ts`, which avoids
 * decoding and copying each line. Runs with Node's type stripping.
 *
 * Exit status: 0 when it ran (also with no finding, with a warning about a damaged end of
 * a `.gz`, or when the reader of its output, such as `head`, closed the pipe early), 2 on
 * a missing or unreadable file or a usage error, with a one-line message on stderr. File
 * names and text from logs are printed through `escapeUntrusted`.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { diagnoseLine } from '../src/diagnose/diagnose.ts';
import { escapeUntrusted } from '../src/diagnose/escape.ts';
import { formatReport } from '../src/diagnose/report.ts';
import { Tally } from '../src/diagnose/summary.ts';
import type { Rule } from '../src/diagnose/types.ts';
import { gunzipMembers } from './gunzip-members.ts';
import { splitPoint, tallySplit } from './diagnose-range.ts';
import { LogLineReader, pieceBytes } from './log-lines.ts';

const usage = `Usage: npm run diagnose -- [--json] FILE...

Recognises 502 causes in error logs and prints a tally by cause.
  FILE     a log file (UTF-8 or UTF-16); "-" reads standard input; FILE.gz is
           decompressed
  --json   print {"findings":[{"line":N,"rule":"…","outcome":"…"}],"summary":[…]}
  --help   show this help
Line numbers start at 1 in each file. Exit status: 0 when it ran, 2 when a file is
missing or unreadable.`;

/** A problem that ends the run with exit status 2 and this one-line message. */
class UsageError extends Error {
  override name = 'UsageError';
}

interface Options {
  json: boolean;
  files: string[];
}

function parseArguments(args: readonly string[]): Options | 'help' {
  const options: Options = { json: false, files: [] };
  let onlyFiles = false;
  for (const arg of args) {
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) options.files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else throw new UsageError(`unknown option ${arg} (see --help)`);
  }
  if (options.files.length === 0) throw new UsageError('no FILE given; use "-" to read standard input (see --help)');
  return options;
}

/** Fails before any output when a file cannot be read, so the report is never partial. */
async function checkReadable(file: string): Promise<void> {
  if (file === '-') return;
  try {
    await access(file, constants.R_OK);
    if ((await stat(file)).isDirectory()) throw new UsageError(`${file} is a directory, not a log file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

/**
 * Whether `error` comes from gunzip (damaged, truncated or trailing bytes), not from
 * reading the file: zlib's errors carry a `Z_…` code, e.g. `Z_DATA_ERROR`, `Z_BUF_ERROR`.
 */
function isGzipError(error: unknown): boolean {
  return String((error as NodeJS.ErrnoException | undefined)?.code).startsWith('Z_');
}

/**
 * The file's bytes: stdin for `-`, gunzipped for `.gz` (member by member, see
 * `gunzip-members.ts`: bytes after the last member are reported as a warning), else read
 * {@link pieceBytes} at a time into one reused buffer (`LogLineReader` copies what it
 * keeps before the next read). Standard input redirected from a file (`- < error.log`)
 * is read like a file; a pipe is read as a stream.
 */
function openLog(file: string): AsyncIterable<Uint8Array> {
  if (file === '-') return fstatSync(0).isFile() ? readSynchronously(0) : process.stdin;
  if (!file.endsWith('.gz')) return readPlainFile(file);
  return gunzipMembers(createReadStream(file), (bytes) =>
    warn(`${file}: ${bytes.toLocaleString('en')} bytes after the end of the gzip data are not gzip; they were skipped`),
  );
}

/** The bytes of a file that is not gzipped (see {@link readSynchronously}). */
async function* readPlainFile(file: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    yield* readSynchronously(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of the regular file open as `fd`, {@link pieceBytes} at a time, in one
 * buffer. Reads are synchronous: with `FileHandle.read` each read went through libuv's
 * thread pool and the CLI sat idle for about 0.25 s of its 1.7 s on a 200 MB log, while
 * the copy from the page cache takes a few microseconds. The generator still yields
 * between reads, so standard output can drain.
 */
async function* readSynchronously(fd: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(pieceBytes);
  for (;;) {
    const bytesRead = readSync(fd, buffer, 0, pieceBytes, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** Buffered writes to stdout; `drain()` waits when the buffer is large and the pipe full. */
class Output {
  #buffer = '';
  write(text: string): void {
    this.#buffer += text;
  }
  async drain(threshold = 65_536): Promise<void> {
    if (this.#buffer.length < threshold) return;
    const ok = process.stdout.write(this.#buffer);
    this.#buffer = '';
    if (!ok) await once(process.stdout, 'drain');
  }
  flush(): Promise<void> {
    return this.drain(1);
  }
}

/** Per rule, the end of its `--json` finding: `,"rule":"…","outcome":"…"}`. */
const entryEnds = new Map<Rule, string>();

function entryEnd(rule: Rule): string {
  let end = entryEnds.get(rule);
  if (end === undefined) {
    end = `,"rule":${JSON.stringify(rule.id)},"outcome":${JSON.stringify(rule.outcome)}}`;
    entryEnds.set(rule, end);
  }
  return end;
}

async function run(options: Options): Promise<void> {
  for (const file of options.files) await checkReadable(file);
  const tally = new Tally();
  const output = new Output();
  const named = options.files.length > 1;
  let lines = 0;
  let separator = '';
  if (options.json) output.write('{"findings":[');
  for (const file of options.files) {
    const splitLines = options.json ? undefined : await tallyInParts(file, tally);
    if (splitLines !== undefined) {
      lines += splitLines;
      continue;
    }
    let lineNumber = 0;
    // JSON.stringify({ file?, line, rule, outcome }) written in two fixed parts around the
    // line number: the same text, without an object and a stringify per finding.
    const entryStart = named ? `{"file":${JSON.stringify(file)},"line":` : '{"line":';
    const handle = (line: string): void => {
      lineNumber += 1;
      const finding = diagnoseLine(line, lineNumber);
      if (finding === undefined) return;
      tally.add(finding);
      if (options.json) {
        output.write(`${separator}${entryStart}${lineNumber}${entryEnd(finding.rule)}`);
        separator = ',';
      }
    };
    const reader = new LogLineReader(handle);
    let readBytes = 0;
    try {
      for await (const chunk of openLog(file)) {
        readBytes += chunk.length;
        reader.push(chunk);
        await output.drain();
      }
    } catch (error) {
      const name = file === '-' ? 'standard input' : file;
      // gzip's own habit: what was decoded counts, the damaged or extra end is reported.
      if (!isGzipError(error) || readBytes === 0)
        throw new UsageError(`cannot read ${name}: ${(error as Error).message}`);
      warn(
        `${name}: the gzip data is damaged or cut short (${(error as Error).message}); ` +
          `read the ${readBytes.toLocaleString('en')} bytes of text decoded before that`,
      );
    }
    reader.end();
    lines += lineNumber;
  }
  const summary = tally.summary();
  if (options.json) output.write(`],"summary":${JSON.stringify(summary)}}\n`);
  else output.write(formatReport(summary, { files: options.files.length, lines, recognised: tally.findings }));
  await output.flush();
}

/**
 * For the text report: recognises a large plain log in two parts at once (see
 * `diagnose-range.ts`) and returns its number of lines; undefined, having read nothing,
 * when the log is to be read in one go (standard input, `.gz`, small, UTF-16).
 */
async function tallyInParts(file: string, tally: Tally): Promise<number | undefined> {
  // A tally with approximate upstream counts (from an earlier log) cannot take a merge.
  if (file === '-' || file.endsWith('.gz') || !tally.exact) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const split = splitPoint(fd, fstatSync(fd).size);
    return split === undefined ? undefined : (await tallySplit(file, fd, split, tally)).lines;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A one-line warning on stderr; the run goes on and its exit status stays 0. */
function warn(message: string): void {
  process.stderr.write(`diagnose: warning: ${escapeUntrusted(message)}\n`);
}

// A reader that stops early (`diagnose --json big.log | head`) closes the pipe: that is
// not an error of this program, so it ends quietly with status 0, as `cat` and `grep` do
// when SIGPIPE is not ignored (Node ignores SIGPIPE and reports EPIPE instead).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const options = parseArguments(process.argv.slice(2));
  if (options === 'help') console.log(usage);
  else await run(options);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`diagnose: ${escapeUntrusted(error.message)}\n`);
  process.exitCode = 2;
}
