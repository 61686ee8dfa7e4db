/**
 * How the editor features name what they point at: a department, a table, a 一级/二级 and where it
 * comes from, an indicator's path, a table's column, a header-zone field. The hover and the inlay
 * hints share these, so a column is called the same in both.
 */
import type { ColumnRole } from '../core/templates/types';
import type { Field, Goal, GoalTable, HeaderColumn, IndicatorRow, LevelValue, SectionBody } from '../core/model';
import { sectionName, type Locale } from '../core/locale';
import { compact } from '../core/text';
import { tableName, type Labels } from '../i18n';

const SEP = ' › ';
const SHORT = 16;

/** Markdown-escapes text from the document. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

export function shorten(text: string, max = SHORT): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

export function colon(locale: Locale): string {
  return locale === 'en' ? ': ' : '：';
}

export function paren(text: string, locale: Locale): string {
  return locale === 'en' ? ` (${text})` : `（${text}）`;
}

/** A goal table with its goal: `长期目标2：加强人员管理…`. */
export function tableLabel(t: GoalTable, L: Labels, locale: Locale): string {
  const name = tableName(t, L);
  return t.goalText ? `${name}${colon(locale)}${shorten(t.goalText)}` : name;
}

/** A 一级 or 二级 in Markdown, with where an inherited one comes from: `产出指标_（沿用上方合并单元格）_`. */
export function levelMarkdown(v: LevelValue, L: Labels, locale: Locale): string {
  if (!v.text) return md(L.empty);
  if (!v.inherited) return md(v.text);
  const how = v.origin === 'below' ? L.fromBelow : v.origin === 'inferred' ? L.inferred : L.inherited;
  return locale === 'en' ? `${md(v.text)} _(${md(how)})_` : `${md(v.text)}_（${md(how)}）_`;
}

/** An indicator row's place in the document, in Markdown: `**部门** › 长期目标2：… › 产出指标 › 数量指标 › **三级**`. */
export function indicatorPath(body: SectionBody, table: GoalTable, row: IndicatorRow, L: Labels, locale: Locale): string {
  return [
    `**${md(sectionName(body, locale))}**`,
    md(tableLabel(table, L, locale)),
    levelMarkdown(row.level1, L, locale),
    levelMarkdown(row.level2, L, locale),
    `**${md(row.level3.text || L.empty)}**`,
  ].join(SEP);
}

/** Joins the parts of a path in Markdown. */
export function pathOf(parts: readonly string[]): string {
  return parts.join(SEP);
}

/** A column of a goal or indicator table as the UI names it. */
export interface ColumnName {
  role: ColumnRole;
  /** The short name: the header's own label in a header-driven table (`完成值`), §3's fixed names (一级, 前年, 当年目标). */
  name: string;
  /** The full name, for a tooltip: the header's whole label, §3's 一级指标, 指标值确定依据. */
  title: string;
  /** What the column holds where the title does not say it in our words (`2021年实际实现值` → 上年实际值); else ''. */
  meaning: string;
  /** The header label was cut short by Word (`绩`, `一级`). */
  cutShort: boolean;
}

function headerAt(headers: readonly HeaderColumn[], index: number): HeaderColumn | undefined {
  // Header columns are listed in column order, one per index; look further only if a map skipped one.
  const h = headers[index];
  return h && h.index === index ? h : headers.find((x) => x.index === index);
}

/** The role of column `index` in a §3 table, whose columns are fixed (docs/format.md §3). */
function fixedRole(t: GoalTable, index: number): ColumnRole | null {
  const c = t.columns;
  if (index === c.label) return 'label';
  if (index === c.level1) return 'level1';
  if (index === c.level2) return 'level2';
  if (index === c.level3) return 'level3';
  if (index === c.previous) return 'previous';
  if (index === c.last) return 'last';
  if (index === c.target) return 'target';
  if (index === c.basis) return 'basis';
  return null;
}

/**
 * Column `index` of a table, or null for a cell beyond its columns. A header-driven table's
 * columns are named by its header row as the document writes it; §3's by fixed names, those the
 * hover reads a row back with (前年, 上年, 当年目标, 指标值).
 */
export function columnName(t: GoalTable, index: number, L: Labels): ColumnName | null {
  const headers = t.columns.headers;
  if (headers) {
    const h = headerAt(headers, index);
    if (!h) return null;
    const label = compact(h.label);
    const meaning = L.columnMeaning[h.role];
    if (label === '') return { role: h.role, name: L.columnNumber(index + 1), title: L.columnNumber(index + 1), meaning, cutShort: false };
    return { role: h.role, name: label, title: label, meaning: label.includes(meaning) ? '' : meaning, cutShort: h.cutShort };
  }
  const role = fixedRole(t, index);
  if (!role) return null;
  let name: string;
  let title: string = L.columnMeaning[role];
  if (role === 'label') name = title = L.indicatorTable(t.kind);
  else if (role === 'target') name = title = t.kind === 'annual' ? L.current : L.value;
  else if (role === 'previous') name = L.previous;
  else if (role === 'last') name = L.last;
  else name = L.columnShort[role] ?? title;
  return { role, name, title, meaning: '', cutShort: false };
}

/** A header-zone field as the outline lists it: `项目名称`, a grid's `总额 · 年初预算`. */
export function fieldName(f: Field): string {
  return (f.group ? compact(f.group.text) + ' · ' : '') + (compact(f.label.text) || '—');
}

/** A header-driven section's goal by the label the document gives it (`年度绩效目标(文字)`), without its number. */
export function goalName(g: Goal): string {
  return compact(g.label.text).replace(/[:：]$/, '');
}
