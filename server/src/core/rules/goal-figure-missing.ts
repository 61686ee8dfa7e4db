/**
 * TT305 goal-figure-missing: a figure a goal states (a number and its unit: `280人次`, `6批次`,
 * `220门`, `70个行政村`, `95%`) that its indicators give with the same number but another unit, or
 * with none (docs/format.md §7.6: the goal says `6批次`, the indicator `6次`; the goal `220门`, the
 * indicator `220`). Header-driven sections only; a goal is compared with the tables that measure it
 * (年度 ↔ 年度 tables, 长期/中期/实施期 ↔ 长期 tables, 总体 ↔ all).
 *
 * Decisions:
 * * A figure whose number no indicator target has is not reported: goals state much that the
 *   indicators do not measure (an amount per village, a total budget). The rule catches figures
 *   that were carried over into an indicator and lost or changed their unit on the way.
 * * Not figures: years (`2024年`, and a bare 4-digit year `2024通过…`), dates (`1月`, `12日`),
 *   ordinals (`第3`), amounts per unit (`704元/村`, `每村4400元`), ranges (`1-2次`), and numbers
 *   with no unit (`(1)`, `1.`).
 * * Units compare exactly, after the measure word (`个`, `项`, `门`) and the noun after it are read:
 *   `70个行政村` matches an indicator's `个`, `个行政村`, or any unit ending in a character of the
 *   noun (`村`; `8.6万农村人口` matches `万人`); `人`, `名` and `位` are the same. A different unit of the same kind of
 *   quantity is a mismatch (`批次`/`次`, `万元`/`元`). The same number in another kind of
 *   quantity (a count against a time, a rate, a sum of money) is a coincidence, not compared.
 * * An indicator with no unit is a mismatch, except a money row's bare figure against a sum of
 *   money (the header's 万元 applies: TT101's exemption). A unit in its own cell (`度量单位`) or at
 *   the end of the 三级 name (`人数(人)`) is the indicator's unit.
 */
import { measures } from '../goals';
import type { Goal, IndicatorRow } from '../model';
import { cellRange } from '../parse/cell';
import type { Rule } from './types';
import { targetUnit } from './util/columns';
import { isCostCategory, isMoneyName, isRatioName, isSatisfactionCategory } from './util/indicators';
import { cellOffset, msg, quote, toHalfWidth } from './util/text';

export const goalFigureMissing: Rule = {
  code: 'TT305',
  name: 'goal-figure-missing',
  title: msg('目标中的数量未体现在指标中', 'Goal figure missing from the indicators'),
  defaultSeverity: 'warning',
  description: msg(
    '目标中写明的数量（如「6批次」「220门」）在指标中数字相同而单位不同或没有单位。',
    'A figure the goal states (6批次, 220门) appears in its indicators with the same number but another unit, or none.',
  ),
  fixable: false,
  check(ctx) {
    const section = ctx.section;
    if (section.layout !== 'indicator-tables' || section.goals.length === 0 || section.tables.length === 0) return;
    for (let g = 0; g < section.goals.length; g++) {
      const goal = section.goals[g];
      const figures = goalFigures(goal.text);
      if (figures.length === 0) continue;
      const tables = section.tables.filter((t) => measures(goal, t));
      if (tables.length === 0) continue;
      const base = goalOffset(goal);
      for (const figure of figures) {
        const candidates: { row: IndicatorRow; unit: string | null }[] = [];
        let matched = false;
        for (const table of tables) {
          for (const row of table.rows) {
            const n = row.target.number;
            if (row.target.kind !== 'numeric' || n === null || Math.abs(n.value - figure.value) > 1e-9) continue;
            const unit = targetUnit(table, row);
            const verdict = compareUnits(figure, unit, row);
            if (verdict === 'same') matched = true;
            else if (verdict === 'different') candidates.push({ row, unit });
          }
        }
        if (matched || candidates.length === 0) continue;
        const text = goal.text.slice(figure.start, figure.end);
        const first = candidates[0];
        const name = first.row.level3.text;
        const noUnit = first.unit === null;
        ctx.report({
          code: 'TT305',
          range: cellRange(goal.cell, base + figure.start, base + figure.end),
          message: noUnit
            ? msg(
                `目标中的「${text}」在指标${quote(name)}中写作「${first.row.target.raw}」，缺少单位「${figure.unit}」。`,
                `The goal states "${text}", but the indicator "${name}" gives "${first.row.target.raw}" with no unit ("${figure.unit}").`,
              )
            : msg(
                `目标中的「${text}」与指标${quote(name)}的指标值「${first.row.target.raw}」单位不一致。`,
                `The goal states "${text}", but the indicator "${name}" gives "${first.row.target.raw}": the units differ.`,
              ),
          related: candidates.slice(0, 3).map((c) => ({
            range: c.row.target.range,
            message: msg(`指标${quote(c.row.level3.text)}的指标值「${c.row.target.raw}」`, `the target "${c.row.target.raw}" of "${c.row.level3.text}"`),
          })),
        });
      }
    }
  },
};

/** Whether a table measures a goal: 年度 ↔ 年度, 长期/中期/实施期 ↔ 长期, 总体 ↔ every table. */
/** Offset of the goal's text in its cell (a cell may hold several numbered goals). */
function goalOffset(goal: Goal): number {
  const at = cellOffset(goal.cell, goal.range.start);
  if (at >= 0 && goal.cell.text.startsWith(goal.text, at)) return at;
  return Math.max(0, goal.cell.text.indexOf(goal.text));
}

type Dimension = 'count' | 'time' | 'money' | 'area' | 'length' | 'mass' | 'volume' | 'percent';

export interface GoalFigure {
  /** Offsets in the goal's text: the number and its unit. */
  start: number;
  end: number;
  value: number;
  /** The unit as written: the measure word and the noun after it (`个行政村`). */
  unit: string;
  /** The measure word or unit of the lexicon (`个`, `批次`, `%`); '' when the unit is a noun only. */
  lead: string;
  /** The noun after it (`行政村`), or the whole unit when it is no lexicon unit. */
  noun: string;
  dimension: Dimension;
}

/** Units of the lexicon by kind of quantity, longest spellings tried first. */
const UNITS: readonly [string, Dimension][] = [
  ['个百分点', 'percent'],
  ['百分点', 'percent'],
  ['平方公里', 'area'],
  ['平方米', 'area'],
  ['公顷', 'area'],
  ['亩', 'area'],
  ['立方米', 'volume'],
  ['公里', 'length'],
  ['千米', 'length'],
  ['米', 'length'],
  ['千克', 'mass'],
  ['公斤', 'mass'],
  ['吨', 'mass'],
  ['斤', 'mass'],
  ['元', 'money'],
  ['小时', 'time'],
  ['分钟', 'time'],
  ['工作日', 'time'],
  ['季度', 'time'],
  ['天', 'time'],
  ['周', 'time'],
  ['年', 'time'],
  ['月', 'time'],
  ['日', 'time'],
  ['号', 'time'],
  ...'人次 批次 场次 课时 学时 户次 车次 班次 架次 期次 人 名 位 个 次 门 项 家 所 座 处 批 条 辆 台 套 张 本 册 份 件 场 支 间 栋 幢 户 只 块 株 棵 篇 部 期 班 节 课 村 届 层 倍 类 种 轮 组 队 床 幅 盏 根 片 例 起 宗 单 卷 字 盆 站 点 分'
    .split(' ')
    .map((u): [string, Dimension] => [u, 'count']),
];
const UNITS_BY_LENGTH = [...UNITS].sort((a, b) => b[0].length - a[0].length);
const MAGNITUDE = '万亿千百';
/** Characters that end the noun after a measure word: particles and conjunctions. */
const NOUN_STOP = '的和及与或等并以每共于在为是达至到、';
const QUALIFIER = /^(?:及以上|以上|以下|以内|左右|余|多)/;
const PERSONS = new Set(['人', '名', '位']);
/** Figures that are dates: a unit that is a date part. */
const DATE_UNITS = new Set(['月', '日', '号']);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** The figures (number + unit) of a goal's text, in order. */
export function goalFigures(goalText: string): GoalFigure[] {
  const s = toHalfWidth(goalText);
  const out: GoalFigure[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    const prev = start > 0 ? s.charCodeAt(start - 1) : 0;
    let j = i;
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    const intDigits = j - start;
    while (
      intDigits <= 3 &&
      s[j] === ',' &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3)) &&
      !isDigit(s.charCodeAt(j + 4))
    ) {
      j += 4;
    }
    if (s[j] === '.' && isDigit(s.charCodeAt(j + 1))) {
      j++;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
    }
    const numEnd = j;
    i = numEnd;
    // Part of a code or a name (`G107`, `5G`), an ordinal (`第3`), a range (`1-2次`, `3至5个`), an amount per unit (`每村4400元`).
    if (isLetter(prev) || prev === 0x2e /* . */ || s[start - 1] === '第') continue;
    if (/^[-~～—–至到]\s*\d/.test(s.slice(numEnd, numEnd + 3)) || /[-~～—–至到]$/.test(s.slice(Math.max(0, start - 1), start))) continue;
    if (/每[^\s,，;；。、]{0,2}$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    const value = Number(s.slice(start, numEnd).replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    let k = numEnd;
    if (s[k] === ' ') k++;
    if (s[k] === '余' || s[k] === '多') k++;
    let lead: string;
    let dimension: Dimension = 'count';
    const ch = s.charCodeAt(k);
    if (ch === 0x25 /* % */ || ch === 0x2030 /* ‰ */) {
      lead = s[k];
      dimension = 'percent';
    } else if (isLetter(ch)) {
      let e = k;
      while (e < n && isLetter(s.charCodeAt(e))) e++;
      lead = s.slice(k, e);
    } else {
      // `千米`, `百分点` are units of their own; else a magnitude before a unit (`万人次`, `万元`).
      const mag = k < n && unitAt(s, k) === null && MAGNITUDE.includes(s[k]) ? s[k] : '';
      const hit = unitAt(s, k + mag.length);
      if (hit) {
        lead = mag + hit[0];
        dimension = hit[1];
      } else lead = mag; // `8.6万农村人口`: a count in ten thousands of the noun after it
    }
    let e = k + lead.length;
    // The noun after a measure word (`个行政村`), or a unit that is a noun only.
    let noun = '';
    if (dimension === 'count' && !isLetter(ch)) {
      const rest = s.slice(e).replace(QUALIFIER, '');
      if (rest.length === s.length - e) {
        let m = 0;
        while (m < rest.length && m < 6 && isHan(rest.charCodeAt(m)) && !NOUN_STOP.includes(rest[m])) m++;
        noun = rest.slice(0, m);
      }
    }
    if (lead === '' && noun === '') continue;
    e += noun.length;
    // A rate per unit (`704元/村`, `3次/年`).
    if (s[e] === '/' || s[e] === '／' || s[e] === '每') continue;
    // Years and dates.
    if (lead === '年' && intDigits === 4) continue;
    if (lead === '' && intDigits === 4 && value >= 1900 && value <= 2100) continue;
    if (DATE_UNITS.has(lead)) continue;
    out.push({ start, end: e, value, unit: s.slice(k, e), lead, noun, dimension });
    i = e;
  }
  return out;
}

function unitAt(s: string, k: number): readonly [string, Dimension] | null {
  for (const u of UNITS_BY_LENGTH) if (s.startsWith(u[0], k)) return u;
  return null;
}

function dimensionOf(unit: string): Dimension | null {
  if (unit.startsWith('%') || unit.startsWith('‰')) return 'percent';
  const own = unitAt(unit, 0);
  if (own) return own[1];
  const after = MAGNITUDE.includes(unit[0]) ? unitAt(unit, 1) : null;
  return after ? after[1] : null;
}

/**
 * The goal's figure against an indicator's unit: the same unit, a different one, or another kind
 * of quantity (a coincidence of numbers, not compared).
 */
function compareUnits(figure: GoalFigure, unit: string | null, row: IndicatorRow): 'same' | 'different' | 'unrelated' {
  if (unit === null || unit === '') {
    // A money row's bare figure takes the header's money unit (TT101's exemption): the goal names it.
    if (figure.dimension === 'money' && (isCostCategory(row) || isMoneyName(row))) return 'same';
    // A rate's bare figure (`完成率 100`) is a rate that lost its %, not the goal's count.
    if (figure.dimension !== 'percent' && (isRatioName(row) || isSatisfactionCategory(row))) return 'unrelated';
    return 'different';
  }
  const u = unit;
  if (u === figure.unit || u === figure.lead) return 'same';
  if (PERSONS.has(u) && PERSONS.has(figure.lead)) return 'same';
  // The noun names what is counted, and where it ends is a guess (`8.6万农村人口饮水安全` reads the noun
  // `农村人口饮`): a unit naming a character of it counts the same things (`个行政村` ~ `村`, `万农村人口` ~ `万人`).
  if (figure.noun !== '' && figure.noun.includes(u[u.length - 1])) return 'same';
  const d = dimensionOf(u) ?? 'count';
  if (d !== figure.dimension) return 'unrelated';
  return 'different';
}
