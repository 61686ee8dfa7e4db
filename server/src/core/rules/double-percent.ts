/** TT103 double-percent: `100%%` → `100%`. */
import type { Rule } from './types';
import { allValues, cellOffset, cellRange, fix, msg, SLOT_NAME } from './util/text';

/** Hoisted: a regular expression literal in the loop would be a new object per value. */
const DOUBLE_PERCENT = /[%％]{2,}/;

export const doublePercent: Rule = {
  code: 'TT103',
  name: 'double-percent',
  title: msg('百分号重复', 'Doubled percent sign'),
  defaultSeverity: 'warning',
  description: msg('百分号重复（「%%」），应为一个「%」。', 'The percent sign is doubled (%%); write one %.'),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { slot, value } = values[vi];
      const unit = value.unit;
      const cell = value.cell;
      if (!unit || !cell) continue;
      const m = DOUBLE_PERCENT.exec(unit.text);
      if (!m) continue;
      const base = cellOffset(cell, unit.range.start);
      if (base < 0) continue;
      const range = cellRange(cell, base + m.index, base + m.index + m[0].length);
      const problem = {
        code: 'TT103',
        range,
        message: msg(
          `${SLOT_NAME[slot].zh}「${value.raw}」的百分号重复，应为「%」。`,
          `The ${SLOT_NAME[slot].en} "${value.raw}" has a doubled percent sign; write "%".`,
        ),
      };
      // Signs on two paragraphs of the cell (`90%` ⏎ `%`): replacing them would remove the line break, so no fix.
      if (range.start.line !== range.end.line) ctx.report(problem);
      else ctx.report({ ...problem, fix: fix(msg(`将「${m[0]}」改为「%」`, `Replace "${m[0]}" with "%"`), [{ range, newText: '%' }], true) });
    }
  },
};
