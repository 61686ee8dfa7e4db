/**
 * Which goals the indicator tables measure, for both layouts, in one place: the goal rules, the
 * hover and the goal navigation (features/goal-links.ts) all ask here, so they never disagree.
 *
 * §3: overview goals (整体绩效总目标) ↔ goal tables, per column: 长期 goals ↔ 长期 tables,
 * 年度 goals ↔ 年度 tables. By number first; then, for what is left, by position (the i-th goal of
 * the column ↔ the i-th table of that kind), which covers un-numbered and mis-numbered goals.
 * Kept in the section tree's memo (it holds goals and tables, so it must not outlive them).
 *
 * Header-driven sections (§7): by kind (`measures`): a 年度 table measures the 年度 goals, a 长期
 * table the 长期, 中期 and 实施期 goals, and every table the 总体 goal.
 */
import type { Goal, GoalKind, GoalTable, OverviewGoal, SectionBody } from './model';
import type { GoalKindId } from './templates/types';
import type { TreeMemo } from './tree-memo';

export interface GoalMatch {
  kind: GoalKind;
  goals: OverviewGoal[];
  tables: GoalTable[];
  /** goal index → table index (or -1). */
  goalToTable: number[];
  /** table index → goal index (or -1). */
  tableToGoal: number[];
  /** How each pair was made. */
  how: ('number' | 'position' | null)[];
}

export function columnGoals(section: SectionBody, kind: GoalKind): OverviewGoal[] {
  const out: OverviewGoal[] = [];
  const rows = section.overview?.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const g = kind === 'long' ? r.long : r.annual;
    if (g) out.push(g);
  }
  return out;
}

/** The match of one column, worked out once per tree (`memo` is the section tree's, ./tree-memo.ts). */
export function matchGoals(section: SectionBody, memo: TreeMemo, kind: GoalKind): GoalMatch {
  // Matching is a function of its own, so that what inlines this lookup does not inline it too.
  return (kind === 'long' ? memo.longGoals : memo.annualGoals) ?? match(section, memo, kind);
}

function match(section: SectionBody, memo: TreeMemo, kind: GoalKind): GoalMatch {
  // Loops, not filter/map/findIndex with callbacks: this runs twice per section, too few times to
  // be optimised, and unoptimised every element of those is a call back into JavaScript.
  const goals = columnGoals(section, kind);
  const tables: GoalTable[] = [];
  for (let i = 0; i < section.tables.length; i++) if (section.tables[i].kind === kind) tables.push(section.tables[i]);
  const goalToTable: number[] = [];
  const how: GoalMatch['how'] = [];
  for (let g = 0; g < goals.length; g++) {
    goalToTable.push(-1);
    how.push(null);
  }
  const tableToGoal: number[] = [];
  for (let t = 0; t < tables.length; t++) tableToGoal.push(-1);
  // 1. by number: the first goal with number N ↔ the first table with number N.
  for (let g = 0; g < goals.length; g++) {
    const n = goals[g].number;
    if (n === null) continue;
    let t = 0;
    while (t < tables.length && !(tables[t].number === n && tableToGoal[t] < 0)) t++;
    if (t < tables.length) {
      goalToTable[g] = t;
      tableToGoal[t] = g;
      how[g] = 'number';
    }
  }
  // 2. by position, for what is left.
  for (let g = 0; g < goals.length; g++) {
    if (goalToTable[g] >= 0) continue;
    if (g < tables.length && tableToGoal[g] < 0) {
      goalToTable[g] = g;
      tableToGoal[g] = g;
      how[g] = 'position';
    }
  }
  const m: GoalMatch = { kind, goals, tables, goalToTable, tableToGoal, how };
  if (kind === 'long') memo.longGoals = m;
  else memo.annualGoals = m;
  return m;
}

/** Both columns' matches (长期, then 年度), or none when the section has no overview to match against. */
export function overviewMatches(section: SectionBody, memo: TreeMemo): GoalMatch[] {
  return section.overview ? [matchGoals(section, memo, 'long'), matchGoals(section, memo, 'annual')] : [];
}

export const KIND_NAME: Record<GoalKind, { zh: string; en: string }> = {
  long: { zh: '长期', en: 'long-term' },
  annual: { zh: '年度', en: 'annual' },
};

/** The kind of table that measures a header-driven goal of `kind`; null for 总体, which every table measures. */
export function tableKindOf(kind: GoalKindId): GoalKind | null {
  if (kind === 'annual') return 'annual';
  if (kind === 'overall') return null;
  return 'long';
}

/** Whether a header-driven table measures a goal of its section (TT305 compares them; the hover and navigation show them). */
export function measures(goal: Goal, table: GoalTable): boolean {
  const kind = tableKindOf(goal.kind);
  return kind === null || kind === table.kind;
}

/** The goals of a header-driven section that a table measures, in document order. */
export function goalsMeasuredBy(section: SectionBody, table: GoalTable): Goal[] {
  const out: Goal[] = [];
  for (let i = 0; i < section.goals.length; i++) if (measures(section.goals[i], table)) out.push(section.goals[i]);
  return out;
}

/** The tables of a header-driven section that measure a goal, in document order. */
export function tablesMeasuring(section: SectionBody, goal: Goal): GoalTable[] {
  const out: GoalTable[] = [];
  for (let i = 0; i < section.tables.length; i++) if (measures(goal, section.tables[i])) out.push(section.tables[i]);
  return out;
}
