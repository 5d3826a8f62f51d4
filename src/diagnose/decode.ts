/**
 * Turning the bytes of a log into text, whatever Unicode encoding wrote it: UTF-8 (with or
 * without a byte order mark), and UTF-16 little- or big-endian, which Windows PowerShell 5
 * writes for `command > file` (a BOM, then two bytes per character). Uses only the web
 * standard `TextDecoder`, so it runs in the browser and in Node.
 */

/** The encodings a log is read in. */
export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a log that starts with `head` (its first 4 bytes or fewer, when the
 * log is shorter): a byte order mark decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF
 * UTF-16BE); without one, a text whose first two characters are ASCII written on two
 * bytes (a zero byte after, or before, each) is UTF-16 (LE, or BE); anything else UTF-8.
 * A log line never starts with NUL, so the guess cannot take UTF-8 text for UTF-16.
 */
export function sniffEncoding(head: Uint8Array): LogEncoding {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (head.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (head.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  return 'utf-8';
}

/**
 * A streaming decoder that picks the encoding from the first bytes (see
 * {@link sniffEncoding}), drops the byte order mark, and keeps characters split across
 * chunks whole. Invalid bytes become U+FFFD, as in every browser.
 */
export class LogDecoder {
  #decoder: TextDecoder | undefined;
  #head = new Uint8Array(0);

  /** The encoding chosen, once 4 bytes (or the end) have been seen; undefined before. */
  get encoding(): LogEncoding | undefined {
    return this.#decoder?.encoding as LogEncoding | undefined;
  }

  /** The text that `bytes` complete (possibly empty). */
  write(bytes: Uint8Array): string {
    if (this.#decoder !== undefined) return this.#decoder.decode(bytes, { stream: true });
    const joined = new Uint8Array(this.#head.length + bytes.length);
    joined.set(this.#head);
    joined.set(bytes, this.#head.length);
    if (joined.length < 4) {
      this.#head = joined;
      return '';
    }
    this.#decoder = new TextDecoder(sniffEncoding(joined));
    this.#head = new Uint8Array(0);
    return this.#decoder.decode(joined, { stream: true });
  }

  /** The text still held (an incomplete character becomes U+FFFD); call once at the end. */
  end(): string {
    if (this.#decoder === undefined) this.#decoder = new TextDecoder(sniffEncoding(this.#head));
    const text = this.#decoder.decode(this.#head);
    this.#head = new Uint8Array(0);
    return text;
  }
}
