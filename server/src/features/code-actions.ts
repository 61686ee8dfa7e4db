/**
 * Code actions:
 *  - a preferred quick fix per diagnostic that has a fix (edits exactly the fix's edits);
 *  - "fix all N problems of this kind in the file" per code (safe fixes of that code);
 *  - `source.fixAll.targetTable`: every safe fix in the file (fix-on-save).
 * Both fix-alls take only problems the Problems panel lists (`fixAllTakes`: no hints), so saving never
 * changes a line the user was not shown a problem on.
 *
 * VS Code asks for code actions at every cursor move. A "fix all of this kind" action carries an
 * edit for every problem of that code in the file (thousands of edits on a big file, at every
 * cursor move), so for clients that can resolve code actions lazily
 * (`codeAction.resolveSupport` with `edit`) it is sent without its edit and resolved when chosen,
 * as vscode-eslint does.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { DocumentModel } from '../core/model';
import type { DocumentProblem } from '../core/rules/index';
import { labels } from '../i18n';
import { msg, type Locale } from '../core/locale';
import { SOURCE, documentProblems, toDiagnostic } from './diagnostics';
import { collectFixEdits, fixAll, fixAllTakes } from '../core/fixes';
import { comparePositions, rangesIntersect } from '../core/model';
import type { Settings } from '../core/settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.targetTable`;

export interface CodeActionInput {
  uri: string;
  /** The document version, to make the edit refuse to apply to a newer text. Omit for plain `changes`. */
  version?: number;
  range: Range;
  /** The client's diagnostics at the range (context.diagnostics). */
  diagnostics: readonly Diagnostic[];
  /** context.only */
  only?: readonly string[];
  /** The client resolves code actions (`codeAction/resolve`): leave fix-all-of-kind edits to it. */
  resolveEdits?: boolean;
}

/** What a fix-all-of-kind action sent without its edit carries, to be resolved later. */
export interface FixAllOfKindData {
  fixAllOfKind: string;
  uri: string;
}

function isFixAllOfKindData(d: unknown): d is FixAllOfKindData {
  return !!d && typeof d === 'object' && typeof (d as FixAllOfKindData).fixAllOfKind === 'string' && typeof (d as FixAllOfKindData).uri === 'string';
}

/** Whether an action of `kind` is wanted by a request filtered by `only` (hierarchical kinds). */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(uri: string, version: number | undefined, edits: LspTextEdit[]): WorkspaceEdit {
  if (version === undefined) return { changes: { [uri]: edits } };
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** The client's diagnostic for a problem (same code and range), else one built from the problem. */
export function diagnosticFor(p: DocumentProblem, input: CodeActionInput, locale: Locale): Diagnostic {
  const own = input.diagnostics.find((d) => (d.source === undefined || d.source === SOURCE) && d.code === p.code && sameRange(d.range, p.range));
  return own ?? toDiagnostic(p, input.uri, locale);
}

/**
 * The problems of a list sorted by start line, with the longest span, built once per list: code
 * actions run at every cursor move, and scanning every problem of a big file for the few under
 * the cursor was too slow for that.
 */
const byLineCache = new WeakMap<readonly DocumentProblem[], { sorted: { p: DocumentProblem; i: number }[]; span: number }>();

/** The problems that may intersect `range` (a superset: the caller tests each), in the list's order. */
export function problemsNear(problems: readonly DocumentProblem[], range: Range): DocumentProblem[] {
  let idx = byLineCache.get(problems);
  if (!idx) {
    const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.range.start.line - b.p.range.start.line || a.i - b.i);
    let span = 0;
    for (const { p } of sorted) span = Math.max(span, p.range.end.line - p.range.start.line);
    byLineCache.set(problems, (idx = { sorted, span }));
  }
  const { sorted, span } = idx;
  // the first problem starting at or after range.start.line - span (none before it can reach the range)
  const from = range.start.line - span;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].p.range.start.line < from) lo = mid + 1;
    else hi = mid;
  }
  const out: { p: DocumentProblem; i: number }[] = [];
  for (let k = lo; k < sorted.length && sorted[k].p.range.start.line <= range.end.line; k++) out.push(sorted[k]);
  return out.sort((a, b) => a.i - b.i).map((x) => x.p);
}

/**
 * "Fix all of this kind" for one code, once per list of problems (a list belongs to one document
 * version): the cursor moves far more often than the text changes, and on a big file this was
 * thousands of edits to collect and check for overlaps at every move.
 */
const fixAllOfKindCache = new WeakMap<readonly DocumentProblem[], Map<string, { edits: LspTextEdit[]; fixes: number }>>();

function fixAllOfKind(
  model: DocumentModel,
  settings: Settings,
  problems: readonly DocumentProblem[],
  code: string,
  accept: (p: DocumentProblem) => boolean,
): { edits: LspTextEdit[]; fixes: number } {
  let byCode = fixAllOfKindCache.get(problems);
  if (!byCode) fixAllOfKindCache.set(problems, (byCode = new Map()));
  let r = byCode.get(code);
  if (!r) {
    // One pass is enough unless fixes of this code overlap (then the multi-pass fix-all).
    const once = collectFixEdits(problems, accept);
    r = once.skipped === 0 ? once : fixAll(model, settings, accept, problems);
    byCode.set(code, { edits: r.edits, fixes: r.fixes });
  }
  return r;
}

export function codeActions(
  model: DocumentModel,
  input: CodeActionInput,
  settings: Settings,
  locale: Locale,
  problems: readonly DocumentProblem[] = documentProblems(model, settings),
): CodeAction[] {
  const L = labels(locale);
  const actions: CodeAction[] = [];

  if (kindRequested(CodeActionKind.QuickFix, input.only)) {
    const here = problemsNear(problems, input.range).filter((p) => p.fix && p.fix.edits.length > 0 && rangesIntersect(p.range, input.range));
    for (const p of here) {
      actions.push({
        title: msg(p.fix!.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnosticFor(p, input, locale)],
        isPreferred: true,
        edit: workspaceEdit(
          input.uri,
          input.version,
          p.fix!.edits.map((e) => ({ range: e.range, newText: e.newText })),
        ),
      });
    }
    // One "fix all of this kind" per code seen here, when the file has more than one safe fix of it.
    const codes = [...new Set(here.map((p) => p.code))];
    for (const code of codes) {
      const accept = (p: DocumentProblem) => p.code === code && fixAllTakes(p);
      const r = fixAllOfKind(model, settings, problems, code, accept);
      if (r.fixes < 2) continue;
      const action: CodeAction = {
        title: L.fixAllOfKind(code, r.fixes),
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((p) => p.code === code).map((p) => diagnosticFor(p, input, locale)),
      };
      if (input.resolveEdits) action.data = { fixAllOfKind: code, uri: input.uri } satisfies FixAllOfKindData;
      else action.edit = workspaceEdit(input.uri, input.version, r.edits);
      actions.push(action);
    }
  }

  // Only when asked for by kind (fix-on-save, "Source Action…"): the lightbulb request that
  // comes with every cursor move has no `only` and should not pay for a whole-file fix-all.
  if (input.only && input.only.length > 0 && kindRequested(FIX_ALL_KIND, input.only)) {
    // Cheap test first: the full multi-pass fix-all only runs when there is something to fix.
    if (collectFixEdits(problems).edits.length > 0) {
      const r = fixAll(model, settings, undefined, problems);
      actions.push({
        title: L.fixAll,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(input.uri, input.version, r.edits),
      });
    }
  }
  return actions;
}

/**
 * `codeAction/resolve`: fills in the edit of a fix-all-of-kind action sent without one, against
 * the document as it is now (the edit carries the current version, so a client refuses it for
 * any other text). Other actions come back unchanged.
 */
export function resolveCodeAction(
  action: CodeAction,
  model: DocumentModel,
  uri: string,
  version: number | undefined,
  settings: Settings,
  problems: readonly DocumentProblem[] = documentProblems(model, settings),
): CodeAction {
  const data = action.data;
  if (action.edit || !isFixAllOfKindData(data) || data.uri !== uri) return action;
  const code = data.fixAllOfKind;
  const r = fixAllOfKind(model, settings, problems, code, (p) => p.code === code && fixAllTakes(p));
  return { ...action, edit: workspaceEdit(uri, version, r.edits) };
}
