/**
 * Text measurement for the flowchart, without a browser: the layout needs each box's size
 * before any font is loaded. Widths are the wider of DejaVu Sans and Liberation Sans (the
 * widest common fallbacks of Starlight's system font stack), so text fits in every font.
 */

/** Advance widths in em, by character, rounded up; measured once with a canvas in Chromium. */
const emWidths: readonly (readonly [number, string])[] = [
  [0.29, "'ijlI"],
  [0.33, ' ,.’‘'],
  [0.36, '/:;\\|f-'],
  [0.41, '()[]t!r'],
  [0.5, '"*J`'],
  [0.56, 'sz“”c?L_–'],
  [0.59, 'kvxy'],
  [0.64, 'FTaoeébdghnpqu0123456789${}'],
  [0.69, 'EKPSYAVBXZ'],
  [0.73, 'CRU'],
  [0.79, 'HNDOQ&G'],
  [0.86, 'w#+<=>^~M'],
  [1.02, 'W%m—…→@'],
];
const byChar = new Map(emWidths.flatMap(([width, chars]) => [...chars].map((char) => [char, width] as const)));
/** For characters not in the table (accents, other scripts): as wide as a capital M. */
const fallbackEm = 0.86;
/** Monospace fonts (codes): DejaVu Sans Mono and Liberation Mono are 0.6 em, bold or not. */
const monospaceEm = 0.62;

/** Width in px of `text` set at `fontSize` px, in a proportional font or in monospace. */
export function textWidth(text: string, fontSize: number, monospace = false): number {
  if (monospace) return [...text].length * monospaceEm * fontSize;
  let em = 0;
  for (const char of text) em += byChar.get(char) ?? fallbackEm;
  return em * fontSize;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at spaces; a single word wider than
 * that gets a line of its own.
 *
 * @param maxLines - When given, the text is cut after this many lines and the last one
 *   ends with "…" (the caller shows the full text elsewhere, e.g. in a `<title>`).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.includes(' ') && textWidth(`${last}…`, fontSize) > maxWidth) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last.replace(/[\s,;:.(/-]+$/, '')}…`;
  return kept;
}
