/**
 * Gunzip for the diagnose CLI that keeps what a `.gz` holds before trailing bytes that are
 * not gzip. Node's `createGunzip()` treats bytes after a member as the start of another
 * member and fails with "incorrect header check", dropping the text of the write that
 * held the end of the last good member, so a log with junk appended (or padding written
 * by a copy tool) was rejected whole. Here each member (RFC 1952 §2.3: header, raw
 * DEFLATE data, CRC32 and ISIZE) is read with `createInflateRaw()`, whose `bytesWritten`
 * tells where its DEFLATE data ended; what follows the 8-byte trailer is either another
 * member, zero padding (ignored, as gzip(1) does) or trailing bytes, which are reported
 * through `onTrailing` once the members before them have been decoded.
 */
import { createInflateRaw } from 'node:zlib';

/**
 * Compressed bytes handed to the inflater at a time: each yields at most about 4 MB of
 * text (DEFLATE expands at most 1032:1), so memory stays bounded on a "zip bomb".
 */
const pieceBytes = 4096;

/** An error shaped like zlib's own (a `Z_…` code), so the CLI treats it as damaged gzip data. */
function gzipError(message: string, code: 'Z_DATA_ERROR' | 'Z_BUF_ERROR'): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * The length of the gzip member header at the start of `bytes`; `'more'` when more bytes
 * are needed to tell; `'not-gzip'` when the bytes cannot start a member (RFC 1952 §2.3.1:
 * ID1 0x1f, ID2 0x8b, CM 8, then FEXTRA, FNAME, FCOMMENT and FHCRC as FLG says).
 */
export function gzipHeaderLength(bytes: Uint8Array): number | 'more' | 'not-gzip' {
  const expected = [0x1f, 0x8b, 8];
  for (let index = 0; index < Math.min(3, bytes.length); index += 1)
    if (bytes[index] !== expected[index]) return 'not-gzip';
  if (bytes.length < 10) return 'more';
  const flags = bytes[3]!;
  let at = 10;
  if (flags & 4) {
    if (bytes.length < at + 2) return 'more';
    at += 2 + (bytes[at]! | (bytes[at + 1]! << 8));
  }
  for (const flag of [8, 16]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, at);
    if (end === -1) return 'more';
    at = end + 1;
  }
  if (flags & 2) at += 2;
  return bytes.length >= at ? at : 'more';
}

/**
 * The decompressed bytes of `source`, a gzip file of one or more members, as they come.
 *
 * @param source - The compressed bytes, in chunks of any size.
 * @param onTrailing - Called once, after the last member's text was yielded, with the
 *   number of bytes after it that are neither a member nor zero padding.
 * @throws An Error with a zlib-like `code` (`Z_DATA_ERROR` when the file does not start
 *   as gzip or a member's data is corrupt, `Z_BUF_ERROR` when it ends inside a member);
 *   everything decoded before the damage has been yielded by then.
 */
export async function* gunzipMembers(
  source: AsyncIterable<Buffer>,
  onTrailing: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const input = source[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  /** Reads one more chunk into `pending`; false at the end of the input. */
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await input.next();
    if (next.done) {
      ended = true;
      return false;
    }
    pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value]);
    return true;
  };

  for (let member = 0; ; member += 1) {
    let header = gzipHeaderLength(pending);
    while (header === 'more' && (await more())) header = gzipHeaderLength(pending);
    if (pending.length === 0 && ended && member > 0) return;
    if (typeof header !== 'number') {
      if (member === 0) throw gzipError('not in gzip format (incorrect header check)', 'Z_DATA_ERROR');
      let trailing = pending.some((byte) => byte !== 0) ? pending.length : 0;
      let padding = trailing === 0 ? pending.length : 0;
      while (await more()) {
        if (trailing === 0 && pending.some((byte) => byte !== 0)) trailing = padding;
        if (trailing > 0) trailing += pending.length;
        else padding += pending.length;
        pending = Buffer.alloc(0);
      }
      if (trailing > 0) onTrailing(trailing);
      return;
    }
    pending = pending.subarray(header);

    // The member's DEFLATE data, a piece at a time, until the inflater stops consuming.
    const inflater = createInflateRaw();
    const output: Buffer[] = [];
    let failure: Error | undefined;
    inflater.on('data', (chunk: Buffer) => output.push(chunk));
    inflater.on('error', (error: Error) => (failure ??= error));
    let fed = 0;
    let finished = false;
    while (!finished) {
      if (pending.length === 0 && !(await more())) {
        // The input ended: either just after the DEFLATE data, or inside it (then zlib
        // reports "unexpected end of file").
        await new Promise<void>((resolve) => {
          if (inflater.readableEnded || failure !== undefined) resolve();
          inflater.once('end', resolve);
          inflater.once('error', () => resolve());
          inflater.end();
        });
        yield* output.splice(0);
        if (failure !== undefined) throw failure;
        throw gzipError('unexpected end of file (the gzip trailer is missing)', 'Z_BUF_ERROR');
      }
      const piece = pending.subarray(0, pieceBytes);
      pending = pending.subarray(piece.length);
      fed += piece.length;
      await new Promise<void>((resolve) => inflater.write(piece, () => resolve()));
      yield* output.splice(0);
      if (failure !== undefined) throw failure;
      const unused = fed - inflater.bytesWritten;
      if (unused > 0) {
        // The DEFLATE data ended inside this piece (or before it): the rest is the trailer on.
        pending = Buffer.concat([piece.subarray(Math.max(0, piece.length - unused)), pending]);
        finished = true;
      }
    }
    inflater.close();

    // CRC32 and ISIZE (8 bytes); not checked: DEFLATE's own structure caught damage above.
    while (pending.length < 8 && (await more()));
    if (pending.length < 8) throw gzipError('unexpected end of file (the gzip trailer is cut)', 'Z_BUF_ERROR');
    pending = pending.subarray(8);
  }
}
