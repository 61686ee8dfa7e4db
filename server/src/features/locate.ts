/** Finding the model node at a document position (sections store relative lines). */
import type { Cell, DocumentModel, GoalKind, GoalTable, OverviewGoal, Row, SectionBody, SectionRef } from '../core/model';

/** The section holding an absolute line (binary search on start lines). */
export function sectionAt(model: DocumentModel, line: number): SectionRef | undefined {
  const s = model.sections;
  if (s.length === 0 || line < 0) return undefined;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  const ref = s[lo];
  return line < ref.startLine + ref.body.lines.length ? ref : undefined;
}

export function rowHasLine(row: Row, rel: number): boolean {
  return row.range.start.line <= rel && rel <= row.range.end.line;
}

/** First and last source line of a cell (its paragraphs, blank ones included). */
export function cellLines(cell: Cell): [number, number] {
  const ps = cell.paragraphs;
  if (ps.length === 0) return [cell.range.start.line, cell.range.end.line];
  return [ps[0].line, ps[ps.length - 1].line];
}

export function cellHasLine(cell: Cell, rel: number): boolean {
  const [a, b] = cellLines(cell);
  return a <= rel && rel <= b;
}

export function tableAt(body: SectionBody, rel: number): GoalTable | undefined {
  return body.tables.find((t) => t.range.start.line <= rel && rel <= t.range.end.line);
}

export function overviewGoals(body: SectionBody, kind: GoalKind): OverviewGoal[] {
  const out: OverviewGoal[] = [];
  for (const r of body.overview?.rows ?? []) {
    const g = kind === 'long' ? r.long : r.annual;
    if (g) out.push(g);
  }
  return out;
}

export type MatchHow = 'number' | 'position';

/** Tables implementing an overview goal: same kind and number, else the table at the goal's position. */
export function tablesForGoal(body: SectionBody, goal: OverviewGoal): { tables: GoalTable[]; how: MatchHow } {
  const tables = body.tables.filter((t) => t.kind === goal.kind);
  if (goal.number !== null) {
    const byNumber = tables.filter((t) => t.number === goal.number);
    if (byNumber.length > 0) return { tables: byNumber, how: 'number' };
  }
  const index = overviewGoals(body, goal.kind).indexOf(goal);
  const t = index >= 0 ? tables[index] : undefined;
  // Position only pairs a table that is not claimed by number by some goal.
  if (t && (t.number === null || !overviewGoals(body, goal.kind).some((g) => g.number === t.number))) {
    return { tables: [t], how: 'position' };
  }
  return { tables: [], how: 'position' };
}

/** The overview goal a table implements: same kind and number, else the goal at the table's position. */
export function goalForTable(body: SectionBody, table: GoalTable): { goal: OverviewGoal; how: MatchHow } | undefined {
  const goals = overviewGoals(body, table.kind);
  if (table.number !== null) {
    const g = goals.find((x) => x.number === table.number);
    if (g) return { goal: g, how: 'number' };
  }
  const index = body.tables.filter((t) => t.kind === table.kind).indexOf(table);
  const g = index >= 0 ? goals[index] : undefined;
  if (g && (g.number === null || !body.tables.some((t) => t.kind === table.kind && t.number === g.number))) return { goal: g, how: 'position' };
  return undefined;
}
