/**
 * TT401 unknown-level1: a 一级 that is not one of the framework's (2021: 成本指标 产出指标 效益指标
 * 满意度指标; 2015: 产出指标 效益指标 满意度指标). A label without its 指标 suffix (`满意度`) is
 * accepted. Reported once, on the cell that holds the label (merged cells below inherit it).
 */
import type { Rule } from './types';
import { canonicalLevel1, framework, level1Of } from './util/categories';
import { indicatorRows, msg } from './util/text';

export const unknownLevel1: Rule = {
  code: 'TT401',
  name: 'unknown-level1',
  title: msg('一级指标不在指标体系中', 'Unknown 一级 category'),
  defaultSeverity: 'error',
  description: msg(
    '一级指标不是指标体系中的一级指标（现行体系：成本指标、产出指标、效益指标、满意度指标）。',
    'A 一级 (level-1) category that is not in the framework (current: 成本指标, 产出指标, 效益指标, 满意度指标).',
  ),
  fixable: false,
  check(ctx) {
    const fw = framework(ctx);
    const names = Object.keys(fw.level2).join('、');
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const l1 = row.level1;
      if (l1.inherited || l1.text === '' || canonicalLevel1(fw, l1.key)) continue;
      const parent = level1Of(fw, l1.key);
      ctx.report({
        code: 'TT401',
        range: l1.cell.range,
        message: parent
          ? msg(
              `一级指标「${l1.text}」是「${parent}」下的二级指标，不是一级指标（一级指标应为：${names}）。`,
              `"${l1.text}" is a 二级 (level-2) category of ${parent}, not a 一级 (level-1) category (expected one of: ${names}).`,
            )
          : msg(
              `一级指标「${l1.text}」不在指标体系中（一级指标应为：${names}）。`,
              `The 一级 (level-1) category "${l1.text}" is not in the framework (expected one of: ${names}).`,
            ),
      });
    }
  },
};
