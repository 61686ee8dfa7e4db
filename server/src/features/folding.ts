/** Folding ranges: each department, its 整体绩效总目标 overview and each goal table. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { DocumentModel, Range, SectionRef } from '../core/model';

export function foldingRanges(model: DocumentModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (ref: SectionRef, r: Range) => {
    const startLine = ref.startLine + r.start.line;
    const endLine = ref.startLine + r.end.line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const ref of model.sections) {
    const body = ref.body;
    if (!body.title) continue;
    // A department ends at its last non-blank line, so the blank lines before the next title stay visible.
    let last = body.lines.length - 1;
    while (last > 0 && body.lines[last].trim() === '') last--;
    add(ref, { start: { line: 0, character: 0 }, end: { line: last, character: 0 } });
    if (body.overview) add(ref, body.overview.range);
    for (const t of body.tables) add(ref, t.range);
  }
  return out;
}
