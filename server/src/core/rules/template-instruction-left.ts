/**
 * TT503 template-instruction-left: a cell that still holds the template's instruction instead of
 * content (docs/format.md §7.4): a text ending with a length limit (`…的完成情况(100字以内)`, also
 * after `。`), `对照年度目标,说明…`, a `(≥**个 )` figure placeholder, or a row of `……` only.
 *
 * Header-driven sections only, as the other §7 rules: it reads every cell of every row, and on §3's
 * district template (which has no such cell: a test keeps the sample's findings) that was the most
 * expensive rule of a check, for nothing. Not the text before the first title either, which is
 * notes, not cells to fill. A long explanation that only
 * mentions a limit on the way (`…需说明原因(100字以内);2.…`) is the template's own note, not an
 * instruction left in a cell to be filled.
 */
import type { Row } from '../model';
import type { Rule } from './types';
import { msg } from './util/text';

/** A length limit at the end: `(100字以内)`, `（200字以内）。`, `(限200字)`. */
const LENGTH_LIMIT = /[(（]\s*(?:限|不超过|不多于)?\s*\d+\s*字(?:以内|以下|之内|内|左右)?\s*[)）]\s*[。.]?$/;
/** `对照年度目标,说明…`, `对照绩效目标，说明…`. */
const COMPARE_GOAL = /^对照(?:年度|项目|部门)?(?:绩效)?(?:总)?目标\s*[,，、]?\s*(?:逐项)?说明/;
/** A figure left as `**`: after a comparator (`≥**个`, `(≥**个 )`), or a cell of `**` and a unit (`**%`, `(**个)`). */
const STARS_AFTER_COMPARATOR = /[≥≤><=≧≦＞＜＝]\s*[*＊]{2,}/;
const STARS_AND_UNIT = /^[(（]?\s*[*＊]{2,}\s*[^\s*＊()（）]{1,4}\s*[)）]?$/;

export const templateInstructionLeft: Rule = {
  code: 'TT503',
  name: 'template-instruction-left',
  title: msg('模板说明未替换', 'Template instruction left in'),
  defaultSeverity: 'warning',
  description: msg(
    '单元格中仍是模板的填写说明或占位符（如「(100字以内)」「对照年度目标,说明…」「≥**个」「……」），没有填写实际内容。',
    'A cell still holds the template’s instruction or placeholder ((100字以内), 对照年度目标,说明…, ≥**个, ……) instead of content.',
  ),
  fixable: false,
  check(ctx) {
    const section = ctx.section;
    if (section.layout !== 'indicator-tables') return;
    const rows = section.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (ellipsisRow(row)) {
        const cells = row.cells.filter((c) => c.text !== '');
        ctx.report({
          code: 'TT503',
          range: { start: cells[0].range.start, end: cells[cells.length - 1].range.end },
          message: msg('模板的占位行「……」没有删除或填写。', 'A template placeholder row (……) was neither filled in nor removed.'),
        });
        continue;
      }
      const cells = row.cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!isInstruction(cell.text)) continue;
        ctx.report({
          code: 'TT503',
          range: cell.range,
          message: msg(
            `单元格中仍是模板的填写说明「${shorten(cell.text)}」，请填写实际内容。`,
            `The cell still holds the template's instruction ("${shorten(cell.text)}"): fill in the content.`,
          ),
        });
      }
    }
  },
};

/** Cheap tests of the last and first characters first: most cells are none of these. */
function isInstruction(text: string): boolean {
  const n = text.length;
  if (n < 2) return false;
  const last = text.charCodeAt(n - 1);
  // ) ） 。 .
  if ((last === 0x29 || last === 0xff09 || last === 0x3002 || last === 0x2e) && hasLengthLimit(text)) return true;
  const first = text.charCodeAt(0);
  if (first === 0x5bf9 /* 对 */) return COMPARE_GOAL.test(text);
  // A figure placeholder sits in a value cell, which is short.
  if (n <= MAX_PLACEHOLDER && (text.indexOf('**') >= 0 || text.indexOf('＊＊') >= 0)) return STARS_AFTER_COMPARATOR.test(text) || STARS_AND_UNIT.test(text);
  return false;
}

const MAX_PLACEHOLDER = 40;

/** `字` among the last few characters, then the expression on the tail only (goal texts end in 。 too). */
function hasLengthLimit(text: string): boolean {
  const n = text.length;
  const zi = text.lastIndexOf('字');
  if (zi < 0 || zi < n - 10) return false;
  return LENGTH_LIMIT.test(n > 24 ? text.slice(n - 24) : text);
}

/** A row whose every non-empty cell is an ellipsis (`……`, `...`, `。。。`). */
function ellipsisRow(row: Row): boolean {
  let any = false;
  for (let i = 0; i < row.cells.length; i++) {
    const t = row.cells[i].text;
    if (t === '') continue;
    if (!isEllipsis(t)) return false;
    any = true;
  }
  return any;
}

function isEllipsis(t: string): boolean {
  let dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x2026 /* … */ || c === 0x22ef /* ⋯ */) dots += 3;
    else if (c === 0x2e /* . */ || c === 0x3002 /* 。 */ || c === 0xb7 /* · */) dots++;
    else if (c !== 0x20 && c !== 0x3000) return false;
  }
  return dots >= 3;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.length > 30 ? `${t.slice(0, 14)}…${t.slice(-14)}` : t;
}
