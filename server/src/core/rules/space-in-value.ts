/** TT106 space-in-value: spaces inside a numeric value (`≥ 20场`); the fix removes them. */
import type { Rule } from './types';
import { allValues, fix, msg, SLOT_NAME } from './util/text';

export const spaceInValue: Rule = {
  code: 'TT106',
  name: 'space-in-value',
  title: msg('指标值中有空格', 'Space inside a value'),
  defaultSeverity: 'warning',
  description: msg('指标值内部有多余空格（如「≥ 20场」），应删除。', 'A numeric value has spaces inside it (≥ 20场); remove them.'),
  fixable: true,
  check(ctx) {
    const values = allValues(ctx);
    for (let vi = 0; vi < values.length; vi++) {
      const { slot, value } = values[vi];
      if (value.kind !== 'numeric') continue;
      for (let si = 0; si < value.innerSpaces.length; si++) {
        const range = value.innerSpaces[si];
        ctx.report({
          code: 'TT106',
          range,
          message: msg(`${SLOT_NAME[slot].zh}「${value.raw}」内部有多余空格。`, `The ${SLOT_NAME[slot].en} "${value.raw}" has a space inside it.`),
          fix: fix(msg('删除空格', 'Remove the space'), [{ range, newText: '' }], true),
        });
      }
    }
  },
};
