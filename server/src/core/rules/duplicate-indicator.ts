/**
 * TT406 duplicate-indicator: the same 三级 indicator twice in one table under the same 一级 and
 * 二级. (The same name under different categories — the cost of an activity and its count — is
 * fine.) Reported on the second, with the first as related information.
 */
import type { IndicatorRow } from '../model';
import type { Rule } from './types';
import { compact, msg, quote } from './util/text';

/** A row's 一级 and 二级, as one string (built only for rows whose name repeats). */
function categories(row: IndicatorRow): string {
  return `${row.level1.key}\u0000${row.level2.key}`;
}

export const duplicateIndicator: Rule = {
  code: 'TT406',
  name: 'duplicate-indicator',
  title: msg('重复的指标', 'Duplicate indicator'),
  defaultSeverity: 'warning',
  description: msg('同一目标表中同一类别下出现了重复的三级指标。', 'The same indicator appears twice in one table under the same categories.'),
  fixable: false,
  check(ctx) {
    const tables = ctx.section.tables;
    for (let ti = 0; ti < tables.length; ti++) {
      const table = tables[ti];
      // Rows by name; a row repeats one of them when its categories are the same too. (Keyed by the
      // name alone, not by a string joining all three: that key was a new string to build and hash
      // for every row.)
      const seen = new Map<string, IndicatorRow[]>();
      for (let ri = 0; ri < table.rows.length; ri++) {
        const row = table.rows[ri];
        const name = compact(row.level3.text);
        if (!name) continue;
        const same = seen.get(name);
        if (!same) {
          seen.set(name, [row]);
          continue;
        }
        const cats = categories(row);
        const first = same.find((r) => categories(r) === cats);
        if (!first) {
          same.push(row);
          continue;
        }
        ctx.report({
          code: 'TT406',
          range: row.level3.range,
          message: msg(
            `三级指标${quote(row.level3.text)}在「${table.headerCell.text}」中重复出现。`,
            `The indicator "${row.level3.text}" appears twice in "${table.headerCell.text}".`,
          ),
          related: [{ range: first.level3.range, message: msg('第一次出现', 'First occurrence') }],
        });
      }
    }
  },
};
