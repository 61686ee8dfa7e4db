/**
 * Completion in indicator tables (§3's and header-driven ones alike: the column comes from the
 * table's `ColumnMap`, ./table-row-at.ts):
 *  - in a 一级 cell, the 一级 categories of the settings' framework (with `auto`, the one the section's tables
 *    follow, as its problems are checked); in a 二级 cell, the 二级 of
 *    the row's 一级 (its own, or the merged cell's it inherits; all 二级 when the row has none yet);
 *  - at the start of a target value, the comparators ≥ ≤ = > <, the one the indicator's direction
 *    wants first (cost ceilings, bad rates and deadlines ≤; good rates and satisfaction ≥: the same
 *    classification as rule TT202); in a comparator cell of its own (计算符号), those and 定性;
 *  - after a number in a value cell (指标值, 前年, 上年, 完成值 …) or in a unit cell of its own
 *    (度量单位), the units usual for the indicator (./unit-suggestions.ts).
 * Anywhere else: nothing. An edit replaces text of the cursor's line only, never the cell's TAB.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { Locale } from '../core/locale';
import { sectionIndexAt, type Cell, type ColumnMap, type DocumentModel, type IndicatorRow, type SectionBody, type SectionRef, type Value } from '../core/model';
import { isSpace } from '../core/parse/cell';
import { parseValue, unitFromName } from '../core/parse/value';
import { directionClass } from '../core/rules/util/indicators';
import { FRAMEWORKS, frameworkFor, type FrameworkId, type FrameworkSetting } from '../core/templates/frameworks';
import { compact } from '../core/text';
import { sectionAt } from './locate';
import { cellStart, tableRowAt, type TableRowAt } from './table-row-at';
import { suggestUnits, unitReason } from './unit-suggestions';

type CellRole = 'level1' | 'level2' | 'comparator' | 'unit' | 'target' | 'previous' | 'last' | 'actual';

/** The value columns whose numbers take a unit (分值 and 得分 are points). */
const VALUE_ROLES: readonly CellRole[] = ['target', 'previous', 'last', 'actual'];

function roleOf(cols: ColumnMap, index: number): CellRole | null {
  const order: CellRole[] = ['level1', 'level2', 'comparator', 'unit', 'target', 'previous', 'last', 'actual'];
  for (const r of order) if (cols[r] === index) return r;
  return null;
}

/** A weight or a required-field marker after a category label: `产出指标(50分)`, `时效指标(必填)`. */
const LEVEL_MARKER = /[(（]\s*(必填|选填|\d+(\.\d+)?\s*分?)\s*[)）]$/;

/** A category label as the framework names it (`产出` → `产出指标`), or null when it names none. */
function canonicalLevel1(text: string, framework: FrameworkId): string | null {
  const key = compact(text).replace(LEVEL_MARKER, '');
  if (key === '') return null;
  const name = key.endsWith('指标') ? key : key + '指标';
  return name in FRAMEWORKS[framework].level2 ? name : null;
}

/** The 一级 the row stands under: its own cell, the merged cell it inherits, or the nearest row above that has one. */
function rowLevel1(at: TableRowAt, framework: FrameworkId): string | null {
  const cols = at.table.columns;
  const own = cols.level1 >= 0 ? at.row.cells[cols.level1] : undefined;
  if (own && own.text !== '') return canonicalLevel1(own.text, framework);
  // Inferred from the 二级 being typed would be circular: only a stated 一级 counts.
  const stated = (r: IndicatorRow) => (r.level1.text !== '' && r.level1.origin !== 'inferred' ? r.level1.text : null);
  if (at.indicator) {
    const l1 = stated(at.indicator);
    if (l1) return canonicalLevel1(l1, framework);
  }
  const start = at.row.range.start.line;
  let best: { line: number; text: string } | null = null;
  for (const r of at.table.rows) {
    const line = r.range.start.line;
    const text = stated(r);
    if (line < start && text && (!best || line > best.line)) best = { line, text };
  }
  for (const r of at.table.unfilled) {
    const line = r.range.start.line;
    const text = cols.level1 >= 0 ? (r.cells[cols.level1]?.text ?? '') : '';
    if (line < start && text !== '' && (!best || line > best.line)) best = { line, text };
  }
  return best ? canonicalLevel1(best.text, framework) : null;
}

/** From the first non-blank character after `from` (but not past the cursor) to the end of the line. */
function cellTextRange(line: string, lineNo: number, from: number, cursor: number): Range {
  let s = from;
  while (s < line.length && isSpace(line.charCodeAt(s))) s++;
  return { start: { line: lineNo, character: Math.min(s, cursor) }, end: { line: lineNo, character: Math.max(line.length, cursor) } };
}

function item(label: string, kind: CompletionItemKind, detail: string, documentation: string | null, order: number, range: Range): CompletionItem {
  const it: CompletionItem = {
    label,
    kind,
    detail,
    // VS Code's filter matches the text typed in the range against filterText: the label itself,
    // so a partly typed Chinese name (`产出`, `数量`) narrows the list.
    filterText: label,
    sortText: String(order).padStart(3, '0'),
    textEdit: { range, newText: label },
  };
  if (documentation) it.documentation = { kind: MarkupKind.Markdown, value: documentation };
  return it;
}

function level1Items(framework: FrameworkId, locale: Locale, range: Range): CompletionItem[] {
  const en = locale === 'en';
  return Object.entries(FRAMEWORKS[framework].level2).map(([name, level2], i) =>
    item(
      name,
      CompletionItemKind.EnumMember,
      en ? `一级 (level-1) category, ${framework} framework` : `一级指标（${framework} 年框架）`,
      en ? `Its 二级: ${level2.join(', ')}` : `二级指标：${level2.join('、')}`,
      i,
      range,
    ),
  );
}

function level2Items(parent: string | null, framework: FrameworkId, locale: Locale, range: Range): CompletionItem[] {
  const en = locale === 'en';
  const fw = FRAMEWORKS[framework].level2;
  const groups = parent ? [[parent, fw[parent]] as const] : Object.entries(fw);
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const [l1, names] of groups) {
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      const doc = parent
        ? en
          ? `The row's 一级 is ${parent} (${framework} framework).`
          : `本行一级指标为“${parent}”（${framework} 年框架）。`
        : en
          ? `The row has no 一级 yet: every 二级 of the ${framework} framework.`
          : `本行尚无一级指标：列出 ${framework} 年框架的全部二级指标。`;
      out.push(item(name, CompletionItemKind.EnumMember, en ? `二级 (level-2) category under ${l1}` : `二级指标 · ${l1}`, doc, out.length, range));
    }
  }
  return out;
}

type Preferred = { comparator: '≥' | '≤'; why: { zh: string; en: string } } | null;

const WHY: Record<string, { zh: string; en: string }> = {
  cost: { zh: '成本指标设上限（≤）', en: 'a cost is a ceiling (≤)' },
  'bad-rate': { zh: '该比率越低越好，设上限（≤）', en: 'a rate of bad events is a ceiling (≤)' },
  deadline: { zh: '时限、响应时间设上限（≤）', en: 'a deadline or response time is a ceiling (≤)' },
  'good-rate': { zh: '该比率越高越好，设下限（≥）', en: 'a rate of good outcomes is a floor (≥)' },
  satisfaction: { zh: '满意度设下限（≥）', en: 'satisfaction is a floor (≥)' },
};

/** The comparator the indicator's direction wants (as rule TT202 reads it), if it has one. */
function preferredComparator(at: TableRowAt): Preferred {
  if (at.indicator) {
    const cls = directionClass(at.indicator, at.indicator.target);
    if (!cls) return null;
    return { comparator: cls === 'good-rate' || cls === 'satisfaction' ? '≥' : '≤', why: WHY[cls] };
  }
  const cols = at.table.columns;
  const level = (i: number) => (i >= 0 ? (at.row.cells[i]?.text ?? '') : '');
  return level(cols.level1).includes('成本') || level(cols.level2).includes('成本') ? { comparator: '≤', why: WHY.cost } : null;
}

const COMPARATORS: readonly { symbol: string; zh: string; en: string }[] = [
  { symbol: '≥', zh: '大于或等于，即“以上”：下限', en: 'at least (以上): a lower bound' },
  { symbol: '≤', zh: '小于或等于，即“以下、以内”：上限', en: 'at most (以下 / 以内): an upper bound' },
  { symbol: '=', zh: '等于：精确值', en: 'exactly: an exact value' },
  { symbol: '>', zh: '大于（不含本数），即“超过”', en: 'more than (exclusive)' },
  { symbol: '<', zh: '小于（不含本数），即“不足”', en: 'less than (exclusive)' },
];
const QUALITATIVE = { symbol: '定性', zh: '定性指标：指标值为文字描述', en: 'qualitative: the value is a description' };

function comparatorItems(at: TableRowAt, locale: Locale, range: Range, withQualitative: boolean): CompletionItem[] {
  const en = locale === 'en';
  const preferred = preferredComparator(at);
  const list = [...COMPARATORS];
  if (preferred) list.sort((a, b) => (a.symbol === preferred.comparator ? -1 : b.symbol === preferred.comparator ? 1 : 0));
  if (withQualitative) list.push(QUALITATIVE);
  return list.map((c, i) => {
    const why = preferred && c.symbol === preferred.comparator ? (en ? `Suggested: ${preferred.why.en}.` : `建议：${preferred.why.zh}。`) : null;
    return item(c.symbol, CompletionItemKind.Operator, en ? c.en : c.zh, why, i, range);
  });
}

/** The values of the row other than the cell being edited (their units tell the indicator's unit). */
function otherValues(at: TableRowAt, editing: Cell): (Value | null)[] {
  const r = at.indicator;
  if (r) return [r.previous, r.last, r.target, r.actual].filter((v) => v !== null && v.cell !== editing && v.parts?.unit !== editing);
  const cols = at.table.columns;
  const out: Value[] = [];
  for (const role of VALUE_ROLES) {
    const i = cols[role];
    const cell = i === null || i === undefined || i < 0 ? undefined : at.row.cells[i];
    if (cell && cell !== editing && cell.text !== '') out.push(parseValue(cell));
  }
  return out;
}

function unitItems(ref: SectionRef, model: DocumentModel, at: TableRowAt, editing: Cell, locale: Locale, range: Range): CompletionItem[] {
  const body = ref.body;
  const cols = at.table.columns;
  const level3 = at.indicator?.level3 ?? (cols.level3 >= 0 ? at.row.cells[cols.level3] : undefined);
  const level = (i: number, v: string | undefined) => compact(v ?? (i >= 0 ? (at.row.cells[i]?.text ?? '') : ''));
  const units = suggestUnits(
    {
      name: level3?.text ?? '',
      level1: level(cols.level1, at.indicator?.level1.text),
      level2: level(cols.level2, at.indicator?.level2.text),
      nameUnit: level3 ? (unitFromName(level3)?.text ?? null) : null,
      rowValues: otherValues(at, editing),
      moneyUnit: body.moneyUnit,
    },
    model.sections,
    sectionIndexAt(model.sections, ref.startLine),
  );
  return units.map((u, i) => item(u.unit, CompletionItemKind.Unit, unitReason(u, locale, body.moneyUnit), null, i, range));
}

const COMPARATOR_AT = /^(?:>=|<=|[≥≤><=≧≦＞＜＝⩾⩽])/;
const BLANK = /^[\s\u3000]*$/;
/** What may follow the cursor where a comparator goes: nothing, a comparator, or a number. */
const BEFORE_NUMBER = /^[\s\u3000]*(?:$|>=|<=|[≥≤><=≧≦＞＜＝⩾⩽0-9０-９])/;
/**
 * The cell's text up to the cursor is a number (after a comparator, a year, or as a range's upper
 * bound), then the unit typed so far (group 1).
 */
const NUMBER_THEN_UNIT =
  /^[\s\u3000]*(?:>=|<=|[≥≤><=≧≦＞＜＝⩾⩽《》])?[\s\u3000]*(?:[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?)?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[\s\u3000]*[-~～至—][\s\u3000]*[0-9０-９]+(?:[.．][0-9０-９]+)?)?([^\s\d０-９.．]*)$/;
/** The qualifier after a unit (`90%以上`): a unit being replaced stops before it. */
const QUALIFIER = /^(?:及以上|及以下|以上|以下|以内|左右)/;

/** How many characters of an existing unit follow the cursor (they are replaced with the chosen one). */
function unitTail(after: string): number {
  let n = 0;
  while (n < after.length && !isSpace(after.charCodeAt(n)) && !/[0-9０-９]/.test(after[n]) && !QUALIFIER.test(after.slice(n))) n++;
  return n;
}

/** Whether all of a cell's text is on one line (or it has none). */
function textOnlyOn(cell: Cell, rel: number): boolean {
  for (const p of cell.paragraphs) if (p.line !== rel && p.raw.trim() !== '') return false;
  return true;
}

/** Completion items at a position of the document (LSP positions). Never throws on any text. */
export function completionsAt(model: DocumentModel, position: Position, frameworkSetting: FrameworkSetting, locale: Locale): CompletionItem[] {
  const ref = sectionAt(model, position.line);
  if (!ref) return [];
  const body: SectionBody = ref.body;
  const rel = position.line - ref.startLine;
  const line = body.lines[rel];
  if (line === undefined || line === '' || position.character < 0 || position.character > line.length) return [];
  const at = tableRowAt(body, rel);
  if (!at || at.header || at.cellIndex < 0) return [];
  const cell = at.row.cells[at.cellIndex];
  const start = cellStart(cell);
  const onFirstLine = start.line === rel;
  const textStart = onFirstLine ? start.character : 0;
  const cursor = position.character;
  if (cursor < textStart) return [];
  const role = roleOf(at.table.columns, at.cellIndex);
  // A cell whose text runs over several lines (a wrapped `服务对象⏎满意度指标`, a padded repeated label):
  // an edit of one line would leave the rest of the text beside the new one.
  if (role === null || !textOnlyOn(cell, rel)) return [];
  const lineNo = position.line;
  const cols = at.table.columns;
  // The section's own framework under `auto`, as its problems are checked (rules/util/categories.ts).
  const framework = frameworkFor(frameworkSetting, body.tables);

  switch (role) {
    case 'level1':
      return level1Items(framework, locale, cellTextRange(line, lineNo, textStart, cursor));
    case 'level2':
      return level2Items(rowLevel1(at, framework), framework, locale, cellTextRange(line, lineNo, textStart, cursor));
    case 'comparator':
      return comparatorItems(at, locale, cellTextRange(line, lineNo, textStart, cursor), true);
    case 'unit':
      return unitItems(ref, model, at, cell, locale, cellTextRange(line, lineNo, textStart, cursor));
  }
  const before = line.slice(textStart, cursor);
  const after = line.slice(cursor);
  const ownComparator = cols.comparator !== null && cols.comparator !== undefined && cols.comparator >= 0;
  const ownUnit = cols.unit !== null && cols.unit !== undefined && cols.unit >= 0;
  if (role === 'target' && !ownComparator && onFirstLine && BLANK.test(before) && BEFORE_NUMBER.test(after)) {
    const existing = COMPARATOR_AT.exec(after)?.[0].length ?? 0;
    return comparatorItems(at, locale, { start: { line: lineNo, character: cursor }, end: { line: lineNo, character: cursor + existing } }, false);
  }
  const m = ownUnit ? null : NUMBER_THEN_UNIT.exec(before);
  if (m && !/^[0-9０-９.．]/.test(after)) {
    const typed = m[1].length;
    return unitItems(ref, model, at, cell, locale, {
      start: { line: lineNo, character: cursor - typed },
      end: { line: lineNo, character: cursor + unitTail(after) },
    });
  }
  return [];
}
