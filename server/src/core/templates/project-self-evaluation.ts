/** 项目支出绩效自评 (project self-evaluation): a project's targets beside what was achieved, with weights and scores (docs/format.md §7.1). */
import { COMMON_COLUMNS, COMMON_FIELDS, COMMON_FOOTERS, SELF_EVALUATION_GOALS } from './labels';
import type { TableFamily } from './types';

export const projectSelfEvaluation: TableFamily = {
  id: 'project-self-evaluation',
  name: { zh: '项目支出绩效自评表', en: 'project self-evaluation' },
  titles: [{ suffix: /项目(支出)?绩效自评(价)?表$/ }],
  fields: COMMON_FIELDS,
  goals: SELF_EVALUATION_GOALS,
  columns: COMMON_COLUMNS,
  footers: COMMON_FOOTERS,
  requiredLevel1: ['产出指标', '效益指标', '满意度指标'],
  selfEvaluation: true,
};
