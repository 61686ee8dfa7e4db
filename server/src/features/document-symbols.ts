/**
 * Outline: departments → 整体绩效总目标 (its goals) and each goal table → indicators; a section of
 * another template (docs/format.md §7) → its header fields, its goals and its indicator tables.
 * Each symbol's range covers its whole block (so breadcrumbs follow the cursor) and its
 * selection range is the name inside it.
 *
 * Names are the document's own words in every locale (`NAMES`: 长期目标1, 整体绩效总目标), so the
 * outline and Go to Symbol find a symbol by what the page says; an English UI gets its words in the
 * detail (`Long-term goal 1: …`). A symbol directly under a section carries the section's name
 * (`长期目标1 — 武汉市东西湖区教育局`): VS Code's Go to Symbol (`@`) shows a symbol's name and, as its
 * description, its parent's name only (the outline model's `containerName`, not the detail), so without
 * it `@满意度` listed one identical `满意度  年度目标2` row per department.
 *
 * Kinds, for their icons (codicons) and the groups of `@:`:
 * * a section (department or project): File, a page: one submission's form;
 * * 整体绩效总目标 and 基本信息: Namespace, `{}`: groups of goals or of fields;
 * * a goal: String, text (as Markdown's headings): a goal is a sentence (it was Event, a lightning bolt);
 * * an indicator table: Struct, the structure glyph: 一级 › 二级 › 三级;
 * * an indicator: Field, a row's entry with its value as detail;
 * * a header field (项目名称, 主管部门 …): Property, a property of the section, not one of its indicators.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { BodyCache } from '../core/body-cache';
import type { DocumentModel, Field, Goal, GoalTable, OverviewGoal, Range, SectionRef } from '../core/model';
import { isListedSection } from '../core/parse/section';
import { absRange, comparePositions, sectionRange } from '../core/model';
import { NAMES, goalLabel, labels, tableName, type Labels } from '../i18n';
import { sectionName, type Locale } from '../core/locale';

export const SECTION_KIND = SymbolKind.File;
export const GROUP_KIND = SymbolKind.Namespace;
export const GOAL_KIND = SymbolKind.String;
export const TABLE_KIND = SymbolKind.Struct;
export const INDICATOR_KIND = SymbolKind.Field;
export const HEADER_FIELD_KIND = SymbolKind.Property;
import { fieldName, goalName } from './naming';

/** The selection range clamped into the range (clients reject a selection outside its symbol). */
function within(range: Range, sel: Range): Range {
  const clamp = (p: Range['start']) => (comparePositions(p, range.start) < 0 ? range.start : comparePositions(p, range.end) > 0 ? range.end : p);
  const start = clamp(sel.start);
  const end = clamp(sel.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start, end: start };
}

function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children?: DocumentSymbol[]): DocumentSymbol {
  const s: DocumentSymbol = { name: name.trim() || '-', kind, range, selectionRange: within(range, selection) };
  if (detail) s.detail = detail;
  if (children) s.children = children;
  return s;
}

/** What the outline of one department is built with: the UI's labels, and the section's name for its direct children. */
interface Naming {
  /** Labels of the UI's language: for details only (names are `NAMES`). */
  L: Labels;
  en: boolean;
  /** ` — 武汉市东西湖区教育局`, after the name of each symbol directly under the section. */
  where: string;
}

/** A detail in the UI's language: in English the English label first (the name says it in Chinese). */
function detailOf(n: Naming, english: string, text: string | undefined): string | undefined {
  if (!n.en) return text || undefined;
  return text ? `${english}: ${text}` : english;
}

function goalSymbol(ref: SectionRef, g: OverviewGoal, n: Naming): DocumentSymbol {
  const range = absRange(ref, g.cell.range);
  return symbol(goalLabel(g.kind, g.number, NAMES), detailOf(n, goalLabel(g.kind, g.number, n.L), g.text), GOAL_KIND, range, range);
}

/** A goal of a header-driven section, named by its label as the document writes it (`年度绩效目标(文字)1`). */
function headerGoalSymbol(ref: SectionRef, g: Goal, n: Naming): DocumentSymbol {
  const name = goalName(g) + (g.number ?? '');
  return symbol(name + n.where, detailOf(n, n.L.goalOfKind(g.kind, g.number), g.text), GOAL_KIND, absRange(ref, g.range), absRange(ref, g.range));
}

/** The header zone's fields (项目名称, 主管部门 …) under one symbol. */
function fieldsSymbol(ref: SectionRef, fields: readonly Field[], n: Naming): DocumentSymbol {
  const children = fields.map((f) => {
    const name = fieldName(f);
    // A grid's value sits rows below its column label: the field is where its value is.
    if (f.group) return symbol(name, f.value?.text || undefined, HEADER_FIELD_KIND, absRange(ref, f.value!.range), absRange(ref, f.value!.range));
    const range = absRange(ref, f.value ? { start: f.label.range.start, end: f.value.range.end } : f.label.range);
    return symbol(name, f.value?.text || undefined, HEADER_FIELD_KIND, range, absRange(ref, f.label.range));
  });
  const range = { start: children[0].range.start, end: children[children.length - 1].range.end };
  return symbol(NAMES.fields + n.where, detailOf(n, n.L.fields, undefined), GROUP_KIND, range, children[0].selectionRange, children);
}

function tableSymbol(ref: SectionRef, t: GoalTable, n: Naming, withIndicators: boolean): DocumentSymbol {
  const name = tableName(t, NAMES) + n.where;
  const detail = detailOf(n, tableName(t, n.L), t.goalText);
  if (!withIndicators) return symbol(name, detail, TABLE_KIND, absRange(ref, t.range), absRange(ref, t.headerCell.range));
  const indicators = t.rows.map((r) => {
    const range = absRange(ref, r.range);
    return symbol(r.level3.text || NAMES.empty, r.target.raw || undefined, INDICATOR_KIND, range, absRange(ref, r.level3.range));
  });
  return symbol(name, detail, TABLE_KIND, absRange(ref, t.range), absRange(ref, t.headerCell.range), indicators);
}

/**
 * How much of a department the outline shows: 2 = everything (goals, tables and their
 * indicators), 1 = goals and tables without indicators, 0 = the department alone.
 */
export type OutlineDetail = 0 | 1 | 2;

/** A department's outline, kept per section body for the start line it was made for. */
interface DepartmentOutline {
  startLine: number;
  /** Symbol counts at detail 0, 1 and 2 (known without building the symbols). */
  counts: [number, number, number];
  /** The department's symbol at each detail, built on first use. */
  symbols: [DocumentSymbol | undefined, DocumentSymbol | undefined, DocumentSymbol | undefined];
  /** Its UTF-8 JSON at each detail, built on first use (sent as is, see ./publish-encoder.ts). */
  json: [Buffer | undefined, Buffer | undefined, Buffer | undefined];
}

/**
 * Editors ask for the outline after every edit (VS Code: outline, breadcrumbs, sticky scroll).
 * A department's symbols are kept per section body with the start line they were made for,
 * so after a keystroke only the edited department (and departments whose start line moved) are
 * rebuilt, and only at the detail that is shown.
 */
const outlinesByLocale: Record<Locale, BodyCache<DepartmentOutline>> = { zh: new BodyCache(), en: new BodyCache() };

function departmentOutline(ref: SectionRef, locale: Locale): DepartmentOutline {
  const cache = outlinesByLocale[locale];
  let c = cache.get(ref.body);
  if (!c || c.startLine !== ref.startLine) {
    const body = ref.body;
    let goals = 0;
    for (const r of body.overview?.rows ?? []) goals += (r.long ? 1 : 0) + (r.annual ? 1 : 0);
    let indicators = 0;
    for (const t of body.tables) indicators += t.rows.length;
    const fields = body.fields.length ? 1 + body.fields.length : 0;
    const level1 = 1 + (body.overview ? 1 + goals : 0) + fields + body.goals.length + body.tables.length;
    c = {
      startLine: ref.startLine,
      counts: [1, level1, level1 + indicators],
      symbols: [undefined, undefined, undefined],
      json: [undefined, undefined, undefined],
    };
    cache.set(body, c);
  }
  return c;
}

function symbolAt(ref: SectionRef, c: DepartmentOutline, detail: OutlineDetail, locale: Locale): DocumentSymbol {
  return (c.symbols[detail] ??= departmentSymbol(ref, locale, detail));
}

function jsonAt(ref: SectionRef, c: DepartmentOutline, detail: OutlineDetail, locale: Locale): Buffer {
  return (c.json[detail] ??= Buffer.from(JSON.stringify(symbolAt(ref, c, detail, locale)), 'utf8'));
}

/**
 * The detail of each department when the whole outline would have more than `max` symbols (0 =
 * no limit). Every department is listed; the focus department (the cursor's, for breadcrumbs and
 * sticky scroll) shows everything; then departments around it get their goals and tables, then
 * their indicators, nearest first, while the budget lasts.
 */
export function outlineDetails(counts: readonly (readonly [number, number, number])[], focus: number, max: number): OutlineDetail[] {
  const n = counts.length;
  let total = 0;
  for (const c of counts) total += c[2];
  if (max <= 0 || total <= max) return new Array<OutlineDetail>(n).fill(2);
  const details = new Array<OutlineDetail>(n).fill(0);
  if (n === 0) return details;
  let used = n;
  const f = Math.max(0, Math.min(n - 1, focus));
  details[f] = 2;
  used += counts[f][2] - counts[f][0];
  for (const level of [1, 2] as const) {
    // nearest first: f, f+1, f-1, f+2, …; a department that does not fit is skipped, farther ones may
    for (let d = 0; d < n; d++) {
      for (const k of d === 0 ? [f] : [f + d, f - d]) {
        if (k < 0 || k >= n || details[k] >= level) continue;
        const cost = counts[k][level] - counts[k][details[k]];
        if (used + cost <= max) {
          used += cost;
          details[k] = level;
        }
      }
    }
  }
  return details;
}

export interface Outline {
  symbols: DocumentSymbol[];
  /** The same symbols as UTF-8 JSON pieces (one per department), for the encoder. */
  pieces: Buffer[];
  /** Whether some department is shown with less than all its symbols. */
  limited: boolean;
}

/**
 * The outline: departments → 整体绩效总目标 (its goals) and each goal table → indicators, at most
 * `maxItems` symbols (0 = no limit) as explained at `outlineDetails`. Encoding a big outline was
 * most of a request's cost, so each department's JSON is kept with its symbols and a request only
 * joins them.
 */
export function documentOutline(model: DocumentModel, locale: Locale, focusLine = 0, maxItems = 0, encode = false): Outline {
  // Text before the first title is no department unless it holds a table (its title was not exported); a title
  // with nothing under it (a heading) is none either.
  const refs = model.sections.filter((ref) => isListedSection(ref.body));
  const outlines = refs.map((ref) => departmentOutline(ref, locale));
  let focus = 0;
  while (focus + 1 < refs.length && refs[focus + 1].startLine <= focusLine) focus++;
  const details = outlineDetails(
    outlines.map((o) => o.counts),
    focus,
    maxItems,
  );
  const symbols: DocumentSymbol[] = [];
  const pieces: Buffer[] = [];
  let limited = false;
  for (let i = 0; i < outlines.length; i++) {
    symbols.push(symbolAt(refs[i], outlines[i], details[i], locale));
    if (encode) pieces.push(jsonAt(refs[i], outlines[i], details[i], locale));
    if (details[i] !== 2 && outlines[i].counts[details[i]] !== outlines[i].counts[2]) limited = true;
  }
  return { symbols, pieces, limited };
}

function departmentSymbol(ref: SectionRef, locale: Locale, detail: OutlineDetail): DocumentSymbol {
  const body = ref.body;
  const title = body.title;
  const name = sectionName(body, 'zh');
  const range = absRange(ref, sectionRange(body));
  // A table whose title was not exported: its symbol is named at its first line.
  const selection = absRange(ref, title?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: body.lines[0].length } });
  if (detail === 0) return symbol(name, undefined, SECTION_KIND, range, selection);
  const n: Naming = { L: labels(locale), en: locale === 'en', where: ` — ${name}` };
  const children: DocumentSymbol[] = [];
  if (body.overview) {
    const goals: DocumentSymbol[] = [];
    for (const r of body.overview.rows) {
      if (r.long) goals.push(goalSymbol(ref, r.long, n));
      if (r.annual) goals.push(goalSymbol(ref, r.annual, n));
    }
    const ov = body.overview;
    const first = ov.headerRow.cells.find((c) => c.text !== '') ?? ov.headerRow.cells[0];
    children.push(
      symbol(NAMES.overview + n.where, detailOf(n, n.L.overview, undefined), GROUP_KIND, absRange(ref, ov.range), absRange(ref, first.range), goals),
    );
  }
  if (body.fields.length) children.push(fieldsSymbol(ref, body.fields, n));
  for (const g of body.goals) children.push(headerGoalSymbol(ref, g, n));
  for (const t of body.tables) children.push(tableSymbol(ref, t, n, detail === 2));
  return symbol(name, undefined, SECTION_KIND, range, selection, children);
}
