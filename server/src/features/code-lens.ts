/**
 * Code lenses above each goal ("3 张表 · 24 个指标 · 2 个问题") and each table header
 * ("24 个指标 · 2 个问题") of both layouts (./goal-links.ts). `textDocument/codeLens` gives only
 * where the lenses go (kept per department as plain ranges); `codeLens/resolve` counts, for the
 * lenses the editor shows, the tables, their indicators and the problems in them: the diagnostics the
 * user sees (the session's problems, rules set to 'off' left out, as the status item counts them).
 * A click shows the goal's tables (or the table's goals) in a references peek, through the client
 * command `targetTable.showReferences` (protocol/).
 */
import type { CodeLens, Location } from 'vscode-languageserver';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from '../../../protocol';
import { BodyCache } from '../core/body-cache';
import type { Locale } from '../core/locale';
import { absRange, comparePositions, type DocumentModel, type GoalTable, type Position, type Range, type SectionBody, type SectionRef } from '../core/model';
import { hasTree, retireTree } from '../core/parse/section';
import { isListed, type DocumentProblem } from '../core/rules/index';
import { labels } from '../i18n';
import { goalLinksAt, goalRange, ownsLine, tableAnchor, type LinkedGoal } from './goal-links';

/** What a lens carries from `codeLens` to `codeLens/resolve`: the document and where its goal or table is named. */
export interface CodeLensData {
  uri: string;
  position: Position;
}

function isCodeLensData(d: unknown): d is CodeLensData {
  const x = d as CodeLensData | undefined;
  return !!x && typeof x.uri === 'string' && !!x.position && Number.isInteger(x.position.line) && Number.isInteger(x.position.character);
}

/** The document a lens to resolve belongs to (server.ts looks its session up). */
export function codeLensUri(lens: CodeLens): string | undefined {
  return isCodeLensData(lens.data) ? lens.data.uri : undefined;
}

/** Each department's lens ranges (relative): its goals, then its tables' naming cells. Plain data. */
const anchors = new BodyCache<readonly Range[]>();

function sectionAnchors(body: SectionBody): readonly Range[] {
  return anchors.getOrCreate(body, () => {
    if (body.layout === 'heading' || body.layout === 'preamble') return [];
    // A tree built only for this is dropped again (as the rules do): a whole file's lenses touch every department once.
    const built = !hasTree(body);
    const out: Range[] = [];
    for (const r of body.overview?.rows ?? []) for (const g of [r.long, r.annual]) if (g) out.push(g.cell.range);
    for (const g of body.goals) out.push(g.range);
    const seen = new Set<unknown>();
    for (const t of body.tables) {
      const cell = tableAnchor(body, t);
      if (seen.has(cell)) continue;
      seen.add(cell);
      out.push(cell.range);
    }
    if (built) retireTree(body);
    return out;
  });
}

/** The lenses of a document, unresolved (no title yet). */
export function codeLenses(model: DocumentModel, uri: string): CodeLens[] {
  const out: CodeLens[] = [];
  for (const ref of model.sections) {
    for (const r of sectionAnchors(ref.body)) {
      const range = absRange(ref, r);
      const data: CodeLensData = { uri, position: range.start };
      out.push({ range, data });
    }
  }
  return out;
}

/** Whether a problem lies in a table: in its range and, for blocks side by side, in its own block's columns. */
function inTable(ref: SectionRef, table: GoalTable, p: DocumentProblem): boolean {
  const start = { line: p.range.start.line - ref.startLine, character: p.range.start.character };
  if (comparePositions(start, table.range.start) < 0 || comparePositions(table.range.end, start) < 0) return false;
  return ownsLine(ref.body, table, start.line);
}

/** Listed problems (as the Problems panel shows them) in any of `tables`, each counted once; `problems` are the department's. */
export function problemsInTables(problems: readonly DocumentProblem[], ref: SectionRef, tables: readonly GoalTable[]): number {
  if (tables.length === 0) return 0;
  let n = 0;
  for (const p of problems) if (isListed(p.severity) && tables.some((t) => inTable(ref, t, p))) n++;
  return n;
}

/** The lens's title and command, from the document now; a lens whose goal or table is gone stays without one. */
/** `problemsOf` gives a department's problems (`sectionProblems` of features/diagnostics.ts: checked once per department, not the whole file). */
export function resolveCodeLens(lens: CodeLens, model: DocumentModel, problemsOf: (ref: SectionRef) => readonly DocumentProblem[], locale: Locale): CodeLens {
  if (!isCodeLensData(lens.data)) return lens;
  const { uri, position } = lens.data;
  const links = goalLinksAt(model, position);
  if (!links || (links.at === 'goal' && links.goals.length !== 1)) return lens;
  const { ref } = links;
  const L = labels(locale);
  const sep = ' · ';
  const indicators = (ts: readonly GoalTable[]) => ts.reduce((n, t) => n + t.rows.length, 0);
  let title: string;
  let targets: Range[];
  if (links.at === 'goal') {
    const goal = links.goals[0];
    const tables = links.tables;
    title = [L.tableCount(tables.length), L.indicators(indicators(tables)), L.problemCount(problemsInTables(problemsOf(ref), ref, tables))].join(sep);
    title = goalPrefix(ref.body, goal, L) + title;
    targets = tables.map((t) => tableAnchor(ref.body, t).range);
  } else {
    const tables = links.tables;
    title = [L.indicators(indicators(tables)), L.problemCount(problemsInTables(problemsOf(ref), ref, tables))].join(sep);
    targets = links.goals.map(goalRange);
  }
  const locations: Location[] = targets.map((r) => ({ uri, range: absRange(ref, r) }));
  const args: ShowReferencesArguments = [uri, position, locations];
  // Nothing to show: the title alone (a lens with no command id is not a link).
  const command = locations.length > 0 ? { title, command: SHOW_REFERENCES_COMMAND, arguments: args } : { title, command: '' };
  return { range: lens.range, command, data: lens.data };
}

/** `目标2：` before the lens of one goal of several in one cell (their lenses share a line). */
function goalPrefix(body: SectionBody, goal: LinkedGoal, L: ReturnType<typeof labels>): string {
  if (goal.layout !== 'header' || goal.goal.number === null) return '';
  const cell = goal.goal.cell;
  let inCell = 0;
  for (const g of body.goals) if (g.cell === cell) inCell++;
  return inCell > 1 ? L.goalPrefix(goal.goal.number) : '';
}
