/**
 * The indicator category frameworks (docs/format.md §5): which 一级 exist and which 二级 belong to
 * each. '2021' is the current national framework; '2015' the older local templates that put
 * 成本 under 产出 as a 二级. Data shared by the parser (a 一级 inferred from its 二级, §7.4) and
 * the category rules.
 */

import type { GoalTable } from '../model';

export type FrameworkId = '2021' | '2015';

/** The setting: one framework for every section, or `auto` (each section read by the framework its tables follow). */
export type FrameworkSetting = FrameworkId | 'auto';

export interface Framework {
  /** 一级 → its 二级 (canonical names, with the 指标 suffix). */
  level2: Record<string, readonly string[]>;
}

export const FRAMEWORKS: Record<FrameworkId, Framework> = {
  '2021': {
    level2: {
      成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
      产出指标: ['数量指标', '质量指标', '时效指标'],
      效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
      满意度指标: ['服务对象满意度指标'],
    },
  },
  '2015': {
    level2: {
      产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
      效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
      满意度指标: ['服务对象满意度指标'],
    },
  },
};

/** 二级 (canonical) → the 一级 that list it in any framework. */
const PARENTS = new Map<string, string[]>();
for (const fw of Object.values(FRAMEWORKS))
  for (const [l1, l2s] of Object.entries(fw.level2))
    for (const l2 of l2s) {
      const list = PARENTS.get(l2);
      if (!list) PARENTS.set(l2, [l1]);
      else if (!list.includes(l1)) list.push(l1);
    }

/** A compact label with the 指标 suffix (`数量` → `数量指标`). */
const withSuffix = (key: string) => (key.endsWith('指标') ? key : key + '指标');

/** The 一级 a 二级 label (compact) belongs to in either framework; [] when it names no known 二级. */
export function parentsOfLevel2(level2Key: string): readonly string[] {
  const s = withSuffix(level2Key);
  const known = PARENTS.get(s);
  if (known) return known;
  return s.endsWith('满意度指标') ? ['满意度指标'] : [];
}

/** Whether a 二级 may stand under a 一级 (both compact): an unknown 二级 may stand anywhere. */
export function fitsUnder(level2Key: string, level1Key: string): boolean {
  if (level2Key === '') return true;
  const parents = parentsOfLevel2(level2Key);
  return parents.length === 0 || parents.includes(withSuffix(level1Key));
}

/** Whether a label (compact) names a 一级 category in either framework (`产出指标`, `满意度`). */
export function isLevel1Name(key: string): boolean {
  const s = withSuffix(key);
  for (const fw of Object.values(FRAMEWORKS)) if (s in fw.level2) return true;
  return false;
}

/**
 * The framework a section's indicator tables follow: 2015 when they file 成本指标 as a 二级 under 产出指标
 * and nowhere as a 一级 (the older local templates, still in use: Hubei, Anhui and Hunan tables of 2022–2024
 * do it), else the current 2021 one. A section mixing both ways is read as 2021, so its 二级 成本指标 stays
 * reported.
 */
export function detectFramework(tables: readonly GoalTable[]): FrameworkId {
  let costAsLevel2 = false;
  for (let t = 0; t < tables.length; t++) {
    const rows = tables[t].rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const level1 = withSuffix(row.level1.key);
      if (level1 === '成本指标') return '2021';
      if (level1 === '产出指标' && withSuffix(row.level2.key) === '成本指标') costAsLevel2 = true;
    }
  }
  return costAsLevel2 ? '2015' : '2021';
}

/** The framework `setting` means for a section with these tables. */
export function frameworkFor(setting: FrameworkSetting, tables: readonly GoalTable[]): FrameworkId {
  return setting === 'auto' ? detectFramework(tables) : setting;
}
