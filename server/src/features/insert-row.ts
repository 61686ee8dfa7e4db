/**
 * 插入指标行 (`targetTable/insertRow`): the edit that adds an indicator row to a table, after the row
 * at a line, or before the first data row when the line is in the table's header rows.
 *
 * A row is written as the format has it (docs/format.md §2): one line per cell, each starting with a
 * TAB, then a blank line. The new row has the table's width and is inserted at the end of the row
 * before it, as `⏎⏎→…⏎→…`, so the blank line that ended that row now ends the new one and nothing
 * else moves; the line breaks are the document's own (CRLF or LF, `SectionBody.eols`). Its 一级 and
 * 二级 cells are left empty, so it takes them from the merged cells above (§3), like the rows around it.
 *
 * Its 三级 cell holds a placeholder name, selected after the insertion so that typing replaces it. A
 * row of empty cells is not an indicator row: the parser rightly skips such rows, which Word leaves
 * between real rows (the sample has several), so an empty new row would show nowhere (no hover, no
 * table view row, no diagnostics) until its name is typed. With the name, the row is at once one
 * more row of its table, and rule TT405 points at its empty 指标值 until it is filled.
 */
import type { InsertRowResult } from '../../../protocol';
import { absPosition, type DocumentModel, type GoalTable, type Row, type SectionBody } from '../core/model';
import { sectionIndexAt } from '../core/model';
import { sectionAt } from './locate';
import { tableRowAt } from './table-row-at';

/** The new row's 三级 name until the user types one. */
export const NEW_INDICATOR_NAME = '新指标';

/** The line break to write: the one after the row, else any of the section's, else the previous section's, else LF. */
function lineBreak(model: DocumentModel, body: SectionBody, line: number, sectionIndex: number): string {
  if (body.eols[line]) return body.eols[line];
  for (const e of body.eols) if (e) return e;
  const prev = model.sections[sectionIndex - 1]?.body.eols;
  for (let i = (prev?.length ?? 0) - 1; i >= 0; i--) if (prev![i]) return prev![i];
  return '\n';
}

/** Leading whitespace of a 三级 cell's first paragraph. */
function indentOf(raw: string): string {
  let n = 0;
  while (n < raw.length && (raw.charCodeAt(n) === 32 || raw.charCodeAt(n) === 0x3000)) n++;
  return raw.slice(0, n);
}

/**
 * A table that gives its hierarchy by indentation (no 一级 / 二级 columns, docs/format.md §7.4): the
 * new name is indented as deep as its indicators, or it would read as a category heading.
 */
function nameIndent(table: GoalTable): string {
  const cols = table.columns;
  if (cols.level1 >= 0 || cols.level2 >= 0) return '';
  let deepest = '';
  for (const r of table.rows) {
    const indent = indentOf(r.level3.paragraphs[0]?.raw ?? '');
    if (indent.length > deepest.length) deepest = indent;
  }
  return deepest;
}

/** The last of the table's header rows (goal header, indicator header, second header rows). */
function lastHeaderRow(table: GoalTable): Row {
  let last = table.headerRow;
  for (const r of [table.indicatorHeader, ...table.subHeaders]) if (r && r.range.end.line > last.range.end.line) last = r;
  return last;
}

/** The insertion for a line of the document (any line of a table row or header, or a row's blank line), or null outside tables. */
export function insertRowEdit(model: DocumentModel, line: number): InsertRowResult | null {
  const ref = sectionAt(model, line);
  if (!ref) return null;
  const body = ref.body;
  const at = tableRowAt(body, line - ref.startLine, true);
  if (!at) return null;
  const table = at.table;
  const cols = table.columns;
  const after = at.header ? lastHeaderRow(table) : at.row;
  const end = after.range.end.line;
  const eol = lineBreak(model, body, end, sectionIndexAt(model.sections, ref.startLine));
  const indent = nameIndent(table);
  const cells: string[] = [];
  for (let i = 0; i < cols.width; i++) cells.push(i === cols.level3 ? `\t${indent}${NEW_INDICATOR_NAME}` : '\t');
  const at0 = absPosition(ref, { line: end, character: body.lines[end].length });
  // The new row's first cell is two lines below the row it follows (after the blank line between them).
  const first = at0.line + 2;
  const named = cols.level3 >= 0 && cols.level3 < cols.width;
  const cursorCell = named ? cols.level3 : Math.max(0, [cols.level1, cols.level2, cols.target].find((i) => i >= 0) ?? 0);
  const cursor = { line: first + cursorCell, character: 1 + (named ? indent.length : 0) };
  return {
    edit: { range: { start: at0, end: { ...at0 } }, newText: eol + eol + cells.join(eol) },
    cursor,
    selection: { start: cursor, end: { line: cursor.line, character: cursor.character + (named ? NEW_INDICATOR_NAME.length : 0) } },
  };
}
