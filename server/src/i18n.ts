/**
 * The strings the editor features add themselves (hover, outline, code action titles, code lenses), in both
 * languages (./core/locale.ts chooses); rule messages carry both languages already (`Message`).
 */
import type { GoalKindId } from './core/templates/types';
import type { Locale } from './core/locale';
import type { ColumnRole } from './core/templates/types';
import { TABLE_NAMES } from './core/layout/names';

const ZH = {
  overview: TABLE_NAMES.zh.overview,
  longGoal: TABLE_NAMES.zh.longGoal,
  annualGoal: TABLE_NAMES.zh.annualGoal,
  /** A header-driven section's goal by its kind (the outline's English detail). */
  goalOfKind: (kind: GoalKindId, n: number | null): string =>
    `${{ long: '长期', mid: '中期', period: '实施期', annual: '年度', overall: '总体' }[kind]}目标${n ?? ''}`,
  inherited: '沿用上方合并单元格',
  fromBelow: '取自下方合并单元格的标签',
  inferred: '由二级指标推断',
  measuredGoal: '本表衡量的目标',
  measuredGoals: '本表衡量的目标',
  noGoalInSection: '本节没有对应的绩效目标',
  value: '指标值',
  previous: '前年',
  last: '上年',
  current: '当年目标',
  lowerBound: '下限',
  upperBound: '上限',
  exact: '精确值',
  plain: '目标值（未写比较符）',
  approx: '约数',
  textual: '定性描述',
  placeholder: '占位（无数值）',
  empty: '（空）',
  unitFromHeader: (u: string) => `单位取表头“单位：${u}”`,
  implementedBy: '实现该目标的表',
  noTable: '没有对应的指标表',
  indicators: (n: number) => `${n} 个指标`,
  tableCount: (n: number) => `${n} 张表`,
  problemCount: (n: number) => `${n} 个问题`,
  goalPrefix: (n: number) => `目标${n}：`,
  overviewGoal: '整体绩效总目标中的对应目标',
  noGoal: '整体绩效总目标中没有对应目标',
  byNumber: '按编号匹配',
  byPosition: '按位置匹配',
  textDiffers: '文字与表头不同',
  fields: '基本信息',
  indicatorTable: TABLE_NAMES.zh.indicatorTable,
  fixAllOfKind: (code: string, n: number) => `修复本文件中全部 ${n} 处 ${code} 问题`,
  fixAll: '修复本文件中所有可安全修复的问题',
  viewLimited: '文件超过大小上限，表格视图不可用。',
  /** §3's short column names (inlay hints); the others are the full ones below. */
  columnShort: { level1: '一级', level2: '二级', level3: '三级', basis: '依据' } as Partial<Record<ColumnRole, string>>,
  /** What a column of each role holds. */
  columnMeaning: {
    label: '绩效指标',
    level1: '一级指标',
    level2: '二级指标',
    level3: '三级指标',
    comparator: '比较符',
    target: '指标值',
    unit: '计量单位',
    previous: '前年实际值',
    last: '上年实际值',
    actual: '实际完成值',
    basis: '指标值确定依据',
    weight: '分值（权重）',
    score: '得分',
    reason: '偏差原因',
    extra: '本模板未命名的列',
  } as Record<ColumnRole, string>,
  columnNumber: (n: number) => `第${n}列`,
  cutShortHeader: '表头文字被截断',
};

const EN: typeof ZH = {
  overview: TABLE_NAMES.en.overview,
  longGoal: TABLE_NAMES.en.longGoal,
  annualGoal: TABLE_NAMES.en.annualGoal,
  goalOfKind: (kind, n) =>
    `${{ long: 'Long-term', mid: 'Mid-term', period: 'Implementation-period', annual: 'Annual', overall: 'Overall' }[kind]} goal ${n ?? ''}`.trimEnd(),
  inherited: 'inherited from the merged cell above',
  fromBelow: 'from the label of the merged cell below',
  inferred: 'inferred from the 二级',
  measuredGoal: 'Goal this table measures',
  measuredGoals: 'Goals this table measures',
  noGoalInSection: 'No goal of this kind in the section',
  value: 'Target value',
  previous: 'Year before last',
  last: 'Last year',
  current: 'This year (target)',
  lowerBound: 'lower bound',
  upperBound: 'upper bound',
  exact: 'exact value',
  plain: 'target value (no comparator)',
  approx: 'approximate',
  textual: 'textual',
  placeholder: 'placeholder (no value)',
  empty: '(empty)',
  unitFromHeader: (u) => `unit from the header "单位：${u}"`,
  implementedBy: 'Tables implementing this goal',
  noTable: 'No indicator table for this goal',
  indicators: (n) => `${n} indicator${n === 1 ? '' : 's'}`,
  tableCount: (n) => `${n} table${n === 1 ? '' : 's'}`,
  problemCount: (n) => `${n} problem${n === 1 ? '' : 's'}`,
  goalPrefix: (n) => `Goal ${n}: `,
  overviewGoal: 'Matching goal in the overall targets',
  noGoal: 'No matching goal in the overall targets',
  byNumber: 'matched by number',
  byPosition: 'matched by position',
  textDiffers: 'text differs from the table header',
  fields: 'Header fields',
  indicatorTable: TABLE_NAMES.en.indicatorTable,
  fixAllOfKind: (code, n) => `Fix all ${n} ${code} problems in this file`,
  fixAll: 'Fix all safely fixable problems in this file',
  viewLimited: 'The file is over the size limit: no table view.',
  columnShort: { level1: 'Level 1', level2: 'Level 2', level3: 'Level 3', basis: 'Basis' },
  columnMeaning: {
    label: 'indicator label',
    level1: 'level-1 indicator (一级指标)',
    level2: 'level-2 indicator (二级指标)',
    level3: 'level-3 indicator (三级指标)',
    comparator: 'comparator',
    target: 'target value',
    unit: 'unit',
    previous: 'actual, year before last',
    last: 'actual, last year',
    actual: 'actual value',
    basis: 'basis of the target value',
    weight: 'weight (points)',
    score: 'score',
    reason: 'reason for a shortfall',
    extra: 'a column the template does not name',
  },
  columnNumber: (n) => `column ${n}`,
  cutShortHeader: 'the header label is cut short',
};

export type Labels = typeof ZH;

export function labels(locale: Locale): Labels {
  return locale === 'en' ? EN : ZH;
}

/**
 * The labels symbol names are made of, in every locale: the document's own words (长期目标1,
 * 整体绩效总目标), so searching the outline or Go to Symbol by what the page says always finds them.
 * An English UI adds its words in a symbol's detail (./features/document-symbols.ts).
 */
export const NAMES: Labels = ZH;

// Table names live in the core (the review report uses them too); re-exported for the features.
export { goalLabel, tableName } from './core/layout/names';
