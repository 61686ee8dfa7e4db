/**
 * TT101 missing-unit: a number with no unit where one is expected (a count like `≥12`, `1000`).
 * Not for zero, nor for money figures (成本 rows and money names: the header's 单位：万元 applies), nor when the
 * 三级 name carries the unit (`…/亿元`, `…（个）`), nor for rates written as fractions (TT102).
 */
import type { Rule } from './types';
import { isCostCategory, isMoneyName, isRatioName, isSatisfactionCategory, nameCarriesUnit, suggestUnit } from './util/indicators';
import { allValues, msg, quote, SLOT_NAME } from './util/text';

export const missingUnit: Rule = {
  code: 'TT101',
  name: 'missing-unit',
  title: msg('缺少计量单位', 'Missing unit'),
  defaultSeverity: 'warning',
  description: msg(
    '指标值缺少计量单位：数量类指标的数字后应写明单位（如「场」「人次」「%」）。成本指标的金额（表头「单位：万元」）和名称中已带单位的指标除外。',
    'An indicator value has no unit: a count needs its unit (场, 人次, % …). Money figures of cost indicators (the header says 单位：万元) and indicators whose name carries the unit are exempt.',
  ),
  fixable: false,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { row, slot, value } = values[vi];
      if (value.kind !== 'numeric' || !value.number || value.unit) continue;
      if (isCostCategory(row) || isMoneyName(row) || nameCarriesUnit(row)) continue;
      // Zero of anything is zero: `0` needs no unit to be read right (a rate's `0` is TT102's).
      const ratio = isRatioName(row) || isSatisfactionCategory(row);
      // A rate written as a fraction (0 … 1) is TT102's.
      if (ratio && value.number.value <= 1) continue;
      if (!ratio && value.number.value === 0) continue;
      const name = row.level3.text;
      const hint = suggestUnit(row);
      ctx.report({
        code: 'TT101',
        range: value.number.range,
        message: ratio
          ? msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」缺少计量单位：比率类指标${quote(name)}应写明「%」。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" has no unit: the rate "${name}" should be written with "%".`,
            )
          : msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」缺少计量单位：请写明${quote(name)}的单位${hint ? `（如「${hint}」）` : '（如「次」「个」「人」）'}。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" has no unit: give the unit of "${name}"${hint ? ` (e.g. "${hint}")` : ' (次, 个, 人 …)'}.`,
            ),
      });
    }
  },
};
