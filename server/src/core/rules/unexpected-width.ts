/**
 * TT501 unexpected-width: a row whose number of cells does not fit its table (the parser could
 * not place it), and rows that carry spare empty cells after the last column.
 */
import type { Range } from '../model';
import type { Rule } from './types';
import { msg } from './util/text';

export const unexpectedWidth: Rule = {
  code: 'TT501',
  name: 'unexpected-width',
  title: msg('单元格数与列数不符', 'Row of unexpected width'),
  defaultSeverity: 'warning',
  description: msg('表格行的单元格数与表格列数不符（多出或缺少单元格）。', 'A table row has more or fewer cells than its table has columns.'),
  fixable: false,
  check(ctx) {
    for (const s of ctx.section.stray) {
      if (s.reason !== 'unexpected-width') continue;
      const n = s.row?.cells.length ?? 0;
      const exp = s.expectedWidth;
      ctx.report({
        code: 'TT501',
        range: s.range,
        message:
          exp !== undefined
            ? msg(
                `该行有 ${n} 个单元格，而所在表格应为 ${exp} 列，无法识别为指标行。`,
                `This row has ${n} cells where its table has ${exp} columns; it cannot be read as a table row.`,
              )
            : msg(`该行有 ${n} 个单元格，与所在表格的列数不符。`, `This row has ${n} cells, which does not fit its table.`),
      });
    }
    const tables = ctx.section.tables;
    for (let ti = 0; ti < tables.length; ti++) {
      const table = tables[ti];
      for (let ri = 0; ri < table.rows.length; ri++) {
        const row = table.rows[ri];
        const width = table.columns.width;
        if (row.width <= width) continue;
        const spare = row.row.cells.slice(width);
        const first = spare[0].paragraphs[0];
        const last = spare[spare.length - 1];
        const lastP = last.paragraphs[last.paragraphs.length - 1];
        // From the spare cell's TAB to the end of its last paragraph.
        const range: Range = {
          start: { line: first.line, character: Math.max(0, first.character - 1) },
          end: { line: lastP.line, character: lastP.character + lastP.raw.length },
        };
        ctx.report({
          code: 'TT501',
          range,
          message: msg(
            `该行末尾多出 ${spare.length} 个空单元格（表格应为 ${width} 列），可删除。`,
            `This row ends with ${spare.length} spare empty cell(s) (the table has ${width} columns); they can be deleted.`,
          ),
        });
      }
    }
  },
};
