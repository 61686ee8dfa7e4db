/**
 * TT306 goal-repeats-duties: a goal whose text is the department's duties (部门职能职责概述)
 * copied word for word (10: `保证林业局职能实现,保障人员经费。` in both): a goal says what the year
 * is to achieve, the duties what the department is for.
 */
import { compact } from '../text';
import type { Rule } from './types';
import { msg } from './util/text';

export const goalRepeatsDuties: Rule = {
  code: 'TT306',
  name: 'goal-repeats-duties',
  title: msg('目标照抄职能职责', 'Goal copies the duties'),
  defaultSeverity: 'information',
  description: msg('绩效目标照抄了部门职能职责概述。', 'A goal copies the department duties (部门职能职责概述) word for word.'),
  fixable: false,
  check(ctx) {
    const { goals, fields } = ctx.section;
    if (goals.length === 0) return;
    const duties = fields.find((f) => f.key === 'duties' && f.value !== null && f.value.text !== '');
    if (!duties) return;
    const text = compact(duties.value!.text);
    for (const g of goals) {
      if (compact(g.text) !== text) continue;
      ctx.report({
        code: 'TT306',
        range: g.range,
        message: msg(
          '绩效目标与「部门职能职责概述」完全相同：目标应写明本年度要达到的产出和效果。',
          'The goal is the department duties copied: a goal states what the year is to achieve.',
        ),
        related: [{ range: duties.value!.range, message: msg('部门职能职责概述', 'Department duties') }],
      });
    }
  },
};
