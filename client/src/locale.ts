/**
 * The language of the extension's own strings (status item, messages, the table view), as the server
 * chooses it for its messages: the `targetTable.language` setting, else VS Code's display language.
 * Chinese is the default (the users are Chinese budget staff, and a VS Code without the Chinese
 * language pack reports `en`: the setting is how they get Chinese). A change of the setting applies at
 * once: `onDidChangeUiLocale` tells the client's views, and the server re-sends its diagnostics on the
 * didChangeConfiguration it is sent (no restart). Command titles and setting descriptions come from
 * package.nls*.json, which VS Code picks by its display language alone.
 */
import * as vscode from 'vscode';
import { pickUiLocale, type UiLocale } from './locale-setting';

export type { UiLocale };

const SECTION = 'targetTable';
const KEY = 'language';

/** 'zh' or 'en': what the extension's strings should be in now. */
export function uiLocale(): 'zh' | 'en' {
  return pickUiLocale(vscode.workspace.getConfiguration(SECTION).get<string>(KEY), vscode.env.language);
}

/** Calls `listener` with the new locale whenever a change of `targetTable.language` changes `uiLocale()`. */
export function onDidChangeUiLocale(listener: (locale: UiLocale) => void): vscode.Disposable {
  let current = uiLocale();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(`${SECTION}.${KEY}`)) return;
    const next = uiLocale();
    if (next === current) return;
    current = next;
    listener(next);
  });
}
