/**
 * The one way untrusted text (log lines, upstream names, file names, pasted output, URL
 * segments) is shown, by the CLI on a terminal and by the pages as text: characters that
 * would act instead of showing are written out as escapes. Pure; the browser and the CLI
 * share it.
 */

/**
 * What is escaped, and why:
 * - C0 controls U+0000–U+001F, DEL U+007F and C1 controls U+0080–U+009F: ESC starts
 *   terminal escape sequences (colours, cursor moves, window titles), BEL rings, NUL and
 *   CR hide or overwrite text (ECMA-48).
 * - Bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 and the
 *   Arabic letter mark U+061C: they reorder the text that follows, so a name can read
 *   differently from what it is (Unicode UAX #9; CVE-2021-42574, "Trojan Source").
 * - Zero-width and directional marks U+200B–U+200F, the line and paragraph separators
 *   U+2028–U+2029 and the byte order mark / zero-width no-break space U+FEFF: invisible,
 *   so two different names would look the same, or a line would break.
 * - Lone UTF-16 surrogates: not text; a terminal would show U+FFFD and hide which.
 */
const untrusted =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Options of {@link escapeUntrusted}. */
export interface EscapeOptions {
  /**
   * Keep line feeds and tabs as they are (for multi-line text such as pasted command
   * output); a carriage return before a line feed is dropped, any other is escaped.
   * Default false: everything listed is escaped, so the result is one line.
   */
  readonly keepLineBreaks?: boolean;
}

/**
 * `text` with every control, bidirectional-formatting, zero-width and lone-surrogate
 * character written as an escape: `\xNN` up to U+00FF (`\x1b` for ESC), `\uNNNN` above
 * (`\u202e` for RIGHT-TO-LEFT OVERRIDE). Other characters, including non-Latin scripts,
 * emoji and the backslash, are kept. Linear in the length of `text`; never throws.
 *
 * @param text - Any string.
 * @param options - See {@link EscapeOptions}.
 * @returns The text to print or to set as `textContent`.
 */
export function escapeUntrusted(text: string, options: EscapeOptions = {}): string {
  const source = options.keepLineBreaks ? text.replace(/\r\n/g, '\n') : text;
  return source.replace(untrusted, (char) => {
    if (options.keepLineBreaks && (char === '\n' || char === '\t')) return char;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * `text` cut to `limit` UTF-16 code units with a marker saying how much was left out, e.g.
 * `abc… [cut: 1,234 more characters]`; unchanged when it fits. A cut never splits a
 * surrogate pair.
 *
 * @param text - Any string.
 * @param limit - Code units kept before the marker, an integer ≥ 0.
 */
export function cutWithMarker(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… [cut: ${(text.length - end).toLocaleString('en')} more characters]`;
}
