/**
 * 插入指标行 / Insert Indicator Row (`targetTable.insertRow`): asks the server for the row to insert
 * after the cursor's row (`targetTable/insertRow`, protocol/index.ts), applies it as one workspace
 * edit, so one undo takes it back, and selects the new row's placeholder name, so typing replaces it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INSERT_ROW_REQUEST, type InsertRowParams, type InsertRowResult, type ProtocolPosition } from '../../../protocol';
import { uiLocale } from '../locale';
import { LANGUAGE_ID } from '../selector';

export const INSERT_ROW_COMMAND = 'targetTable.insertRow';

/** The command's messages, in the extension's language (./locale.ts: the `targetTable.language` setting). */
const STRINGS = {
  en: {
    notTable: 'Open a 绩效目标表 (target table) file to insert an indicator row.',
    notInTable: 'Put the cursor in an indicator table (a row or its header) to insert an indicator row.',
    changed: 'The file changed while the row was prepared; run Insert Indicator Row again.',
    failed: 'The indicator row could not be inserted.',
  },
  zh: {
    notTable: '请在绩效目标表文件中插入指标行。',
    notInTable: '请将光标放在指标表中（某一指标行或表头），再插入指标行。',
    changed: '准备插入时文件已改动，请再执行一次“插入指标行”。',
    failed: '未能插入指标行。',
  },
};

const position = (p: ProtocolPosition) => new vscode.Position(p.line, p.character);

export function registerInsertRow(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_ROW_COMMAND, async () => {
      const T = STRINGS[uiLocale()];
      const editor = vscode.window.activeTextEditor;
      const doc = editor?.document;
      if (!editor || !doc || doc.languageId !== LANGUAGE_ID) {
        void vscode.window.showWarningMessage(T.notTable);
        return;
      }
      const version = doc.version;
      const params: InsertRowParams = { uri: doc.uri.toString(), version, line: editor.selection.active.line };
      let result: InsertRowResult | null;
      try {
        result = await client.sendRequest<InsertRowResult | null>(INSERT_ROW_REQUEST, params);
      } catch {
        void vscode.window.showErrorMessage(T.failed);
        return;
      }
      if (doc.version !== version) {
        void vscode.window.showWarningMessage(T.changed);
        return;
      }
      if (!result) {
        void vscode.window.showInformationMessage(T.notInTable);
        return;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(position(result.edit.range.start), position(result.edit.range.end)), result.edit.newText);
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(T.failed);
        return;
      }
      // The positions are in the text after the edit.
      const selection = new vscode.Selection(position(result.selection.start), position(result.selection.end));
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}
