/**
 * TT201 nonstandard-comparator: `≧ ≦ ＞ ＜ ＝ >= <= ⩾ ⩽` and `《`/`》` typed before a digit at the
 * start of a value (a Chinese keyboard types 《 for < and 》 for >: 《 means ≤, 》 means ≥).
 * Only the comparators the value parser found are looked at, so book titles
 * (`《东西湖区人民政府公报》…`) are never touched.
 */
import type { Rule } from './types';
import { allValues, fix, msg, SLOT_NAME } from './util/text';

export const nonstandardComparator: Rule = {
  code: 'TT201',
  name: 'nonstandard-comparator',
  title: msg('比较符号不规范', 'Non-standard comparator'),
  defaultSeverity: 'warning',
  description: msg(
    '比较符号不规范（如「≧」「≦」「＞」，或数字前的「《」「》」），应使用标准符号 ≥ ≤ > < =。',
    'A non-standard comparator (≧ ≦ ＞, or 《/》 before a number); use the standard ≥ ≤ > < =.',
  ),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { slot, value } = values[vi];
      const c = value.comparator;
      if (!c || c.standard || c.raw === c.normalized) continue;
      const keyboard = c.raw === '《' || c.raw === '》';
      ctx.report({
        code: 'TT201',
        range: c.range,
        message: keyboard
          ? msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」用「${c.raw}」作比较符号（中文输入法下的 ${c.raw === '《' ? '<' : '>'} 键），应为「${c.normalized}」。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" uses "${c.raw}" as a comparator (the ${c.raw === '《' ? '<' : '>'} key on a Chinese layout); use "${c.normalized}".`,
            )
          : msg(
              `${SLOT_NAME[slot].zh}「${value.raw}」的比较符号「${c.raw}」不规范，应为「${c.normalized}」。`,
              `The ${SLOT_NAME[slot].en} "${value.raw}" uses the non-standard comparator "${c.raw}"; use "${c.normalized}".`,
            ),
        fix: fix(msg(`将「${c.raw}」改为「${c.normalized}」`, `Replace "${c.raw}" with "${c.normalized}"`), [{ range: c.range, newText: c.normalized }], true),
      });
    }
  },
};
