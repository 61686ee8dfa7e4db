/**
 * Hover:
 *  - on an indicator row: the path `部门 › 长期目标2：… › 一级 › 二级 › 三级` and the value read back;
 *  - on an overview goal cell: the table(s) implementing it, with their indicator counts;
 *  - on a goal-table header row: the overview's text of that goal (the goals it measures, for a header-driven table).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { DocumentModel, GoalTable, IndicatorRow, OverviewGoal, Position, SectionRef, Value } from '../core/model';
import { absRange } from '../core/model';
import { goalLabel, labels, tableName, type Labels } from '../i18n';
import { sectionName, type Locale } from '../core/locale';
import { isCostCategory } from '../core/rules/util/indicators';
import { goalsMeasuredBy } from '../core/goals';
import { cellHasLine, goalForTable, rowHasLine, sectionAt, tableAt, tablesForGoal } from './locate';
import { colon, columnName, indicatorPath, md, paren, pathOf, shorten, tableLabel } from './naming';

/** Kept importable from here, where they were first. */
export { md, shorten } from './naming';

/** Columns a header-driven row's hover reads back (the levels are in its path; comparator and unit are in the target). */
const SHOWN_ROLES = new Set(['target', 'previous', 'last', 'actual', 'weight', 'score', 'reason', 'basis', 'extra']);

function valueOf(row: IndicatorRow, role: string): Value | null {
  if (role === 'previous') return row.previous;
  if (role === 'last') return row.last;
  if (role === 'actual') return row.actual;
  return null;
}

function markdown(lines: string[]): string {
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** `≥ 2 项，下限`, `≤ 95%，上限`, `“按时完成”，定性描述` … */
export function describeValue(v: Value, L: Labels, locale: Locale, implicitUnit: string | null = null): string {
  const comma = locale === 'en' ? ', ' : '，';
  switch (v.kind) {
    case 'empty':
      return L.empty;
    case 'placeholder':
      return `${v.raw}${comma}${L.placeholder}`;
    case 'text':
      return `“${v.raw}”${comma}${L.textual}`;
    case 'numeric': {
      const cmp = v.comparator?.normalized ?? v.qualifierMeaning;
      let unit = v.unit?.text ?? '';
      let unitNote = '';
      if (!unit && implicitUnit) {
        unit = implicitUnit;
        unitNote = `${comma}${L.unitFromHeader(implicitUnit)}`;
      }
      const n = String(v.number!.value);
      const unitPart = unit === '' ? '' : /^[%‰℃°]/.test(unit) ? unit : ` ${unit}`;
      const text = `${cmp ? `${cmp} ` : ''}${n}${unitPart}`;
      let meaning: string;
      if (cmp === '≥' || cmp === '>') meaning = L.lowerBound;
      else if (cmp === '≤' || cmp === '<') meaning = L.upperBound;
      else if (cmp === '=') meaning = L.exact;
      else if (v.qualifier?.text === '左右') meaning = L.approx;
      else meaning = L.plain;
      return `${text}${comma}${meaning}${unitNote}`;
    }
  }
}

function indicatorHover(ref: SectionRef, table: GoalTable, row: IndicatorRow, L: Labels, locale: Locale): Hover {
  const body = ref.body;
  const path = indicatorPath(body, table, row, L, locale);
  const implicit = isCostCategory(row) ? body.moneyUnit : null;
  const lines: string[] = [path, ''];
  const headers = table.columns.headers;
  if (headers) {
    // A header-driven table (docs/format.md §7.3): each filled column, read back with its own label.
    for (const h of headers) {
      const cell = row.row.cells[h.index];
      if (!cell || !SHOWN_ROLES.has(h.role) || (cell.text === '' && h.role !== 'target')) continue;
      const name = columnName(table, h.index, L)?.name ?? L.empty;
      const value = h.role === 'target' ? row.target : h.role === 'previous' || h.role === 'last' || h.role === 'actual' ? valueOf(row, h.role) : null;
      const text = value ? describeValue(value, L, locale, implicit) : shorten(cell.text);
      lines.push(`- ${md(name)}${colon(locale)}${md(text)}`);
    }
  } else if (table.kind === 'annual') {
    if (row.previous) lines.push(`- ${md(L.previous)}${colon(locale)}${md(describeValue(row.previous, L, locale, implicit))}`);
    if (row.last) lines.push(`- ${md(L.last)}${colon(locale)}${md(describeValue(row.last, L, locale, implicit))}`);
    lines.push(`- ${md(L.current)}${colon(locale)}${md(describeValue(row.target, L, locale, implicit))}`);
  } else {
    lines.push(`${md(L.value)}${colon(locale)}${md(describeValue(row.target, L, locale, implicit))}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: markdown(lines) }, range: absRange(ref, row.range) };
}

function goalCellHover(ref: SectionRef, goal: OverviewGoal, L: Labels, locale: Locale): Hover {
  const body = ref.body;
  const head = pathOf([`**${md(sectionName(body, locale))}**`, md(L.overview), `**${md(goalLabel(goal.kind, goal.number, L))}**`]);
  const { tables, how } = tablesForGoal(body, goal);
  const lines = [head, ''];
  if (tables.length === 0) {
    lines.push(md(L.noTable));
  } else {
    lines.push(`${md(L.implementedBy)}${colon(locale)}`);
    const sep = locale === 'en' ? ', ' : '，';
    for (const t of tables) {
      const notes = [L.indicators(t.rows.length), how === 'number' ? L.byNumber : L.byPosition];
      if (t.goalText !== goal.text) notes.push(L.textDiffers);
      lines.push(`- ${md(tableLabel(t, L, locale))}${md(paren(notes.join(sep), locale))}`);
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: markdown(lines) }, range: absRange(ref, goal.cell.range) };
}

function tableHeaderHover(ref: SectionRef, table: GoalTable, L: Labels, locale: Locale): Hover {
  const body = ref.body;
  const head = pathOf([`**${md(sectionName(body, locale))}**`, `**${md(tableName(table, L))}**`]);
  const m = goalForTable(body, table);
  const lines = [head, ''];
  if (body.layout !== 'goal-tables' && !body.overview) {
    // A header-driven section: the goals of the table's kind (and a 总体 goal), as TT305 and the goal navigation read them.
    const goals = goalsMeasuredBy(body, table);
    if (goals.length > 0) {
      lines.push(`${md(goals.length === 1 ? L.measuredGoal : L.measuredGoals)}${colon(locale)}`);
      for (const g of goals) lines.push('', `> ${md(g.text)}`);
    } else lines.push(md(L.noGoalInSection));
  } else if (!m) {
    lines.push(md(L.noGoal));
  } else {
    const notes = [m.how === 'number' ? L.byNumber : L.byPosition];
    if (m.goal.text !== table.goalText) notes.push(L.textDiffers);
    lines.push(`${md(L.overviewGoal)}${md(paren(notes.join(locale === 'en' ? ', ' : '，'), locale))}${colon(locale)}`, '', `> ${md(m.goal.cell.text)}`);
  }
  lines.push('', md(L.indicators(table.rows.length)));
  return { contents: { kind: MarkupKind.Markdown, value: markdown(lines) }, range: absRange(ref, table.headerRow.range) };
}

export function hoverAt(model: DocumentModel, position: Position, locale: Locale): Hover | null {
  const ref = sectionAt(model, position.line);
  if (!ref) return null;
  const body = ref.body;
  const rel = position.line - ref.startLine;
  const L = labels(locale);

  for (const r of body.overview?.rows ?? []) {
    if (!rowHasLine(r.row, rel)) continue;
    for (const g of [r.long, r.annual]) if (g && cellHasLine(g.cell, rel)) return goalCellHover(ref, g, L, locale);
    return null;
  }
  const table = tableAt(body, rel);
  if (!table) return null;
  if (rowHasLine(table.headerRow, rel)) return tableHeaderHover(ref, table, L, locale);
  const row = table.rows.find((x) => rowHasLine(x.row, rel));
  if (row) return indicatorHover(ref, table, row, L, locale);
  return null;
}
