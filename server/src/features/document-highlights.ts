/**
 * Document highlights for goal navigation (./goal-links.ts): on a goal or a table's header row, the
 * goal(s) and the header of every table measuring them. The goal is marked Write (it is where the
 * target is stated, as a declaration is), the tables Read (they measure it). Nothing elsewhere.
 */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { comparePositions, type DocumentModel, type Position } from '../core/model';
import { dedupe, referenceRanges } from './references';

export function documentHighlightsAt(model: DocumentModel, position: Position): DocumentHighlight[] | null {
  const found = referenceRanges(model, position);
  if (!found) return null;
  const goals = dedupe(found.goals).map((range) => ({ range, kind: DocumentHighlightKind.Write }));
  const tables = dedupe(found.tables).map((range) => ({ range, kind: DocumentHighlightKind.Read }));
  return [...goals, ...tables].sort((a, b) => comparePositions(a.range.start, b.range.start));
}
