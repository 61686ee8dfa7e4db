/**
 * TT504 empty-column: a column of an indicator table left empty in every indicator row (01's
 * 2021年实际实现值 column). Header-driven tables only (docs/format.md §7.3), where the header names the
 * column; a self-evaluation's empty 完成值 is TT604's, an empty target TT405's.
 */
import type { Rule } from './types';
import { msg } from './util/text';

const CHECKED = new Set(['previous', 'last', 'basis', 'extra', 'weight']);

export const emptyColumn: Rule = {
  code: 'TT504',
  name: 'empty-column',
  title: msg('整列为空', 'Empty column'),
  defaultSeverity: 'information',
  description: msg('指标表中某一列在所有指标行中都为空。', 'A column of an indicator table is empty in every indicator row.'),
  fixable: false,
  check(ctx) {
    const seen = new Set<number>();
    let lastHeader = null;
    for (const table of ctx.section.tables) {
      if (table.headerRow !== lastHeader) seen.clear();
      lastHeader = table.headerRow;
      const headers = table.columns.headers;
      if (!headers || table.rows.length < 2) continue;
      for (const h of headers) {
        const label = h.label.replace(/\s+/g, '');
        if (!CHECKED.has(h.role) || label === '' || seen.has(h.index)) continue;
        if (table.rows.some((r) => (r.row.cells[h.index]?.text ?? '') !== '')) continue;
        seen.add(h.index);
        ctx.report({
          code: 'TT504',
          range: (h.cell ?? table.headerCell).range,
          message: msg(
            `「${label}」列在全部 ${table.rows.length} 个指标行中都为空。`,
            `The column "${label}" is empty in all ${table.rows.length} indicator rows.`,
          ),
        });
      }
    }
  },
};
