/**
 * The diagnose CLI's reader: the bytes of a log in, its lines out, with the same lines
 * (and so the same line numbers) as `LogDecoder` followed by `LineSplitter`
 * (`src/diagnose/decode.ts`, `src/diagnose/lines.ts`), but about twice as fast on UTF-8:
 * line breaks are found in the bytes, and a run of whole lines is turned into one string
 * at a time, as Latin-1 (a copy of the bytes, no decoding) when it is all ASCII, which
 * real error logs nearly always are, else as UTF-8. Each line is then a slice of that
 * string, not a string of its own. UTF-16 logs go through `LogDecoder` and
 * `LineSplitter` as before. Memory stays flat: strings are made from at most
 * {@link pieceBytes} bytes, and a line longer than the cap keeps only the bytes that can
 * hold its first `maxLength` characters.
 *
 * Why a run of lines may be decoded on its own: a UTF-8 decoder (WHATWG Encoding, §8.1.1,
 * which `TextDecoder` follows) never takes an ASCII byte into a multi-byte sequence (a
 * sequence cut short by one ends with U+FFFD and the byte is read again), and it never
 * writes U+000A or U+000D for anything but those bytes. So decoding a log whole and
 * splitting it at `\n`, `\r\n` and `\r` gives the same lines as splitting the bytes first
 * and decoding each run of whole lines.
 */
import { isAscii } from 'node:buffer';
import { LogDecoder, sniffEncoding } from '../src/diagnose/decode.ts';
import { LineSplitter } from '../src/diagnose/lines.ts';
import { maxLineLength } from '../src/diagnose/match.ts';

/**
 * Bytes turned into one string at a time (32 KiB), also the size the CLI reads from a
 * file at a time. Such a string (32 KB of ASCII, or at most 32 Ki UTF-16 code units, 64 KB,
 * from UTF-8) stays well below V8's large-object threshold (128 KiB on 64-bit builds), so
 * it is allocated in the young generation and freed by cheap scavenges. Measured on this
 * machine: 1 MiB pieces made reading about 2× slower (page faults, no cache reuse); 64 KiB
 * pieces peaked at 135 MB on the bench's 1.6 GB adversarial log (Cyrillic upstream
 * names), 32 KiB at 114 MB, with the same speed on the 200 MB bench log.
 */
export const pieceBytes = 32_768;

const lineFeed = 10;
const carriageReturn = 13;

/**
 * Splits the bytes of a log into lines, calling `onLine` for each in order.
 *
 * Lines end at `\n`, `\r\n` or `\r` (also when `\r\n` is split between two `push` calls);
 * each line is at most `maxLength` UTF-16 code units, the rest is dropped; a last line
 * without a break is given by `end()`. The encoding is chosen from the first 4 bytes as
 * `LogDecoder` does (see `sniffEncoding`); a UTF-8 byte order mark is dropped; invalid
 * UTF-8 becomes U+FFFD.
 */
export class LogLineReader {
  readonly #onLine: (line: string) => void;
  readonly #maxLength: number;
  /** Bytes kept of an unfinished line (see the constructor). */
  readonly #carry: Buffer;
  #carryLength = 0;
  /** Whether an unfinished line has begun (it may have more bytes than were kept). */
  #carrying = false;
  /** Whether the last byte seen ended a line with `\r`, so a `\n` next belongs to it. */
  #afterReturn = false;
  /** The first bytes, until 4 are there to choose the encoding; undefined once chosen. */
  #head: Buffer | undefined = Buffer.alloc(0);
  /** For UTF-16 logs: the general path. */
  #fallback: { decoder: LogDecoder; splitter: LineSplitter } | undefined;
  /** ignoreBOM: a BOM inside the log stays U+FEFF, as in one streaming decode. */
  readonly #utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  /**
   * @param onLine - Called with each line, without its line break, in input order.
   * @param maxLength - Longest line given, in UTF-16 code units (default 8 KiB, the
   *   recogniser's `maxLineLength`). Of a longer line only the first `3 × maxLength + 4`
   *   bytes are kept: a UTF-8 character takes at most 3 bytes per UTF-16 code unit (an
   *   invalid sequence, replaced by one U+FFFD, at most 3 bytes too), and 4 more bytes
   *   settle the last character, so the first `maxLength` code units come out the same.
   * @param options - `continuing: true` when the bytes are the rest of a UTF-8 log from the
   *   start of one of its lines (the second part of a log split at a line break, see
   *   `diagnose-range.ts`): the encoding is not sniffed and a byte order mark at the start
   *   is read as the character U+FEFF, as it is in the middle of a log, so the lines are
   *   the same as the whole log's from there on.
   */
  constructor(
    onLine: (line: string) => void,
    maxLength: number = maxLineLength,
    options: { readonly continuing?: boolean } = {},
  ) {
    this.#onLine = onLine;
    this.#maxLength = maxLength;
    this.#carry = Buffer.alloc(3 * maxLength + 4);
    if (options.continuing === true) this.#head = undefined;
  }

  /** Reads the next bytes of the log; calls `onLine` for each line they complete. */
  push(bytes: Uint8Array): void {
    let input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.#head !== undefined) {
      this.#head = Buffer.concat([this.#head, input]);
      if (this.#head.length < 4) return;
      input = this.#choose();
    }
    if (this.#fallback !== undefined) {
      const { decoder, splitter } = this.#fallback;
      for (const line of splitter.push(decoder.write(input))) this.#onLine(line);
      return;
    }
    for (let at = 0; at < input.length; at += pieceBytes) this.#piece(input.subarray(at, at + pieceBytes));
  }

  /** Ends the log: gives its last line when it did not end with a line break. */
  end(): void {
    if (this.#head !== undefined) this.#piece(this.#choose());
    if (this.#fallback !== undefined) {
      const { decoder, splitter } = this.#fallback;
      for (const line of [...splitter.push(decoder.end()), ...splitter.end()]) this.#onLine(line);
      return;
    }
    if (this.#carrying) this.#takeCarry();
    this.#afterReturn = false;
  }

  /** Picks the encoding from the bytes held; returns the bytes left for the UTF-8 path. */
  #choose(): Buffer {
    const head = this.#head ?? Buffer.alloc(0);
    this.#head = undefined;
    if (sniffEncoding(head) !== 'utf-8') {
      this.#fallback = { decoder: new LogDecoder(), splitter: new LineSplitter(this.#maxLength) };
      for (const line of this.#fallback.splitter.push(this.#fallback.decoder.write(head))) this.#onLine(line);
      return Buffer.alloc(0);
    }
    return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  }

  /** Reads at most {@link pieceBytes} bytes of UTF-8. */
  #piece(piece: Buffer): void {
    let start = 0;
    if (this.#afterReturn && piece.length > 0) {
      this.#afterReturn = false;
      if (piece[0] === lineFeed) start = 1;
    }
    if (this.#carrying) {
      const end = firstBreak(piece, start);
      if (end === -1) {
        this.#keep(piece, start, piece.length);
        return;
      }
      this.#keep(piece, start, end);
      this.#takeCarry();
      start = this.#afterBreak(piece, end);
    }
    const last = Math.max(piece.lastIndexOf(lineFeed), piece.lastIndexOf(carriageReturn));
    if (last >= start) {
      const run = piece.subarray(start, last + 1);
      this.#split(isAscii(run) ? run.toString('latin1') : this.#utf8.decode(run));
      // The last break is the piece's last byte only when nothing follows it here.
      this.#afterReturn = piece[last] === carriageReturn && last === piece.length - 1;
      start = last + 1;
    }
    this.#keep(piece, start, piece.length);
  }

  /** Where the next line starts after the break at `end`; notes a `\r` that ends the piece. */
  #afterBreak(piece: Buffer, end: number): number {
    if (piece[end] !== carriageReturn) return end + 1;
    if (end + 1 === piece.length) {
      this.#afterReturn = true;
      return end + 1;
    }
    return piece[end + 1] === lineFeed ? end + 2 : end + 1;
  }

  /** Gives each line of `text`, which holds whole lines only (it ends with a line break). */
  #split(text: string): void {
    const max = this.#maxLength;
    let start = 0;
    if (text.indexOf('\r') === -1) {
      // The common case: `\n` only.
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        this.#onLine(text.slice(start, end - start > max ? start + max : end));
        start = end + 1;
      }
      return;
    }
    while (start < text.length) {
      let end = start;
      let code = text.charCodeAt(end);
      while (code !== lineFeed && code !== carriageReturn) code = text.charCodeAt((end += 1));
      this.#onLine(text.slice(start, end - start > max ? start + max : end));
      start = code === carriageReturn && text.charCodeAt(end + 1) === lineFeed ? end + 2 : end + 1;
    }
  }

  /** Adds `piece[from, to)` to the unfinished line, up to the bytes kept. */
  #keep(piece: Buffer, from: number, to: number): void {
    if (from >= to) return;
    this.#carrying = true;
    const room = this.#carry.length - this.#carryLength;
    if (room > 0) this.#carryLength += piece.copy(this.#carry, this.#carryLength, from, Math.min(to, from + room));
  }

  /** Gives the unfinished line, now finished. */
  #takeCarry(): void {
    const bytes = this.#carry.subarray(0, this.#carryLength);
    // One such line per piece: `TextDecoder.decode` costs about 10 µs a call, a copy far less.
    const line = isAscii(bytes) ? bytes.toString('latin1') : this.#utf8.decode(bytes);
    this.#carryLength = 0;
    this.#carrying = false;
    this.#onLine(line.length > this.#maxLength ? line.slice(0, this.#maxLength) : line);
  }
}

/** The index of the first `\n` or `\r` in `bytes` from `from`, or -1. */
function firstBreak(bytes: Buffer, from: number): number {
  const feed = bytes.indexOf(lineFeed, from);
  const ret = bytes.indexOf(carriageReturn, from);
  if (feed === -1) return ret;
  return ret === -1 || feed < ret ? feed : ret;
}
