/**
 * Text before the first title (a preamble section). A submission often opens with a cover text
 * (`附件1`, a project's narrative, a form number): paragraphs typed without a TAB are notes, a
 * `label:value` cell (`报表编号:510000_0013zp`) is a field; rows of table cells that no title
 * introduces fit nowhere and are stray, so the rules can point at them.
 */
import type { Row } from '../../model';
import type { SectionTree } from '../section-tree';
import { isEmptyRow, strayNode } from './rows';

const INLINE_FIELD = /^[^:：]{1,20}[:：]\s*\S/;

export function parsePreamble(tree: SectionTree): void {
  for (const row of tree.rows) {
    if (isEmptyRow(row)) continue;
    if (row.cells.length === 1 && !row.cells[0].tab) tree.footers.push({ kind: 'note', row, range: row.range });
    else if (isInlineFieldRow(row)) {
      for (const cell of row.cells) if (cell.text !== '') tree.fields.push({ key: null, label: cell, value: null, group: null, code: null });
    } else tree.stray.push(strayNode('stray-text', row));
  }
}

function isInlineFieldRow(row: Row): boolean {
  let any = false;
  for (const cell of row.cells) {
    if (cell.text === '') continue;
    if (!INLINE_FIELD.test(cell.text)) return false;
    any = true;
  }
  return any;
}
