/**
 * The initialize handshake: what the client said it can do (and its locale and options), and the
 * capabilities the server announces in return, which depend on it (pull diagnostics, lazy code actions).
 */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { pickLocale, type Locale } from '../core/locale';
import { FIX_ALL_KIND } from './code-actions';

/**
 * Push-diagnostics debounce. Parsing and checking an edit are incremental (only the touched
 * department is re-parsed and re-checked), so the delay is not there to save analysis time: it
 * coalesces a burst of didChange messages (fast typing, multi-cursor edits, a fix-all applied
 * as many changes) into one publish, because each publish serialises the file's diagnostics (up
 * to `targetTable.maxProblems`) and makes the editor redraw them. The delay is kept below what a
 * user perceives as lag.
 */
export const DEFAULT_DEBOUNCE_MS = 50;

export interface ClientInfo {
  locale: Locale;
  /** `initializationOptions.debounceMs` (0: no delay; a publish still waits until the input read is handled). */
  debounceMs: number;
  /** workspace/configuration */
  configuration: boolean;
  /** textDocument/diagnostic: the client pulls. */
  pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh */
  diagnosticRefresh: boolean;
  /** Versioned workspace edits (documentChanges). */
  documentChanges: boolean;
  /** codeAction/resolve for edits: fix-all-of-a-kind is sent without its edit. */
  codeActionResolve: boolean;
  /** workspace/inlayHint/refresh: the hints are asked for again when the settings change. */
  inlayHintRefresh: boolean;
  /** Definitions as LocationLinks (`definition.linkSupport`). */
  definitionLinks: boolean;
  /** workspace/codeLens/refresh */
  codeLensRefresh: boolean;
  /** Registers file watchers at run time (workspace/didChangeWatchedFiles): the review configs are watched (./review-config.ts). */
  watchedFilesDynamic: boolean;
  /** Workspace edits may create files (resourceOperations `create`): a new review config. */
  createFiles: boolean;
  /** Workspace folders, and workspace/didChangeWorkspaceFolders (./workspace-folders.ts follows them). */
  folderChanges: boolean;
}

/** Before initialize: the defaults. */
export const UNINITIALIZED_CLIENT: ClientInfo = {
  locale: 'zh',
  debounceMs: DEFAULT_DEBOUNCE_MS,
  configuration: false,
  pullDiagnostics: false,
  diagnosticRefresh: false,
  documentChanges: false,
  codeActionResolve: false,
  inlayHintRefresh: false,
  definitionLinks: false,
  codeLensRefresh: false,
  watchedFilesDynamic: false,
  createFiles: false,
  folderChanges: false,
};

export function readClient(params: InitializeParams): ClientInfo {
  const init = (params.initializationOptions ?? {}) as { locale?: string; debounceMs?: unknown };
  const caps = params.capabilities;
  const d = init.debounceMs;
  return {
    locale: pickLocale(init.locale, params.locale),
    debounceMs: typeof d === 'number' && Number.isFinite(d) && d >= 0 ? Math.min(d, 10000) : DEFAULT_DEBOUNCE_MS,
    configuration: !!caps.workspace?.configuration,
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    codeActionResolve: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
    inlayHintRefresh: !!caps.workspace?.inlayHint?.refreshSupport,
    definitionLinks: !!caps.textDocument?.definition?.linkSupport,
    codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
    watchedFilesDynamic: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    createFiles: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    folderChanges: !!caps.workspace?.workspaceFolders,
  };
}

export function serverCapabilities(client: ClientInfo): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: client.codeActionResolve },
      documentSymbolProvider: { label: '绩效目标表' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      inlayHintProvider: true,
      // Goal navigation (features/goal-links.ts): goals ↔ their tables.
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: true },
      // No trigger characters: a list popping up at every digit or TAB typed would take Enter and Tab
      // away from typing the table. VS Code asks while a word is typed, and on Ctrl+Space.
      completionProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      // The folders are followed (features/workspace-folders.ts): the workspace scope lists them, a new review config goes into one.
      ...(client.folderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'target-table', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'target-table-language-server', version: '0.1.0' },
  };
}
