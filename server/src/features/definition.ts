/**
 * Go to Definition between goals and their tables (./goal-links.ts): on a goal → the header row of
 * each table measuring it; on a table's header row → the goal(s) it measures. Nothing elsewhere.
 * Clients that take links (`definition.linkSupport`, as VS Code does) get the whole header row as the
 * target with its naming cell selected, and the cell under the cursor as the origin.
 */
import type { Location, LocationLink } from 'vscode-languageserver';
import { absRange, comparePositions, type DocumentModel, type Position, type Range } from '../core/model';
import { goalLinksAt, goalRange, tableAnchor } from './goal-links';

export function definitionAt(model: DocumentModel, uri: string, position: Position, linkSupport: boolean): Location[] | LocationLink[] | null {
  const links = goalLinksAt(model, position);
  if (!links) return null;
  const { ref } = links;
  const origin = absRange(ref, links.origin);
  const targets: { range: Range; selection: Range }[] =
    links.at === 'goal'
      ? links.tables.map((t) => ({ range: absRange(ref, t.headerRow.range), selection: absRange(ref, tableAnchor(ref.body, t).range) }))
      : links.goals.map((g) => {
          const r = absRange(ref, goalRange(g));
          return { range: r, selection: r };
        });
  if (targets.length === 0) return null;
  if (!linkSupport) return targets.map((t) => ({ uri, range: t.range }));
  return targets.map((t) => ({ originSelectionRange: origin, targetUri: uri, targetRange: cover(t.range, t.selection), targetSelectionRange: t.selection }));
}

/** The smallest range holding both (a link's selection must lie inside its target range). */
function cover(a: Range, b: Range): Range {
  return { start: comparePositions(b.start, a.start) < 0 ? b.start : a.start, end: comparePositions(a.end, b.end) < 0 ? b.end : a.end };
}
