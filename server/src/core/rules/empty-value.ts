/**
 * TT405 empty-value: an indicator with an empty target (指标值 / 当年目标) or an empty 指标值确定依据.
 * Reported on the indicator's 三级 name (an empty cell has no text to point at).
 */
import type { IndicatorRow, Range } from '../model';
import type { Rule } from './types';
import { msg, quote } from './util/text';

const TARGET_ANNUAL = msg('当年目标值', 'target for the year');
const TARGET_LONG = msg('指标值', 'target value');

/** Where a row's problem is reported; computed only when there is one (this rule sees every row). */
function rowRange(row: IndicatorRow): Range {
  return row.level3.text ? row.level3.range : row.range;
}

export const emptyValue: Rule = {
  code: 'TT405',
  name: 'empty-value',
  title: msg('指标值或依据为空', 'Empty value or basis'),
  defaultSeverity: 'warning',
  description: msg('指标值或指标值确定依据为空。', 'An indicator has an empty target value or an empty basis (指标值确定依据).'),
  fixable: false,
  check(ctx) {
    const tables = ctx.section.tables;
    for (let ti = 0; ti < tables.length; ti++) {
      const table = tables[ti];
      for (let ri = 0; ri < table.rows.length; ri++) {
        const row = table.rows[ri];
        if (row.target.kind === 'empty') {
          const target = table.kind === 'annual' ? TARGET_ANNUAL : TARGET_LONG;
          ctx.report({
            code: 'TT405',
            range: rowRange(row),
            message: msg(`三级指标${quote(row.level3.text)}的${target.zh}为空。`, `The ${target.en} of "${row.level3.text}" is empty.`),
          });
        }
        // A table without a basis column (many templates have none) has nothing to fill in.
        if (row.basis !== null && row.basis.text === '') {
          ctx.report({
            code: 'TT405',
            range: rowRange(row),
            message: msg(`三级指标${quote(row.level3.text)}的指标值确定依据为空。`, `The basis (指标值确定依据) of "${row.level3.text}" is empty.`),
          });
        }
      }
    }
  },
};
