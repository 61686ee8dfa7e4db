/**
 * TT409 older-framework: with `targetTable.framework` "auto" (the default), a section whose tables file
 * 成本指标 as a 二级 under 产出指标 is checked by the 2015 framework (templates/frameworks.ts
 * `detectFramework`): many local templates still are. Said once per section, on the first such cell, so
 * that the reviewer sees which framework was applied and one whose template is the 2021 one can choose
 * it. Nothing is said when a framework is chosen: then every section is checked by that one.
 */
import type { Rule } from './types';
import { frameworkId, withSuffix } from './util/categories';
import { indicatorRows, msg } from './util/text';

export const olderFramework: Rule = {
  code: 'TT409',
  name: 'older-framework',
  title: msg('按 2015 版指标体系检查', 'Checked by the 2015 framework'),
  defaultSeverity: 'information',
  description: msg(
    '指标表把成本指标作为产出指标下的二级指标（2015 版指标体系），因此按该体系检查；现行 2021 版体系中成本指标是一级指标。设置 targetTable.framework 为 auto（默认）时报告。',
    'The tables file 成本指标 as a 二级 under 产出指标 (the 2015 framework), so they are checked by it; in the current 2021 framework 成本指标 is a 一级. Reported while targetTable.framework is auto (the default).',
  ),
  fixable: false,
  check(ctx) {
    if (ctx.settings.framework !== 'auto' || frameworkId(ctx) !== '2015') return;
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const { level1, level2 } = rows[i];
      if (level2.inherited || withSuffix(level2.key) !== '成本指标' || withSuffix(level1.key) !== '产出指标') continue;
      ctx.report({
        code: 'TT409',
        range: level2.cell.range,
        message: msg(
          `本表把「${level2.text}」作为「产出指标」下的二级指标，按 2015 版指标体系检查（现行 2021 版体系中成本指标为一级指标）。如须按 2021 版检查，请将 targetTable.framework 设为 "2021"。`,
          `This table files "${level2.text}" as a 二级 under 产出指标, so it is checked by the 2015 framework (in the current 2021 framework 成本指标 is a 一级). To check it by the 2021 one, set targetTable.framework to "2021".`,
        ),
      });
      return;
    }
  },
};
