/**
 * Browser side of the placeholders: shows the reader's values in the spans that the
 * Expressive Code plugin (ec-placeholders.ts) marked, and rewrites each block's copy button
 * text the same way, so Copy copies exactly what is shown. Only `Text.data` and `dataset`
 * are written: a value can never become markup.
 */
import type { PlaceholderKind } from './defaults';
import { fillCode, placeholderText, type LogServer } from './placeholders';
import type { ShellContext } from './shell';
import type { ValidSetup } from './validate';

/** The example text each node had as rendered, to restore it when the reader clears a value. */
const examples = new WeakMap<Node, string>();

/** Roots that have shown a reader's value at least once, so an empty setup must restore the examples. */
const filledRoots = new WeakSet<ParentNode>();

const kinds = new Set<string>(['domain', 'upstreamHost', 'upstreamPort', 'socket', 'errorLog']);
const contexts = new Set<string>(['unquoted', 'single', 'double', 'comment', 'config']);

/** The example text of `node` as first seen. */
function exampleOf(node: Text | HTMLElement, current: string): string {
  if (!examples.has(node)) examples.set(node, current);
  return examples.get(node)!;
}

/** Text nodes of a placeholder, in order (a value split across tokens spans several). */
function textNodes(parts: HTMLElement[]): Text[] {
  return parts.flatMap((part) => {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    return nodes;
  });
}

/** Fills one placeholder (all spans with the same `data-ph` in a block). */
function fillPlaceholder(parts: HTMLElement[], setup: ValidSetup): void {
  const { placeholder: kind = '', phForm, phServer, phContext = '' } = parts[0]!.dataset;
  if (!kinds.has(kind) || !contexts.has(phContext)) return;
  const nodes = textNodes(parts);
  const example = nodes.map((node) => exampleOf(node, node.data)).join('');
  const text = placeholderText(
    {
      kind: kind as PlaceholderKind,
      text: example,
      form: phForm === 'address' ? 'address' : 'bare',
      server: phServer as LogServer | undefined,
      context: phContext as ShellContext,
    },
    setup,
  );
  const filled = text !== example;
  nodes.forEach((node, index) => {
    node.data = filled ? (index === 0 ? text : '') : exampleOf(node, node.data);
  });
  parts.forEach((part) => part.toggleAttribute('data-ph-filled', filled));
}

/** Fills every placeholder of one block, then its copy button's text. */
function fillBlock(block: HTMLElement, setup: ValidSetup): void {
  const placeholders = new Map<string, HTMLElement[]>();
  for (const span of block.querySelectorAll<HTMLElement>('[data-placeholder]')) {
    const id = span.dataset['ph'] ?? '';
    placeholders.set(id, [...(placeholders.get(id) ?? []), span]);
  }
  placeholders.forEach((parts) => fillPlaceholder(parts, setup));

  const button = (block.closest('.expressive-code') ?? block).querySelector<HTMLElement>('.copy button[data-code]');
  if (!button) return;
  // Expressive Code's copy script reads `data-code` on click, with U+007F for line breaks.
  const code = exampleOf(button, button.dataset['code'] ?? '').replace(/\u007f/g, '\n');
  const options = { language: block.dataset['placeholdersLang'] ?? '', extra: block.dataset['placeholders'] ?? '' };
  button.dataset['code'] = fillCode(code, options, setup).replace(/\n/g, '\u007f');
}

/**
 * Shows `setup` in every placeholder under `root` and keeps each copy button's text equal
 * to what is shown. `setup` must come from `validSetup()`; an empty setup restores the
 * examples. Safe to call again whenever the setup changes.
 */
export function fillPlaceholders(root: ParentNode, setup: ValidSetup): void {
  // The page as rendered already shows the examples: with nothing set and nothing filled
  // yet, there is nothing to do (this is every first visit, and it keeps the page's first
  // task short: fillCode parses each block's shell code).
  const empty = Object.keys(setup).length === 0;
  if (empty && !filledRoots.has(root)) return;
  filledRoots.add(root);
  for (const block of root.querySelectorAll<HTMLElement>('[data-placeholders-lang]')) fillBlock(block, setup);
}
