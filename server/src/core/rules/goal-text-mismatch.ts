/**
 * TT304 goal-text-mismatch: a goal table whose goal text differs from its overview goal's.
 * Compared normalised (whitespace, full/half-width, punctuation and a trailing full stop do not
 * count), so only real wording differences are reported; the overview's text is in the message
 * and in the related information.
 */
import type { Rule } from './types';
import { KIND_NAME, overviewMatches } from '../goals';
import { msg, toHalfWidth } from './util/text';

/** Wording only: no whitespace, no punctuation, half-width. */
export function goalKey(s: string): string {
  return (
    toHalfWidth(s)
      .replace(/[\s\u3000]+/g, '')
      // list numbering inside the text (`…工作；2.提高…`) is layout, not wording
      .replace(/(^|[;。,.])\(?[0-9]{1,2}[).、]?(?=[\u4e00-\u9fff])/g, '$1')
      .replace(/[，,。.；;：:、！!？?“”"‘’'（）()【】[\]《》<>—\-…·]/g, '')
      .toLowerCase()
  );
}

function excerpt(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export const goalTextMismatch: Rule = {
  code: 'TT304',
  name: 'goal-text-mismatch',
  title: msg('目标表述不一致', 'Goal text differs'),
  defaultSeverity: 'information',
  description: msg(
    '目标表中的目标内容与整体绩效总目标中对应目标的表述不一致。',
    "A goal table's goal text differs from the matching goal in the overview (整体绩效总目标).",
  ),
  fixable: false,
  check(ctx) {
    for (const m of overviewMatches(ctx.section, ctx.memo)) {
      const kind = m.kind;
      m.tables.forEach((t, i) => {
        const gi = m.tableToGoal[i];
        if (gi < 0 || !t.goalCell) return;
        const g = m.goals[gi];
        // The same text needs no normalising (goalKey is several replaces over a long text).
        if (t.goalText === g.text || goalKey(t.goalText) === goalKey(g.text)) return;
        ctx.report({
          code: 'TT304',
          range: t.goalCell.range,
          message: msg(
            `「${t.headerCell.text}」的目标内容与整体绩效总目标中的${KIND_NAME[kind].zh}目标不一致。总目标中为：「${excerpt(g.text)}」`,
            `The goal text of "${t.headerCell.text}" differs from the overview's ${KIND_NAME[kind].en} goal, which reads: "${excerpt(g.text)}"`,
          ),
          related: [{ range: g.cell.range, message: msg('整体绩效总目标中的表述', 'The goal as written in the overview') }],
        });
      });
    }
  },
};
