/**
 * A section laid out as the Word table looked, as plain data: what the table view
 * (server/src/features/table-view.ts) sends and the review report (../report/) draws.
 *
 * What the text export lost and this puts back:
 * - horizontal spans: a header row with fewer cells than the table (`指标值` over 前年/上年/当年)
 *   is spread over the columns its labels name (./grid.ts);
 * - vertical merges: an empty header cell under a label continues it, and the rows of a 一级/二级
 *   block share one cell with the label (wherever in the block the label was written);
 * - which problem sits in which cell, with its quick fix.
 * Everything else is kept as written: rows the parser could not place are drawn as rows too, so the
 * layout never hides text.
 */
import { absPosition, type Cell, type GoalTable, type IndicatorRow, type LevelValue, type Row, type SectionRef, type Value } from '../model';
import { family as familyOf } from '../templates';
import { msg, type Locale } from '../locale';
import type { DocumentProblem } from '../rules/index';
import { TABLE_NAMES, tableName } from './names';
import { columnRoles, headerGrid, namedColumns, spread } from './grid';
import type { ViewBlock, ViewCell, ViewCellRole, ViewPosition, ViewProblem, ViewRange, ViewRow, ViewValuePart } from '../../../../protocol';

/** First and last line (relative to the section) of a cell's paragraphs. */
export function cellLines(cell: Cell): [number, number] {
  const ps = cell.paragraphs;
  if (ps.length === 0) return [cell.range.start.line, cell.range.end.line];
  return [ps[0].line, ps[ps.length - 1].line];
}

export interface SectionLayoutResult {
  /** Every cell with its spans and problem list (the table view drops the defaults to stay small). */
  blocks: DrawnBlock[];
  problems: ViewProblem[];
  /** Indexes into `problems` of those no cell holds. */
  loose: number[];
}

/** One section laid out, with `problems` (absolute ranges) each placed in its cell. */
export function layoutSection(ref: SectionRef, locale: Locale, problems: readonly DocumentProblem[]): SectionLayoutResult {
  const layout = new SectionLayout(ref, locale);
  const blocks = layout.blocks();
  return { blocks, ...layout.place(problems) };
}

/**
 * A cell laid out, every field there: the table view's reply leaves out the defaults
 * (features/table-view.ts `wireCell`), the review report reads them as they are.
 */
export interface DrawnCell {
  text: string;
  role: ViewCellRole;
  colSpan: number;
  rowSpan: number;
  /** Absolute lines of the cell's source paragraphs (a merged cell: its label's cell). */
  firstLine: number;
  lastLine: number;
  /** Where a click puts the cursor: the start of the cell's text (after the TAB). */
  at: ViewPosition;
  origin?: ViewCell['origin'];
  parts?: ViewValuePart[];
  problems: number[];
  /** The range the cell's paragraphs span, their raw text joined with `\n` and the line break between them. */
  edit: { range: ViewRange; source: string; eol: string } | null;
}

export type DrawnRow = Omit<ViewRow, 'cells'> & { cells: DrawnCell[] };
export type DrawnBlock = Omit<ViewBlock, 'rows'> & { rows: DrawnRow[] };

const VALUE_ROLES = new Set<ViewCellRole>(['target', 'previous', 'last', 'actual', 'weight', 'score']);

/** One section laid out: cells made from the model's cells, and where each source line's cell is. */
class SectionLayout {
  /** The drawn cell each source line (absolute) belongs to, for placing problems. */
  readonly #byLine = new Map<number, DrawnCell[]>();
  /** Roles of the header zone's cells (fields, goals, the overview). */
  readonly #roles = new Map<Cell, ViewCellRole>();

  constructor(
    readonly ref: SectionRef,
    readonly locale: Locale,
  ) {
    const b = ref.body;
    for (const f of b.fields) {
      this.#roles.set(f.label, 'label');
      if (f.group) this.#roles.set(f.group, 'label');
      if (f.value) this.#roles.set(f.value, 'value');
    }
    for (const g of b.goals) {
      this.#roles.set(g.label, 'label');
      this.#roles.set(g.cell, 'goal');
    }
    if (b.overview) {
      for (const c of b.overview.headerRow.cells) this.#roles.set(c, 'header');
      for (const r of b.overview.rows) {
        if (r.long) this.#roles.set(r.long.cell, 'goal');
        if (r.annual) this.#roles.set(r.annual.cell, 'goal');
      }
    }
    if (b.year) this.#roles.set(b.year, 'title');
  }

  blocks(): DrawnBlock[] {
    const b = this.ref.body;
    const out: DrawnBlock[] = [];
    const titleLines = b.title ? [b.title.range.start.line, b.title.range.end.line] : [-1, -1];
    const tables = b.tables;
    const overview = b.overview;
    const drawn = new Set<Row>();
    let pending: Row[] = [];
    const flush = (kind: ViewBlock['kind'], name: string | null) => {
      if (pending.length) out.push(this.rowsBlock(pending, kind, name));
      pending = [];
    };
    for (const row of b.rows) {
      const first = row.range.start.line;
      if (drawn.has(row)) continue;
      if (first >= titleLines[0] && row.range.end.line <= titleLines[1]) continue;
      const table = tables.find((t) => t.range.start.line <= first && first <= t.range.end.line);
      if (table) {
        flush('rows', null);
        // Side-by-side 长期/年度 tables share their rows: the first one draws them all.
        if (!tables.some((t) => t !== table && t.headerRow === table.headerRow && tables.indexOf(t) < tables.indexOf(table))) {
          out.push(this.tableBlock(table, drawn));
        }
        for (const r of b.rows) if (r.range.start.line >= table.range.start.line && r.range.end.line <= table.range.end.line) drawn.add(r);
        continue;
      }
      if (overview && overview.range.start.line <= first && first <= overview.range.end.line) {
        if (pending.length && pending[0].range.start.line < overview.range.start.line) flush('rows', null);
        pending.push(row);
        if (row.range.end.line >= overview.range.end.line) flush('overview', TABLE_NAMES[this.locale].overview);
        continue;
      }
      pending.push(row);
    }
    flush('rows', null);
    return out;
  }

  /** Rows drawn as written: each row's last cell spans to the block's width. */
  rowsBlock(rows: readonly Row[], kind: ViewBlock['kind'], name: string | null): DrawnBlock {
    const columns = Math.max(1, ...rows.map((r) => r.cells.length));
    const stray = new Set(this.ref.body.stray.map((s) => s.row));
    const viewRows = rows.map((r): DrawnRow => {
      const spans = spread(r.cells.length, columns);
      return {
        kind: 'rows',
        line: this.abs(r.range.start.line),
        cells: r.cells.map((c, i) => this.cell(c, stray.has(r) ? 'text' : (this.#roles.get(c) ?? 'text'), spans[i], 1)),
      };
    });
    return { kind, name, columns, rows: viewRows, ...this.lineSpan(rows) };
  }

  tableBlock(t: GoalTable, drawn: Set<Row>): DrawnBlock {
    const b = this.ref.body;
    const width = t.columns.width;
    const roles = columnRoles(t.columns);
    const rows: DrawnRow[] = [];
    // §3: the goal's header row (`长期目标1：` | the goal's text across the table).
    if (t.headerRow !== t.indicatorHeader) {
      const cells = t.headerRow.cells;
      const spans = spread(cells.length, width);
      rows.push({
        kind: 'header',
        line: this.abs(t.headerRow.range.start.line),
        cells: cells.map((c, i) => this.cell(c, c === t.goalCell ? 'goal' : 'label', spans[i], 1)),
      });
    }
    const headerRows = [t.indicatorHeader, ...t.subHeaders].filter((r): r is Row => r !== null);
    const named = namedColumns(familyOf(b.family));
    const grid = headerGrid(headerRows, roles, named);
    const headerCells: DrawnCell[][] = grid.map((line) => line.map((g) => this.cell(g.cell, 'header', g.colSpan, g.rowSpan)));
    // Cells hidden by a vertical merge still belong to the cell that covers them.
    for (const line of grid) for (const g of line) for (const hidden of g.covers) this.coverLines(hidden, headerCells[g.row][line.indexOf(g)]);
    headerRows.forEach((r, i) => rows.push({ kind: 'header', line: this.abs(r.range.start.line), cells: headerCells[i] }));

    const byRow = new Map<Row, IndicatorRow>(t.rows.map((r) => [r.row, r]));
    const unfilled = new Set(t.unfilled);
    const own = new Set<Row>([t.headerRow, ...headerRows]);
    const body = b.rows.filter((r) => !own.has(r) && !drawn.has(r) && t.range.start.line <= r.range.start.line && r.range.end.line <= t.range.end.line);
    // The label column (§3's 长期绩效指标) is one cell from the header down when no data row writes in it.
    const labelCol = t.columns.label;
    const labelHeader = labelCol >= 0 ? headerCells[0]?.find((_, i) => grid[0][i].column === labelCol && grid[0][i].colSpan === 1) : undefined;
    const mergeLabel = labelHeader !== undefined && body.every((r) => (r.cells[labelCol]?.text ?? '') === '');
    const open: { level1: Merge | null; level2: Merge | null } = { level1: null, level2: null };
    for (const row of body) {
      const ind = byRow.get(row);
      const kind: ViewRow['kind'] = ind ? 'data' : unfilled.has(row) ? 'unfilled' : 'rows';
      if (kind === 'rows') {
        open.level1 = open.level2 = null;
        // The merged label column runs past a row drawn as written too (a row of empty cells between
        // data rows): the row takes the other columns, else the column would end a row too early.
        let own = row.cells;
        if (mergeLabel) {
          labelHeader!.rowSpan++;
          if (own.length >= width && own[labelCol]) {
            this.coverLines(own[labelCol], labelHeader!);
            own = own.filter((_, i) => i !== labelCol);
          }
        }
        const spans = spread(own.length, mergeLabel ? width - 1 : width);
        rows.push({ kind, line: this.abs(row.range.start.line), cells: own.map((c, i) => this.cell(c, 'text', spans[i], 1)) });
        continue;
      }
      const cells: DrawnCell[] = [];
      for (let col = 0; col < width; col++) {
        const own = row.cells[col] ?? null;
        const role = roles[col];
        if (col === labelCol && mergeLabel) {
          labelHeader!.rowSpan++;
          if (own) this.coverLines(own, labelHeader!);
          continue;
        }
        if (ind && (col === t.columns.level1 || col === t.columns.level2)) {
          const which = col === t.columns.level1 ? 'level1' : 'level2';
          const lv = ind[which];
          const merged = this.levelCell(lv, which, open, own);
          if (merged) cells.push(merged);
          continue;
        }
        if (!ind && col === t.columns.level1 && own?.text === '' && open.level1) {
          // An unfilled 二级 row inside a 一级 block: the 一级's merged cell goes on down.
          open.level1.cell.rowSpan++;
          this.coverLines(own, open.level1.cell);
          continue;
        }
        if (!ind && col === t.columns.level2) open.level2 = null;
        const value = ind ? valueOf(ind, role) : null;
        const cell = this.cell(own, role, 1, 1);
        if (value && VALUE_ROLES.has(role) && own) cell.parts = valueParts(value, own.text);
        cells.push(cell);
      }
      rows.push({ kind, line: this.abs(row.range.start.line), cells });
    }
    return { kind: 'table', name: tableName(t, TABLE_NAMES[this.locale]), columns: width, rows, ...this.lineSpan([t.headerRow, ...body]) };
  }

  /**
   * A row's 一级 or 二级 cell: the rows of a block share one cell (the label's, wherever in the
   * block it stands), so the block's first row draws it and the others make it taller. A 二级 block
   * ends where its 一级 block does.
   */
  levelCell(lv: LevelValue, which: 'level1' | 'level2', open: { level1: Merge | null; level2: Merge | null }, own: Cell | null): DrawnCell | null {
    const key = lv.origin === 'inferred' || lv.source === null || lv.text === '' ? null : lv.source;
    const current = open[which];
    if (key && current && current.key === key && (which === 'level1' || open.level1 === current.parent)) {
      current.cell.rowSpan++;
      if (own) this.coverLines(own, current.cell);
      return null;
    }
    if (which === 'level1') open.level2 = null;
    if (!key) {
      open[which] = null;
      const cell = this.cell(own, which, 1, 1);
      if (lv.origin === 'inferred') {
        cell.text = lv.text;
        cell.origin = 'inferred';
      }
      return cell;
    }
    const cell = this.cell(key, which, 1, 1);
    if (own && own !== key) this.coverLines(own, cell);
    open[which] = { key, cell, parent: which === 'level2' ? open.level1 : null };
    return cell;
  }

  /** A drawn cell from a model cell (null: a cell the row does not have, drawn empty). */
  cell(c: Cell | null, role: ViewCellRole, colSpan: number, rowSpan: number): DrawnCell {
    const start = this.ref.startLine;
    if (!c) return { text: '', role, colSpan, rowSpan, firstLine: -1, lastLine: -1, at: { line: -1, character: 0 }, problems: [], edit: null };
    const [a, z] = cellLines(c);
    const ps = c.paragraphs;
    const at =
      c.text !== ''
        ? absPosition(this.ref, c.range.start)
        : ps.length
          ? { line: start + ps[0].line, character: ps[0].character }
          : absPosition(this.ref, c.range.start);
    const v: DrawnCell = { text: c.text, role, colSpan, rowSpan, firstLine: start + a, lastLine: start + z, at, problems: [], edit: null };
    if (ps.length) {
      const last = ps[ps.length - 1];
      v.edit = {
        range: {
          start: { line: start + ps[0].line, character: ps[0].character },
          end: { line: start + last.line, character: last.character + last.raw.length },
        },
        source: ps.map((p) => p.raw).join('\n'),
        eol: this.ref.body.eols[ps[0].line] || '\n',
      };
    }
    this.register(v, start + a, start + z);
    return v;
  }

  coverLines(hidden: Cell, by: DrawnCell): void {
    const [a, z] = cellLines(hidden);
    this.register(by, this.abs(a), this.abs(z));
  }

  register(v: DrawnCell, from: number, to: number): void {
    for (let l = from; l <= to; l++) {
      const list = this.#byLine.get(l);
      if (!list) this.#byLine.set(l, [v]);
      else if (!list.includes(v)) list.push(v);
    }
  }

  /** The section's problems, each in the cell its range starts in (or loose). */
  place(ps: readonly DocumentProblem[]): { problems: ViewProblem[]; loose: number[] } {
    const problems: ViewProblem[] = [];
    const loose: number[] = [];
    for (const p of ps) {
      const i = problems.length;
      problems.push({
        code: p.code,
        severity: p.severity,
        message: msg(p.message, this.locale),
        range: p.range,
        fix: p.fix ? { title: msg(p.fix.title, this.locale), edits: p.fix.edits } : null,
      });
      const cells = this.#byLine.get(p.range.start.line);
      // A line holds one cell; a merged cell is also listed at the lines of the cells it hides.
      const cell = cells?.find((c) => c.firstLine <= p.range.start.line && p.range.start.line <= c.lastLine) ?? cells?.[0];
      if (cell) cell.problems.push(i);
      else loose.push(i);
    }
    return { problems, loose };
  }

  abs(rel: number): number {
    return this.ref.startLine + rel;
  }

  lineSpan(rows: readonly Row[]): { firstLine: number; lastLine: number } {
    return { firstLine: this.abs(rows[0].range.start.line), lastLine: this.abs(Math.max(...rows.map((r) => r.range.end.line))) };
  }
}

interface Merge {
  key: Cell;
  cell: DrawnCell;
  parent: Merge | null;
}

function valueOf(r: IndicatorRow, role: ViewCellRole): Value | null {
  switch (role) {
    case 'target':
      return r.target;
    case 'previous':
      return r.previous;
    case 'last':
      return r.last;
    case 'actual':
      return r.actual;
    case 'weight':
      return r.weight;
    case 'score':
      return r.score;
    default:
      return null;
  }
}

/** A value's text cut into comparator, number(s), unit, qualifier and the text between them; every character kept. */
export function valueParts(v: Value, text: string): ViewValuePart[] | undefined {
  if (v.kind === 'empty' || text === '') return undefined;
  const pieces: [ViewValuePart['kind'], string | undefined][] = [
    ['comparator', v.comparator?.raw],
    ['number', v.number?.raw],
    ['number', v.upper?.raw],
    ['unit', v.unit?.text],
    ['qualifier', v.qualifier?.text],
  ];
  const out: ViewValuePart[] = [];
  let pos = 0;
  for (const [kind, s] of pieces) {
    if (!s) continue;
    const i = text.indexOf(s, pos);
    if (i < 0) continue;
    if (i > pos) out.push({ kind: 'text', text: text.slice(pos, i) });
    out.push({ kind, text: s });
    pos = i + s.length;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos) });
  return out.some((p) => p.kind !== 'text') ? out : undefined;
}
