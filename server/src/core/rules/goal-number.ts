/**
 * TT303 goal-number: goal numbering defects, per column of the overview and per kind of table:
 * duplicate numbers (`目标9` twice), gaps (1, 2, 4), un-numbered goals among numbered ones, and
 * table headers whose number repeats or skips.
 */
import type { Range } from '../model';
import type { Rule, RuleContext } from './types';
import { columnGoals, KIND_NAME } from '../goals';
import { msg } from './util/text';

interface Numbered {
  number: number | null;
  range: Range;
  label: string;
}

function checkSequence(ctx: RuleContext, items: Numbered[], where: { zh: string; en: string }): void {
  if (!items.some((i) => i.number !== null)) return;
  const seen = new Map<number, Numbered>();
  items.forEach((it, idx) => {
    if (it.number === null) {
      ctx.report({
        code: 'TT303',
        range: it.range,
        message: msg(
          `${where.zh}的第 ${idx + 1} 个目标没有编号（其余目标都有编号）。`,
          `Item ${idx + 1} of the ${where.en} has no number while the others are numbered.`,
        ),
      });
      return;
    }
    const first = seen.get(it.number);
    if (first) {
      ctx.report({
        code: 'TT303',
        range: it.range,
        message: msg(
          `${where.zh}中编号 ${it.number} 重复出现（这是第 ${idx + 1} 个）。`,
          `Number ${it.number} is used twice in the ${where.en} (this is item ${idx + 1}).`,
        ),
        related: [{ range: first.range, message: msg(`编号 ${it.number} 第一次出现`, `First use of number ${it.number}`) }],
      });
      return;
    }
    seen.set(it.number, it);
  });
  // Gaps: numbers below the highest that nobody uses, reported on the first item after the gap.
  const max = Math.max(...seen.keys());
  const missing: number[] = [];
  for (let n = 1; n < max; n++) if (!seen.has(n)) missing.push(n);
  if (missing.length === 0) return;
  const after = items.find((i) => i.number !== null && i.number > missing[0])!;
  const list = missing.join('、');
  ctx.report({
    code: 'TT303',
    range: after.range,
    message: msg(
      `${where.zh}的编号不连续：缺少编号 ${list}。`,
      `The ${where.en} numbering skips: number${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
    ),
  });
}

export const goalNumber: Rule = {
  code: 'TT303',
  name: 'goal-number',
  defaultSeverity: 'warning',
  description: msg(
    '目标编号有误：编号重复、不连续、部分目标缺少编号，或目标表表头编号重复、跳号。',
    'Goal numbering is wrong: a repeated or skipped number, an un-numbered goal among numbered ones, or a table header number that repeats or skips.',
  ),
  fixable: false,
  check(ctx) {
    for (const kind of ['long', 'annual'] as const) {
      const goals = columnGoals(ctx.section, kind).map((g) => ({
        number: g.number,
        range: g.numberRange ?? g.cell.range,
        label: g.cell.text,
      }));
      checkSequence(ctx, goals, { zh: `整体绩效总目标的${KIND_NAME[kind].zh}目标栏`, en: `overview's ${KIND_NAME[kind].en} goal column` });
      const tables = ctx.section.tables
        .filter((t) => t.kind === kind)
        .map((t) => ({ number: t.number, range: t.headerCell.range, label: t.headerCell.text }));
      checkSequence(ctx, tables, { zh: `${KIND_NAME[kind].zh}目标表`, en: `${KIND_NAME[kind].en} goal tables` });
    }
  },
};
