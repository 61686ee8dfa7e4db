/** Small hand-written fixtures: `→` stands for a TAB, as in docs/format.md's excerpts. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
export const SAMPLE_PATH = path.join(FIXTURES, 'dongxihu-overall-targets.txt');

let sample: string | undefined;
export function sampleText(): string {
  sample ??= fs.readFileSync(SAMPLE_PATH, 'utf8');
  return sample;
}

/** Turns `→` into TAB and drops the first newline of a template literal. */
export function fx(text: string): string {
  return text.replace(/^\n/, '').replace(/→/g, '\t');
}

/** A minimal complete department: title, unit, overview with one goal per column, one table of each kind. */
export function department(name = '武汉市东西湖区测试局'): string {
  return fx(`
→${name}整体支出绩效目标表

→

→                单位：万元

→整体绩效总目标
→长期目标（截至2028年）
→年度目标

→
→目标1：长期目标甲。
→目标1：年度目标甲。

→长期目标1：
→长期目标甲。

→长期绩效指标
→一级指标
→二级指标
→三级指标
→指标值
→指标值确定依据

→
→成本指标
→经济成本指标
→办公经费
→≤10
→计划数据

→
→产出指标
→数量指标
→培训场次
→≥2场
→计划数据

→
→
→质量指标
→培训合格率
→100%
→计划数据

→年度目标1：
→年度目标甲。

→年度绩效指标
→一级指标
→二级指标
→三级指标
→指标值
→指标值确定依据

→
→
→
→
→近两年指标值
→预计当年实现值
→

→
→
→
→
→前年
→上年
→
→

→
→产出指标
→数量指标
→培训场次
→1场
→2场
→≥3场
→计划数据

→
→满意度指标
→服务对象满意度指标
→服务对象满意度
→90%
→92%
→≥90%
→问卷调查
`);
}
