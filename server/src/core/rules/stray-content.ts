/** TT502 stray-content: content the parser could not place in the document's structure. */
import type { Rule } from './types';
import { msg } from './util/text';

export const strayContent: Rule = {
  code: 'TT502',
  name: 'stray-content',
  title: msg('无法归入表格的内容', 'Stray content'),
  defaultSeverity: 'warning',
  description: msg('无法归入表格结构的内容（游离的文字或表格行）。', 'Content that does not fit the table structure (stray text or rows).'),
  fixable: false,
  check(ctx) {
    for (const s of ctx.section.stray) {
      if (s.reason === 'unexpected-width') continue;
      const text = s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text;
      ctx.report({
        code: 'TT502',
        range: s.range,
        message:
          s.reason === 'no-table'
            ? msg(`内容「${text}」不属于任何目标表。`, `"${text}" does not belong to any goal table.`)
            : msg(`内容「${text}」无法归入表格结构。`, `"${text}" does not fit the table structure.`),
      });
    }
  },
};
