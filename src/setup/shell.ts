/**
 * Shell safety for values put into commands. Validation (validate.ts) already admits only
 * inert characters; this is the second fence: it knows where in a bash command a value
 * lands (unquoted, inside '…' or "…", in a comment) and returns the exact text that keeps
 * the value one literal piece of one word there, or nothing when it cannot promise that.
 */

/** Where a character sits in a command; `config` is any non-shell block (nginx, Apache…). */
export type ShellContext = 'unquoted' | 'single' | 'double' | 'comment' | 'config';

/** Languages whose blocks are bash commands (Expressive Code's terminal languages we use). */
export const shellLanguages: ReadonlySet<string> = new Set(['bash', 'sh', 'shell', 'zsh']);

/** Characters that start a new word, so a following `#` opens a comment (bash(1), "COMMENTS"). */
const wordBreak = /[\s;&|()<>]/;

/**
 * The quoting context of every character of a bash script, by a small lexer that follows
 * backslash escapes, '…', $'…', "…" and comments. It does not model here-documents or
 * nested `$(…)` inside double quotes; placeholders are never put in those.
 */
export function shellContexts(script: string): ShellContext[] {
  const contexts: ShellContext[] = [];
  let state: 'unquoted' | 'single' | 'ansi' | 'double' | 'comment' = 'unquoted';
  for (let i = 0; i < script.length; i++) {
    const char = script[i]!;
    const escaped = char === '\\' && (state === 'unquoted' || state === 'double' || state === 'ansi');
    contexts[i] = state === 'ansi' ? 'single' : state;
    if (escaped) {
      contexts[i + 1] = state === 'ansi' ? 'single' : state;
      i++;
      continue;
    }
    if (state === 'unquoted') {
      if (char === "'") state = i > 0 && script[i - 1] === '$' ? 'ansi' : 'single';
      else if (char === '"') state = 'double';
      else if (char === '#' && (i === 0 || wordBreak.test(script[i - 1]!))) state = 'comment';
      if (state === 'comment') contexts[i] = 'comment';
    } else if (state === 'comment') {
      if (char === '\n') state = 'unquoted';
    } else if ((state === 'single' || state === 'ansi') && char === "'") {
      state = 'unquoted';
    } else if (state === 'double' && char === '"') {
      state = 'unquoted';
    }
  }
  return contexts;
}

/** Longest value put into a command: a Linux path (`PATH_MAX`); nothing valid is longer. */
const maxValueLength = 4096;
/** Characters with no meaning to bash in any context (no globbing, expansion, quoting or splitting). */
const inert = /^[A-Za-z0-9._/:-]+$/;
/** Inert plus the brackets of an IPv6 literal, which only glob when unquoted. */
const inertOrBracket = /^[A-Za-z0-9._/:[\]-]+$/;

/**
 * The text to insert for `value` at a place with the given context, so that the command
 * keeps its words and meaning: the value itself when it is inert, single-quoted when it
 * holds `[` `]` in an unquoted word (they are glob characters there), and `undefined`
 * (do not substitute) for anything else: other characters, more than 4096 of them, or a
 * leading `-` that a command could read as an option.
 */
export function quoteForShell(value: string, context: ShellContext): string | undefined {
  if (value === '' || value.length > maxValueLength || value.startsWith('-')) return undefined;
  if (inert.test(value)) return value;
  if (!inertOrBracket.test(value)) return undefined;
  return context === 'unquoted' ? `'${value}'` : value;
}
