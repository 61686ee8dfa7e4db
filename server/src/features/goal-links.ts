/**
 * Goal navigation, the part its features share (definition.ts, references.ts,
 * document-highlights.ts, code-lens.ts): for a position, the goal or the table header there and its
 * counterparts, the tables that measure a goal and the goals a table measures. Both layouts, by the
 * matching the goal rules use (core/goals.ts), so navigation never contradicts a diagnostic:
 *  - §3: an overview goal (整体绩效总目标) ↔ its 长期目标N / 年度目标N table, by number then position;
 *  - header-driven sections (§7): a goal of the header zone ↔ the tables of its kind (年度 ↔ 年度,
 *    长期/中期/实施期 ↔ 长期, 总体 ↔ every table).
 * Only the section at the position is read. The nodes returned belong to that section's tree: use
 * them within one request, never keep them.
 */
import { goalsMeasuredBy, tablesMeasuring } from '../core/goals';
import type { Cell, DocumentModel, Goal, GoalTable, OverviewGoal, Position, Range, SectionBody, SectionRef } from '../core/model';
import { comparePositions } from '../core/model';
import { cellHasLine, goalForTable, rowHasLine, sectionAt, tablesForGoal } from './locate';

/** A goal of either layout: §3's overview goal or a header-driven section's goal. */
export type LinkedGoal = { layout: 'overview'; goal: OverviewGoal } | { layout: 'header'; goal: Goal };

export interface GoalLinks {
  ref: SectionRef;
  /** What the position is on: a goal (its cell, or the label naming it) or a table's header row. */
  at: 'goal' | 'table';
  /** Range of what the position is on (relative to the section): where a definition link starts. */
  origin: Range;
  /** The goal(s) under the position, or those the table(s) under it measure. */
  goals: LinkedGoal[];
  /** The tables measuring the goal(s) under the position, or the table(s) under it. */
  tables: GoalTable[];
}

/** The goal's own text range: §3's goal cell, or one goal of a header-driven cell that may hold several. */
export function goalRange(g: LinkedGoal): Range {
  return g.layout === 'overview' ? g.goal.cell.range : g.goal.range;
}

/** Whether the section's goals and tables are §3's (overview ↔ numbered goal tables). */
function isGoalTableLayout(body: SectionBody): boolean {
  return body.layout === 'goal-tables' || body.overview !== null;
}

/** The tables measuring a goal. */
export function tablesOfGoal(body: SectionBody, g: LinkedGoal): GoalTable[] {
  return g.layout === 'overview' ? tablesForGoal(body, g.goal).tables : tablesMeasuring(body, g.goal);
}

/** The goals a table measures (none for a §3 table the overview has no goal for: TT302). */
export function goalsOfTable(body: SectionBody, table: GoalTable): LinkedGoal[] {
  if (isGoalTableLayout(body)) {
    const m = goalForTable(body, table);
    return m ? [{ layout: 'overview', goal: m.goal }] : [];
  }
  return goalsMeasuredBy(body, table).map((goal) => ({ layout: 'header', goal }));
}

/** Column indices a table reads (its block's, for side-by-side 长期/年度 tables sharing one header row). */
function ownColumns(t: GoalTable): Set<number> {
  const c = t.columns;
  const out = new Set<number>();
  for (const i of [c.label, c.level1, c.level2, c.level3, c.previous, c.last, c.target, c.basis, c.comparator, c.unit, c.actual, c.weight, c.score, c.reason]) {
    if (typeof i === 'number' && i >= 0) out.add(i);
  }
  return out;
}

/** The tables whose header row is `table`'s (several for 长期 and 年度 blocks side by side). */
function sharingHeader(body: SectionBody, table: GoalTable): GoalTable[] {
  return body.tables.filter((t) => t.headerRow === table.headerRow);
}

/**
 * The cell that stands for a table in references, highlights and its code lens: §3's `长期目标N：`
 * cell, a header-driven table's first header cell, and for blocks side by side the first header cell
 * of the table's own block (`二级指标(长期)` / `二级指标(年度)`), so that the two are told apart.
 */
export function tableAnchor(body: SectionBody, table: GoalTable): Cell {
  const sharing = sharingHeader(body, table);
  if (sharing.length < 2) return table.headerCell;
  const own = ownColumns(table);
  const others = sharing.filter((t) => t !== table).map(ownColumns);
  const cells = table.headerRow.cells;
  for (let i = 0; i < cells.length; i++) if (own.has(i) && others.every((o) => !o.has(i))) return cells[i];
  return table.headerCell;
}

/**
 * Which of the tables sharing a header row a column belongs to: the block whose columns hold it, or
 * every block for a column they share (一级指标) or none reads (an unknown label's).
 */
function tablesOfColumn(sharing: GoalTable[], index: number): GoalTable[] {
  if (sharing.length < 2 || index < 0) return sharing;
  const hit = sharing.filter((t) => ownColumns(t).has(index));
  return hit.length > 0 && hit.length < sharing.length ? hit : sharing;
}

/** The goal of a cell holding several (`1、… 2、…`) that a position is on: the one around it, else the last begun before it. */
function goalInCell(goals: Goal[], p: Position): Goal {
  let best = goals[0];
  for (const g of goals) {
    if (comparePositions(g.range.start, p) <= 0 && comparePositions(p, g.range.end) <= 0) return g;
    if (comparePositions(g.range.start, p) <= 0) best = g;
  }
  return best;
}

/** The goal or table header at a (relative) position of a section, with its counterparts; null elsewhere. */
export function sectionGoalLinks(ref: SectionRef, rel: Position): GoalLinks | null {
  const body = ref.body;
  const line = rel.line;
  if (line < 0 || line >= body.lines.length) return null;
  // §3: a cell of the overview.
  for (const r of body.overview?.rows ?? []) {
    if (!rowHasLine(r.row, line)) continue;
    for (const goal of [r.long, r.annual]) {
      if (!goal || !cellHasLine(goal.cell, line)) continue;
      const g: LinkedGoal = { layout: 'overview', goal };
      return { ref, at: 'goal', origin: goal.cell.range, goals: [g], tables: tablesOfGoal(body, g) };
    }
    return null;
  }
  // A header-driven goal: its cell (one goal of several by the character), or the label naming them.
  if (body.goals.length > 0) {
    const inCell = body.goals.filter((g) => cellHasLine(g.cell, line));
    if (inCell.length > 0) {
      const goal = goalInCell(inCell, rel);
      const g: LinkedGoal = { layout: 'header', goal };
      return { ref, at: 'goal', origin: goal.range, goals: [g], tables: tablesOfGoal(body, g) };
    }
    const named = body.goals.filter((g) => cellHasLine(g.label, line));
    if (named.length > 0) {
      const goals = named.map((goal): LinkedGoal => ({ layout: 'header', goal }));
      return { ref, at: 'goal', origin: named[0].label.range, goals, tables: unionTables(goals.map((g) => tablesOfGoal(body, g))) };
    }
  }
  // A table's header row (§3's `长期目标N：| goal`, a header-driven table's label row).
  const table = body.tables.find((t) => rowHasLine(t.headerRow, line));
  if (!table) return null;
  const cells = table.headerRow.cells;
  let index = -1;
  for (let i = 0; i < cells.length && index < 0; i++) if (cellHasLine(cells[i], line)) index = i;
  const tables = tablesOfColumn(sharingHeader(body, table), index);
  const origin = index >= 0 ? cells[index].range : table.headerRow.range;
  return { ref, at: 'table', origin, goals: unionGoals(tables.map((t) => goalsOfTable(body, t))), tables };
}

/** The goal or table header at a document position, with its counterparts; null anywhere else. */
export function goalLinksAt(model: DocumentModel, position: Position): GoalLinks | null {
  const ref = sectionAt(model, position.line);
  if (!ref) return null;
  return sectionGoalLinks(ref, { line: position.line - ref.startLine, character: position.character });
}

function unionTables(lists: GoalTable[][]): GoalTable[] {
  const out: GoalTable[] = [];
  for (const l of lists) for (const t of l) if (!out.includes(t)) out.push(t);
  return out;
}

function unionGoals(lists: LinkedGoal[][]): LinkedGoal[] {
  const out: LinkedGoal[] = [];
  for (const l of lists) for (const g of l) if (!out.some((o) => o.goal === g.goal)) out.push(g);
  return out;
}

/** Every node a goal link relates: the goals (declarations) and every table of theirs, plus the table(s) at the position. */
export function linkedSet(links: GoalLinks): { goals: LinkedGoal[]; tables: GoalTable[] } {
  const body = links.ref.body;
  const tables = links.at === 'goal' ? links.tables : unionTables([links.tables, ...links.goals.map((g) => tablesOfGoal(body, g))]);
  return { goals: links.goals, tables: sortTables(body, tables) };
}

/** Tables in document order (a side-by-side pair in its column order). */
function sortTables(body: SectionBody, tables: GoalTable[]): GoalTable[] {
  return [...tables].sort((a, b) => body.tables.indexOf(a) - body.tables.indexOf(b));
}

/**
 * Whether what is on a (relative) line inside a table's range is that table's: always, but for
 * blocks side by side, which share their rows: there a cell of the other block's columns is not.
 */
export function ownsLine(body: SectionBody, table: GoalTable, line: number): boolean {
  const sharing = sharingHeader(body, table);
  if (sharing.length < 2) return true;
  for (const t of sharing) {
    for (const row of [t.headerRow, ...t.subHeaders, ...t.rows.map((r) => r.row), ...t.unfilled]) {
      if (!rowHasLine(row, line)) continue;
      const index = row.cells.findIndex((c) => cellHasLine(c, line));
      return tablesOfColumn(sharing, index).includes(table);
    }
  }
  return true;
}
