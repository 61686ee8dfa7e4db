/**
 * The 指标值 parser (docs/format.md §4):
 *   value := [comparator] number [unit] [以上|以内|以下|左右]  |  qualitative text  |  placeholder
 * Every part keeps its exact source range so rules can point at it and fixes can replace it.
 */
import type { Cell, Comparator, ComparatorPart, NumberPart, Range, UnitPart, Value, ValueKind } from '../model';
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

const NO_SPACES: Range[] = [];

class ValueNode implements Value {
  readonly #range: Range | null;
  constructor(
    readonly raw: string,
    readonly kind: ValueKind,
    readonly cell: Cell | null,
    range: Range | null,
    readonly comparator: ComparatorPart | null = null,
    readonly number: NumberPart | null = null,
    readonly unit: UnitPart | null = null,
    readonly qualifier: { text: string; range: Range } | null = null,
    readonly qualifierMeaning: Comparator | null = null,
    readonly innerSpaces: Range[] = NO_SPACES,
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
  return new ValueNode('', 'empty', cell, cell ? null : range);
}

/** Parses the logical text of a value cell. */
export function parseValue(cell: Cell): Value {
  const text = cell.text;
  if (text === '') return new ValueNode('', 'empty', cell, null);
  if (text.length <= MAX_PLACEHOLDER && PLACEHOLDERS.has(text)) return new ValueNode(text, 'placeholder', cell, null);
  // Most values are words (计划数据, 提升): no digit, no number. Runs for every value of a full parse.
  return (HAS_DIGIT.test(text) ? parseNumeric(cell, text) : null) ?? new ValueNode(text, 'text', cell, null);
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

function parseNumeric(cell: Cell, text: string): Value | null {
  let pos = 0;
  let comparator: ComparatorPart | null = null;
  let raw = symbolAt(text);
  if (raw === null && WORD_START.has(text.charCodeAt(0))) raw = COMPARATOR_WORD_RE.exec(text)?.[0] ?? null;
  if (raw !== null) {
    const sym = SYMBOLS[raw];
    comparator = new ComparatorSpan(cell, raw, sym ? sym.meaning : WORDS[raw], sym ? sym.standard : true);
    pos = skipSpaces(text, raw.length);
  }
  const numEnd = scanNumber(text, pos);
  if (numEnd === pos) return null;
  // 《 and 》 are comparators only directly before a digit; elsewhere they are book-title marks.
  if (comparator && (comparator.raw === '《' || comparator.raw === '》') && pos !== 1) return null;
  const numStart = pos;
  const numRaw = text.slice(pos, numEnd);
  pos = numEnd;
  const { fullWidth, thousands, fullStop } = scanned;
  const ascii =
    !fullWidth && !thousands && !fullStop
      ? numRaw
      : numRaw
          .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
          .replace(/[,，]/g, '')
          .replace('．', '.');
  const numberValue = Number(ascii);
  if (!Number.isFinite(numberValue)) return null;

  pos = skipSpaces(text, pos);
  // The rest, text[pos, end): a qualifier at its end (a lone 内 is a unit, not one), then the unit.
  // Worked on by offsets: no slice of the rest, and a slice for the unit only when there is one.
  let end = text.length;
  let qualifier: Value['qualifier'] = null;
  let qualifierMeaning: Comparator | null = null;
  const q = qualifierAt(text, pos, end);
  if (q !== null && !(q === '内' && end - pos === 1)) {
    end -= q.length;
    qualifier = new TextSpan(cell, end, q);
    qualifierMeaning = QUALIFIERS[q];
  }
  // The unit: anything after the number that is short and holds no further number
  // (a range like `90%-95%` or a sentence is qualitative text, not a unit).
  while (end > pos && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - pos > MAX_UNIT_LENGTH) return null;
  for (let i = pos; i < end; i++) if (isDigit(text.charCodeAt(i))) return null;
  // The text is trimmed, so any whitespace left in a numeric value is inside it (`≥ 20场`).
  let innerSpaces = NO_SPACES;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (innerSpaces === NO_SPACES) innerSpaces = [];
    innerSpaces.push(cellRange(cell, i, j));
    i = j;
  }
  return new ValueNode(
    text,
    'numeric',
    cell,
    null,
    comparator,
    new NumberSpan(cell, numStart, numRaw, numberValue, fullWidth, thousands),
    end > pos ? new TextSpan(cell, pos, text.slice(pos, end)) : null,
    qualifier,
    qualifierMeaning,
    innerSpaces,
  );
}

/** The comparator a value means: its symbol, else its qualifier (`90%以上` → ≥). */
export function valueDirection(v: Value): Comparator | null {
  return v.comparator?.normalized ?? v.qualifierMeaning;
}
