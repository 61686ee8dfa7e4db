/**
 * TT303 goal-number: goal numbering defects, per column of the overview and per kind of table:
 * duplicate numbers (`目标9` twice), gaps (1, 2, 4), un-numbered goals among numbered ones, and
 * table headers whose number repeats or skips.
 */
import type { GoalKind, GoalTable, OverviewGoal, Range } from '../model';
import type { Message, Rule, RuleContext } from './types';
import { columnGoals, KIND_NAME } from '../goals';
import { msg } from './util/text';

/** A numbered item (an overview goal or a goal table), read through accessors: no copy per item. */
interface Numbering<T> {
  number(item: T): number | null;
  /** Where a problem about the item is reported; computed only when there is one. */
  range(item: T): Range;
}

const GOALS: Numbering<OverviewGoal> = { number: (g) => g.number, range: (g) => g.numberRange ?? g.cell.range };
const TABLES: Numbering<GoalTable> = { number: (t) => t.number, range: (t) => t.headerCell.range };

function checkSequence<T>(ctx: RuleContext, items: readonly T[], at: Numbering<T>, where: Message): void {
  // Loops, not some/forEach with callbacks: four sequences per section, too few calls for this to
  // be optimised, and unoptimised every element of those is a call back into JavaScript.
  let numbered = false;
  for (let i = 0; i < items.length && !numbered; i++) numbered = at.number(items[i]) !== null;
  if (!numbered) return;
  const seen = new Map<number, T>();
  for (let idx = 0; idx < items.length; idx++) {
    const it = items[idx];
    const number = at.number(it);
    if (number === null) {
      ctx.report({
        code: 'TT303',
        range: at.range(it),
        message: msg(
          `${where.zh}的第 ${idx + 1} 个目标没有编号（其余目标都有编号）。`,
          `Item ${idx + 1} of the ${where.en} has no number while the others are numbered.`,
        ),
      });
      continue;
    }
    const first = seen.get(number);
    if (first) {
      ctx.report({
        code: 'TT303',
        range: at.range(it),
        message: msg(
          `${where.zh}中编号 ${number} 重复出现（这是第 ${idx + 1} 个）。`,
          `Number ${number} is used twice in the ${where.en} (this is item ${idx + 1}).`,
        ),
        related: [{ range: at.range(first), message: msg(`编号 ${number} 第一次出现`, `First use of number ${number}`) }],
      });
      continue;
    }
    seen.set(number, it);
  }
  // Gaps: numbers below the highest that nobody uses, reported on the first item after the gap.
  const max = Math.max(...seen.keys());
  const missing: number[] = [];
  for (let n = 1; n < max; n++) if (!seen.has(n)) missing.push(n);
  if (missing.length === 0) return;
  const after = items.find((i) => {
    const n = at.number(i);
    return n !== null && n > missing[0];
  })!;
  const list = missing.join('、');
  ctx.report({
    code: 'TT303',
    range: at.range(after),
    message: msg(
      `${where.zh}的编号不连续：缺少编号 ${list}。`,
      `The ${where.en} numbering skips: number${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
    ),
  });
}

/** Where the numbers are, for the messages (built once, not per section). */
const WHERE: Record<GoalKind, { goals: Message; tables: Message }> = {
  long: {
    goals: { zh: `整体绩效总目标的${KIND_NAME.long.zh}目标栏`, en: `overview's ${KIND_NAME.long.en} goal column` },
    tables: { zh: `${KIND_NAME.long.zh}目标表`, en: `${KIND_NAME.long.en} goal tables` },
  },
  annual: {
    goals: { zh: `整体绩效总目标的${KIND_NAME.annual.zh}目标栏`, en: `overview's ${KIND_NAME.annual.en} goal column` },
    tables: { zh: `${KIND_NAME.annual.zh}目标表`, en: `${KIND_NAME.annual.en} goal tables` },
  },
};

export const goalNumber: Rule = {
  code: 'TT303',
  name: 'goal-number',
  title: msg('目标编号有误', 'Goal numbering'),
  defaultSeverity: 'warning',
  description: msg(
    '目标编号有误：编号重复、不连续、部分目标缺少编号，或目标表表头编号重复、跳号。',
    'Goal numbering is wrong: a repeated or skipped number, an un-numbered goal among numbered ones, or a table header number that repeats or skips.',
  ),
  fixable: false,
  check(ctx) {
    for (const kind of ['long', 'annual'] as const) {
      checkSequence(ctx, columnGoals(ctx.section, kind), GOALS, WHERE[kind].goals);
      checkSequence(
        ctx,
        ctx.section.tables.filter((t) => t.kind === kind),
        TABLES,
        WHERE[kind].tables,
      );
    }
  },
};
