/**
 * The workspace folders: read at initialize and kept up to date from
 * workspace/didChangeWorkspaceFolders. The one owner of the list: the review config reads it
 * (./review-config.ts: a new `.target-table.json` goes into the folder holding the file) and so
 * does the workspace scope (./workspace-scope.ts: which folders to list), which each kept a copy
 * of their own, and the review config's copy never saw a folder added after start.
 */
import type { Connection, InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';

export class WorkspaceFolders {
  #uris: string[];
  readonly #listeners: (() => void)[] = [];

  constructor(uris: readonly string[] = []) {
    this.#uris = [...uris];
  }

  /** The folders of the initialize request (its `rootUri` when it names no folder). */
  static fromInitialize(params: InitializeParams): WorkspaceFolders {
    const list = params.workspaceFolders;
    if (list && list.length > 0) return new WorkspaceFolders(list.map((f) => f.uri));
    return new WorkspaceFolders(params.rootUri ? [params.rootUri] : []);
  }

  /** The folders' URIs, in the order the client gave them (added ones last). */
  get uris(): readonly string[] {
    return this.#uris;
  }

  /** Calls `fn` after each change of the list. */
  onChange(fn: () => void): void {
    this.#listeners.push(fn);
  }

  changed(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => f.uri));
    const kept = this.#uris.filter((u) => !removed.has(u));
    this.#uris = [...kept, ...e.added.map((f) => f.uri).filter((u) => !kept.includes(u))];
    for (const fn of this.#listeners) fn();
  }

  /** Follows the client's folder changes (after initialized, for a client that said it has workspace folders). */
  listen(connection: Connection): void {
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => this.changed(e));
    } catch {
      // the client announced folders without change notifications
    }
  }
}
