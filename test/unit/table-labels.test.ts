import { describe, expect, it } from 'vitest';
import { labelTables } from '../../src/markdown/table-labels';

describe('labelTables', () => {
  it('labels each body cell with its column header, tags dropped and quotes escaped', () => {
    const html =
      '<p>x</p><table><thead><tr><th>Code</th><th style="text-align:left">Who <code>says</code> "it"</th></tr></thead>' +
      '<tbody><tr><td>502</td><td style="text-align:left">proxy</td></tr><tr><td>504</td><td>proxy</td></tr></tbody></table>';
    expect(labelTables(html)).toBe(
      '<p>x</p><table><thead><tr><th>Code</th><th style="text-align:left">Who <code>says</code> "it"</th></tr></thead>' +
        '<tbody><tr><td data-label="Code">502</td><td data-label="Who says &quot;it&quot;" style="text-align:left">proxy</td></tr>' +
        '<tr><td data-label="Code">504</td><td data-label="Who says &quot;it&quot;">proxy</td></tr></tbody></table>',
    );
  });

  it('leaves tables without a header row, and already labelled tables, alone', () => {
    const bare = '<table><tbody><tr><td>a</td></tr></tbody></table>';
    const labelled =
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td data-label="A">a</td></tr></tbody></table>';
    expect(labelTables(bare)).toBe(bare);
    expect(labelTables(labelled)).toBe(labelled);
  });
});
