/**
 * Splitting a stream of text into lines with bounded memory: a line longer than the cap
 * keeps only its first characters (the recogniser reads no further) and the rest is
 * skipped as it arrives, so even a file with no line break at all costs flat memory.
 * Pure: the CLI feeds it decoded chunks; it uses no Node API.
 */
import { maxLineLength } from './match.ts';

/**
 * Turns chunks of text into lines. `\n`, `\r\n` and `\r` end a line, as in `diagnose()`,
 * also when `\r\n` is split across two chunks. Each line is at most `maxLength` UTF-16
 * code units; the part beyond is dropped.
 */
export class LineSplitter {
  readonly #maxLength: number;
  #partial = '';
  #started = false;
  #afterCarriageReturn = false;

  /** @param maxLength - Longest line kept, in UTF-16 code units (default 8 KiB). */
  constructor(maxLength: number = maxLineLength) {
    this.#maxLength = maxLength;
  }

  /**
   * The lines that `chunk` completes, in order (none when it holds no line break).
   * Cost is linear in the chunk's length.
   */
  push(chunk: string): string[] {
    const lines: string[] = [];
    if (chunk === '') return lines;
    let start = 0;
    if (this.#afterCarriageReturn && chunk.startsWith('\n')) start = 1;
    this.#afterCarriageReturn = false;
    let nextFeed = chunk.indexOf('\n', start);
    let nextReturn = chunk.indexOf('\r', start);
    while (nextFeed !== -1 || nextReturn !== -1) {
      const isReturn = nextReturn !== -1 && (nextFeed === -1 || nextReturn < nextFeed);
      const end = isReturn ? nextReturn : nextFeed;
      lines.push(this.#take(chunk, start, end));
      start = end + 1;
      if (isReturn) {
        if (start === chunk.length) this.#afterCarriageReturn = true;
        else if (chunk.charCodeAt(start) === 10) start += 1;
      }
      // Each search runs again only once passed, so the chunk is scanned about twice in all.
      if (nextFeed !== -1 && nextFeed < start) nextFeed = chunk.indexOf('\n', start);
      if (nextReturn !== -1 && nextReturn < start) nextReturn = chunk.indexOf('\r', start);
    }
    this.#keep(chunk, start, chunk.length);
    return lines;
  }

  /** The last line, when the text did not end with a line break; call once at the end. */
  end(): string[] {
    const last = this.#started ? [this.#partial] : [];
    this.#partial = '';
    this.#started = false;
    return last;
  }

  /** The current line completed by `chunk[from, to)`. */
  #take(chunk: string, from: number, to: number): string {
    this.#keep(chunk, from, to);
    const line = this.#partial;
    this.#partial = '';
    this.#started = false;
    return line;
  }

  /** Adds `chunk[from, to)` to the current line, up to the cap. */
  #keep(chunk: string, from: number, to: number): void {
    if (from < to) this.#started = true;
    const room = this.#maxLength - this.#partial.length;
    if (room > 0 && from < to) this.#partial += chunk.slice(from, Math.min(to, from + room));
  }
}
