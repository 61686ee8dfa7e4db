/**
 * TT203 inconsistent-direction: the same 三级 indicator takes opposite directions in the
 * department's 长期 and 年度 tables (`≥` in one, `≤` in the other). Reported on the 年度 value,
 * with the 长期 one as related information. When the indicator occurs in several 长期 rows, any
 * one of them with the same direction (or no direction) makes the pair consistent.
 */
import type { Comparator, IndicatorRow, Range, Value } from '../model';
import { valueDirection } from '../parse/value';
import type { Rule } from './types';
import { compact, msg, quote } from './util/text';

function sense(c: Comparator | null): 'up' | 'down' | null {
  if (c === '≥' || c === '>') return 'up';
  if (c === '≤' || c === '<') return 'down';
  return null;
}

function dirRange(v: Value): Range {
  return v.comparator?.range ?? v.qualifier?.range ?? v.range;
}

export const inconsistentDirection: Rule = {
  code: 'TT203',
  name: 'inconsistent-direction',
  title: msg('长期与年度方向相反', 'Long-term and annual directions disagree'),
  defaultSeverity: 'warning',
  description: msg(
    '同一三级指标在长期目标表和年度目标表中的比较方向相反（一处「≥」，一处「≤」）。',
    'The same indicator takes opposite directions in the 长期 (long-term) and 年度 (annual) tables (≥ in one, ≤ in the other).',
  ),
  fixable: false,
  check(ctx) {
    const longRows = new Map<string, IndicatorRow[]>();
    const tables = ctx.section.tables;
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti];
      if (t.kind !== 'long') continue;
      for (let ri = 0; ri < t.rows.length; ri++) {
        const r = t.rows[ri];
        const k = compact(r.level3.text);
        if (!k) continue;
        const list = longRows.get(k);
        if (list) list.push(r);
        else longRows.set(k, [r]);
      }
    }
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti];
      if (t.kind !== 'annual') continue;
      for (let ri = 0; ri < t.rows.length; ri++) {
        const r = t.rows[ri];
        const s = sense(valueDirection(r.target));
        if (!s || r.target.kind !== 'numeric') continue;
        const same = longRows.get(compact(r.level3.text));
        if (!same) continue;
        // The same indicator: same name under the same 一级 (a cost and a count may share a name).
        // Inconsistent when every such 长期 row points the other way; reported against the first.
        // (A loop, not filter + some: this runs for every 年度 row with a direction.)
        const level1 = r.level1.key;
        const opposite = s === 'up' ? 'down' : 'up';
        let other: IndicatorRow | null = null;
        let consistent = false;
        for (let li = 0; li < same.length; li++) {
          const l = same[li];
          if (l.target.kind !== 'numeric' || l.level1.key !== level1) continue;
          other ??= l;
          if (sense(valueDirection(l.target)) !== opposite) {
            consistent = true;
            break;
          }
        }
        if (!other || consistent) continue;
        ctx.report({
          code: 'TT203',
          range: dirRange(r.target),
          message: msg(
            `${quote(r.level3.text)}的年度指标值「${r.target.raw}」与长期指标值「${other.target.raw}」方向相反。`,
            `The annual target "${r.target.raw}" of "${r.level3.text}" points the opposite way to the long-term target "${other.target.raw}".`,
          ),
          related: [{ range: dirRange(other.target), message: msg(`长期指标值「${other.target.raw}」`, `Long-term target "${other.target.raw}"`) }],
        });
      }
    }
  },
};
