/**
 * Outline: departments → 整体绩效总目标 (its goals) and each goal table → indicators.
 * Each symbol's range covers its whole block (so breadcrumbs follow the cursor) and its
 * selection range is the name inside it.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { DocumentModel, GoalTable, OverviewGoal, Range, SectionRef } from '../core/model';
import { absRange, sectionRange } from '../core/model';
import { labels, type Labels, type Locale } from '../i18n';
import { comparePositions } from './fixes';
import { goalLabel } from './hover';

/** The selection range clamped into the range (clients reject a selection outside its symbol). */
function within(range: Range, sel: Range): Range {
  const clamp = (p: Range['start']) =>
    comparePositions(p, range.start) < 0 ? range.start : comparePositions(p, range.end) > 0 ? range.end : p;
  const start = clamp(sel.start);
  const end = clamp(sel.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start, end: start };
}

function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children?: DocumentSymbol[]): DocumentSymbol {
  const s: DocumentSymbol = { name: name.trim() || '-', kind, range, selectionRange: within(range, selection) };
  if (detail) s.detail = detail;
  if (children) s.children = children;
  return s;
}

function goalSymbol(ref: SectionRef, g: OverviewGoal, L: Labels): DocumentSymbol {
  const range = absRange(ref, g.cell.range);
  return symbol(goalLabel(g.kind, g.number, L), g.text, SymbolKind.Event, range, range);
}

function tableSymbol(ref: SectionRef, t: GoalTable, L: Labels): DocumentSymbol {
  const indicators = t.rows.map((r) => {
    const range = absRange(ref, r.range);
    return symbol(r.level3.text || L.empty, r.target.raw || undefined, SymbolKind.Field, range, absRange(ref, r.level3.range));
  });
  return symbol(goalLabel(t.kind, t.number, L), t.goalText, SymbolKind.Class, absRange(ref, t.range), absRange(ref, t.headerCell.range), indicators);
}

/**
 * Editors ask for the outline after every edit. A department's symbols are kept on its section
 * body with the start line they were made for, so after a keystroke only the edited department
 * (and departments whose start line moved) are rebuilt.
 */
export function documentSymbols(model: DocumentModel, locale: Locale): DocumentSymbol[] {
  const L = labels(locale);
  const out: DocumentSymbol[] = [];
  for (const ref of model.sections) {
    if (!ref.body.title) continue; // text before the first title is no department
    const key = `symbols:${locale}`;
    let c = ref.body.cache.get(key) as { startLine: number; symbol: DocumentSymbol } | undefined;
    if (!c || c.startLine !== ref.startLine) {
      c = { startLine: ref.startLine, symbol: departmentSymbol(ref, L) };
      ref.body.cache.set(key, c);
    }
    out.push(c.symbol);
  }
  return out;
}

function departmentSymbol(ref: SectionRef, L: Labels): DocumentSymbol {
  const body = ref.body;
  const title = body.title!;
  const children: DocumentSymbol[] = [];
  if (body.overview) {
    const goals: DocumentSymbol[] = [];
    for (const r of body.overview.rows) {
      if (r.long) goals.push(goalSymbol(ref, r.long, L));
      if (r.annual) goals.push(goalSymbol(ref, r.annual, L));
    }
    const ov = body.overview;
    const first = ov.headerRow.cells.find((c) => c.text !== '') ?? ov.headerRow.cells[0];
    children.push(symbol(L.overview, undefined, SymbolKind.Namespace, absRange(ref, ov.range), absRange(ref, first.range), goals));
  }
  for (const t of body.tables) children.push(tableSymbol(ref, t, L));
  return symbol(body.department || title.text || L.untitled, undefined, SymbolKind.Module, absRange(ref, sectionRange(body)), absRange(ref, title.nameRange), children);
}
