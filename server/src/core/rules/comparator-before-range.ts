/**
 * TT207 comparator-before-range: a comparator before a range (`≥1-2次`, docs/format.md §7.5). Is it
 * a lower bound (≥1次) or a range (1-2次)? The value parser reads the comparator, both bounds and the
 * unit and flags the value (`Value.ambiguousComparator`); this rule reports it, from the comparator to
 * the end of the value, with both readings in the message.
 *
 * No fix: either reading is a guess at what the table meant, and a problem carries one fix, so
 * offering one would pick a meaning for the user.
 */
import type { Range, Value } from '../model';
import type { Rule } from './types';
import { allValues, msg } from './util/text';

/** From the comparator to the last part of the value (its cells, for a value joined from cells). */
function ambiguousRange(v: Value): Range {
  const last = v.qualifier ?? v.unit ?? v.upper ?? v.dateEnd ?? v.number ?? v.comparator!;
  return { start: v.comparator!.range.start, end: last.range.end };
}

export const comparatorBeforeRange: Rule = {
  code: 'TT207',
  name: 'comparator-before-range',
  title: msg('比较符号后跟范围', 'Comparator before a range'),
  defaultSeverity: 'warning',
  description: msg(
    '比较符号后跟着范围（如「≥1-2次」），含义不明确：应写成一个下限（≥1次）或一个范围（1-2次）。',
    'A comparator before a range (≥1-2次) is ambiguous: write a lower bound (≥1次) or a range (1-2次).',
  ),
  fixable: false,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const v = values[vi].value;
      if (!v.ambiguousComparator) continue;
      const c = v.comparator!;
      const unit = v.unit?.text ?? '';
      // The two readings, from the parts as written: the comparator with the lower bound, and the
      // value without its comparator.
      const lower = v.number ? `${c.raw}${v.number.raw}${unit}` : `${c.raw}${v.date?.raw ?? ''}`;
      const range = v.raw.slice(c.raw.length).trim();
      ctx.report({
        code: 'TT207',
        range: ambiguousRange(v),
        message: msg(
          `比较符号后跟着范围（${v.raw}），含义不明确：请写成一个下限（${lower}）或一个范围（${range}）`,
          `A comparator before a range (${v.raw}) is ambiguous: write a lower bound (${lower}) or a range (${range})`,
        ),
      });
    }
  },
};
