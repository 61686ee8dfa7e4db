/**
 * The indicator category frameworks (docs/format.md §5): which 一级 exist and which 二级 belong to
 * each. '2021' is the current national framework; '2015' the older local templates that put
 * 成本 under 产出 as a 二级.
 */
import type { RuleContext } from '../types';
import { FRAMEWORKS, detectFramework, type Framework, type FrameworkId } from '../../templates/frameworks';
import { compact, detached } from './text';

export { FRAMEWORKS, type Framework } from '../../templates/frameworks';

/** The framework the section is checked by: the setting's, or with `auto` the one its tables follow (once per tree). */
export function frameworkId(ctx: RuleContext): FrameworkId {
  const setting = ctx.settings.framework;
  if (setting === '2021' || setting === '2015') return setting;
  return (ctx.memo.framework ??= detectFramework(ctx.section.tables));
}

export function framework(ctx: RuleContext): Framework {
  return FRAMEWORKS[frameworkId(ctx)];
}

/** A label normalised for lookup: no whitespace, half-width brackets, `指标` suffix added. */
export function withSuffix(label: string): string {
  const c = compact(label);
  return c.endsWith('指标') ? c : c + '指标';
}

/**
 * canonicalLevel1's answers per framework, by label text. Asked for the 一级 of every row that
 * states a 二级 (TT402) or a 一级 (TT401), it compacted the label, appended 指标 and looked the new
 * string up; labels are few and repeat. Bounded; keys detached from the document's text (text.ts).
 */
const LEVEL1 = new WeakMap<Framework, Map<string, string | null>>();
const MAX_LABELS = 10_000;

/** The canonical 一级 a label means (`满意度` → `满意度指标`), or null when it is not a 一级. */
export function canonicalLevel1(fw: Framework, label: string): string | null {
  let memo = LEVEL1.get(fw);
  if (memo === undefined) LEVEL1.set(fw, (memo = new Map()));
  const known = memo.get(label);
  if (known !== undefined) return known;
  if (memo.size >= MAX_LABELS) memo.clear();
  const s = withSuffix(label);
  // The answer may be the label itself (a slice of the document): kept detached, like the key.
  const level1 = s in fw.level2 ? detached(s) : null;
  memo.set(detached(label), level1);
  return level1;
}

export type Level2Check = { ok: true; canonical: string; suffixMissing: boolean } | { ok: false; belongsTo: string | null };

/** Whether a 二级 label belongs to a (canonical) 一级. */
export function checkLevel2(fw: Framework, level1: string, label: string): Level2Check {
  const c = compact(label);
  const s = withSuffix(c);
  const allowed = fw.level2[level1] ?? [];
  const suffixMissing = !c.endsWith('指标');
  if (allowed.includes(s)) return { ok: true, canonical: s, suffixMissing };
  // Under 满意度: any `…满意度指标` (宣传对象满意度指标, 满意度指标 …).
  if (level1 === '满意度指标' && s.endsWith('满意度指标')) return { ok: true, canonical: s, suffixMissing };
  return { ok: false, belongsTo: level1Of(fw, s) };
}

/**
 * Each 二级 of a framework → the first 一级 that lists it. Built once per framework: level1Of runs
 * for 二级 labels of every table (TT402, TT403) and searched Object.entries (a new array each call).
 */
const PARENTS = new WeakMap<Framework, Map<string, string>>();

function parents(fw: Framework): Map<string, string> {
  let m = PARENTS.get(fw);
  if (!m) {
    m = new Map();
    for (const [l1, l2s] of Object.entries(fw.level2)) for (const l2 of l2s) if (!m.has(l2)) m.set(l2, l1);
    PARENTS.set(fw, m);
  }
  return m;
}

/** The 一级 a 二级 name belongs to in the framework, if any. */
export function level1Of(fw: Framework, level2: string): string | null {
  const s = withSuffix(level2);
  const parent = parents(fw).get(s);
  if (parent !== undefined) return parent;
  if (s.endsWith('满意度指标') && '满意度指标' in fw.level2) return '满意度指标';
  return null;
}

/** Whether adding `指标` to a label gives a known 二级 name of the framework. */
export function isKnownLevel2(fw: Framework, label: string): boolean {
  return level1Of(fw, label) !== null;
}
