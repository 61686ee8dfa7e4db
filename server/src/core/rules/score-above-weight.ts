/**
 * TT601 score-above-weight: in a self-evaluation table (docs/format.md §7.6), a row whose 得分 is
 * greater than its 分值/权重. A score equal to the weight is full marks, not an error.
 */
import type { Rule } from './types';
import { isSelfEvaluation } from './util/columns';
import { formatNumber, indicatorRows, msg, quote } from './util/text';

export const scoreAboveWeight: Rule = {
  code: 'TT601',
  name: 'score-above-weight',
  title: msg('得分超过分值', 'Score above its weight'),
  defaultSeverity: 'error',
  description: msg('自评表中指标的得分超过了该指标的分值（权重）。', 'In a self-evaluation table, an indicator scores more than its weight (分值/权重).'),
  fixable: false,
  check(ctx) {
    if (!isSelfEvaluation(ctx.section)) return;
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const score = row.score?.number;
      const weight = row.weight?.number;
      if (!score || !weight || row.score!.kind !== 'numeric' || row.weight!.kind !== 'numeric') continue;
      if (score.value <= weight.value + 1e-9) continue;
      const name = row.level3.text;
      ctx.report({
        code: 'TT601',
        range: score.range,
        message: msg(
          `${quote(name)}的得分 ${formatNumber(score.value)} 超过了分值（权重）${formatNumber(weight.value)}。`,
          `"${name}" scores ${formatNumber(score.value)}, more than its weight of ${formatNumber(weight.value)}.`,
        ),
        related: [{ range: weight.range, message: msg('分值（权重）', 'the weight') }],
      });
    }
  },
};
