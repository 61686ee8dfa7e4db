/** 部门整体支出绩效自评 (overall self-evaluation): targets beside what was achieved, with weights and scores (docs/format.md §7.1). */
import { COMMON_COLUMNS, COMMON_FIELDS, COMMON_FOOTERS, SELF_EVALUATION_GOALS } from './labels';
import type { TableFamily } from './types';

export const overallSelfEvaluation: TableFamily = {
  id: 'overall-self-evaluation',
  name: { zh: '部门整体支出绩效自评表', en: 'department overall self-evaluation' },
  titles: [{ suffix: /(部门)?(整体支出|整体)?绩效自评(价)?表$/ }],
  fields: COMMON_FIELDS,
  goals: SELF_EVALUATION_GOALS,
  columns: COMMON_COLUMNS,
  footers: COMMON_FOOTERS,
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  selfEvaluation: true,
};
