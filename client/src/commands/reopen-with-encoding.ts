/**
 * 以 GB18030 编码重新打开 / Reopen with Encoding GB18030 (`targetTable.reopenWithEncoding`): the quick
 * fix of the server's wrong-encoding diagnostic (server/src/features/encoding-check.ts). VS Code opened
 * a GBK export as UTF-8; this reads it again as GB18030.
 *
 * First the bytes on disk: when they are valid UTF-8, the U+FFFD characters are in the file itself (it
 * was saved after the wrong decoding) and no reopening brings the text back, which the user is told.
 * A document with unsaved edits is reverted first (VS Code refuses to change a dirty document's
 * encoding; its edits are of the garbled text). Then, on VS Code 1.100 and later (the extension's engine
 * is ^1.91, so this is checked at run time: `TextDocument.encoding` exists),
 * `workspace.openTextDocument(uri, { encoding })` reloads the document in place; on older versions the
 * editor's own "Reopen with Encoding" picker (`workbench.action.editor.changeEncoding`) is opened, and
 * the user is told what to choose.
 */
import * as vscode from 'vscode';
import { REOPEN_WITH_ENCODING_COMMAND, type ReopenWithEncodingArguments } from '../../../protocol';
import { uiLocale } from '../locale';

const STRINGS = {
  en: {
    noFile: 'Open the file to reopen first.',
    lost: 'The file itself holds U+FFFD characters: it was saved after being read with the wrong encoding, and the original characters are lost. Get the original file (as exported) again.',
    unreadable: (e: string) => `The file could not be read: ${e}`,
    pick: 'Choose “Reopen with Encoding”, then “Simplified Chinese (GB18030)”.',
    failed: (e: string) => `The file could not be reopened as GB18030: ${e}`,
  },
  zh: {
    noFile: '请先打开要重新打开的文件。',
    lost: '文件本身就含有 U+FFFD 字符：它在以错误编码读取后被保存过，原来的字符已丢失。请重新取得原始导出的文件。',
    unreadable: (e: string) => `无法读取文件：${e}`,
    pick: '请选择“通过编码重新打开”，再选“简体中文 (GB18030)”。',
    failed: (e: string) => `未能以 GB18030 编码重新打开文件：${e}`,
  },
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether the running VS Code takes an encoding in `openTextDocument` (1.100+: documents then have `encoding`). */
function canOpenWithEncoding(doc: vscode.TextDocument | undefined): boolean {
  return doc !== undefined && typeof (doc as { encoding?: unknown }).encoding === 'string';
}

export async function reopenWithEncoding(uriArg?: string, encoding = 'gb18030'): Promise<boolean> {
  const T = STRINGS[uiLocale()];
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(T.noFile);
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(T.unreadable(errorText(e)));
    return false;
  }
  if (isUtf8(bytes)) {
    void vscode.window.showWarningMessage(T.lost);
    return false;
  }
  let doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  try {
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    if (canOpenWithEncoding(doc ?? vscode.window.activeTextEditor?.document)) {
      const open = vscode.workspace.openTextDocument as unknown as (u: vscode.Uri, o: { encoding: string }) => Thenable<vscode.TextDocument>;
      doc = await open.call(vscode.workspace, uri, { encoding });
      await vscode.window.showTextDocument(doc);
      return true;
    }
    await vscode.window.showTextDocument(doc ?? (await vscode.workspace.openTextDocument(uri)));
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    void vscode.window.showInformationMessage(T.pick);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(T.failed(errorText(e)));
    return false;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function registerReopenWithEncoding(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REOPEN_WITH_ENCODING_COMMAND, (...args: Partial<ReopenWithEncodingArguments>) => reopenWithEncoding(args[0], args[1])),
  );
}
