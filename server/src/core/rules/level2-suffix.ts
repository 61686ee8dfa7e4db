/**
 * TT403 level2-suffix: a 二级 label without its 指标 suffix (`经济成本` → `经济成本指标`), only when
 * adding 指标 gives a known 二级 name. Safe fix: append 指标.
 */
import type { Rule } from './types';
import { framework, isKnownLevel2 } from './util/categories';
import { compact, fix, indicatorRows, msg } from './util/text';

export const level2Suffix: Rule = {
  code: 'TT403',
  name: 'level2-suffix',
  title: msg('二级指标缺少「指标」二字', '二级 category without 指标'),
  defaultSeverity: 'information',
  description: msg('二级指标名称缺少「指标」二字（如「经济成本」应为「经济成本指标」）。', 'A 二级 category lacks its 指标 suffix (经济成本 → 经济成本指标).'),
  fixable: true,
  check(ctx) {
    const fw = framework(ctx);
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const l2 = row.level2;
      if (l2.inherited || l2.text === '') continue;
      const c = compact(l2.text);
      // A label with a marker after it (`时效(必填)`, docs/format.md §7.4) is compared without it; the fix
      // appends at the cell's end, so it is offered only where no marker follows.
      if (c !== l2.key || c.endsWith('指标') || !isKnownLevel2(fw, c + '指标')) continue;
      const end = l2.cell.range.end;
      ctx.report({
        code: 'TT403',
        range: l2.cell.range,
        message: msg(`二级指标「${l2.text}」缺少「指标」二字，应为「${c}指标」。`, `The 二级 category "${l2.text}" lacks its suffix: "${c}指标".`),
        fix: fix(msg(`改为「${c}指标」`, `Change to "${c}指标"`), [{ range: { start: end, end }, newText: '指标' }], true),
      });
    }
  },
};
