// Thin VS Code client for the target-table language server.
// All analysis lives in the server (dist/server.js); this file only starts it,
// wires a few commands and shows a summary of the active file in the language status bar.
import * as vscode from 'vscode';
import { STATS_REQUEST, type Stats, type StatsParams } from '../../protocol';
import { DOCUMENT_SELECTOR, LANGUAGE_ID } from './selector';
import { registerTableView } from './table-view/panel';
import { registerShowReferences } from './commands/show-references';
import { registerInsertRow } from './commands/insert-row';
import { registerExportCommands } from './commands/export';
import { registerReopenWithEncoding } from './commands/reopen-with-encoding';
import { filePatterns, registerWorkspaceScope } from './workspace-scope';
import { onDidChangeUiLocale, uiLocale } from './locale';
import { CloseAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

// The UI speaks the language ./locale.ts chooses (`targetTable.language`, else VS Code's display
// language), as the server does for its messages. A tiny table is enough for a handful of strings
// (no l10n bundle to ship); `T` is replaced when the setting changes (`followLocale`).
const STRINGS = {
  en: {
    name: 'Target table',
    starting: 'Starting…',
    unavailable: 'Summary unavailable',
    stats: (s: Stats) => `${s.departments} depts · ${s.tables} tables · ${s.problems} problems`,
    detail: (s: Stats) => `${s.goals} goals, ${s.indicators} indicators`,
    problems: 'Show problems',
    stopped: 'Server stopped',
    restart: 'Restart server',
    restarted: 'Target-table language server restarted.',
    notActive: 'Open a text file first.',
  },
  zh: {
    name: '绩效目标表',
    starting: '正在启动…',
    unavailable: '暂无统计',
    stats: (s: Stats) => `${s.departments} 个部门 · ${s.tables} 张表 · ${s.problems} 个问题`,
    detail: (s: Stats) => `${s.goals} 个目标，${s.indicators} 个指标`,
    problems: '查看问题',
    stopped: '服务器已停止',
    restart: '重启服务器',
    restarted: '绩效目标表语言服务器已重启。',
    notActive: '请先打开一个文本文件。',
  },
};
let T = STRINGS[uiLocale()];

/** Switches the extension's strings when `targetTable.language` changes, then calls `redraw`. */
function followLocale(context: vscode.ExtensionContext, redraw: () => void): void {
  context.subscriptions.push(
    onDidChangeUiLocale((locale) => {
      T = STRINGS[locale];
      redraw();
    }),
  );
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // The client id 'targetTable' makes languageclient read the `targetTable.trace.server` setting.
  const outputChannel = vscode.window.createOutputChannel('绩效目标表 Target Table', { log: true });
  context.subscriptions.push(outputChannel);

  // Keep languageclient's default restart policy (a few restarts, then give up),
  // but log each decision so a crashing server is visible in the output channel.
  // Assigned once the client exists (below); the handler that reads it is made before the client.
  // eslint-disable-next-line prefer-const
  let defaultHandler: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => {
      outputChannel.error(`Connection error (${count ?? 0}): ${error.message}`);
      return defaultHandler!.error(error, message, count);
    },
    closed: async () => {
      const result = await defaultHandler!.closed();
      if (result.action === CloseAction.Restart) outputChannel.warn('Server connection closed; restarting.');
      else outputChannel.error('Server connection closed; not restarting (it crashed too often). Use "Restart Server".');
      return result;
    },
  };

  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server works on the text sent, never on disk (./selector.ts).
    documentSelector: DOCUMENT_SELECTOR,
    // filePatterns: the language's files, for targetTable.scope "workspace" (./workspace-scope.ts).
    initializationOptions: { locale: vscode.env.language, filePatterns: filePatterns(context) },
    outputChannel,
    errorHandler,
  };

  client = new LanguageClient('targetTable', '绩效目标表 Target Table', serverOptions, clientOptions);
  defaultHandler = client.createDefaultErrorHandler();

  const status = createStatusItem(context);
  registerTableView(context, client, uiLocale);
  registerShowReferences(context, client);
  registerInsertRow(context, client);
  registerExportCommands(context, client);
  registerReopenWithEncoding(context);
  registerWorkspaceScope(context, client);

  context.subscriptions.push(
    vscode.commands.registerCommand('targetTable.restartServer', async () => {
      if (!client) return;
      try {
        // restart() = stop() + start(), and stop() throws unless the client is running
        // (e.g. after a failed start or after the automatic restarts gave up): then just start.
        if (client.isRunning()) await client.restart();
        else await client.start();
        void vscode.window.showInformationMessage(T.restarted);
      } catch (e) {
        outputChannel.error(`Restart failed: ${e instanceof Error ? e.message : String(e)}`);
        outputChannel.show(true);
      }
    }),
    vscode.commands.registerCommand('targetTable.setLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage(T.notActive);
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    client.onDidChangeState((e) => {
      outputChannel.info(`Server state: ${State[e.oldState]} → ${State[e.newState]}`);
      status.schedule(0);
    }),
  );

  try {
    await client.start();
  } catch (e) {
    // Don't fail activation: the restart command must stay usable (e.g. after a rebuild of dist/server.js).
    outputChannel.error(`Server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  try {
    if (client?.isRunning()) await client.stop();
  } finally {
    client = undefined;
  }
}

/** Language status item: a one-line summary of the active document, fetched from the server. */
function createStatusItem(context: vscode.ExtensionContext): { schedule(delayMs?: number): void } {
  const item = vscode.languages.createLanguageStatusItem('targetTable.stats', { language: LANGUAGE_ID });
  item.name = T.name;
  item.text = T.starting;
  let problemsCommand: vscode.Command = { title: T.problems, command: 'workbench.actions.view.problems' };
  item.command = problemsCommand;
  context.subscriptions.push(item);
  // A new language: the item's own strings now, its summary with the next refresh (scheduled below).
  followLocale(context, () => {
    item.name = T.name;
    problemsCommand = { title: T.problems, command: 'workbench.actions.view.problems' };
    schedule(0);
  });

  let timer: NodeJS.Timeout | undefined;
  let generation = 0; // drops replies that arrive after a newer request was sent

  const refresh = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!client || !doc || doc.languageId !== LANGUAGE_ID) return;
    if (client.state !== State.Running) {
      // Stopped means the restart budget is used up (or start failed): offer the restart command.
      const stopped = client.state === State.Stopped;
      item.text = stopped ? T.stopped : T.starting;
      item.busy = !stopped;
      item.detail = undefined;
      item.command = stopped ? { title: T.restart, command: 'targetTable.restartServer' } : problemsCommand;
      return;
    }
    item.command = problemsCommand;
    const mine = ++generation;
    item.busy = true;
    try {
      const stats = await client.sendRequest<Stats | null>(STATS_REQUEST, { uri: doc.uri.toString() } satisfies StatsParams);
      if (mine !== generation) return;
      if (!stats) throw new Error('no stats');
      item.text = T.stats(stats);
      item.detail = T.detail(stats);
      item.severity = stats.problems > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    } catch {
      // An older server without the request, a restart in progress, or a parse failure:
      // the summary is a convenience, so show a neutral text instead of an error.
      if (mine !== generation) return;
      item.text = T.unavailable;
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
    } finally {
      if (mine === generation) item.busy = false;
    }
  };

  const schedule = (delayMs = 300): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delayMs);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    // The problem count follows the server's diagnostics, which arrive after the edit.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) schedule();
    }),
    // Re-query when a document is switched to target-table by hand (setLanguage).
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc === vscode.window.activeTextEditor?.document) schedule(0);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return { schedule };
}
