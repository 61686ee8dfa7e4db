/**
 * Inlay hints: each cell's column named at the start of its first line, after the TAB, so a reader
 * no longer counts lines to know which is 上年 and which the target (issue 12).
 *
 *  - Indicator rows: §3's goal tables by fixed names (长期/年度绩效指标, 一级, 二级, 三级, 指标值 or
 *    前年 / 上年 / 当年目标, 依据), header-driven tables by their own header labels (`完成值`,
 *    `2021年实际实现值`, a column without a label as `第8列`). Template rows left unfilled are
 *    named the same way, so the user sees where to write.
 *  - An empty merged 一级/二级 shows what it inherits: `↑ 产出指标` from a cell above, `↓ 产出指标`
 *    from a label stated in a later row of the block, `≈ 产出指标` inferred from the row's 二级 (the
 *    tooltip says which, in the hover's words).
 *  - The overview's cells: 整体绩效总目标 / 长期目标 / 年度目标; a header-driven section's goals by
 *    their label; header-zone fields on their value cell (a grid's as `group · column`).
 *
 * An empty cell is still named: a blank line is exactly where a reader cannot tell the column. Not
 * named: header rows and sub-headers, a field's or goal's label cell, a label column that holds
 * text (a table label in the first data row), cells past a table's last column, stray rows, footers.
 *
 * Only the requested range is computed: the sections overlapping it by binary search, then only
 * the rows inside it (binary search on a table's rows); the document is never walked.
 */
import { InlayHintKind, MarkupKind, type InlayHint, type Range } from 'vscode-languageserver';
import {
  comparePositions,
  sectionIndexAt,
  type Cell,
  type DocumentModel,
  type GoalTable,
  type LevelValue,
  type Position,
  type SectionRef,
} from '../core/model';
import { sectionName, type Locale } from '../core/locale';
import type { Settings } from '../core/settings';
import { compact } from '../core/text';
import { goalLabel, labels, type Labels } from '../i18n';
import { colon, columnName, fieldName, goalName, indicatorPath, levelMarkdown, md, paren, pathOf, tableLabel, type ColumnName } from './naming';

/**
 * Widest hint label, in columns (a CJK character is two): room for a grid's `财政专户管理资金 · 预算执行率`
 * or `This year (target)`; the tooltip has a longer one whole.
 */
const MAX_LABEL_WIDTH = 32;

/** `label` cut to `width` columns, with an ellipsis when cut. */
function clip(label: string, width: number): string {
  const widthOf = (ch: string) => (ch.charCodeAt(0) >= 0x1100 ? 2 : 1);
  let total = 0;
  for (const ch of label) total += widthOf(ch);
  if (total <= width) return label;
  let w = 0;
  let i = 0;
  for (const ch of label) {
    w += widthOf(ch);
    if (w > width - 1) break;
    i += ch.length;
  }
  return `${label.slice(0, i)}…`;
}

/** What an inherited 一级/二级 hint starts with, by where the label comes from. */
const ORIGIN_MARK: Record<LevelValue['origin'], string> = { own: '', above: '↑', below: '↓', inferred: '≈' };

/** The requested range relative to one section. */
interface Window {
  start: Position;
  end: Position;
}

interface Entry {
  hint: InlayHint;
  /** Named from the table that owns the column (its 一级/二级), which wins over a plain name of the same cell. */
  strong: boolean;
}

/** Where a cell's hint goes: the start of its first paragraph, after the TAB. */
function cellStart(cell: Cell): Position {
  const p = cell.paragraphs[0];
  return p ? { line: p.line, character: p.character } : cell.range.start;
}

const inside = (w: Window, p: Position) => comparePositions(w.start, p) <= 0 && comparePositions(p, w.end) <= 0;

/** Index of the first item ending on or after `line` (items in document order, not overlapping). */
function firstEndingFrom(items: readonly { range: Range }[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.end.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A column's name in full, in Markdown: `**2021年实际实现值**（上年实际值）`. */
function columnTitle(col: ColumnName, L: Labels, locale: Locale): string {
  const notes = [col.meaning, col.cutShort ? L.cutShortHeader : ''].filter((n) => n !== '');
  return `**${md(col.title)}**${notes.length ? md(paren(notes.join(locale === 'en' ? ', ' : '，'), locale)) : ''}`;
}

class Hints {
  readonly #entries: Entry[] = [];

  constructor(
    private readonly ref: SectionRef,
    private readonly window: Window,
  ) {}

  /** A hint at `cell` if it starts inside the window. */
  add(cell: Cell, label: string, tooltip: () => string, strong = false): void {
    const p = cellStart(cell);
    if (!inside(this.window, p)) return;
    this.#entries.push({
      hint: {
        position: { line: this.ref.startLine + p.line, character: p.character },
        label: clip(label, MAX_LABEL_WIDTH),
        kind: InlayHintKind.Parameter,
        paddingRight: true,
        tooltip: { kind: MarkupKind.Markdown, value: tooltip() },
      },
      strong,
    });
  }

  get entries(): readonly Entry[] {
    return this.#entries;
  }
}

/** A label as a name: without the required-field `*` and the trailing colon the document writes. */
function bare(label: string): string {
  return label.replace(/^\*/, '').replace(/[:：]$/, '');
}

function fieldHints(ref: SectionRef, out: Hints, L: Labels, locale: Locale): void {
  const body = ref.body;
  for (const f of body.fields) {
    // A label standing alone (a group label over its rows) has no value cell to name; an empty label names nothing.
    if (!f.value || f.value === f.label || (!f.group && compact(f.label.text) === '')) continue;
    const name = bare(fieldName(f));
    out.add(f.value, name, () => `**${md(name)}**\n\n${pathOf([`**${md(sectionName(body, locale))}**`, md(L.fields)])}`);
  }
  let previous: Cell | null = null;
  for (const g of body.goals) {
    // Several numbered goals in one cell: the cell is named once.
    if (g.cell === previous || g.cell === g.label) continue;
    previous = g.cell;
    const name = bare(goalName(g));
    out.add(g.cell, name, () => `**${md(name)}**\n\n${pathOf([`**${md(sectionName(body, locale))}**`, md(name + (g.number ?? ''))])}`);
  }
}

function overviewHints(ref: SectionRef, w: Window, out: Hints, L: Labels, locale: Locale): void {
  const body = ref.body;
  const ov = body.overview;
  if (!ov || ov.range.end.line < w.start.line || ov.range.start.line > w.end.line) return;
  for (const r of ov.rows) {
    if (r.row.range.end.line < w.start.line) continue;
    if (r.row.range.start.line > w.end.line) break;
    const cells = r.row.cells;
    // The columns are 整体绩效总目标 | 长期 | 年度 in that order, whatever the header calls them (docs/format.md §3).
    for (let i = 0; i < cells.length && i < 3; i++) {
      const goal = i === 1 ? r.long : i === 2 ? r.annual : null;
      const kind = i === 1 ? 'long' : 'annual';
      const name = i === 0 ? L.overview : goalLabel(kind, null, L);
      const header = compact(ov.headers[i] ?? '') || name;
      out.add(cells[i], name, () => {
        const path = [`**${md(sectionName(body, locale))}**`, md(L.overview)];
        if (i > 0) path.push(md(goalLabel(kind, goal?.number ?? null, L)));
        return `**${md(header)}**\n\n${pathOf(path)}`;
      });
    }
  }
}

function levelLabel(v: LevelValue, col: ColumnName): string {
  return v.inherited && v.text !== '' ? `${ORIGIN_MARK[v.origin]} ${v.text}` : col.name;
}

function tableHints(ref: SectionRef, t: GoalTable, w: Window, out: Hints, L: Labels, locale: Locale): void {
  const body = ref.body;
  const cols = t.columns;
  for (let k = firstEndingFrom(t.rows, w.start.line); k < t.rows.length; k++) {
    const row = t.rows[k];
    if (row.range.start.line > w.end.line) break;
    let path: string | undefined;
    const pathOnce = () => (path ??= indicatorPath(body, t, row, L, locale));
    const cells = row.row.cells;
    for (let i = 0; i < cells.length; i++) {
      const col = columnName(t, i, L);
      if (!col) continue;
      const level = i === cols.level1 ? row.level1 : i === cols.level2 ? row.level2 : null;
      if (level) {
        const head =
          level.inherited && level.text !== '' ? `**${md(col.title)}**${colon(locale)}${levelMarkdown(level, L, locale)}` : columnTitle(col, L, locale);
        out.add(cells[i], levelLabel(level, col), () => `${head}\n\n${pathOnce()}`, true);
        continue;
      }
      if (col.role === 'label' && cells[i].text !== '') continue;
      out.add(cells[i], col.name, () => `${columnTitle(col, L, locale)}\n\n${pathOnce()}`);
    }
  }
  // Template rows left unfilled (§7.4): named by column, so the user sees where to write.
  for (let k = firstEndingFrom(t.unfilled, w.start.line); k < t.unfilled.length; k++) {
    const row = t.unfilled[k];
    if (row.range.start.line > w.end.line) break;
    const path = pathOf([`**${md(sectionName(body, locale))}**`, md(tableLabel(t, L, locale))]);
    for (let i = 0; i < row.cells.length; i++) {
      const col = columnName(t, i, L);
      if (!col || (col.role === 'label' && row.cells[i].text !== '')) continue;
      out.add(row.cells[i], col.name, () => `${columnTitle(col, L, locale)}\n\n${path}`);
    }
  }
}

function sectionHints(ref: SectionRef, w: Window, out: Hints, L: Labels, locale: Locale): void {
  const body = ref.body;
  fieldHints(ref, out, L, locale);
  overviewHints(ref, w, out, L, locale);
  for (const t of body.tables) {
    if (t.range.end.line < w.start.line || t.range.start.line > w.end.line) continue;
    tableHints(ref, t, w, out, L, locale);
  }
}

/** The inlay hints of the cells starting inside `range` (absolute), in document order. */
export function inlayHints(model: DocumentModel, range: Range, settings: Settings, locale: Locale): InlayHint[] {
  const sections = model.sections;
  if (!settings.inlayHints || sections.length === 0 || comparePositions(range.start, range.end) > 0) return [];
  const L = labels(locale);
  const entries: Entry[] = [];
  for (let s = sectionIndexAt(sections, range.start.line); s < sections.length && sections[s].startLine <= range.end.line; s++) {
    const ref = sections[s];
    if (ref.startLine + ref.body.lines.length <= range.start.line) continue;
    const w: Window = {
      start: { line: range.start.line - ref.startLine, character: range.start.character },
      end: { line: range.end.line - ref.startLine, character: range.end.character },
    };
    const out = new Hints(ref, w);
    sectionHints(ref, w, out, L, locale);
    for (const e of out.entries) entries.push(e);
  }
  // Side-by-side blocks (docs/format.md §7.3) are two tables over the same rows: a cell reached from
  // both keeps one hint, the one from the table whose 一级/二级 it is.
  entries.sort((a, b) => comparePositions(a.hint.position, b.hint.position) || Number(b.strong) - Number(a.strong));
  const hints: InlayHint[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && comparePositions(entries[i].hint.position, entries[i - 1].hint.position) === 0) continue;
    hints.push(entries[i].hint);
  }
  return hints;
}
