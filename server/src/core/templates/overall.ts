/**
 * 整体支出绩效目标 (overall): a department's targets for the year (docs/format.md §3, §7.1). The
 * district template of §3 (overview + one table per goal) is parsed by ../parse/layouts/goal-tables.ts;
 * other provinces' overall tables (one 年度绩效总目标 cell, one indicator table) by the header-driven
 * layout with the labels below.
 */
import { COMMON_COLUMNS, COMMON_FIELDS, COMMON_FOOTERS, COMMON_GOALS } from './labels';
import type { TableFamily } from './types';

export const overall: TableFamily = {
  id: 'overall',
  name: { zh: '部门整体支出绩效目标表', en: 'department overall targets' },
  titles: [{ suffix: /(部门)?(整体支出|整体)?(部门)?绩效目标(申报|批复)?表$/ }, { suffix: /部门(\(单位\))?整体(支出)?绩效目标$/, ownRow: true }],
  fields: COMMON_FIELDS,
  goals: [{ label: { exact: ['整体绩效目标', '整体绩效总目标', '部门整体绩效目标', '部门整体支出绩效目标'] }, kind: 'overall' }, ...COMMON_GOALS],
  columns: COMMON_COLUMNS,
  footers: COMMON_FOOTERS,
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  selfEvaluation: false,
};
