/**
 * TT407 required-level1-missing: a header-driven section (docs/format.md §7.6) whose indicator
 * tables lack a 一级 category its family requires: 产出, 效益 and 满意度 in every family; 成本 as
 * well under the 2021 framework, unless the section files 成本 as a 二级 (the 2015 way). §3's
 * district template has per-goal tables that need not each carry every category, so it is not checked.
 */
import { family } from '../templates';
import type { Rule } from './types';
import { canonicalLevel1, framework, frameworkId, withSuffix } from './util/categories';
import { indicatorRows, msg } from './util/text';

export const requiredLevel1Missing: Rule = {
  code: 'TT407',
  name: 'required-level1-missing',
  title: msg('缺少必备的一级指标', 'Required 一级 category missing'),
  defaultSeverity: 'warning',
  description: msg(
    '指标表缺少必备的一级指标（产出指标、效益指标、满意度指标；2021 框架另需成本指标）。',
    'The indicator tables lack a required 一级 category (产出, 效益, 满意度; 成本 too under the 2021 framework).',
  ),
  fixable: false,
  check(ctx) {
    const section = ctx.section;
    if (section.layout !== 'indicator-tables' || section.tables.length === 0) return;
    const rows = indicatorRows(ctx);
    if (rows.length === 0) return;
    const fw = framework(ctx);
    const present = new Set<string>();
    let costAsLevel2 = false;
    for (let i = 0; i < rows.length; i++) {
      const l1 = canonicalLevel1(fw, rows[i].level1.key) ?? withSuffix(rows[i].level1.key);
      present.add(l1);
      if (withSuffix(rows[i].level2.key) === '成本指标') costAsLevel2 = true;
    }
    const required = [...family(section.family).requiredLevel1];
    if (frameworkId(ctx) === '2021' && !costAsLevel2) required.push('成本指标');
    const missing = required.filter((r) => !present.has(r));
    if (missing.length === 0) return;
    const table = section.tables[0];
    ctx.report({
      code: 'TT407',
      range: table.headerCell.range,
      message: msg(
        `指标表缺少一级指标${missing.map((m) => `「${m}」`).join('')}。`,
        `The indicator table has no ${missing.join(', ')} (一级 categories this table must have).`,
      ),
    });
  },
};
