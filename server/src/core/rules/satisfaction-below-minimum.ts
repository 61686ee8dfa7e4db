/**
 * TT206 satisfaction-below-minimum: a satisfaction target below the configured minimum
 * (settings.minSatisfaction, default 90%), e.g. `≥80%`. Fractions (`0.8`) count as percentages.
 */
import type { Rule } from './types';
import { directionClass, isSatisfactionCategory, isSatisfactionName } from './util/indicators';
import { formatNumber, indicatorRows, msg, quote } from './util/text';
import { valueDirection } from '../parse/value';

export const satisfactionBelowMinimum: Rule = {
  code: 'TT206',
  name: 'satisfaction-below-minimum',
  title: msg('满意度目标过低', 'Satisfaction target below the minimum'),
  defaultSeverity: 'warning',
  description: msg(
    '满意度目标低于最低要求（默认90%，可在设置 minSatisfaction 中调整）。',
    'A satisfaction target is below the required minimum (90% by default; setting minSatisfaction).',
  ),
  fixable: false,
  check(ctx) {
    const min = ctx.settings.minSatisfaction;
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const v = row.target;
      if (v.kind !== 'numeric' || !v.number) continue;
      if (!(isSatisfactionName(row) || isSatisfactionCategory(row))) continue;
      if (directionClass(row, v) !== 'satisfaction' && !(isSatisfactionCategory(row) && !v.unit)) continue;
      // A ceiling (≤95%) is TT202's business; only floors and exact values are compared.
      const dir = valueDirection(v);
      if (dir === '≤' || dir === '<') continue;
      const pct = v.unit ? v.number.value : v.number.value <= 1 ? v.number.value * 100 : v.number.value;
      if (pct >= min) continue;
      const range = v.unit ? { start: v.number.range.start, end: v.unit.range.end } : v.number.range;
      ctx.report({
        code: 'TT206',
        range,
        message: msg(
          `${quote(row.level3.text)}的目标「${v.raw}」低于满意度最低要求 ${min}%。`,
          `The target "${v.raw}" of "${row.level3.text}" is below the minimum satisfaction of ${min}% (it is ${formatNumber(pct)}%).`,
        ),
      });
    }
  },
};
