/**
 * TT102 rate-as-fraction: a rate or satisfaction written as a fraction with no unit (`1`, `0.98`,
 * `0`): a spreadsheet turned 100% into 1. Quick fix `1` → `100%` (never applied by fix-all: the
 * rate is recognised from the indicator's name, and rewriting a figure of a budget submission
 * on a name heuristic must be a reviewer's decision).
 */
import type { Rule } from './types';
import { isCostCategory, isMoneyName, isRatioName, isSatisfactionCategory, nameCarriesUnit } from './util/indicators';
import { allValues, fix, formatNumber, msg, quote, SLOT_NAME } from './util/text';

export const rateAsFraction: Rule = {
  code: 'TT102',
  name: 'rate-as-fraction',
  title: msg('比率写成小数', 'Rate written as a fraction'),
  defaultSeverity: 'warning',
  description: msg(
    '比率或满意度写成了小数且没有单位（如「1」「0.98」「0」），应写作百分数（「100%」「98%」「0%」）。',
    'A rate or satisfaction is written as a bare fraction (1, 0.98, 0); write it as a percentage (100%, 98%, 0%).',
  ),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { row, slot, value } = values[vi];
      if (value.kind !== 'numeric' || !value.number || value.unit) continue;
      if (!(isRatioName(row) || isSatisfactionCategory(row))) continue;
      if (isCostCategory(row) || isMoneyName(row) || nameCarriesUnit(row)) continue;
      const n = value.number.value;
      if (n < 0 || n > 1) continue;
      const pct = `${formatNumber(n * 100)}%`;
      ctx.report({
        code: 'TT102',
        range: value.number.range,
        message: msg(
          `比率${quote(row.level3.text)}的${SLOT_NAME[slot].zh}「${value.raw}」没有写百分号，按小数理解应为「${pct}」。`,
          `The ${SLOT_NAME[slot].en} "${value.raw}" of the rate "${row.level3.text}" has no percent sign; as a fraction it means "${pct}".`,
        ),
        fix: fix(
          msg(`将「${value.number.raw}」改为「${pct}」`, `Replace "${value.number.raw}" with "${pct}"`),
          [{ range: value.number.range, newText: pct }],
          false,
        ),
      });
    }
  },
};
