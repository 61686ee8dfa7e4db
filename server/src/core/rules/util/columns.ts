/**
 * What a header-driven row says in the cells around its target (docs/format.md §7.3): the
 * comparator and unit of a value split over `指标性质 | 指标值 | 度量单位` cells, a unit carried by
 * the 三级 name, and whether a section is a self-evaluation (its family's `selfEvaluation`).
 * Read from the value first (the parser joins the three cells, `joinValue`); the row's own cells
 * are the fallback for what it leaves out (`定性`, a part that would straddle two cells).
 */
import type { Cell, Comparator, GoalTable, IndicatorRow, SectionBody, Value } from '../../model';
import { unitFromName } from '../../parse/value';
import { family } from '../../templates';
import { toHalfWidth } from './text';

/** A self-evaluation section read by its header (自评表: 完成值, 分值/权重, 得分, 偏差原因). */
export function isSelfEvaluation(section: SectionBody): boolean {
  return section.layout === 'indicator-tables' && family(section.family).selfEvaluation;
}

/** The row's cell of a table column (null when the table has no such column or the row is short). */
export function columnCell(row: IndicatorRow, index: number | null | undefined): Cell | null {
  if (index === null || index === undefined || index < 0) return null;
  return row.row.cells[index] ?? null;
}

/** A value given nowhere: an empty cell (a placeholder such as `/` or `—` was written by someone). */
export function isBlank(v: Value | null): boolean {
  return v !== null && v.kind === 'empty';
}

const COMPARATOR_WORDS: Readonly<Record<string, Comparator>> = {
  '≥': '≥',
  '≧': '≥',
  '>=': '≥',
  '⩾': '≥',
  '≤': '≤',
  '≦': '≤',
  '<=': '≤',
  '⩽': '≤',
  '>': '>',
  '<': '<',
  '=': '=',
  大于等于: '≥',
  不低于: '≥',
  不少于: '≥',
  小于等于: '≤',
  不高于: '≤',
  不超过: '≤',
  大于: '>',
  小于: '<',
  等于: '=',
};

/**
 * The comparator a target means: its own symbol or 以上/以内, else the row's comparator cell
 * (`指标性质`, `计算符号`). `qualitative` for a `定性` cell; null when nothing says.
 */
export function targetComparator(table: GoalTable, row: IndicatorRow): Comparator | 'qualitative' | null {
  const own = row.target.comparator?.normalized ?? row.target.qualifierMeaning;
  if (own) return own;
  const cell = columnCell(row, table.columns.comparator);
  if (cell === null || cell.text === '') return null;
  const key = toHalfWidth(cell.text).replace(/\s+/g, '');
  if (key === '定性') return 'qualitative';
  return COMPARATOR_WORDS[key] ?? null;
}

/**
 * The unit of a row's target: the value's own, else the row's unit cell (`度量单位`), else a
 * unit in brackets at the end of the 三级 name (`人数(人)`). Normalised to half-width, without spaces.
 */
export function targetUnit(table: GoalTable, row: IndicatorRow): string | null {
  if (row.target.unit) return normalUnit(row.target.unit.text);
  const cell = columnCell(row, table.columns.unit);
  if (cell !== null && cell.text !== '') return normalUnit(cell.text);
  const named = unitFromName(row.level3);
  return named ? normalUnit(named.text) : null;
}

/** The unit of another value of the row (an actual): its own only. */
export function valueUnit(v: Value): string | null {
  return v.unit ? normalUnit(v.unit.text) : null;
}

export function normalUnit(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}
