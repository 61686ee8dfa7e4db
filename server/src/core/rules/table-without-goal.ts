/** TT302 table-without-goal: a goal table with no goal in the overview (matched by number, then by position). */
import type { Rule } from './types';
import { KIND_NAME, overviewMatches } from '../goals';
import { msg } from './util/text';

export const tableWithoutGoal: Rule = {
  code: 'TT302',
  name: 'table-without-goal',
  title: msg('目标表没有对应目标', 'Table without a goal'),
  defaultSeverity: 'warning',
  description: msg('目标表在整体绩效总目标中没有对应的目标。', 'A goal table has no matching goal in the overview (整体绩效总目标).'),
  fixable: false,
  check(ctx) {
    for (const m of overviewMatches(ctx.section, ctx.memo)) {
      const kind = m.kind;
      m.tables.forEach((t, i) => {
        if (m.tableToGoal[i] >= 0) return;
        ctx.report({
          code: 'TT302',
          range: t.headerCell.range,
          message: msg(
            `目标表「${t.headerCell.text}」在整体绩效总目标的${KIND_NAME[kind].zh}目标中没有对应的目标（该栏共 ${m.goals.length} 个目标）。`,
            `The table "${t.headerCell.text}" has no matching ${KIND_NAME[kind].en} goal in the overview (the column lists ${m.goals.length}).`,
          ),
        });
      });
    }
  },
};
