/**
 * Expressive Code plugin for how code blocks are framed on a small screen and for a screen
 * reader (issue 22):
 * - Blocks in the `text` language (log samples, "Good output") get no copy button: nobody
 *   copies them, and the button hid their first line.
 * - Every other block has a title bar, and its copy button sits in that bar instead of over
 *   the code: terminal blocks already have one; a code block without a `title` gets its
 *   language's name (`nginx`, `Apache httpd`, …) as the title.
 * - The copy button gets an `aria-label` (Expressive Code gives it only a `title`).
 *
 * Register in ec.config.mjs after the default plugins (`plugins: [pluginCodeChrome()]`):
 * its hooks must run after the frames plugin's. Node loads this file directly, so it imports
 * packages only.
 */
import { definePlugin } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent } from '@astrojs/starlight/expressive-code/hast';

/** Languages whose blocks show output or logs: no copy button. */
export const outputLanguages: ReadonlySet<string> = new Set(['text', 'txt', 'plaintext', 'log']);

/**
 * Languages the frames plugin draws as a terminal (with a title bar of its own); from
 * `LanguageGroups.terminal` in @expressive-code/plugin-frames 0.41.
 */
const terminalLanguages: ReadonlySet<string> = new Set([
  'ansi',
  'bash',
  'bat',
  'batch',
  'cmd',
  'console',
  'powershell',
  'ps',
  'ps1',
  'psd1',
  'psm1',
  'sh',
  'shell',
  'shellscript',
  'shellsession',
  'zsh',
]);

/** Titles for untitled code blocks, by fence language; others show the language as written. */
const languageTitles: Readonly<Record<string, string>> = {
  apacheconf: 'Apache httpd',
  haproxy: 'HAProxy',
  ini: 'INI',
  js: 'JavaScript',
  javascript: 'JavaScript',
  json: 'JSON',
  nginx: 'nginx',
  python: 'Python',
  py: 'Python',
  yaml: 'YAML',
  yml: 'YAML',
  toml: 'TOML',
  caddy: 'Caddyfile',
  dockerfile: 'Dockerfile',
};

/**
 * The title an untitled block gets, or undefined when it keeps none (output blocks, terminal
 * blocks and blocks drawn without a frame).
 * @param language the fence language, e.g. `nginx`.
 * @param frame the block's `frame` prop (`auto` when not set).
 */
export function fallbackTitle(language: string, frame: string | undefined): string | undefined {
  if (frame === 'none' || frame === 'terminal' || outputLanguages.has(language)) return undefined;
  if (terminalLanguages.has(language) && frame !== 'code') return undefined;
  return languageTitles[language] ?? language;
}

const isElement = (node: ElementContent): node is Element => node.type === 'element';
const classes = (node: Element): string[] => {
  const value: unknown = node.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(' ') : [];
};

/** The plugin; see the file comment. */
export function pluginCodeChrome() {
  return definePlugin({
    name: 'Code chrome',
    baseStyles: `
      .frame.is-terminal .copy,
      .frame.has-title .copy {
        inset-block-start: 0;
        height: calc(var(--ec-uiFontSize) * var(--ec-uiLineHt) + 2 * var(--ec-uiPadBlk) + 2 * var(--ec-brdWd));
        align-items: center;
      }
      .frame.is-terminal .copy button,
      .frame.has-title .copy button {
        align-self: center;
        width: 1.75rem;
        height: 1.75rem;
        opacity: 0.75;
      }
      .frame.is-terminal .copy button::after,
      .frame.has-title .copy button::after {
        margin: 0.35rem;
      }
      .frame.is-terminal .copy button:hover,
      .frame.is-terminal .copy button:focus-visible,
      .frame.has-title .copy button:hover,
      .frame.has-title .copy button:focus-visible {
        opacity: 1;
      }
      .frame.is-terminal :nth-child(1 of .ec-line) .code,
      .frame.has-title :nth-child(1 of .ec-line) .code {
        padding-inline-end: var(--ec-codePadInl);
      }
    `,
    hooks: {
      preprocessMetadata: ({ codeBlock }) => {
        if (codeBlock.props.title !== undefined) return;
        const title = fallbackTitle(codeBlock.language, codeBlock.props.frame);
        if (title !== undefined) codeBlock.props.title = title;
      },
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        // The frames plugin makes the block's root its `<figure class="frame">`.
        const root = renderData.blockAst;
        const figure = classes(root).includes('frame')
          ? root
          : root.children.find((node): node is Element => isElement(node) && classes(node).includes('frame'));
        if (!figure) return;
        const copyIndex = figure.children.findIndex((node) => isElement(node) && classes(node).includes('copy'));
        if (copyIndex === -1) return;
        if (outputLanguages.has(codeBlock.language)) {
          figure.children.splice(copyIndex, 1);
          return;
        }
        const copy = figure.children[copyIndex] as Element;
        const button = copy.children.find((node): node is Element => isElement(node) && node.tagName === 'button');
        if (button) button.properties['ariaLabel'] = String(button.properties['title'] ?? 'Copy to clipboard');
      },
    },
  });
}
