import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One fenced code block of an MDX page, with the fence's indentation removed. */
export interface Fence {
  /** Page path relative to content/docs, e.g. `fixes/firewall.mdx`. */
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  /** Everything after the language on the opening line (Expressive Code's meta). */
  meta: string;
  code: string;
}

const docsRoot = new URL('../../content/docs/', import.meta.url).pathname;

/** Every `.mdx` page under content/docs, as paths relative to it. */
export function docsPages(): string[] {
  return readdirSync(docsRoot, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => relative(docsRoot, join(docsRoot, file)))
    .sort();
}

/** The fenced code blocks of one page (``` fences, indented as in Steps and Tabs or not). */
export function fencesOf(page: string): Fence[] {
  const lines = readFileSync(join(docsRoot, page), 'utf8').split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^([ \t]*)```(\w*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', language = '', meta = ''] = open;
    let end = i + 1;
    while (end < lines.length && lines[end] !== `${indent}\`\`\`` && lines[end]!.trimEnd() !== `${indent}\`\`\``) end++;
    const code = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n');
    fences.push({ page, line: i + 1, language, meta: meta.trim(), code });
    i = end;
  }
  return fences;
}
