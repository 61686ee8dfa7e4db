/**
 * TT204 comparator-in-actual: a comparator (or 以上/以内) in a 前年/上年 actual value. Actuals are
 * facts (`95%`), not targets (`≥95%`). Quick fix: remove the comparator (not applied by fix-all:
 * whether the figure itself is the true actual is for the author to confirm).
 */
import type { Rule } from './types';
import { SLOT_NAME, fix, indicatorRows, msg, quote } from './util/text';

const ACTUALS = ['previous', 'last'] as const;

export const comparatorInActual: Rule = {
  code: 'TT204',
  name: 'comparator-in-actual',
  title: msg('实际值带比较符号', 'Comparator in an actual value'),
  defaultSeverity: 'information',
  description: msg(
    '前年、上年的实际值中带有比较符号（如「≥95%」）：历史实际值应是确定的数值。',
    "A 前年/上年 (previous years') actual value contains a comparator (≥95%): an actual is a fact, not a bound.",
  ),
  fixable: true,
  check(ctx) {
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      for (let si = 0; si < ACTUALS.length; si++) {
        const slot = ACTUALS[si];
        const v = row[slot];
        if (!v || v.kind !== 'numeric') continue;
        const c = v.comparator;
        const q = v.qualifierMeaning ? v.qualifier : null;
        if (!c && !q) continue;
        const range = c ? c.range : q!.range;
        const written = c ? c.raw : q!.text;
        ctx.report({
          code: 'TT204',
          range,
          message: msg(
            `${quote(row.level3.text)}的${SLOT_NAME[slot].zh}「${v.raw}」带有「${written}」：实际值应写确定的数值。`,
            `The ${SLOT_NAME[slot].en} "${v.raw}" of "${row.level3.text}" contains "${written}": an actual value should be a plain figure.`,
          ),
          fix: fix(msg(`删除「${written}」`, `Remove "${written}"`), [{ range, newText: '' }], false),
        });
      }
    }
  },
};
