/**
 * The 指标值 parser (docs/format.md §4, §7.5):
 *   value := [comparator] number [unit] [以上|以内|以下|左右]
 *          | [comparator] number [unit] (-|～|至 …) number [unit] [qualifier]     a range, `1-2次`
 *          | date | period                                                       `2025年12月`, `202001-202012`
 *          | yes/no | grade | qualitative text | placeholder
 * Every part keeps its exact source range so rules can point at it and fixes can replace it. What
 * `Value.kind` and `Value.shape` are for each form: model.ts (`ValueShape`).
 *
 * The common values (a number with a unit, a word) take the paths they took before ranges and dates
 * were read: a range is tried only where the old parser gave up because a second number followed the
 * first, and a date only where that failed too.
 */
import type { Cell, Comparator, ComparatorPart, DatePart, NumberPart, Paragraph, Range, TextSegment, UnitPart, Value, ValueKind, ValueShape } from '../model';
import { cellRange, isSpace } from './cell';

/**
 * A part of a cell's text, located by offsets; its source range is computed when asked for.
 * A full parse makes thousands of value parts and most ranges are never read (only where a
 * rule reports or a fix edits), so they are not built up front.
 */
class CellSpan {
  readonly #cell: Cell;
  constructor(
    cell: Cell,
    readonly start: number,
    readonly end: number,
  ) {
    this.#cell = cell;
  }
  get range(): Range {
    return cellRange(this.#cell, this.start, this.end);
  }
}

class ComparatorSpan extends CellSpan implements ComparatorPart {
  constructor(
    cell: Cell,
    readonly raw: string,
    readonly normalized: Comparator,
    readonly standard: boolean,
  ) {
    super(cell, 0, raw.length);
  }
}

class NumberSpan extends CellSpan implements NumberPart {
  constructor(
    cell: Cell,
    start: number,
    readonly raw: string,
    readonly value: number,
    readonly fullWidth: boolean,
    readonly thousands: boolean,
  ) {
    super(cell, start, start + raw.length);
  }
}

class TextSpan extends CellSpan implements UnitPart {
  constructor(
    cell: Cell,
    start: number,
    readonly text: string,
  ) {
    super(cell, start, start + text.length);
  }
}

class DateSpan extends CellSpan implements DatePart {
  constructor(
    cell: Cell,
    start: number,
    readonly raw: string,
    readonly year: number,
    readonly month: number | null,
    readonly day: number | null,
  ) {
    super(cell, start, start + raw.length);
  }
}

const NO_SPACES: Range[] = [];

/**
 * One value. What a number with a unit has is given to the constructor, as before ranges and dates
 * were read; what only ranges, dates and joined values have starts empty and is set by the parser on
 * those rarer paths (every field is in the object from the start, in one order, so every value has
 * one hidden class).
 */
class ValueNode implements Value {
  readonly #range: Range | null;
  upper: NumberPart | null = null;
  ambiguousComparator = false;
  date: DatePart | null = null;
  dateEnd: DatePart | null = null;
  parts: { comparator: Cell | null; unit: Cell | null } | null = null;
  constructor(
    readonly raw: string,
    readonly kind: ValueKind,
    readonly shape: ValueShape,
    readonly cell: Cell | null,
    range: Range | null,
    public comparator: ComparatorPart | null = null,
    public number: NumberPart | null = null,
    public unit: UnitPart | null = null,
    public qualifier: { text: string; range: Range } | null = null,
    public qualifierMeaning: Comparator | null = null,
    public innerSpaces: Range[] = NO_SPACES,
  ) {
    this.#range = range;
  }
  /** The whole value: its cell's text range. */
  get range(): Range {
    return this.#range ?? this.cell!.range;
  }
}

/** Comparator spellings → meaning. Standard symbols first; the rest are defects a fix normalises. */
const SYMBOLS: Record<string, { meaning: Comparator; standard: boolean }> = {
  '≥': { meaning: '≥', standard: true },
  '≤': { meaning: '≤', standard: true },
  '>': { meaning: '>', standard: true },
  '<': { meaning: '<', standard: true },
  '=': { meaning: '=', standard: true },
  '≧': { meaning: '≥', standard: false },
  '≦': { meaning: '≤', standard: false },
  '＞': { meaning: '>', standard: false },
  '＜': { meaning: '<', standard: false },
  '＝': { meaning: '=', standard: false },
  '⩾': { meaning: '≥', standard: false },
  '⩽': { meaning: '≤', standard: false },
  '>=': { meaning: '≥', standard: false },
  '<=': { meaning: '≤', standard: false },
  '＞＝': { meaning: '≥', standard: false },
  '＜＝': { meaning: '≤', standard: false },
  // On a Chinese keyboard layout the < and > keys type 《 and 》 (only before a digit: see below).
  '《': { meaning: '≤', standard: false },
  '》': { meaning: '≥', standard: false },
};

/** Textual comparators written before the number (`不低于90%`): correct as written. */
const WORDS: Record<string, Comparator> = {
  不低于: '≥',
  不少于: '≥',
  不小于: '≥',
  大于等于: '≥',
  大于或等于: '≥',
  达到: '≥',
  不高于: '≤',
  不超过: '≤',
  不多于: '≤',
  不大于: '≤',
  小于等于: '≤',
  小于或等于: '≤',
  低于: '<',
  少于: '<',
  大于: '>',
  高于: '>',
  超过: '>',
  小于: '<',
  等于: '=',
};

const QUALIFIERS: Record<string, Comparator | null> = {
  及以上: '≥',
  以上: '≥',
  及以内: '≤',
  以内: '≤',
  及以下: '≤',
  以下: '≤',
  左右: null,
  内: '≤',
};

const PLACEHOLDERS = new Set(['-', '—', '——', '–', '/', '／', '无', '—/—', '-/-', '／／', '//']);
/** Longest placeholder: longer texts are not hashed for the set lookup. */
const MAX_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

// Comparator words (`不低于90%`), tried only when a value starts with one of their first characters.
const COMPARATOR_WORD_RE =
  /^(?:不低于|不少于|不小于|大于或等于|大于等于|不高于|不超过|不多于|不大于|小于或等于|小于等于|低于|少于|大于|高于|超过|小于|等于|达到)/;
const WORD_START = new Set([...'不大小低少高超等达'].map((c) => c.charCodeAt(0)));
const HAS_DIGIT = /[0-9０-９]/;
const MAX_UNIT_LENGTH = 12;

/**
 * The comparator symbol at the start of `text`, or null: what the alternation
 * `>=|<=|＞＝|＜＝|[≥≤><=≧≦＞＜＝⩾⩽《》]` matches there, read from the first two char codes. The
 * spelling is returned as a constant (SYMBOLS' key), not a new string per value: this runs for every
 * numeric value of a section, and a regular expression with its match array cost more than the
 * rest of the value's parse in a cold process.
 */
function symbolAt(text: string): string | null {
  const c = text.charCodeAt(0);
  const d = codeAt(text, 1);
  switch (c) {
    case 0x3e:
      return d === 0x3d ? '>=' : '>';
    case 0x3c:
      return d === 0x3d ? '<=' : '<';
    case 0xff1e:
      return d === 0xff1d ? '＞＝' : '＞';
    case 0xff1c:
      return d === 0xff1d ? '＜＝' : '＜';
    case 0x2265:
      return '≥';
    case 0x2264:
      return '≤';
    case 0x3d:
      return '=';
    case 0x2267:
      return '≧';
    case 0x2266:
      return '≦';
    case 0xff1d:
      return '＝';
    case 0x2a7e:
      return '⩾';
    case 0x2a7d:
      return '⩽';
    case 0x300a:
      return '《';
    case 0x300b:
      return '》';
    default:
      return null;
  }
}

/**
 * The qualifier that ends text[from, end), or null: what /(及以上|以上|及以内|以内|及以下|以下|左右|内)$/
 * finds there (its leftmost match: the longest suffix), by char codes, without slicing the rest of the
 * value first. Returns one of QUALIFIERS' keys.
 */
function qualifierAt(text: string, from: number, end: number): string | null {
  const n = end - from;
  if (n < 1) return null;
  const last = text.charCodeAt(end - 1);
  const prev = n >= 2 ? text.charCodeAt(end - 2) : -1;
  const ji = n >= 3 && text.charCodeAt(end - 3) === 0x53ca; /* 及 */
  const yi = prev === 0x4ee5; /* 以 */
  switch (last) {
    case 0x4e0a:
      /* 上 */ return yi ? (ji ? '及以上' : '以上') : null;
    case 0x4e0b:
      /* 下 */ return yi ? (ji ? '及以下' : '以下') : null;
    case 0x5185:
      /* 内 */ return yi ? (ji ? '及以内' : '以内') : '内';
    case 0x53f3:
      /* 右 */ return prev === 0x5de6 /* 左 */ ? '左右' : null;
    default:
      return null;
  }
}

export function emptyValue(cell: Cell | null, range: Range | null): Value {
  return new ValueNode('', 'empty', 'empty', cell, cell ? null : range);
}

/** Parses the logical text of a value cell. */
export function parseValue(cell: Cell): Value {
  return parseIn(cell, cell.text, cell);
}

/**
 * The value of `text`, the text of `spans` (the cell whose ranges the parts take), for the value cell
 * `cell`. The two are the same cell except for a value joined from cells (`joinValue`).
 */
function parseIn(spans: Cell, text: string, cell: Cell): ValueNode {
  if (text === '') return new ValueNode('', 'empty', 'empty', cell, null);
  if (text.length <= MAX_PLACEHOLDER && PLACEHOLDERS.has(text))
    return new ValueNode(text, 'placeholder', text === '无' ? 'boolean' : 'placeholder', cell, null);
  // A number starts the value, or follows a comparator at its start; most values are words (计划数据,
  // 提升), told apart by their first character without a scan of the text. A comparator word
  // (不低于90%) is looked for only in a text that has a digit: its regular expression is not run on
  // 不超合同金额, 达标 and the like. Runs for every value of a full parse.
  const c = text.charCodeAt(0);
  const numeric = isDigit(c) || symbolAt(text) !== null || (WORD_START.has(c) && HAS_DIGIT.test(text));
  return (numeric ? parseNumeric(spans, text, cell) : null) ?? new ValueNode(text, 'text', textShape(text), cell, null);
}

/**
 * The char code at `i`, or -1 past the end. Not charCodeAt past the end (NaN, no digit either):
 * optimised code assumes in-bounds reads and is thrown away the first time one is not (the value
 * parser was deoptimised that way twice, early in every cold check).
 */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** What `scanNumber` saw in the number it scanned (one shared object: no allocation per value). */
const scanned = { fullWidth: false, thousands: false, fullStop: false };

/**
 * End of the number at `pos`, or `pos` when none starts there: what
 * /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/y matches, scanned by hand (no match array
 * and no three further scans of the match for full-width digits, separators and a full-width
 * point: this runs for every numeric value of a section). Sets `scanned`. Exported for a test.
 */
export function scanNumber(text: string, pos: number): number {
  const n = text.length;
  let fullWidth = false;
  let thousands = false;
  let fullStop = false;
  let i = pos;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) fullWidth = true;
    else if (c < 48 || c > 57) break;
  }
  if (i === pos) return pos;
  // Thousands groups: a separator and exactly three digits, as often as they come.
  for (;;) {
    const c = codeAt(text, i);
    if ((c !== 44 /* , */ && c !== 0xff0c) /* ， */ || !isDigit(codeAt(text, i + 1)) || !isDigit(codeAt(text, i + 2)) || !isDigit(codeAt(text, i + 3))) break;
    for (let k = i + 1; k <= i + 3; k++) if (text.charCodeAt(k) >= 0xff10) fullWidth = true;
    thousands = true;
    i += 4;
  }
  const c = codeAt(text, i);
  if ((c === 46 /* . */ || c === 0xff0e) /* ． */ && isDigit(codeAt(text, i + 1))) {
    fullStop = c === 0xff0e;
    for (i++; i < n && isDigit(text.charCodeAt(i)); i++) if (text.charCodeAt(i) >= 0xff10) fullWidth = true;
  }
  scanned.fullWidth = fullWidth;
  scanned.thousands = thousands;
  scanned.fullStop = fullStop;
  return i;
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

function parseNumeric(spans: Cell, text: string, cell: Cell): ValueNode | null {
  let pos = 0;
  let comparator: ComparatorPart | null = null;
  let raw = symbolAt(text);
  if (raw === null && WORD_START.has(text.charCodeAt(0))) raw = COMPARATOR_WORD_RE.exec(text)?.[0] ?? null;
  if (raw !== null) {
    const sym = SYMBOLS[raw];
    comparator = new ComparatorSpan(spans, raw, sym ? sym.meaning : WORDS[raw], sym ? sym.standard : true);
    pos = skipSpaces(text, raw.length);
  }
  const numEnd = scanNumber(text, pos);
  if (numEnd === pos) return null;
  // 《 and 》 are comparators only directly before a digit; elsewhere they are book-title marks.
  if (comparator && (comparator.raw === '《' || comparator.raw === '》') && pos !== 1) return null;
  const numStart = pos;
  const number = numberSpan(spans, text, pos, numEnd);
  if (number === null) return null;

  pos = skipSpaces(text, numEnd);
  // The rest, text[pos, end): a qualifier at its end (a lone 内 is a unit, not one), then the unit.
  // Worked on by offsets: no slice of the rest, and a slice for the unit only when there is one.
  let end = text.length;
  let qualifier: Value['qualifier'] = null;
  let qualifierMeaning: Comparator | null = null;
  const q = qualifierAt(text, pos, end);
  if (q !== null && !(q === '内' && end - pos === 1)) {
    end -= q.length;
    qualifier = new TextSpan(spans, end, q);
    qualifierMeaning = QUALIFIERS[q];
  }
  while (end > pos && isSpace(text.charCodeAt(end - 1))) end--;
  if (!hasDigit(text, pos, end)) {
    // The unit: anything after the number that is short and holds no further number.
    if (end - pos > MAX_UNIT_LENGTH) return null;
    const unit = end > pos ? new TextSpan(spans, pos, text.slice(pos, end)) : null;
    const year = unit !== null && text.charCodeAt(pos) === 0x5e74 /* 年 */ ? yearDate(spans, text, number, pos, end) : null;
    const v = new ValueNode(
      text,
      'numeric',
      year ? 'date' : 'number',
      cell,
      null,
      comparator,
      number,
      unit,
      qualifier,
      qualifierMeaning,
      spacesIn(spans, text),
    );
    if (year) v.date = year;
    return v;
  }
  // A further number, where the old parser gave up (the value is text, as it was): a range
  // (`1-2次`, `80%-90%`), else a date or a period of dates (`2025年12月`); else qualitative text
  // (`区级≥50场，市级≥7场`).
  const v = parseRange(spans, text, cell, number, pos, end) ?? parseDate(spans, text, cell, numStart, end);
  if (v === null) return null;
  v.comparator = comparator;
  v.qualifier = qualifier;
  v.qualifierMeaning = qualifierMeaning;
  v.ambiguousComparator = comparator !== null && (v.upper !== null || v.dateEnd !== null);
  v.innerSpaces = spacesIn(spans, text);
  return v;
}

/** The number text[start, end) (scanned by `scanNumber` just before: its flags are in `scanned`), or null. */
function numberSpan(spans: Cell, text: string, start: number, end: number): NumberSpan | null {
  const numRaw = text.slice(start, end);
  const { fullWidth, thousands, fullStop } = scanned;
  const ascii =
    !fullWidth && !thousands && !fullStop
      ? numRaw
      : numRaw
          .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
          .replace(/[,，]/g, '')
          .replace('．', '.');
  const value = Number(ascii);
  return Number.isFinite(value) ? new NumberSpan(spans, start, numRaw, value, fullWidth, thousands) : null;
}

function hasDigit(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/** The whitespace inside `text` (trimmed, so any whitespace is inside the value: `≥ 20场`). */
function spacesIn(spans: Cell, text: string): Range[] {
  let innerSpaces = NO_SPACES;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (innerSpaces === NO_SPACES) innerSpaces = [];
    innerSpaces.push(cellRange(spans, i, j));
    i = j;
  }
  return innerSpaces;
}

/**
 * Range separators: - － – — ~ ～ 〜 至 到 (`1-2次`, `3～5个`, `1至2次`). Not / (`20%/20%` is two
 * figures) nor *, nor two dashes.
 */
function isRangeSeparator(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2013 || c === 0x2014 || c === 0x7e || c === 0xff5e || c === 0x301c || c === 0x81f3 || c === 0x5230;
}

/**
 * A range after its lower bound `lower`, text[pos, end) being the rest (qualifier cut off, trimmed):
 * [unit] separator number [unit], where a unit after the lower bound must be the one after the upper
 * bound (`80%-90%`; `5万-10万元` is not read). Null when the rest is not that. Also a period when
 * both bounds are dates of one form (`rangeDate`).
 */
function parseRange(spans: Cell, text: string, cell: Cell, lower: NumberSpan, pos: number, end: number): ValueNode | null {
  let sep = pos;
  while (sep < end && !isDigit(text.charCodeAt(sep)) && !isRangeSeparator(text.charCodeAt(sep))) sep++;
  if (sep >= end || !isRangeSeparator(text.charCodeAt(sep))) return null;
  let lowerUnitEnd = sep;
  while (lowerUnitEnd > pos && isSpace(text.charCodeAt(lowerUnitEnd - 1))) lowerUnitEnd--;
  const upperStart = skipSpaces(text, sep + 1);
  const upperEnd = scanNumber(text, upperStart);
  if (upperEnd === upperStart || upperEnd > end) return null;
  const upper = numberSpan(spans, text, upperStart, upperEnd);
  if (upper === null) return null;
  const unitStart = Math.min(skipSpaces(text, upperEnd), end);
  if (end - unitStart > MAX_UNIT_LENGTH || hasDigit(text, unitStart, end)) return null;
  const unitText = end > unitStart ? text.slice(unitStart, end) : '';
  if (lowerUnitEnd > pos && text.slice(pos, lowerUnitEnd) !== unitText) return null;
  const from = rangeDate(spans, text, lower, lowerUnitEnd > pos ? lowerUnitEnd : lower.end, unitText);
  const to = from ? rangeDate(spans, text, upper, end, unitText) : null;
  const v = new ValueNode(text, 'text', to ? 'period' : 'range', cell, null);
  v.number = lower;
  v.upper = upper;
  v.unit = unitText ? new TextSpan(spans, unitStart, unitText) : null;
  if (to) {
    v.date = from;
    v.dateEnd = to;
  }
  return v;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

function digitValue(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 48;
}

/** The number of the `n` digits at text[at…] (the caller knows they are digits). */
function digitsValue(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + digitValue(text.charCodeAt(i));
  return v;
}

/** Whether the number part is four digits and nothing else, and a year (1900–2099). */
function isYear(n: NumberSpan): boolean {
  return n.raw.length === 4 && Number.isInteger(n.value) && n.value >= MIN_YEAR && n.value <= MAX_YEAR;
}

/**
 * One end of a period read as a range of numbers: a yyyymm (`202001`) or a yyyy.mm (`2023.07`) with no
 * unit, or a year (`2023`) with the unit 年/年度 (`2023-2025年`, `2023年-2025年`). `dateEnd` ends the
 * date's text (after its own 年 when it has one). Null for anything else (`1-12月` is a range).
 */
function rangeDate(spans: Cell, text: string, n: NumberSpan, dateEnd: number, unit: string): DateSpan | null {
  const raw = n.raw;
  if (raw.length === 4) {
    if ((unit !== '年' && unit !== '年度') || !isYear(n)) return null;
    return new DateSpan(spans, n.start, text.slice(n.start, dateEnd), n.value, null, null);
  }
  if (unit !== '') return null;
  let month: number;
  if (raw.length === 6 && Number.isInteger(n.value) && !n.thousands) month = digitsValue(raw, 4, 2);
  else if ((raw.length === 6 || raw.length === 7) && (raw.charCodeAt(4) === 0x2e || raw.charCodeAt(4) === 0xff0e)) month = digitsValue(raw, 5, raw.length - 5);
  else return null;
  const year = digitsValue(raw, 0, 4);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  return new DateSpan(spans, n.start, raw, year, month, null);
}

/**
 * `2025年`, `2025年度`, `2025年底`, `2025年前`: the date of a number with the unit text[unitStart, end)
 * when the number is a year, else null (`1年` is a duration: a number with the unit 年).
 */
function yearDate(spans: Cell, text: string, n: NumberSpan, unitStart: number, end: number): DateSpan | null {
  if (!isYear(n)) return null;
  const after = unitStart + 1;
  if (after < end && !(text.charCodeAt(after) === 0x5ea6 /* 度 */ && after + 1 === end) && !DATE_TAILS.has(text.slice(after, end))) return null;
  return new DateSpan(spans, n.start, text.slice(n.start, after), n.value, null, null);
}

/** What may follow a date's last character (`2025年12月底前`). */
const DATE_TAILS = new Set(['前', '底', '末', '底前', '末前', '以前', '之前']);

/** What `scanDate` read (one shared object: no allocation per value). */
const dated = { year: 0, month: null as number | null, day: null as number | null };

/**
 * End of the date yyyy年[m月[d日]] at text[p…] (digits ASCII or full-width; a 号 for 日 too), or -1.
 * Sets `dated`.
 */
function scanDate(text: string, p: number, end: number): number {
  if (p + 5 > end) return -1;
  for (let i = p; i < p + 4; i++) if (!isDigit(text.charCodeAt(i))) return -1;
  if (text.charCodeAt(p + 4) !== 0x5e74 /* 年 */) return -1;
  const year = digitsValue(text, p, 4);
  if (year < MIN_YEAR || year > MAX_YEAR) return -1;
  dated.year = year;
  dated.month = null;
  dated.day = null;
  let q = p + 5;
  const m = datePiece(text, q, end, 0x6708 /* 月 */, 0x6708, 12);
  if (m < 0) return q;
  dated.month = digitsValue(text, q, m - q - 1);
  q = m;
  const d = datePiece(text, q, end, 0x65e5 /* 日 */, 0x53f7 /* 号 */, 31);
  if (d < 0) return q;
  dated.day = digitsValue(text, q, d - q - 1);
  return d;
}

/** End of one or two digits (1…max) and the character `a` or `b` at text[q…], or -1. */
function datePiece(text: string, q: number, end: number, a: number, b: number, max: number): number {
  let i = q;
  while (i < end && i < q + 2 && isDigit(text.charCodeAt(i))) i++;
  if (i === q || i >= end) return -1;
  const c = text.charCodeAt(i);
  if (c !== a && c !== b) return -1;
  const v = digitsValue(text, q, i - q);
  return v >= 1 && v <= max ? i + 1 : -1;
}

/**
 * A date or a period written with 年/月/日 from text[start…] to `end` (`2025年12月`, `2025年12月底前`,
 * `2023年7月至2024年6月`), or null. These have no numeric reading (number, unit: null).
 */
function parseDate(spans: Cell, text: string, cell: Cell, start: number, end: number): ValueNode | null {
  const aEnd = scanDate(text, start, end);
  if (aEnd < 0) return null;
  const from = new DateSpan(spans, start, text.slice(start, aEnd), dated.year, dated.month, dated.day);
  let to: DateSpan | null = null;
  let p = skipSpaces(text, aEnd);
  if (p < end && isRangeSeparator(text.charCodeAt(p))) {
    p = skipSpaces(text, p + 1);
    const bEnd = scanDate(text, p, end);
    if (bEnd < 0) return null;
    to = new DateSpan(spans, p, text.slice(p, bEnd), dated.year, dated.month, dated.day);
    p = bEnd;
  } else p = aEnd;
  if (p < end && !DATE_TAILS.has(text.slice(p, end))) return null;
  const v = new ValueNode(text, 'text', to ? 'period' : 'date', cell, null);
  v.date = from;
  v.dateEnd = to;
  return v;
}

/**
 * Qualitative grades (docs/format.md §7.5): short evaluative phrases a reviewer reads as a target
 * (优良, 显著提升, 影响程度明显, 长期), as against free text (按市局要求开展, 指导各街道编纂街道志).
 * Kept as data: exact phrases, and two lists each whose products are phrases too (an adverb and a
 * trend: 持续改善, 有效提升, 有所提升; a subject and a predicate: 影响程度明显, 效果显著). A value
 * is a grade when its whole text is one of them; 良好以上 and 逐年 推进 are text.
 */
const GRADE_WORDS = [
  // ratings
  '优',
  '良',
  '中',
  '差',
  '优秀',
  '优良',
  '良好',
  '较好',
  '一般',
  '合格',
  '及格',
  '达标',
  '满意',
  '基本满意',
  '较满意',
  '比较满意',
  '非常满意',
  // effect, duration
  '明显',
  '显著',
  '有效',
  '有成效',
  '长期',
  '长效',
  '持续',
  '可持续',
  '长期有效',
  '持续有效',
  '稳定',
  '高',
  '较高',
  // time and completion
  '及时',
  '按时',
  '按期',
  '如期',
  '完成',
  '按时完成',
  '按期完成',
  '如期完成',
  '全部完成',
  '达到要求',
  '符合要求',
  '符合标准',
];
const GRADE_ADVERBS = [
  '',
  '显著',
  '明显',
  '有效',
  '持续',
  '稳步',
  '逐步',
  '不断',
  '逐年',
  '有所',
  '有',
  '进一步',
  '大幅',
  '全面',
  '切实',
  '得到',
  '巩固',
  '稳定',
];
const GRADE_TRENDS = [
  '提升',
  '提高',
  '改善',
  '增强',
  '加强',
  '优化',
  '完善',
  '增加',
  '增长',
  '降低',
  '减少',
  '下降',
  '减轻',
  '保障',
  '促进',
  '推进',
  '巩固',
  '提升改善',
  '保持',
];
const GRADE_SUBJECTS = [
  '影响',
  '影响程度',
  '成效',
  '效果',
  '效益',
  '作用',
  '氛围',
  '社会效益',
  '经济效益',
  '生态效益',
  '社会影响',
  '质量',
  '水平',
  '服务质量',
  '服务水平',
];
const GRADE_PREDICATES = ['明显', '显著', '良好', '较好', '较高', '突出', '提升', '提高', '改善', '增强'];

const GRADES: ReadonlySet<string> = (() => {
  const out = new Set(GRADE_WORDS);
  for (const a of GRADE_ADVERBS) for (const t of GRADE_TRENDS) out.add(a + t);
  for (const s of GRADE_SUBJECTS) for (const p of GRADE_PREDICATES) out.add(s + p);
  return out;
})();
/** Longest grade: longer texts are not hashed for the set lookup. */
const MAX_GRADE = Math.max(...[...GRADES].map((g) => g.length));

/** The shape of a value that is text (not a number, range or date): yes/no, a grade, or text. */
function textShape(text: string): ValueShape {
  if (text.length === 1) {
    const c = text.charCodeAt(0);
    if (c === 0x662f /* 是 */ || c === 0x5426 /* 否 */ || c === 0x6709 /* 有 */) return 'boolean';
  }
  return text.length <= MAX_GRADE && GRADES.has(text) ? 'grade' : 'text';
}

/** A yes/no value's answer: true for 是 and 有, false for 否 and 无; null when the shape is not 'boolean'. */
export function yesNo(v: Value): boolean | null {
  if (v.shape !== 'boolean') return null;
  return v.raw === '是' || v.raw === '有';
}

/**
 * The text of several cells as one, each part of it mapped to its own cell: the segments of each cell,
 * shifted. Ranges computed on it (`cellRange`) fall inside the cell the characters come from.
 */
class JoinedCell implements Cell {
  readonly tab = true;
  readonly text: string;
  readonly segments: TextSegment[] = [];
  readonly #cells: readonly Cell[];
  constructor(cells: readonly Cell[]) {
    this.#cells = cells;
    let text = '';
    for (const c of cells) {
      for (const s of c.segments) this.segments.push({ offset: text.length + s.offset, length: s.length, line: s.line, character: s.character });
      text += c.text;
    }
    this.text = text;
  }
  get range(): Range {
    return { start: this.#cells[0].range.start, end: this.#cells[this.#cells.length - 1].range.end };
  }
  get paragraphs(): Paragraph[] {
    return this.#cells.flatMap((c) => c.paragraphs);
  }
}

/** A comparator cell that joins: exactly one comparator, any spelling parseValue reads, except 《 》 (below). */
function isComparatorCell(text: string): boolean {
  const s = symbolAt(text);
  if (s !== null) return s.length === text.length && s !== '《' && s !== '》';
  return Object.prototype.hasOwnProperty.call(WORDS, text);
}

/**
 * A value written in three cells: comparator | number | unit (`= | 116 | 人`, `≥ | 95 | %`,
 * `定性 | 优良 | `), as in the tables that have 计算符号 and 度量单位 columns. It is what parseValue
 * gives for the texts concatenated (`=116人`: kind, shape and every part), with each part's range in
 * the cell it was written in; `raw` is that concatenation, `cell` and `range` are the number cell's,
 * and `parts` holds the comparator and unit cells as given.
 *
 * A cell joins only where it can:
 * - the comparator cell, when it is exactly one comparator (≥, >=, ≧, ＝, 不低于 …). 定性, an empty
 *   cell and anything else (text, 《 or 》, whose meaning as a comparator comes from the digit after
 *   them in one cell) are left out: the value is the number and unit cells' (and `comparator` null);
 * - the unit cell, when it is not empty;
 * - and neither when a part would straddle two cells (`95%` | `%` would read the unit `%%`, `>` | `=95`
 *   the comparator `>=`): the cell that does not fit is left out, so that a fix replacing a part never
 *   edits across a cell boundary.
 * An empty number cell makes an empty value (kind 'empty'), whatever the other two hold.
 */
export function joinValue(comparator: Cell | null, number: Cell, unit: Cell | null): Value {
  const parts = { comparator, unit };
  if (number.text === '') {
    const v = new ValueNode('', 'empty', 'empty', number, null);
    v.parts = parts;
    return v;
  }
  let c = comparator !== null && isComparatorCell(comparator.text) ? comparator : null;
  let u = unit !== null && unit.text !== '' ? unit : null;
  let v = joined(c, number, u);
  if (c !== null && straddles(v, c.text.length)) {
    c = null;
    v = joined(c, number, u);
  }
  if (u !== null && straddles(v, (c ? c.text.length : 0) + number.text.length)) {
    u = null;
    v = joined(c, number, u);
  }
  v.parts = parts;
  return v;
}

function joined(comparator: Cell | null, number: Cell, unit: Cell | null): ValueNode {
  if (comparator === null && unit === null) return parseIn(number, number.text, number);
  const spans = new JoinedCell(comparator === null ? [number, unit!] : unit === null ? [comparator, number] : [comparator, number, unit]);
  return parseIn(spans, spans.text, number);
}

/** Whether a part of the value starts before offset `at` of its text and ends after it. */
function straddles(v: ValueNode, at: number): boolean {
  return (
    crosses(v.comparator, at) ||
    crosses(v.number, at) ||
    crosses(v.upper, at) ||
    crosses(v.unit, at) ||
    crosses(v.qualifier, at) ||
    crosses(v.date, at) ||
    crosses(v.dateEnd, at)
  );
}

function crosses(part: object | null, at: number): boolean {
  return part instanceof CellSpan && part.start < at && part.end > at;
}

/**
 * The unit lexicon (docs/format.md §4): % ‰, or a counted noun with an optional 万/亿/千/百 before it
 * and 数 after it (人, 万元, 人次, 篇, 个, 万亩, 万立方米 …). A regular-expression source, shared with
 * the rules (TT101 missing-unit: a 三级 name ending in one carries the unit).
 */
export const UNIT_WORD =
  '(?:%|‰|[万亿千百]?(?:元|人次|人|个|件|次|户|家|场次|场|篇|项|本|册|份|吨|亩|平方米|平方公里|立方米|公里|千米|米|台|套|辆|条|天|日|月|年|小时|分钟|所|座|处|名|批|起|期|张|卷|字|方|斤|盆)(?:数)?)';
const UNIT_RE = new RegExp(`^${UNIT_WORD}$`);

/**
 * The unit a 三级 name gives in brackets at its end (`培训人数(人)`, `完成率（%）`, `造林面积(万亩)`,
 * `（单位：万元）`), when what the brackets hold is a unit of the lexicon (`UNIT_WORD`); its range is
 * the unit's text inside the brackets. Null otherwise (`…(市级)`, a name with no brackets at its end).
 * A unit after a slash (`…/亿元`) is not read: `次数/年` would read 年.
 */
export function unitFromName(level3: Cell): UnitPart | null {
  const t = level3.text;
  let b = t.length - 1;
  const close = t.charCodeAt(b);
  if (close !== 0x29 /* ) */ && close !== 0xff09 /* ） */) return null;
  let a = b - 1;
  while (a >= 0 && t.charCodeAt(a) !== 0x28 /* ( */ && t.charCodeAt(a) !== 0xff08 /* （ */) a--;
  if (a < 0) return null;
  a = skipSpaces(t, a + 1);
  // 单位： / 单位:
  if (t.charCodeAt(a) === 0x5355 && t.charCodeAt(a + 1) === 0x4f4d && (t.charCodeAt(a + 2) === 0x3a || t.charCodeAt(a + 2) === 0xff1a))
    a = skipSpaces(t, a + 3);
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  if (a >= b) return null;
  const unit = t.slice(a, b);
  return UNIT_RE.test(unit) ? new TextSpan(level3, a, unit) : null;
}

/** The comparator a value means: its symbol, else its qualifier (`90%以上` → ≥). */
export function valueDirection(v: Value): Comparator | null {
  return v.comparator?.normalized ?? v.qualifierMeaning;
}
