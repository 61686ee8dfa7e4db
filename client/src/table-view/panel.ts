/**
 * The table view (command `targetTable.showTableView`): a webview beside the editor that draws the
 * section under the cursor as the Word table looked. This side owns the panel and the link to the
 * text editor: it asks the server for the layout (`targetTable/tableView`) when the text, the
 * cursor's section or the editor changes, tells the renderer where the cursor is, and turns the
 * renderer's clicks and edits into cursor moves and workspace edits (so the editor's undo undoes
 * them). The layout and the problems are the server's; the renderer (client/webview/) only draws.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TABLE_VIEW_REQUEST, type TableView, type TableViewParams, type ViewPosition, type ViewRange, type ViewSectionItem } from '../../../protocol';
import { LANGUAGE_ID } from '../selector';
import type { FromView, ToView } from './messages';
import { tableViewHtml } from './html';

export const VIEW_TYPE = 'targetTable.tableView';

/** Typing pauses this long before the view is asked again (a keystroke's layout is a few ms; drawing is the cost). */
const UPDATE_DELAY_MS = 120;

export function registerTableView(context: vscode.ExtensionContext, client: LanguageClient, locale: () => 'zh' | 'en'): void {
  let current: TableViewPanel | undefined;
  const open = (panel: vscode.WebviewPanel, uri: vscode.Uri | undefined) => {
    current = new TableViewPanel(context, client, panel, locale, uri);
    panel.onDidDispose(() => {
      if (current?.panel === panel) current = undefined;
    });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('targetTable.showTableView', () => {
      const editor = vscode.window.activeTextEditor;
      if (current) {
        current.panel.reveal(vscode.ViewColumn.Beside, true);
        if (editor?.document.languageId === LANGUAGE_ID) current.follow(editor);
        return;
      }
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        title(locale()),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        options(context),
      );
      open(panel, editor?.document.uri);
    }),
    // After a window reload VS Code gives the panel back with the state the renderer saved (its document).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        panel.webview.options = options(context);
        const uri = state && typeof (state as { uri?: unknown }).uri === 'string' ? vscode.Uri.parse((state as { uri: string }).uri) : undefined;
        open(panel, uri);
      },
    }),
  );
}

function title(locale: 'zh' | 'en'): string {
  return locale === 'en' ? 'Table view' : '表格视图';
}

function options(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
}

class TableViewPanel {
  readonly #disposables: vscode.Disposable[] = [];
  /** The document shown and its editor (the last one of our language that had focus). */
  #uri: vscode.Uri | undefined;
  #view: TableView | null = null;
  /** The section list last received, by document: the server leaves it out of a reply when it is unchanged. */
  #sections: { uri: string; id: string; list: ViewSectionItem[] } | null = null;
  #timer: NodeJS.Timeout | undefined;
  #generation = 0;
  #ready = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    readonly panel: vscode.WebviewPanel,
    private readonly locale: () => 'zh' | 'en',
    uri: vscode.Uri | undefined,
  ) {
    this.#uri = uri;
    panel.webview.html = tableViewHtml(panel.webview, context.extensionUri, locale());
    this.#disposables.push(
      panel.webview.onDidReceiveMessage((m: FromView) => void this.#received(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.languageId === LANGUAGE_ID) this.follow(e);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== this.#uri?.toString()) return;
        const line = e.selections[0].active.line;
        const v = this.#view;
        // Inside the section shown the renderer moves the highlight; another section needs its layout.
        if (v && v.current >= 0 && v.firstLine <= line && line <= v.lastLine) this.#post({ type: 'cursor', line });
        else this.#schedule(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.#uri?.toString() && e.contentChanges.length) this.#schedule(UPDATE_DELAY_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.#uri && e.uris.some((u) => u.toString() === this.#uri!.toString())) this.#schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.#schedule(0)),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.#schedule(0);
      }),
    );
    panel.onDidDispose(() => this.#dispose());
  }

  follow(editor: vscode.TextEditor): void {
    this.#uri = editor.document.uri;
    this.#schedule(0);
  }

  #editor(): vscode.TextEditor | undefined {
    const uri = this.#uri?.toString();
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === uri) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  #schedule(delay: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#update(), delay);
  }

  async #update(): Promise<void> {
    if (!this.#ready || !this.#uri || !this.panel.visible) return;
    const editor = this.#editor();
    const line = editor ? editor.selection.active.line : (this.#view?.firstLine ?? 0);
    const mine = ++this.#generation;
    const uri = this.#uri.toString();
    const known = this.#sections?.uri === uri ? this.#sections : null;
    let view: TableView | null;
    try {
      view = await this.client.sendRequest<TableView | null>(TABLE_VIEW_REQUEST, { uri, line, sectionsId: known?.id } satisfies TableViewParams);
    } catch {
      return; // a restart or a newer text: the next change asks again
    }
    if (mine !== this.#generation || !view) return;
    if (view.sections) this.#sections = { uri, id: view.sectionsId, list: view.sections };
    else if (known && known.id === view.sectionsId) view.sections = known.list;
    else {
      // The list was left out for an id this side no longer has: ask again with none.
      this.#sections = null;
      return this.#schedule(0);
    }
    this.#view = view;
    const name = view.current >= 0 ? view.sections?.[view.current]?.name : undefined;
    this.panel.title = name ? `${title(this.locale())}: ${name}` : title(this.locale());
    this.#post({ type: 'view', view, readOnly: !vscode.workspace.isTrusted, locale: this.locale() });
    this.#post({ type: 'cursor', line });
  }

  #post(m: ToView): void {
    void this.panel.webview.postMessage(m);
  }

  async #received(m: FromView): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.#ready = true;
        this.#schedule(0);
        return;
      case 'reveal':
        return this.#reveal(m.at);
      case 'edit':
        return this.#apply(m.version, [vscode.TextEdit.replace(range(m.range), cellText(m.text, m.eol))]);
      case 'fix':
        return this.#apply(
          m.version,
          m.edits.map((e) => vscode.TextEdit.replace(range(e.range), e.newText)),
        );
      case 'insertRow':
        return this.#insertRow(m.version, m.line);
    }
  }

  async #reveal(at: ViewPosition): Promise<void> {
    if (!this.#uri || at.line < 0) return;
    const doc = await vscode.workspace.openTextDocument(this.#uri);
    const shown = this.#editor();
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const p = new vscode.Position(at.line, at.character);
    editor.selection = new vscode.Selection(p, p);
    editor.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** One workspace edit on the version the view was drawn from; a newer text is not edited blind. */
  async #apply(version: number, edits: vscode.TextEdit[]): Promise<void> {
    if (!this.#uri || !vscode.workspace.isTrusted) return;
    const doc = await vscode.workspace.openTextDocument(this.#uri);
    if (doc.version !== version) {
      this.#post({ type: 'message', text: this.locale() === 'en' ? 'The text changed meanwhile; try again.' : '文本已变化，请重试。' });
      this.#schedule(0);
      return;
    }
    const we = new vscode.WorkspaceEdit();
    we.set(doc.uri, edits);
    await vscode.workspace.applyEdit(we);
  }

  async #insertRow(version: number, line: number): Promise<void> {
    if (!this.#uri) return;
    await this.#reveal({ line, character: 0 });
    const doc = await vscode.workspace.openTextDocument(this.#uri);
    if (doc.version !== version) return this.#schedule(0);
    await vscode.commands.executeCommand('targetTable.insertRow');
  }

  #dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const d of this.#disposables) d.dispose();
  }
}

function range(r: ViewRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * A cell's new source from the text the reader typed: its paragraphs (one per line) joined with the
 * document's line break. A TAB would start a new cell and an empty line would end the row, so a TAB
 * becomes a space and an empty paragraph after the first is dropped.
 */
export function cellText(text: string, eol: string): string {
  const paragraphs = text.replace(/\t/g, ' ').split(/\r\n|\r|\n/);
  return paragraphs.filter((p, i) => i === 0 || p !== '').join(eol);
}
