/**
 * The 指标值 parser (format.md §4):
 *   value := [comparator] number [unit] [以上|以内|以下|左右]  |  qualitative text  |  placeholder
 * Every part keeps its exact source range so rules can point at it and fixes can replace it.
 */
import type { Cell, Comparator, ComparatorPart, Range, Value } from '../model';
import { cellRange, isSpace } from './cell';

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
  '不低于': '≥', '不少于': '≥', '不小于': '≥', '大于等于': '≥', '大于或等于': '≥', '达到': '≥',
  '不高于': '≤', '不超过': '≤', '不多于': '≤', '不大于': '≤', '小于等于': '≤', '小于或等于': '≤', '低于': '<', '少于': '<',
  '大于': '>', '高于': '>', '超过': '>', '小于': '<', '等于': '=',
};

const QUALIFIERS: Record<string, Comparator | null> = {
  '及以上': '≥', '以上': '≥', '及以内': '≤', '以内': '≤', '及以下': '≤', '以下': '≤', '左右': null, '内': '≤',
};

const PLACEHOLDERS = new Set(['-', '—', '——', '–', '/', '／', '无', '—/—', '-/-', '／／', '//']);

// comparator (symbols, two-char forms, words), then spaces, then a number, then the rest.
const COMPARATOR_RE = /^(>=|<=|＞＝|＜＝|[≥≤><=≧≦＞＜＝⩾⩽《》]|不低于|不少于|不小于|大于或等于|大于等于|不高于|不超过|不多于|不大于|小于或等于|小于等于|低于|少于|大于|高于|超过|小于|等于|达到)/;
const NUMBER_RE = /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/y;
const SPACES_RE = /\s+/y;
const HAS_DIGIT = /[0-9０-９]/;
/** First characters of every comparator spelling: a cheap test before the regex. */
const COMPARATOR_START = new Set([...'>≥≤<=≧≦＞＜＝⩾⩽《》不大小低少高超等达']);
const QUALIFIER_RE = /(及以上|以上|及以内|以内|及以下|以下|左右|内)$/;
const FULL_WIDTH_DIGIT = /[０-９]/;
const MAX_UNIT_LENGTH = 12;

export function emptyValue(cell: Cell | null, range: Range): Value {
  return {
    raw: '', kind: 'empty', range, comparator: null, number: null, unit: null,
    qualifier: null, qualifierMeaning: null, innerSpaces: [], cell,
  };
}

/** Parses the logical text of a value cell. */
export function parseValue(cell: Cell): Value {
  const text = cell.text;
  const value = emptyValue(cell, cell.range);
  if (text === '') return value;
  value.raw = text;
  if (PLACEHOLDERS.has(text)) {
    value.kind = 'placeholder';
    return value;
  }
  // Most values are words (计划数据, 提升): no digit, no number. Runs for every value of a full parse.
  const numeric = HAS_DIGIT.test(text) ? parseNumeric(cell, text) : null;
  if (numeric) return numeric;
  value.kind = 'text';
  return value;
}

function parseNumeric(cell: Cell, text: string): Value | null {
  let pos = 0;
  const skipSpaces = () => {
    SPACES_RE.lastIndex = pos;
    if (SPACES_RE.test(text)) pos = SPACES_RE.lastIndex;
  };

  let comparator: ComparatorPart | null = null;
  const cm = COMPARATOR_START.has(text[0]) ? COMPARATOR_RE.exec(text) : null;
  if (cm) {
    const raw = cm[0];
    const sym = SYMBOLS[raw];
    comparator = {
      raw,
      normalized: sym ? sym.meaning : WORDS[raw],
      standard: sym ? sym.standard : true,
      range: cellRange(cell, 0, raw.length),
    };
    pos = raw.length;
    skipSpaces();
  }
  NUMBER_RE.lastIndex = pos;
  const nm = NUMBER_RE.exec(text);
  if (!nm) return null;
  // 《 and 》 are comparators only directly before a digit; elsewhere they are book-title marks.
  if (comparator && (comparator.raw === '《' || comparator.raw === '》') && pos !== 1) return null;
  const numStart = pos;
  const numRaw = nm[0];
  pos += numRaw.length;
  const fullWidth = FULL_WIDTH_DIGIT.test(numRaw);
  const thousands = numRaw.includes(',') || numRaw.includes('，');
  const ascii = !fullWidth && !thousands && !numRaw.includes('．') ? numRaw
    : numRaw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '').replace('．', '.');
  const numberValue = Number(ascii);
  if (!Number.isFinite(numberValue)) return null;

  skipSpaces();
  let rest = text.slice(pos);
  let qualifier: Value['qualifier'] = null;
  let qualifierMeaning: Comparator | null = null;
  const qm = QUALIFIER_RE.exec(rest);
  if (qm && !(qm[0] === '内' && rest === '内')) {
    const qStart = pos + rest.length - qm[0].length;
    qualifier = { text: qm[0], range: cellRange(cell, qStart, qStart + qm[0].length) };
    qualifierMeaning = QUALIFIERS[qm[0]];
    rest = rest.slice(0, rest.length - qm[0].length);
  }
  // The unit: anything after the number that is short and holds no further number
  // (a range like `90%-95%` or a sentence is qualitative text, not a unit).
  const unitText = rest.replace(/\s+$/, '');
  if (unitText.length > MAX_UNIT_LENGTH || /[0-9０-９]/.test(unitText)) return null;
  // The text is trimmed, so any whitespace left in a numeric value is inside it (`≥ 20场`).
  const innerSpaces: Range[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    innerSpaces.push(cellRange(cell, i, j));
    i = j;
  }
  return {
    raw: text,
    kind: 'numeric',
    range: cell.range,
    comparator,
    number: {
      raw: numRaw,
      value: numberValue,
      range: cellRange(cell, numStart, numStart + numRaw.length),
      fullWidth,
      thousands,
    },
    unit: unitText ? { text: unitText, range: cellRange(cell, pos, pos + unitText.length) } : null,
    qualifier,
    qualifierMeaning,
    innerSpaces,
    cell,
  };
}

/** The comparator a value means: its symbol, else its qualifier (`90%以上` → ≥). */
export function valueDirection(v: Value): Comparator | null {
  return v.comparator?.normalized ?? v.qualifierMeaning;
}
