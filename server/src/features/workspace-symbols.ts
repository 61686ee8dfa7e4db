/** Workspace symbols: department names and goals (overview goals and goal tables) across open documents. */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import type { DocumentModel } from '../core/model';
import { absRange } from '../core/model';
import { labels, type Locale } from '../i18n';
import { goalLabel } from './hover';

const LIMIT = 2000;

/** Case-insensitive subsequence match (the client fuzzy-filters again; this only narrows). */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) {
    if (ch === q[i]) i++;
    if (i === q.length) return true;
  }
  return false;
}

export function workspaceSymbols(docs: readonly { uri: string; model: DocumentModel }[], query: string, locale: Locale): WorkspaceSymbol[] {
  const L = labels(locale);
  const out: WorkspaceSymbol[] = [];
  const push = (s: WorkspaceSymbol) => {
    if (out.length < LIMIT && matchesQuery(s.name, query)) out.push(s);
  };
  for (const { uri, model } of docs) {
    for (const ref of model.sections) {
      const body = ref.body;
      if (!body.title) continue;
      const dept = body.department || body.title.text;
      push({ name: dept, kind: SymbolKind.Module, location: { uri, range: absRange(ref, body.title.nameRange) } });
      for (const r of body.overview?.rows ?? []) {
        for (const g of [r.long, r.annual]) {
          if (!g || !g.text) continue;
          push({
            name: g.text,
            kind: SymbolKind.Event,
            containerName: `${dept} › ${L.overview} › ${goalLabel(g.kind, g.number, L)}`,
            location: { uri, range: absRange(ref, g.cell.range) },
          });
        }
      }
      for (const t of body.tables) {
        push({
          name: t.goalText || goalLabel(t.kind, t.number, L),
          kind: SymbolKind.Class,
          containerName: `${dept} › ${goalLabel(t.kind, t.number, L)}`,
          location: { uri, range: absRange(ref, t.headerRow.range) },
        });
      }
    }
  }
  return out;
}
