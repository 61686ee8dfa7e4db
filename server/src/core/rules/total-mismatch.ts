/**
 * TT602 total-mismatch: the 合计 row of an indicator table with 分值/权重 or 得分 columns (docs/format.md
 * §7.4, §7.6) states a total that is not the sum of its rows.
 *
 * The 合计 row's label spans the columns on the left; its other cells are the table's last columns,
 * right-aligned (`合计 | 100 | | ` under `… | 权重 | 得分 | 未完成原因分析`), or positional when the
 * row is as wide as the table. Each total is checked when it is a number and every indicator row
 * gives one (a missing score is TT604's, and the sum of some rows is no sum).
 *
 * Many self-evaluation templates score the budget execution in the header zone (`预算执行情况(10分)`:
 * its 权重 and 得分 in the budget grid) and the indicators for the rest (`绩效指标(90分)`): their 合计
 * is the whole, 10 + 90 = 100. So a total equal to the rows' sum plus the budget grid's 权重 (or
 * 得分) is right as well as one equal to the rows' sum alone.
 */
import type { Cell, GoalTable, SectionBody } from '../model';
import { parseValue } from '../parse/value';
import { labelKey } from '../templates';
import type { Rule } from './types';
import { formatNumber, msg } from './util/text';

type Slot = 'weight' | 'score';

const NAMES: Record<Slot, { zh: string; en: string }> = {
  weight: { zh: '分值（权重）', en: 'weights' },
  score: { zh: '得分', en: 'scores' },
};

export const totalMismatch: Rule = {
  code: 'TT602',
  name: 'total-mismatch',
  title: msg('合计与各项之和不符', 'Total does not add up'),
  defaultSeverity: 'warning',
  description: msg('合计行的分值（权重）或得分不等于各指标之和。', 'The 合计 row states a total weight or score that is not the sum of the rows.'),
  fixable: false,
  check(ctx) {
    const section = ctx.section;
    if (section.layout !== 'indicator-tables' || section.footers.length === 0) return;
    for (let f = 0; f < section.footers.length; f++) {
      const footer = section.footers[f];
      if (footer.kind !== 'total') continue;
      const tables = tablesBefore(section, footer.range.start.line);
      if (tables.length === 0) continue;
      const columns = tables[0].columns;
      for (const slot of ['weight', 'score'] as const) {
        const index = columns[slot];
        if (index === null || index === undefined || index < 0) continue;
        const cell = totalCell(footer.row.cells, columns.width, index);
        if (cell === null || cell.text === '') continue;
        const stated = parseValue(cell);
        if (stated.kind !== 'numeric' || !stated.number) continue;
        const sum = rowsSum(tables, slot);
        if (sum === null) continue;
        const budget = budgetPart(section, slot);
        const total = stated.number.value;
        if (near(total, sum) || (budget !== null && near(total, sum + budget))) continue;
        const expected = budget !== null ? `${formatNumber(sum)}（另加预算执行 ${formatNumber(budget)} 为 ${formatNumber(sum + budget)}）` : formatNumber(sum);
        const expectedEn =
          budget !== null ? `${formatNumber(sum)} (${formatNumber(sum + budget)} with the budget execution's ${formatNumber(budget)})` : formatNumber(sum);
        ctx.report({
          code: 'TT602',
          range: stated.number.range,
          message: msg(
            `合计行的${NAMES[slot].zh} ${formatNumber(total)} 不等于各指标${NAMES[slot].zh}之和 ${expected}。`,
            `The 合计 row states ${formatNumber(total)}, but the rows' ${NAMES[slot].en} add up to ${expectedEn}.`,
          ),
        });
      }
    }
  },
};

/** The tables of the last indicator header before a line (the blocks of one header share it). */
function tablesBefore(section: SectionBody, line: number): GoalTable[] {
  let last: GoalTable | null = null;
  for (const t of section.tables) if (t.range.start.line < line) last = t;
  if (last === null) return [];
  const header = last.headerRow;
  return section.tables.filter((t) => t.headerRow === header);
}

/** The 合计 row's cell under a table column: positional in a full-width row, else right-aligned. */
function totalCell(cells: readonly Cell[], width: number, column: number): Cell | null {
  const n = cells.length;
  const k = n >= width ? column : column - (width - n);
  // Cell 0 holds the label: no total under the columns it spans.
  return k >= 1 && k < n ? cells[k] : null;
}

/** The sum of a column over every indicator row of the tables, or null when a row gives no number. */
function rowsSum(tables: readonly GoalTable[], slot: Slot): number | null {
  let sum = 0;
  let rows = 0;
  for (const t of tables) {
    for (const row of t.rows) {
      const v = row[slot];
      if (v === null || v.kind !== 'numeric' || !v.number) return null;
      sum += v.number.value;
      rows++;
    }
  }
  return rows > 0 ? sum : null;
}

const BUDGET_LABELS: Record<Slot, readonly string[]> = { weight: ['权重', '分值'], score: ['得分'] };

/** The budget grid's 权重 or 得分 (a header-zone grid field with a group), when it gives a number. */
function budgetPart(section: SectionBody, slot: Slot): number | null {
  for (const field of section.fields) {
    if (field.group === null || field.value === null || !BUDGET_LABELS[slot].includes(labelKey(field.label.text))) continue;
    const v = parseValue(field.value);
    if (v.kind === 'numeric' && v.number) return v.number.value;
  }
  return null;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
