/**
 * TT603 shortfall-without-reason: a self-evaluation row (docs/format.md §7.6) whose 完成值 falls
 * short of its target, with the 偏差原因 / 未完成原因分析 cell empty.
 *
 * Short means in the target's direction: its comparator (its own, 以上/以内, or the row's 指标性质
 * cell). `≥`, `>` and `=` ask for at least the figure, `≤` and `<` for at most it; a strict `>`/`<`
 * met with the figure itself is not called short (such targets are mostly written loosely). With no
 * comparator, cost ceilings, bad-thing rates and deadlines (TT202's classes) take ≤, anything else ≥.
 * Only figures compare: both numbers, and the same unit when both state one. A table without a
 * reason column has nowhere to write one and is not asked.
 */
import type { Comparator, IndicatorRow } from '../model';
import type { Rule } from './types';
import { isSelfEvaluation, targetComparator, targetUnit, valueUnit } from './util/columns';
import { directionClass } from './util/indicators';
import { formatNumber, msg, quote } from './util/text';

export const shortfallWithoutReason: Rule = {
  code: 'TT603',
  name: 'shortfall-without-reason',
  title: msg('未达标且未说明原因', 'Shortfall without a reason'),
  defaultSeverity: 'warning',
  description: msg(
    '自评表中完成值未达到指标值，但没有填写偏差（未完成）原因。',
    'In a self-evaluation table, an actual value falls short of its target and no reason for the shortfall is given.',
  ),
  fixable: false,
  check(ctx) {
    if (!isSelfEvaluation(ctx.section)) return;
    const tables = ctx.section.tables;
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i];
        const actual = row.actual;
        const target = row.target;
        if (actual === null || row.reason === null || row.reason.text !== '') continue;
        if (actual.kind !== 'numeric' || target.kind !== 'numeric' || !actual.number || !target.number) continue;
        const comparator = targetComparator(table, row);
        if (comparator === 'qualitative') continue;
        const tu = targetUnit(table, row);
        const au = valueUnit(actual);
        if (tu !== null && au !== null && tu !== au) continue;
        const atMost = wantsAtMost(comparator, row);
        const a = actual.number.value;
        const n = target.number.value;
        const short = atMost ? a > n + 1e-9 : a < n - 1e-9;
        if (!short) continue;
        const name = row.level3.text;
        ctx.report({
          code: 'TT603',
          range: actual.number.range,
          message: msg(
            `${quote(name)}的完成值「${actual.raw}」未达到指标值「${target.raw}」，请填写偏差原因。`,
            `The actual value "${actual.raw}" of "${name}" falls short of its target "${target.raw}": give the reason.`,
          ),
          related: [
            { range: target.range, message: msg(`指标值 ${formatNumber(n)}`, `target ${formatNumber(n)}`) },
            { range: row.reason.range, message: msg('偏差原因（未填写）', 'the reason (empty)') },
          ],
        });
      }
    }
  },
};

function wantsAtMost(comparator: Comparator | null, row: IndicatorRow): boolean {
  if (comparator === '≤' || comparator === '<') return true;
  if (comparator === '≥' || comparator === '>') return false;
  // `=` or nothing: what the indicator is decides (a cost ceiling is met by spending less).
  const cls = directionClass(row, row.target);
  return cls === 'cost' || cls === 'bad-rate' || cls === 'deadline';
}
