/**
 * TT408 level2-without-indicator: a 二级 row with no indicator (an empty 三级 and value): a template
 * row left unfilled (docs/format.md §7.4), not an indicator. Header-driven tables keep such rows as
 * `unfilled`.
 */
import type { Rule } from './types';
import { msg } from './util/text';

export const level2WithoutIndicator: Rule = {
  code: 'TT408',
  name: 'level2-without-indicator',
  title: msg('二级指标下未填指标', '二级 category without an indicator'),
  defaultSeverity: 'warning',
  description: msg(
    '二级指标下没有填写三级指标和指标值（模板行未填写）。',
    'A 二级 category row with no indicator (empty 三级 and value): a template row left unfilled.',
  ),
  fixable: false,
  check(ctx) {
    const tables = ctx.section.tables;
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      if (table.rows.length === 0 && table.unfilled.length > 1) {
        // A whole block left unfilled (the 长期 columns beside a filled 年度 block): one finding, not one per row.
        const n = table.unfilled.length;
        const kind = table.kind === 'long' ? { zh: '长期', en: 'long-term' } : { zh: '年度', en: 'annual' };
        ctx.report({
          code: 'TT408',
          range: (table.headerRow.cells[table.columns.level2] ?? table.headerCell).range,
          message: msg(
            `${kind.zh}指标栏没有填写任何三级指标（${n} 行只填了二级指标）：该目标没有指标。`,
            `The ${kind.en} block has no indicator at all (${n} rows give only a 二级): its goal has no indicators.`,
          ),
        });
        continue;
      }
      for (let i = 0; i < table.unfilled.length; i++) {
        const cell = table.unfilled[i].cells[table.columns.level2];
        if (cell === undefined) continue;
        const name = cell.text.replace(/\s+/g, '');
        ctx.report({
          code: 'TT408',
          range: cell.range,
          message: msg(`二级指标「${name}」下没有填写三级指标和指标值。`, `The 二级 category "${name}" has no indicator (三级 and value are empty).`),
        });
      }
    }
  },
};
