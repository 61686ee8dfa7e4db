/** Small helpers shared by the rules: text normalisation, cell offsets, iteration over values. */
import type { Cell, GoalTable, IndicatorRow, Position, Range, SectionBody, Value } from '../../model';
import { cellRange } from '../../parse/cell';
import { asciiDigits, compact } from '../../text';
import type { TreeMemo } from '../../tree-memo';
import type { Fix, Message, RuleContext, TextEdit } from '../types';

export { cellRange };

export { compact };

/**
 * The same text, not sharing the memory of the document it was read from. V8 keeps a substring of
 * 13 characters or more as a view of its parent string: a cell's text taken as a key (or as a name
 * derived from it without change) would keep the whole document's text alive for as long as the
 * memo holds it, after the document is closed (docs/performance.md, 'Memory and GC'). The
 * concatenation is flattened into a new string of the name's length before it is sliced.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Full-width ASCII variants (Ａ-ｚ ０-９ punctuation) → ASCII; U+3000 → space. */
export function toHalfWidth(s: string): string {
  // One scan that copies the runs between replaced characters; not a replace with a callback,
  // which called back into JavaScript for every full-width character (goal texts are full of
  // ，。；（）: TT304 compares long texts).
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += s.slice(start, i) + String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += s.slice(start, i) + ' ';
    else continue;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** Converts full-width digits and the full-width decimal point / comma of a number to ASCII. */
export function asciiNumber(raw: string): string {
  return asciiDigits(raw).replace(/．/g, '.').replace(/，/g, ',');
}

/** Offset in `cell.text` of a source position inside the cell (or -1). */
export function cellOffset(cell: Cell, p: Position): number {
  for (const s of cell.segments) {
    if (s.line === p.line && p.character >= s.character && p.character <= s.character + s.length) {
      return s.offset + (p.character - s.character);
    }
  }
  return -1;
}

/** The source range of `sub` found at or after offset `from` of the cell's text (null if absent). */
export function findInCell(cell: Cell, sub: string, from = 0): Range | null {
  const i = cell.text.indexOf(sub, from);
  return i < 0 ? null : cellRange(cell, i, i + sub.length);
}

export function rangeText(section: SectionBody, r: Range): string {
  const lines = section.lines;
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

export function spanRange(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

export function msg(zh: string, en: string): Message {
  return { zh, en };
}

export function fix(title: Message, edits: TextEdit[], safe: boolean): Fix {
  return { title, edits, safe };
}

export type ValueSlot = 'target' | 'previous' | 'last';

export interface ValueRef {
  table: GoalTable;
  row: IndicatorRow;
  slot: ValueSlot;
  value: Value;
}

/**
 * Every indicator row of every goal table, in table order: what most rules walk. Built once per
 * section tree and shared (in the tree's memo: it holds rows), so the rules loop over one array
 * instead of each nesting the same loop over tables and rows.
 */
export function indicatorRows(ctx: RuleContext): readonly IndicatorRow[] {
  // Built in a function of its own, as `allValues` below, so that it is not inlined into every rule.
  return ctx.memo.indicatorRows ?? buildRows(ctx.section, ctx.memo);
}

function buildRows(section: SectionBody, memo: TreeMemo): readonly IndicatorRow[] {
  const out: IndicatorRow[] = [];
  const tables = section.tables;
  for (let ti = 0; ti < tables.length; ti++) {
    const rows = tables[ti].rows;
    for (let ri = 0; ri < rows.length; ri++) out.push(rows[ri]);
  }
  memo.indicatorRows = out;
  return out;
}

/**
 * Every parsed value of every indicator row: the target and, in 年度 tables, the 前年/上年 actuals.
 * Built once per section tree and shared by the rules that walk values (in the tree's memo: it
 * holds rows and values).
 */
export function allValues(ctx: RuleContext): readonly ValueRef[] {
  // The list is built in a function of its own: this one is called by nine rules and inlined into
  // each by the optimising compiler, which compiled nine copies of the building loop while it was
  // written here (compile jobs compete with the check for a 2-core machine's CPU).
  return ctx.memo.values ?? buildValues(ctx.section, ctx.memo);
}

function buildValues(section: SectionBody, memo: TreeMemo): readonly ValueRef[] {
  const out: ValueRef[] = [];
  const tables = section.tables;
  for (let ti = 0; ti < tables.length; ti++) {
    const table = tables[ti];
    for (let ri = 0; ri < table.rows.length; ri++) {
      const row = table.rows[ri];
      if (row.previous) out.push({ table, row, slot: 'previous', value: row.previous });
      if (row.last) out.push({ table, row, slot: 'last', value: row.last });
      out.push({ table, row, slot: 'target', value: row.target });
    }
  }
  memo.values = out;
  return out;
}

export const SLOT_NAME: Record<ValueSlot, Message> = {
  target: { zh: '指标值', en: 'target value' },
  previous: { zh: '前年实际值', en: 'actual value two years ago' },
  last: { zh: '上年实际值', en: "last year's actual value" },
};

/** `「三级」` for messages. */
export function quote(s: string): string {
  return `「${s}」`;
}

/** Formats a number without floating-point noise (0.98*100 → 98). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
