/** TT105 full-width-digits: `１项` → `1项`. */
import type { Rule } from './types';
import { allValues, asciiNumber, fix, msg, SLOT_NAME } from './util/text';

/** Hoisted: a regular expression literal in the loop would be a new object per value. */
const FULL_WIDTH = /[０-９．，]/;

export const fullWidthDigits: Rule = {
  code: 'TT105',
  name: 'full-width-digits',
  title: msg('全角数字', 'Full-width digits'),
  defaultSeverity: 'warning',
  description: msg('数字使用了全角字符（如「１项」），应改为半角数字。', 'A number is typed with full-width digits (１项); use ASCII digits.'),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { slot, value } = values[vi];
      const n = value.number;
      if (!n || !FULL_WIDTH.test(n.raw)) continue;
      const ascii = asciiNumber(n.raw);
      ctx.report({
        code: 'TT105',
        range: n.range,
        message: msg(
          `${SLOT_NAME[slot].zh}「${value.raw}」中的数字是全角字符，应写作「${ascii}」。`,
          `The ${SLOT_NAME[slot].en} "${value.raw}" uses full-width digits; write "${ascii}".`,
        ),
        fix: fix(msg(`将「${n.raw}」改为「${ascii}」`, `Replace "${n.raw}" with "${ascii}"`), [{ range: n.range, newText: ascii }], true),
      });
    }
  },
};
