/**
 * TT505 cut-short-label: a header or goal label that Word cut short (`绩` for 绩效指标, `一级` for
 * 一级指标, `年度` for 年度目标, docs/format.md §7.3). The parser still reads the column by what it
 * begins; the reviewer is told, since the printed table shows the cut label too.
 */
import type { Rule } from './types';
import { msg } from './util/text';

const ROLE_NAME: Record<string, string> = {
  label: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '指标值',
  actual: '完成值',
  basis: '指标值确定依据',
  reason: '偏差原因分析',
};

export const cutShortLabel: Rule = {
  code: 'TT505',
  name: 'cut-short-label',
  title: msg('标签被截短', 'Label cut short'),
  defaultSeverity: 'information',
  description: msg('表头或目标标签被截短（如「绩」「一级」「年度」），应写全。', 'A header or goal label cut short (绩, 一级, 年度): write it in full.'),
  fixable: false,
  check(ctx) {
    let lastHeader = null;
    for (const table of ctx.section.tables) {
      // Side-by-side blocks share their header row: its labels are reported once.
      if (table.headerRow === lastHeader) continue;
      lastHeader = table.headerRow;
      for (const h of table.columns.headers ?? []) {
        const cell = h.cell;
        if (!h.cutShort || cell === null) continue;
        const full = ROLE_NAME[h.role];
        ctx.report({
          code: 'TT505',
          range: cell.range,
          message: msg(
            `表头「${cell.text}」被截短${full ? `，按「${full}」列读取` : ''}。`,
            `The header "${cell.text}" is cut short${full ? `; read as the ${full} column` : ''}.`,
          ),
        });
      }
    }
    const goals = ctx.section.goals;
    for (let i = 0; i < goals.length; i++) {
      const g = goals[i];
      if (!g.labelCutShort || (i > 0 && goals[i - 1].label === g.label)) continue;
      ctx.report({
        code: 'TT505',
        range: g.label.range,
        message: msg(`目标标签「${g.label.text}」被截短，按目标读取。`, `The goal label "${g.label.text}" is cut short; read as a goal.`),
      });
    }
  },
};
