/**
 * TT402 level2-mismatch: a 二级 that does not belong to its 一级 (`效益指标 → 时效指标`,
 * `产出指标 → 经济成本指标`), or that is no 二级 of the framework at all. Harmless variants are
 * accepted: the 指标 suffix left off, any `…满意度指标` under 满意度指标. Reported once, on the
 * cell that holds the 二级 label; rows under an unknown 一级 are TT401's.
 */
import type { Rule } from './types';
import { canonicalLevel1, checkLevel2, framework } from './util/categories';
import { indicatorRows, msg } from './util/text';

export const level2Mismatch: Rule = {
  code: 'TT402',
  name: 'level2-mismatch',
  title: msg('二级指标不属于一级指标', '二级 category under the wrong 一级'),
  defaultSeverity: 'error',
  description: msg(
    '二级指标不属于其一级指标（如「效益指标」下的「时效指标」），或不是指标体系中的二级指标。',
    'A 二级 (level-2) category does not belong to its 一级 (e.g. 时效指标 under 效益指标), or is not a category of the framework.',
  ),
  fixable: false,
  check(ctx) {
    const fw = framework(ctx);
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const l2 = row.level2;
      if (l2.inherited || l2.text === '') continue;
      const l1 = canonicalLevel1(fw, row.level1.key);
      if (!l1) continue;
      const r = checkLevel2(fw, l1, l2.key);
      if (r.ok) continue;
      const allowed = fw.level2[l1].join('、');
      ctx.report({
        code: 'TT402',
        range: l2.cell.range,
        message:
          canonicalLevel1(fw, l2.key) && !r.belongsTo
            ? msg(
                `二级指标栏填写的「${l2.text}」是一级指标名称，应填写「${l1}」下的二级指标：${allowed}。`,
                `"${l2.text}" is a 一级 (level-1) category name, not a 二级 one; under ${l1} use one of: ${allowed}.`,
              )
            : r.belongsTo
              ? msg(
                  `二级指标「${l2.text}」属于「${r.belongsTo}」，不应放在「${row.level1.text}」下（「${l1}」的二级指标为：${allowed}）。`,
                  `The 二级 category "${l2.text}" belongs to ${r.belongsTo}, not to "${row.level1.text}" (its 二级 categories are: ${allowed}).`,
                )
              : msg(
                  `二级指标「${l2.text}」不是「${l1}」的二级指标（应为：${allowed}）。`,
                  `"${l2.text}" is not a 二级 category of ${l1} (expected one of: ${allowed}).`,
                ),
      });
    }
  },
};
