/**
 * Gives each body cell of a table its column's header text as `data-label`, so below 640 px
 * the stylesheet (src/styles/custom.css, "Stacked tables") can show a wide table as one card
 * per row with each value under its label, instead of columns squeezed to a few words.
 *
 * Runs on a page's rendered HTML (MarkdownContent.astro), because Astro 7's default Markdown
 * processor takes no rehype plugins. It reads only what Markdown tables look like: `<table>`
 * with a `<thead>` row of `<th>` and `<tbody>` rows of `<td>`; nested tables are not expected.
 * A table without a header row, or whose cells already carry `data-label`, is left as it is.
 *
 * @param html rendered HTML of a page's content.
 * @returns the same HTML with `data-label="…"` (HTML-escaped header text) on each `<td>`.
 */
export function labelTables(html: string): string {
  return html.replace(/<table\b[^>]*>[\s\S]*?<\/table>/g, (table) => {
    const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(table)?.[1];
    if (head === undefined || table.includes('data-label=')) return table;
    const labels = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((match) => textOf(match[1]!));
    if (labels.length === 0) return table;
    return table.replace(/<tbody\b[^>]*>[\s\S]*?<\/tbody>/, (body) =>
      body.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
        let index = 0;
        return row.replace(/<td\b/g, (cell) => {
          const label = labels[index++];
          return label ? `${cell} data-label="${escapeAttribute(label)}"` : cell;
        });
      }),
    );
  });
}

/** The text of an HTML fragment: tags dropped, whitespace collapsed (entities kept as written). */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes text that is already HTML (entities kept) for a double-quoted attribute. */
function escapeAttribute(text: string): string {
  return text.replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
