/**
 * TT104 bare-wan: the unit `万` with no noun (`1000万`: 万 what?). On a cost row the noun is
 * obviously 元 (the header says 单位：万元): fix `万` → `万元` (safe); on another money name
 * (`…赔付额`) the same fix is offered as a quick fix only. Elsewhere (`≥20万` people?
 * copies?) the noun cannot be known: no fix.
 */
import type { Rule } from './types';
import { isCostCategory, isMoneyName } from './util/indicators';
import { allValues, cellOffset, cellRange, fix, msg, quote, SLOT_NAME } from './util/text';

/** Hoisted: a regular expression literal in the loop would be a new object per value. */
const BARE_WAN = /^万(?:$|[/／每])/;

export const bareWan: Rule = {
  code: 'TT104',
  name: 'bare-wan',
  title: msg('「万」后缺少名词', 'Bare 万 without a noun'),
  defaultSeverity: 'warning',
  description: msg(
    '单位只写了「万」而没有量词（如「1000万」），应写明「万元」「万人次」等。',
    'The unit is a bare 万 (ten thousand) with no noun (1000万); write 万元, 万人次 …',
  ),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { row, slot, value } = values[vi];
      const unit = value.unit;
      const cell = value.cell;
      if (!unit || !cell || !BARE_WAN.test(unit.text)) continue;
      const base = cellOffset(cell, unit.range.start);
      if (base < 0) continue;
      const range = cellRange(cell, base, base + 1);
      const cost = isCostCategory(row);
      const money = cost || isMoneyName(row);
      ctx.report({
        code: 'TT104',
        range,
        message: money
          ? msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」的单位「万」缺少量词：金额应写作「万元」。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" has a bare 万: an amount of money is written in 万元.`,
            )
          : msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」的单位「万」缺少量词：请写明${quote(row.level3.text)}的单位（如「万人次」「万份」）。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" has a bare 万 (ten thousand of what?): give the noun of "${row.level3.text}" (万人次, 万份 …).`,
            ),
        // Safe on a cost row (the header's 单位：万元 names the noun); a quick fix on other money names.
        fix: money ? fix(msg('将「万」改为「万元」', 'Replace 万 with 万元'), [{ range, newText: '万元' }], cost) : undefined,
      });
    }
  },
};
