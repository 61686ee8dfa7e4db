/** Finding the model node at a document position (sections store relative lines). */
import { matchGoals } from '../core/goals';
import { cellLines } from '../core/layout/section';
import { treeMemo } from '../core/parse/section';
import { sectionIndexAt, type Cell, type DocumentModel, type GoalTable, type OverviewGoal, type Row, type SectionBody, type SectionRef } from '../core/model';

/** First and last source line of a cell (its paragraphs, blank ones included): kept in the core's layout, which needs it too. */
export { cellLines };

/** The section holding an absolute line (binary search on start lines). */
export function sectionAt(model: DocumentModel, line: number): SectionRef | undefined {
  const s = model.sections;
  if (s.length === 0 || line < 0) return undefined;
  const ref = s[sectionIndexAt(s, line)];
  return line < ref.startLine + ref.body.lines.length ? ref : undefined;
}

export function rowHasLine(row: Row, rel: number): boolean {
  return row.range.start.line <= rel && rel <= row.range.end.line;
}

export function cellHasLine(cell: Cell, rel: number): boolean {
  const [a, b] = cellLines(cell);
  return a <= rel && rel <= b;
}

export function tableAt(body: SectionBody, rel: number): GoalTable | undefined {
  return body.tables.find((t) => t.range.start.line <= rel && rel <= t.range.end.line);
}

export type MatchHow = 'number' | 'position';

/**
 * The table implementing an overview goal, by the same matching the goal rules use
 * (core/goals.ts), so a hover never contradicts a diagnostic.
 */
export function tablesForGoal(body: SectionBody, goal: OverviewGoal): { tables: GoalTable[]; how: MatchHow } {
  const m = matchGoals(body, treeMemo(body), goal.kind);
  const g = m.goals.indexOf(goal);
  const t = g >= 0 ? m.goalToTable[g] : -1;
  return t >= 0 ? { tables: [m.tables[t]], how: m.how[g] ?? 'number' } : { tables: [], how: 'position' };
}

/** The overview goal a table implements (same matching as the goal rules). */
export function goalForTable(body: SectionBody, table: GoalTable): { goal: OverviewGoal; how: MatchHow } | undefined {
  const m = matchGoals(body, treeMemo(body), table.kind);
  const t = m.tables.indexOf(table);
  const g = t >= 0 ? m.tableToGoal[t] : -1;
  return g >= 0 ? { goal: m.goals[g], how: m.how[g] ?? 'number' } : undefined;
}
