/** TT404 level1-without-level2: a new 一级 group (its own 一级 cell filled) with no 二级. */
import type { Rule } from './types';
import { indicatorRows, msg, quote } from './util/text';

export const level1WithoutLevel2: Rule = {
  code: 'TT404',
  name: 'level1-without-level2',
  title: msg('一级指标下缺少二级指标', '一级 category without a 二级'),
  defaultSeverity: 'warning',
  description: msg('一级指标下没有填写二级指标。', 'A new 一级 (level-1) group has no 二级 (level-2) category.'),
  fixable: false,
  check(ctx) {
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.level1.inherited || row.level1.text === '' || row.level2.text !== '') continue;
      ctx.report({
        code: 'TT404',
        range: row.level1.cell.range,
        message: msg(
          `一级指标「${row.level1.text}」下（三级指标${quote(row.level3.text)}）没有填写二级指标。`,
          `The 一级 category "${row.level1.text}" (indicator "${row.level3.text}") has no 二级 category.`,
        ),
      });
    }
  },
};
