/**
 * TT301 goal-without-table: an overview goal with no indicator table, per column (长期 goals ↔
 * 长期 tables, 年度 goals ↔ 年度 tables). Matched by number, then by position.
 */
import type { Rule } from './types';
import { KIND_NAME, overviewMatches } from '../goals';
import { msg } from './util/text';

export const goalWithoutTable: Rule = {
  code: 'TT301',
  name: 'goal-without-table',
  title: msg('目标没有目标表', 'Goal without a table'),
  defaultSeverity: 'warning',
  description: msg(
    '整体绩效总目标中的目标没有对应的目标表（长期目标对应长期目标表，年度目标对应年度目标表）。',
    'A goal of the overview (整体绩效总目标) has no indicator table (长期 goals need a 长期目标 table, 年度 goals a 年度目标 table).',
  ),
  fixable: false,
  check(ctx) {
    for (const m of overviewMatches(ctx.section, ctx.memo)) {
      const kind = m.kind;
      m.goals.forEach((g, i) => {
        if (m.goalToTable[i] >= 0) return;
        const label = g.number !== null ? `${KIND_NAME[kind].zh}目标${g.number}` : `${KIND_NAME[kind].zh}目标（第${i + 1}个）`;
        const en = g.number !== null ? `${KIND_NAME[kind].en} goal ${g.number}` : `${KIND_NAME[kind].en} goal #${i + 1}`;
        ctx.report({
          code: 'TT301',
          range: g.numberRange ?? g.cell.range,
          message: msg(
            `${label}没有对应的${KIND_NAME[kind].zh}目标表（「${KIND_NAME[kind].zh}目标${g.number ?? ''}：」）。`,
            `The ${en} has no matching ${KIND_NAME[kind].en} indicator table ("${KIND_NAME[kind].zh}目标${g.number ?? ''}：").`,
          ),
        });
      });
    }
  },
};
