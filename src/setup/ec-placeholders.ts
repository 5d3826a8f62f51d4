/**
 * Expressive Code plugin for the `placeholders` fence meta: every example value the block
 * names (see placeholders.ts) is wrapped in a marked `<span data-placeholder="…">`, still
 * showing the example, so the page is complete without JavaScript. The browser script
 * (fill.ts) later swaps in the reader's values and the copy button's text.
 *
 *     ```bash placeholders
 *     curl -I http://127.0.0.1:8080/
 *     ```
 *
 * Register in Starlight: `expressiveCode: { plugins: [pluginPlaceholders()] }`.
 */
import {
  definePlugin,
  ExpressiveCodeAnnotation,
  type AnnotationRenderOptions,
} from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import type { PlaceholderKind } from './defaults';
import { findPlaceholders, type BlockOptions, type PlaceholderMatch } from './placeholders.ts';

/** Tooltip of each kind of placeholder (also the only hint without JavaScript). */
const tooltips: Record<PlaceholderKind, string> = {
  domain: 'Your site’s domain',
  upstreamHost: 'Your upstream host',
  upstreamPort: 'Your upstream port',
  socket: 'Your upstream’s Unix socket',
  errorLog: 'Your error log',
};

/** Wraps the characters of one placeholder; a value split over several tokens gets one span per token. */
class PlaceholderAnnotation extends ExpressiveCodeAnnotation {
  override readonly name = 'placeholder';
  readonly #match: PlaceholderMatch;
  readonly #index: number;

  constructor(match: PlaceholderMatch, index: number, columnStart: number) {
    super({ inlineRange: { columnStart, columnEnd: columnStart + (match.end - match.start) } });
    this.#match = match;
    this.#index = index;
  }

  render({ nodesToTransform }: AnnotationRenderOptions) {
    const { kind, form, server, context } = this.#match;
    return nodesToTransform.map((node) =>
      h(
        'span',
        {
          'data-placeholder': kind,
          'data-ph': String(this.#index),
          'data-ph-form': form,
          'data-ph-server': server,
          'data-ph-context': context,
          title: `${tooltips[kind]} (example; set yours under “Your setup”)`,
        },
        [node],
      ),
    );
  }
}

/** Reads the `placeholders` meta: undefined when the block did not opt in. */
function blockOptions(
  language: string,
  meta: { list: (key: string) => { value: unknown }[] },
): BlockOptions | undefined {
  const option = meta.list('placeholders').at(-1);
  if (option === undefined || option.value === false) return undefined;
  return { language, extra: typeof option.value === 'string' ? option.value : '' };
}

/** The plugin: marks placeholders in blocks with the `placeholders` meta. */
export function pluginPlaceholders() {
  return definePlugin({
    name: 'Placeholders',
    baseStyles: `
      [data-placeholder] {
        text-decoration: underline dotted;
        text-decoration-thickness: 1px;
        text-underline-offset: 0.3em;
        cursor: help;
      }
      [data-placeholder][data-ph-filled] {
        text-decoration-style: solid;
        background: color-mix(in srgb, currentColor 12%, transparent);
        border-radius: 0.125rem;
      }
    `,
    hooks: {
      annotateCode: ({ codeBlock }) => {
        const options = blockOptions(codeBlock.language, codeBlock.metaOptions);
        if (!options) return;
        const lines = codeBlock.getLines();
        const lineStarts: number[] = [];
        lines.reduce((offset, line) => (lineStarts.push(offset), offset + line.text.length + 1), 0);
        findPlaceholders(codeBlock.code, options).forEach((match, index) => {
          const lineIndex = lineStarts.findLastIndex((start) => start <= match.start);
          lines[lineIndex]!.addAnnotation(
            new PlaceholderAnnotation(match, index, match.start - lineStarts[lineIndex]!),
          );
        });
      },
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const options = blockOptions(codeBlock.language, codeBlock.metaOptions);
        if (!options) return;
        // What fill.ts needs to find the same placeholders again in the copy button's text.
        renderData.blockAst.properties['dataPlaceholders'] = options.extra;
        renderData.blockAst.properties['dataPlaceholdersLang'] = options.language;
      },
    },
  });
}
