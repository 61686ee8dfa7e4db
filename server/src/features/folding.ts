/** Folding ranges: each department, its 整体绩效总目标 overview and each goal table. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { BodyCache } from '../core/body-cache';
import type { DocumentModel, Range, SectionBody } from '../core/model';

/**
 * A department's folds relative to its first line, as [startLine, endLine] pairs: plain data kept
 * per section body, so a request reads no section tree (trees are built on demand and
 * only a few are kept: walking every department's tree per request was far too slow).
 */
const folds = new BodyCache<readonly number[]>();

function sectionFolds(body: SectionBody): readonly number[] {
  return folds.getOrCreate(body, () => {
    const folds: number[] = [];
    const add = (r: Range) => {
      if (r.end.line > r.start.line) folds.push(r.start.line, r.end.line);
    };
    if (body.title) {
      // A department ends at its last non-blank line, so the blank lines before the next title stay visible.
      let last = body.lines.length - 1;
      while (last > 0 && body.lines[last].trim() === '') last--;
      add({ start: { line: 0, character: 0 }, end: { line: last, character: 0 } });
      if (body.overview) add(body.overview.range);
      for (const t of body.tables) add(t.range);
    }
    return folds;
  });
}

export function foldingRanges(model: DocumentModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const ref of model.sections) {
    const folds = sectionFolds(ref.body);
    for (let i = 0; i < folds.length; i += 2) {
      out.push({ startLine: ref.startLine + folds[i], endLine: ref.startLine + folds[i + 1], kind: FoldingRangeKind.Region });
    }
  }
  return out;
}
