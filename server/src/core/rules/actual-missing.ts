/**
 * TT604 actual-missing: a self-evaluation row (docs/format.md §7.6) with a target but no 完成值, or
 * no 得分 where the table has a 得分 column. One finding per row, naming what is missing, at the
 * empty 完成值 cell (else the empty 得分 cell). A placeholder (`/`, `—`) was written on purpose
 * and counts as given; an empty target is TT405's.
 */
import type { Range } from '../model';
import type { Rule } from './types';
import { isBlank, isSelfEvaluation } from './util/columns';
import { indicatorRows, msg, quote } from './util/text';

export const actualMissing: Rule = {
  code: 'TT604',
  name: 'actual-missing',
  title: msg('缺少完成值', 'Actual value missing'),
  defaultSeverity: 'warning',
  description: msg(
    '自评表中有指标值的指标没有填写完成值（或得分）。',
    'In a self-evaluation table, an indicator with a target has no actual value (完成值), or no score (得分).',
  ),
  fixable: false,
  check(ctx) {
    if (!isSelfEvaluation(ctx.section)) return;
    const rows = indicatorRows(ctx);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.target.kind === 'empty') continue;
      const noActual = isBlank(row.actual);
      const noScore = isBlank(row.score);
      if (!noActual && !noScore) continue;
      const at: Range = noActual ? (row.actual!.cell?.range ?? row.actual!.range) : (row.score!.cell?.range ?? row.score!.range);
      const what =
        noActual && noScore
          ? { zh: '完成值和得分', en: 'actual value (完成值) and score (得分)' }
          : noActual
            ? { zh: '完成值', en: 'actual value (完成值)' }
            : { zh: '得分', en: 'score (得分)' };
      const name = row.level3.text;
      ctx.report({
        code: 'TT604',
        range: at,
        message: msg(`${quote(name)}有指标值「${row.target.raw}」，但没有填写${what.zh}。`, `"${name}" has a target ("${row.target.raw}") but no ${what.en}.`),
      });
    }
  },
};
