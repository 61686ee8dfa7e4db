/**
 * Folding ranges: each department, its 整体绩效总目标 overview and each goal table; in other templates
 * (docs/format.md §7) each section, its header zone (the fields) and each indicator table.
 */
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
      const fields = body.fields;
      if (fields.length > 1) add({ start: fields[0].label.range.start, end: (fields[fields.length - 1].value ?? fields[fields.length - 1].label).range.end });
      // Side-by-side blocks are tables sharing one header row: one fold.
      let previous: Range | null = null;
      for (const t of body.tables) {
        if (previous === null || t.range.start.line !== previous.start.line) add(t.range);
        previous = t.range;
      }
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
