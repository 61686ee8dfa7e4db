/**
 * 项目支出绩效目标 (project): one project's targets (docs/format.md §7.1): a header zone of
 * label/value cells (项目名称, 主管部门及代码 …), goals as label/value cells or a goal header row,
 * and one indicator table, sometimes with 长期 and 年度 side by side.
 */
import { COMMON_COLUMNS, COMMON_FIELDS, COMMON_FOOTERS, COMMON_GOALS } from './labels';
import type { TableFamily } from './types';

export const project: TableFamily = {
  id: 'project',
  name: { zh: '项目支出绩效目标表', en: 'project targets' },
  titles: [{ suffix: /项目(支出)?绩效目标(申报|批复|审核)?表$/ }],
  fields: COMMON_FIELDS,
  goals: COMMON_GOALS,
  columns: COMMON_COLUMNS,
  footers: COMMON_FOOTERS,
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  selfEvaluation: false,
};
