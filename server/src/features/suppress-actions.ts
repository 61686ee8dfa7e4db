/**
 * The two code actions that write a suppression into the review config (core/config), on any
 * target-table problem under the cursor: "在审核配置中忽略此问题" (this problem, by the names of what it is
 * about: core/config/suppressions.ts `suppressionForProblem`) and "在审核配置中对此文件忽略规则 TTxxx".
 * They edit the nearest `.target-table.json` with jsonc-parser (the file's comments and formatting
 * stay), or create one in the document's workspace folder (a CreateFile then the text, where the client
 * can create files). The edit goes to the editor, which applies it to the config's text; the server
 * reads that text (open) or the file (saved) and the problem disappears.
 */
import { CodeActionKind, CreateFile, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import * as path from 'node:path';
import { addSuppressionEdits, newConfigText, suppressionForFile, suppressionForProblem, type SuppressionEntry } from '../core/config';
import { msg, type Locale } from '../core/locale';
import { rangesIntersect, type Range } from '../core/model';
import type { DocumentProblem } from '../core/rules/index';
import type { Message } from '../core/rules/types';
import { kindRequested, problemsNear } from './code-actions';
import type { ConfigTarget } from './review-config';

export interface SuppressActionInput {
  range: Range;
  only?: readonly string[];
  /** Where the suppression is written (./review-config.ts `targetFor`); null: the document has no file path. Asked only when a problem is at the range (it looks on disk). */
  target: () => ConfigTarget | null;
  /** The document's path (the suppression's `file` is relative to the config's folder). */
  filePath: string | null;
  /** The client takes versioned edits (documentChanges), and creates files (resourceOperations `create`). */
  documentChanges: boolean;
  createFiles: boolean;
  /** The client's diagnostic for a problem, for the action's `diagnostics`. */
  diagnosticOf(p: DocumentProblem): Diagnostic;
}

const TITLES = {
  problem: (code: string): Message => ({ zh: `在审核配置中忽略此问题（${code}）`, en: `Ignore this problem in the review config (${code})` }),
  file: (code: string): Message => ({ zh: `在审核配置中对此文件忽略规则 ${code}`, en: `Ignore rule ${code} for this file in the review config` }),
};

/** The suppress actions for the problems at `input.range` (the document's shown problems). */
export function suppressActions(problems: readonly DocumentProblem[], input: SuppressActionInput, locale: Locale): CodeAction[] {
  const { filePath } = input;
  if (filePath === null || !kindRequested(CodeActionKind.QuickFix, input.only)) return [];
  const here = problemsNear(problems, input.range).filter((p) => rangesIntersect(p.range, input.range));
  if (here.length === 0) return [];
  const target = input.target();
  if (!target) return [];
  const rel = path.relative(path.dirname(target.path), filePath).split(path.sep).join('/');
  const actions: CodeAction[] = [];
  const files = new Set<string>();
  for (const p of here) {
    const start = p.section.startLine;
    const relRange = {
      start: { line: p.range.start.line - start, character: p.range.start.character },
      end: { line: p.range.end.line - start, character: p.range.end.character },
    };
    const one = configEdit(target, suppressionForProblem(p.section.body, relRange, p.code, rel), input);
    if (one) actions.push({ title: msg(TITLES.problem(p.code), locale), kind: CodeActionKind.QuickFix, diagnostics: [input.diagnosticOf(p)], edit: one });
  }
  for (const p of here) {
    if (files.has(p.code)) continue;
    files.add(p.code);
    const all = configEdit(target, suppressionForFile(p.code, rel), input);
    if (all)
      actions.push({
        title: msg(TITLES.file(p.code), locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((q) => q.code === p.code).map(input.diagnosticOf),
        edit: all,
      });
  }
  return actions;
}

/** The workspace edit that adds `entry` to the config; null when the client cannot take it or the config cannot hold it. */
function configEdit(target: ConfigTarget, entry: SuppressionEntry, input: SuppressActionInput): WorkspaceEdit | null {
  if (target.text === undefined) {
    if (!input.documentChanges || !input.createFiles) return null;
    const insert: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(entry) };
    return {
      documentChanges: [CreateFile.create(target.uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri: target.uri, version: null }, [insert])],
    };
  }
  const r = addSuppressionEdits(target.text, entry);
  if (!r) return null;
  const edits: TextEdit[] = r.edits.map((e) => ({ range: e.range, newText: e.newText }));
  return input.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: target.uri, version: target.version }, edits)] }
    : { changes: { [target.uri]: edits } };
}
