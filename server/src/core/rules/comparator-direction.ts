/**
 * TT202 comparator-direction: a direction that contradicts the indicator. Cost ceilings, rates
 * of bad things (事故率, 投诉率 …) and deadlines/response times take ≤; good rates (完成率,
 * 覆盖率 …) and satisfaction take ≥ (or an exact value). Reads 以上/以内 qualifiers too.
 * Only targets are checked (前年/上年 actuals carry no direction: TT204).
 */
import type { Comparator, Range } from '../model';
import { valueDirection } from '../parse/value';
import type { Message, Rule } from './types';
import { type DirectionClass, directionClass } from './util/indicators';
import { fix, indicatorRows, msg, quote } from './util/text';

const UP = new Set<Comparator>(['≥', '>']);
const DOWN = new Set<Comparator>(['≤', '<']);
const FLIP: Partial<Record<Comparator, Comparator>> = { '≥': '≤', '>': '<', '≤': '≥', '<': '>' };

const WANTS: Record<Exclude<DirectionClass, null>, { down: boolean; what: Message }> = {
  cost: { down: true, what: msg('成本指标应设上限（≤）', 'a cost is a ceiling (≤)') },
  'bad-rate': { down: true, what: msg('该比率越低越好，应设上限（≤）', 'a rate of bad events is a ceiling (≤)') },
  deadline: { down: true, what: msg('时限、响应时间应设上限（≤）', 'a deadline or response time is a ceiling (≤)') },
  'good-rate': { down: false, what: msg('该比率越高越好，应设下限（≥）', 'a rate of good outcomes is a floor (≥)') },
  satisfaction: { down: false, what: msg('满意度应设下限（≥）', 'satisfaction is a floor (≥)') },
};

export const comparatorDirection: Rule = {
  code: 'TT202',
  name: 'comparator-direction',
  title: msg('比较方向错误', 'Comparator pointing the wrong way'),
  defaultSeverity: 'warning',
  description: msg(
    '比较方向与指标性质相反：成本、负面比率（事故率、投诉率等）和时限应为「≤」，正面比率（完成率、覆盖率等）和满意度应为「≥」。',
    'The comparator points the wrong way for the indicator: costs, rates of bad events and deadlines take ≤; rates of good outcomes and satisfaction take ≥.',
  ),
  fixable: true,
  check(ctx) {
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const v = row.target;
      if (v.kind !== 'numeric') continue;
      const dir = valueDirection(v);
      if (!dir || dir === '=') continue;
      const cls = directionClass(row, v);
      if (!cls) continue;
      const want = WANTS[cls];
      const wrong = want.down ? UP.has(dir) : DOWN.has(dir);
      if (!wrong) continue;
      const fromSymbol = v.comparator !== null;
      const range: Range = fromSymbol ? v.comparator!.range : v.qualifier!.range;
      const written = fromSymbol ? v.comparator!.raw : v.qualifier!.text;
      const flipped = fromSymbol ? FLIP[v.comparator!.normalized] : undefined;
      ctx.report({
        code: 'TT202',
        range,
        message: msg(
          `${quote(row.level3.text)}的指标值「${v.raw}」方向有误：${want.what.zh}，而不是「${written}」。`,
          `The direction of "${v.raw}" for "${row.level3.text}" looks wrong: ${want.what.en}, not "${written}".`,
        ),
        fix: flipped
          ? fix(msg(`将「${written}」改为「${flipped}」`, `Replace "${written}" with "${flipped}"`), [{ range, newText: flipped }], false)
          : undefined,
      });
    }
  },
};
