/** Reading what a server appends to its error log, with a bounded wait. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The lines a server appended to a log file after a {@link mark}. */
export class ErrorLog {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** The current end of the log; lines written later are read from here. */
  mark(): number {
    return existsSync(this.path) ? statSync(this.path).size : 0;
  }

  /** Complete lines written since `from`. */
  linesSince(from: number): string[] {
    if (!existsSync(this.path)) return [];
    const text = readFileSync(this.path).subarray(from).toString('utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    return complete.split('\n').filter((line) => line !== '');
  }

  /**
   * Polls the log until a line written since `from` contains `text`.
   *
   * @returns That line and every line written since `from`.
   * @throws After `timeoutMs`, naming the text and quoting what the log got instead.
   */
  async waitForLine(from: number, text: string, timeoutMs = 5000): Promise<{ line: string; lines: string[] }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = this.linesSince(from);
      const line = lines.find((candidate) => candidate.includes(text));
      if (line !== undefined) return { line, lines };
      if (Date.now() > deadline) {
        const got = lines.length === 0 ? '(nothing)' : lines.join('\n');
        throw new Error(`[lab] ${this.path}: no line with “${text}” within ${timeoutMs} ms. Got:\n${got}`);
      }
      await sleep(50);
    }
  }
}
