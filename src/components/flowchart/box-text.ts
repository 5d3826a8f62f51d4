/**
 * The text of each flowchart box and answer label: wrapped into lines, measured into a
 * size for the layout, then placed line by line once the layout has put the box.
 */
import { textWidth, wrapText } from './text';

/** Font sizes in px. None is under 13 px, so the chart stays legible at its natural size. */
export const fontSizes = { box: 14, code: 13, label: 13 } as const;

const lineHeight = { box: 19, code: 19, label: 17 } as const;
const boxPadding = { x: 14, y: 9 } as const;
const labelPadding = { x: 5, y: 2 } as const;
/** Widest text in a box and on an edge label before it wraps. */
const maxTextWidth = { box: 220, label: 180 } as const;

/** One line of text, anchored at its middle (`x`) and on its baseline (`y`). */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Font size in px. */
  readonly size: number;
  /** `code` lines are set in monospace, bold. */
  readonly style: 'text' | 'code';
}

interface TextBlock {
  readonly lines: readonly string[];
  readonly size: number;
  readonly lineHeight: number;
  readonly style: TextLine['style'];
}

/** The text of a box or label and the size it needs, padding included. */
export interface BoxText {
  /** The text in full, for the tooltip. */
  readonly title: string;
  readonly blocks: readonly TextBlock[];
  readonly paddingTop: number;
  readonly width: number;
  readonly height: number;
}

function measure(title: string, blocks: readonly TextBlock[], padding: { x: number; y: number }): BoxText {
  const widest = Math.max(
    ...blocks.flatMap((block) => block.lines.map((line) => textWidth(line, block.size, block.style === 'code'))),
  );
  const height = blocks.reduce((sum, block) => sum + block.lines.length * block.lineHeight, 0);
  return {
    title,
    blocks,
    paddingTop: padding.y,
    width: Math.ceil(widest + 2 * padding.x),
    height: Math.ceil(height + 2 * padding.y),
  };
}

const boxBlock = (text: string): TextBlock => ({
  lines: wrapText(text, maxTextWidth.box, fontSizes.box),
  size: fontSizes.box,
  lineHeight: lineHeight.box,
  style: 'text',
});

/** A question's box: the question, wrapped. */
export function questionText(question: string): BoxText {
  return measure(question, [boxBlock(question)], boxPadding);
}

/** An outcome's box: its code on the first line, then its title, wrapped. */
export function outcomeText(code: string, title: string): BoxText {
  const codeBlock: TextBlock = { lines: [code], size: fontSizes.code, lineHeight: lineHeight.code, style: 'code' };
  return measure(`${code}: ${title}`, [codeBlock, boxBlock(title)], boxPadding);
}

/**
 * An answer's label on its edge: wrapped in full, never cut, so the label box grows a line
 * for each line the answer needs (issue 22, item 7: labels cut with "…" hid the answer).
 */
export function labelText(label: string): BoxText {
  const lines = wrapText(label, maxTextWidth.label, fontSizes.label);
  return measure(label, [{ lines, size: fontSizes.label, lineHeight: lineHeight.label, style: 'text' }], labelPadding);
}

/** The lines of `text` placed in the box the layout gave it, each centred. */
export function placeText(text: BoxText, box: { x: number; y: number; width: number }): TextLine[] {
  const placed: TextLine[] = [];
  const x = box.x + box.width / 2;
  let top = box.y + text.paddingTop;
  for (const block of text.blocks) {
    for (const line of block.lines) {
      // The baseline that puts the x-height in the middle of the line box.
      placed.push({
        text: line,
        x,
        y: top + (block.lineHeight + block.size * 0.7) / 2,
        size: block.size,
        style: block.style,
      });
      top += block.lineHeight;
    }
  }
  return placed;
}
