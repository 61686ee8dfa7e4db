/**
 * The client's part of `targetTable.scope: "workspace"` (the server lists and checks the files,
 * server/src/features/workspace-check.ts): the globs of the language's files for it — the language's
 * extensions, `filenamePatterns` and `filenames` from package.json and the user's `files.associations`
 * that name the language, sent at initialize and again when the associations change — and a language
 * status item with the background check's progress (`已检查 12/140` · `Checked 12/140`), then its result.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FILE_PATTERNS_NOTIFICATION, WORKSPACE_PROGRESS_NOTIFICATION, type FilePatternsParams, type WorkspaceProgress } from '../../protocol';
import { onDidChangeUiLocale, uiLocale } from './locale';
import { languageFilePatterns } from './file-patterns';
import { LANGUAGE_ID } from './selector';

const STRINGS = {
  en: {
    name: 'Target table: workspace',
    checking: (p: WorkspaceProgress) => `Checked ${p.checked}/${p.total}`,
    done: (p: WorkspaceProgress) => `Workspace: ${p.total} files · ${p.filesWithProblems} with problems`,
    detail: (p: WorkspaceProgress) => `${p.problems} problems (targetTable.scope: workspace)`,
    problems: 'Show problems',
  },
  zh: {
    name: '绩效目标表：工作区',
    checking: (p: WorkspaceProgress) => `已检查 ${p.checked}/${p.total}`,
    done: (p: WorkspaceProgress) => `工作区：${p.total} 个文件 · ${p.filesWithProblems} 个有问题`,
    detail: (p: WorkspaceProgress) => `共 ${p.problems} 个问题（targetTable.scope: workspace）`,
    problems: '查看问题',
  },
};

function currentPatterns(context: vscode.ExtensionContext): string[] {
  return languageFilePatterns(context.extension.packageJSON, vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('associations'));
}

/** `initializationOptions.filePatterns`. */
export function filePatterns(context: vscode.ExtensionContext): string[] {
  return currentPatterns(context);
}

export function registerWorkspaceScope(context: vscode.ExtensionContext, client: LanguageClient): void {
  let item: vscode.LanguageStatusItem | undefined;
  let last: WorkspaceProgress | undefined;

  const draw = (): void => {
    const p = last;
    if (!p || !p.active) {
      item?.dispose();
      item = undefined;
      return;
    }
    const T = STRINGS[uiLocale()];
    if (!item) {
      item = vscode.languages.createLanguageStatusItem('targetTable.workspace', { language: LANGUAGE_ID });
      item.name = T.name;
    }
    item.name = T.name;
    const running = p.checked < p.total;
    item.busy = running;
    item.text = running ? T.checking(p) : T.done(p);
    item.detail = T.detail(p);
    item.severity = p.problems > 0 && !running ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: T.problems, command: 'workbench.actions.view.problems' };
  };

  context.subscriptions.push(
    client.onNotification(WORKSPACE_PROGRESS_NOTIFICATION, (p: WorkspaceProgress) => {
      last = p;
      draw();
    }),
    onDidChangeUiLocale(() => draw()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('files.associations') || !client.isRunning()) return;
      void client.sendNotification(FILE_PATTERNS_NOTIFICATION, { patterns: currentPatterns(context) } satisfies FilePatternsParams).catch(() => undefined);
    }),
    { dispose: () => item?.dispose() },
  );
}
