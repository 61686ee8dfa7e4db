/**
 * Find All References between goals and their tables (./goal-links.ts): on a goal or a table's
 * header row, the goal(s) (the declaration, left out when `includeDeclaration` is false) and the
 * header of every table measuring them, in document order. Nothing elsewhere.
 */
import type { Location } from 'vscode-languageserver';
import { absRange, comparePositions, type DocumentModel, type Position, type Range } from '../core/model';
import { goalLinksAt, goalRange, linkedSet, tableAnchor } from './goal-links';

/** The goals' ranges and the tables' naming cells (absolute) of the link at a position; null when it is on neither. */
export function referenceRanges(model: DocumentModel, position: Position): { goals: Range[]; tables: Range[] } | null {
  const links = goalLinksAt(model, position);
  if (!links) return null;
  const { ref } = links;
  const set = linkedSet(links);
  return {
    goals: set.goals.map((g) => absRange(ref, goalRange(g))),
    tables: set.tables.map((t) => absRange(ref, tableAnchor(ref.body, t).range)),
  };
}

export function referencesAt(model: DocumentModel, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const found = referenceRanges(model, position);
  if (!found) return null;
  const ranges = dedupe([...(includeDeclaration ? found.goals : []), ...found.tables]);
  return ranges.map((range) => ({ uri, range }));
}

/** Sorted by position, each range once (side-by-side tables may share a naming cell). */
export function dedupe(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => comparePositions(a.start, b.start) || comparePositions(a.end, b.end));
  return sorted.filter((r, i) => i === 0 || comparePositions(r.start, sorted[i - 1].start) !== 0 || comparePositions(r.end, sorted[i - 1].end) !== 0);
}
