/**
 * TT205 over-100-percent: `≥100%` (a lower bound nothing can exceed: the target is exactly
 * 100%) and `>100%` (impossible for a share). Growth rates (增长率 …) are exempt. Quick fix for
 * `≥100%`: remove the `≥` (quick fix only: for a completion rate of a plan, exceeding 100% may be
 * meant).
 */
import type { Rule } from './types';
import { isGrowthName, isPercent } from './util/indicators';
import { fix, indicatorRows, msg, quote, spanRange } from './util/text';

export const over100Percent: Rule = {
  code: 'TT205',
  name: 'over-100-percent',
  title: msg('目标超过100%', 'Target above 100%'),
  defaultSeverity: 'information',
  description: msg(
    '指标值为「≥100%」或「>100%」：比率不会超过100%，应写作「100%」或「=100%」。',
    'The target is ≥100% or >100%: a share cannot exceed 100%; write 100% (or =100%).',
  ),
  fixable: true,
  check(ctx) {
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const v = row.target;
      const c = v.comparator;
      if (v.kind !== 'numeric' || !c || !v.number || !isPercent(v) || isGrowthName(row)) continue;
      const n = v.number.value;
      const ge = c.normalized === '≥' && n === 100;
      const gt = c.normalized === '>' && n >= 100;
      if (!ge && !gt) continue;
      ctx.report({
        code: 'TT205',
        range: spanRange(c.range, v.unit!.range),
        message: ge
          ? msg(
              `${quote(row.level3.text)}的指标值「${v.raw}」：比率不会超过100%，「≥100%」即「100%」，建议写作「100%」。`,
              `"${v.raw}" for "${row.level3.text}": a share cannot exceed 100%, so ≥100% means 100%; write "100%".`,
            )
          : msg(
              `${quote(row.level3.text)}的指标值「${v.raw}」超过100%，比率无法达到。`,
              `"${v.raw}" for "${row.level3.text}" is above 100%, which a share cannot reach.`,
            ),
        fix: ge ? fix(msg(`删除「${c.raw}」，写作「100%」`, `Remove "${c.raw}" (write 100%)`), [{ range: c.range, newText: '' }], false) : undefined,
      });
    }
  },
};
