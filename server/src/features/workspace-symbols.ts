/**
 * Workspace symbols: department names and goals (overview goals and goal tables) across open documents.
 * In the document's own words in every locale (like the outline's names, ./document-symbols.ts), and
 * each goal's `containerName` starts with its section's name, which Go to Symbol in Workspace shows
 * beside it, so a goal says which department or project it is of.
 */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import type { DocumentModel, Range, SectionBody } from '../core/model';
import { BodyCache } from '../core/body-cache';
import { absRange } from '../core/model';
import { compact } from '../core/text';
import { isListedSection } from '../core/parse/section';
import { NAMES, goalLabel, tableName } from '../i18n';
import { sectionName } from '../core/locale';
import { GOAL_KIND, SECTION_KIND, TABLE_KIND } from './document-symbols';

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

interface SectionSymbol {
  name: string;
  kind: SymbolKind;
  containerName?: string;
  /** Relative to the section. */
  range: Range;
}

/** Each department's symbols relative to its first line (no tree read on later requests). */
const symbolsOf = new BodyCache<readonly SectionSymbol[]>();

function sectionSymbols(body: SectionBody): readonly SectionSymbol[] {
  return symbolsOf.getOrCreate(body, () => {
    const syms: SectionSymbol[] = [];
    // Sections the outline lists: titled ones with content, and an untitled table (its title not exported).
    if (!isListedSection(body)) return syms;
    const L = NAMES;
    const dept = sectionName(body, 'zh');
    syms.push({ name: dept, kind: SECTION_KIND, range: body.title?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    for (const r of body.overview?.rows ?? []) {
      for (const g of [r.long, r.annual]) {
        if (!g || !g.text) continue;
        syms.push({ name: g.text, kind: GOAL_KIND, containerName: `${dept} › ${L.overview} › ${goalLabel(g.kind, g.number, L)}`, range: g.cell.range });
      }
    }
    // A header-driven section's goals, named by their text, under the label the document gives them.
    for (const g of body.goals) {
      if (g.text) syms.push({ name: g.text, kind: GOAL_KIND, containerName: `${dept} › ${compact(g.label.text)}${g.number ?? ''}`, range: g.range });
    }
    for (const t of body.tables) {
      syms.push({
        name: t.goalText || tableName(t, L),
        kind: TABLE_KIND,
        containerName: `${dept} › ${tableName(t, L)}`,
        range: t.headerRow.range,
      });
    }
    return syms;
  });
}

export function workspaceSymbols(docs: readonly { uri: string; model: DocumentModel }[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const { uri, model } of docs) {
    for (const ref of model.sections) {
      for (const s of sectionSymbols(ref.body)) {
        if (out.length >= LIMIT) return out;
        if (!matchesQuery(s.name, query)) continue;
        const location = { uri, range: absRange(ref, s.range) };
        out.push(
          s.containerName === undefined ? { name: s.name, kind: s.kind, location } : { name: s.name, kind: s.kind, containerName: s.containerName, location },
        );
      }
    }
  }
  return out;
}
