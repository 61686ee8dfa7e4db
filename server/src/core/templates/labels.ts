/**
 * Labels shared by the families (docs/format.md §7.2–§7.4): the column labels of indicator tables,
 * the header-zone field labels, goal labels and the rows that close a table. A family file takes
 * these and adds its own; a label seen in a new template goes here when every family may use it.
 */
import type { ColumnSpec, FieldSpec, FooterSpec, GoalLabel } from './types';

export const COMMON_COLUMNS: readonly ColumnSpec[] = [
  {
    role: 'label',
    label: { exact: ['绩效指标', '年度绩效指标', '本年度绩效指标', '长期绩效指标', '中期绩效指标', '实施期绩效指标', '产出效益指标'], cutShort: true },
  },
  { role: 'level1', label: { exact: ['一级指标'], cutShort: true } },
  { role: 'level2', label: { exact: ['二级指标'], cutShort: true } },
  { role: 'level3', label: { exact: ['三级指标', '指标名称', '三级指标名称', '具体指标'], cutShort: true } },
  { role: 'comparator', label: { exact: ['指标性质', '计算符号', '比较符号', '指标方向'] } },
  {
    role: 'target',
    label: {
      exact: [
        '指标值',
        '指标值及单位',
        '目标值',
        '年度指标值',
        '年度目标值',
        '预期指标值',
        '预计当年实现值',
        '预期当年实现值',
        '当年指标值',
        '当年目标值',
        '计划值',
        '指标目标值',
        '预期目标值',
      ],
      re: [/^预[期计](\d{4}|当)年(度)?(实现|目标|指标)值$/, /^\d{4}年(度)?(目标|指标|预期)值$/],
      cutShort: true,
    },
  },
  { role: 'unit', label: { exact: ['度量单位', '计量单位', '单位'] } },
  { role: 'previous', label: { exact: ['前年', '前年实际值', '前年指标值', '前年实际完成值'] } },
  { role: 'last', label: { exact: ['上年', '上年实际值', '上年指标值', '上年实际完成值', '上年完成值'], re: [/^\d{4}年(度)?实际(实现|完成)?值$/] } },
  { role: 'actual', label: { exact: ['实际完成值', '完成值', '实际值', '实际完成情况', '全年实际值', '年度实际完成值'], cutShort: true } },
  {
    role: 'basis',
    label: {
      exact: ['指标值确定依据', '绩效标准', '指标标准或依据', '指标值说明', '指标解释', '备注', '指标值设定依据', '指标值确定依据及说明', '评分标准'],
      cutShort: true,
    },
  },
  { role: 'weight', label: { exact: ['分值', '权重', '指标分值', '分值权重', '权重分值'] } },
  { role: 'score', label: { exact: ['得分', '自评得分', '评分'] } },
  {
    role: 'reason',
    label: {
      exact: ['偏差原因分析及改进措施', '未完成原因分析', '偏差原因分析', '偏差原因', '原因分析', '偏差原因及改进措施', '未完成原因分析及改进措施'],
      cutShort: true,
    },
  },
];

export const COMMON_FIELDS: readonly FieldSpec[] = [
  { key: 'projectName', label: { exact: ['项目名称'] } },
  { key: 'departmentName', label: { exact: ['部门名称', '单位名称', '部门(单位)名称', '一级预算单位名称', '预算单位名称', '预算单位'] } },
  { key: 'department', label: { exact: ['主管部门', '主管部门及代码', '主管部门及其编码', '主管部门及编码', '项目主管部门', '主管单位'] } },
  { key: 'departmentCode', label: { exact: ['部门编码', '单位编码', '部门代码', '单位代码'] } },
  { key: 'implementer', label: { exact: ['实施单位', '项目实施单位', '实施单位(盖章)', '执行单位'] } },
  { key: 'manager', label: { exact: ['项目负责人', '负责人'] } },
  { key: 'contact', label: { exact: ['联系人'] } },
  { key: 'phone', label: { exact: ['联系电话', '电话'] } },
  { key: 'attribute', label: { exact: ['项目属性', '项目类型', '项目类别'] } },
  { key: 'period', label: { exact: ['项目期', '项目起止时间', '项目周期', '实施期限', '项目实施期'] } },
  { key: 'source', label: { exact: ['项目来源'] } },
  {
    key: 'funds',
    label: { exact: ['项目资金', '项目资金申请', '项目金额', '资金情况', '年度资金总额', '资金总额', '项目总金额', '年度预算数', '预算执行情况'] },
  },
  { key: 'duties', label: { exact: ['部门职能职责概述', '部门职能职责', '职能职责概述', '部门职责'] } },
  { key: 'overview', label: { exact: ['项目概况', '项目基本情况', '项目实施内容及过程概述'] } },
  { key: 'filler', label: { exact: ['填报单位', '填报单位(盖章)', '报表编号', '填报日期', '财务负责人'] } },
];

/** Goal labels of label/value goal cells and of goal header rows (`项目绩效目标 | 长期目标 | 年度目标`). */
export const COMMON_GOALS: readonly GoalLabel[] = [
  { label: { exact: ['长期目标', '长期绩效目标'] }, kind: 'long' },
  { label: { exact: ['中期目标', '中期绩效目标'] }, kind: 'mid' },
  { label: { exact: ['实施期绩效目标', '实施期目标', '整体目标'] }, kind: 'period' },
  {
    label: {
      exact: [
        '年度目标',
        '年度绩效目标',
        '年度绩效目标(文字)',
        '本年度绩效目标',
        '年度绩效总目标',
        '项目年度目标',
        '当年绩效目标',
        '年度总体目标',
        '年度履职目标',
      ],
      cutShort: true,
    },
    kind: 'annual',
  },
  { label: { exact: ['总体目标', '总体绩效目标', '绩效总目标'] }, kind: 'overall' },
];

/**
 * Goal labels of the self-evaluation tables: their goal header row (`年度总体目标 | 预期目标 | 实际完成情况`)
 * names the planned goal 预期目标 under a vertically merged 年度总体目标, whose own cell below is empty.
 */
export const SELF_EVALUATION_GOALS: readonly GoalLabel[] = [{ label: { exact: ['预期目标', '年度预期目标'] }, kind: 'annual' }, ...COMMON_GOALS];

export const COMMON_FOOTERS: readonly FooterSpec[] = [
  { kind: 'total', label: /^(合计|总分|总计|合计得分)$/ },
  { kind: 'conclusion', label: /^(评价结论|自评结论|总体评价|结论)$/ },
  { kind: 'problems', label: /^(存在问题|存在的问题|主要问题)$/ },
  { kind: 'improvement', label: /^(改进措施|改进意见|整改措施)$/ },
  { kind: 'note', label: /^(其他需说明的问题|其他需要说明的问题|其他说明的问题|填表说明)|^(备注|说明|注)([:：]|$)/ },
  { kind: 'signature', label: /(盖章|签字|签名)|^(项目负责人|财务负责人|填表人|审核人|单位负责人)[:：]|年\s*月\s*日$/ },
];
