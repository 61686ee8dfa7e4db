// End-to-end tests against the real extension in a real VS Code extension host (code-server or Electron).
// The workspace is a throwaway folder holding a copy of the sample named 东西湖区2026年整体支出绩效目标表.txt.
import * as assert from 'assert';
import * as vscode from 'vscode';

const LANGUAGE_ID = 'target-table';
const SOURCE = 'target-table';
const FIXABLE = ['TT201', 'TT105', 'TT106', 'TT103', 'TT102'];
// TT102 (rate written as a fraction) has a quick fix but is deliberately left out of fix-all by the server
// (server/src/core/rules/rate-as-fraction.ts: the rate is recognised from the indicator's name, so rewriting
// the figure is a reviewer's decision). Fix-all must clear the others; each TT102 must keep its quick fix.
const FIX_ALL_EXCLUDED = ['TT102'];
const FIX_ALL_CODES = FIXABLE.filter((c) => !FIX_ALL_EXCLUDED.includes(c));
const FIX_ALL_KIND = 'source.fixAll.targetTable';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

type Action = vscode.CodeAction | vscode.Command;

/**
 * The code actions at `range` (of `kind`, resolving the first `resolveCount`), asked again until `pick` finds
 * what it wants in them. VS Code drops a request's whole answer, with no error, when during it the document
 * changes or any extension registers a code-action provider (built-in extensions activate when they like), so one
 * request can come back empty; the light bulb and fix-on-save simply ask again. Fails with the last titles seen.
 */
async function codeActionsUntil<T>(
  what: string,
  uri: vscode.Uri,
  range: vscode.Range,
  pick: (actions: Action[]) => T | undefined,
  kind?: string,
  resolveCount?: number,
  timeoutMs = 10_000,
): Promise<T> {
  let last: Action[] = [];
  let asked = 0;
  const found = await until(
    what,
    async () => {
      asked++;
      last = (await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', uri, range, kind, resolveCount)) ?? [];
      return pick(last);
    },
    timeoutMs,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; offered: ${JSON.stringify(last.map((a) => a.title))}`);
  });
  // Said, so a run shows how often VS Code dropped an answer.
  if (asked > 1) console.log(`      (${what}: found on request ${asked})`);
  return found;
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return String(typeof c === 'object' ? c.value : c);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

function flattenNames(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  return symbols.map((s) => s.name);
}

describe('target-table extension (real VS Code)', function () {
  let doc: vscode.TextDocument;
  let uri: vscode.Uri;

  before(async function () {
    this.timeout(60_000);
    const files = await vscode.workspace.findFiles('**/*绩效目标表*.txt');
    assert.strictEqual(files.length, 1, `expected the sample in the workspace, found ${files.map((f) => f.fsPath)}`);
    uri = files[0];
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  it('(a) recognises the sample by its file name / first line', () => {
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
  });

  it('the extension activates', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.contributes?.languages?.some((l: { id: string }) => l.id === LANGUAGE_ID));
    assert.ok(ext, 'the target-table extension is not loaded');
    await ext.activate(); // rejects with the activation error, if any
    assert.ok(ext.isActive);
  });

  it('(b) reports TT201 for a non-standard comparator (≧)', async () => {
    const d = await until(
      'a TT201 diagnostic',
      () => {
        const hit = ours(uri).find((x) => codeOf(x) === 'TT201');
        return hit;
      },
      30_000,
    );
    assert.strictEqual(d.source, SOURCE);
    const text = doc.getText(d.range);
    assert.ok(/[≧≦＞＜＝《》]/.test(text) || /[≧≦＞＜＝《》]/.test(doc.lineAt(d.range.start.line).text), `TT201 range text: '${text}'`);
  });

  it('(c) hover on an indicator shows its path with the department', async () => {
    // the first 三级 indicator 服务对象满意度 of the first department (行政审批局)
    let line = -1;
    for (let i = 0; i < doc.lineCount; i++) {
      if (doc.lineAt(i).text.trim() === '服务对象满意度') {
        line = i;
        break;
      }
    }
    assert.ok(line >= 0, 'no 服务对象满意度 row in the sample');
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('服务') + 2);
    const hovers = await until(
      'a hover with a path',
      async () => {
        const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
        return hs && hs.some((h) => hoverText(h).includes('›')) ? hs : undefined;
      },
      20_000,
    ).catch(async (e) => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      throw new Error(`${e.message}; got: ${JSON.stringify((hs ?? []).map(hoverText))}`);
    });
    const text = hovers.map(hoverText).join('\n');
    assert.ok(text.includes('›'), text);
    assert.ok(text.includes('行政审批局'), `hover lacks the department: ${text}`);
    assert.ok(text.includes('服务对象满意度'), `hover lacks the indicator: ${text}`);
  });

  it('(d) quick fix turns ≧ into ≥ and the TT201 goes away', async () => {
    const diag = await until('a TT201 diagnostic on a ≧', () => ours(uri).find((x) => codeOf(x) === 'TT201' && doc.getText(x.range).includes('≧')));
    const line = diag.range.start.line;
    const before = doc.lineAt(line).text;
    const fix = await codeActionsUntil('a quick fix producing ≥', uri, diag.range, (actions) =>
      actions.find(
        (a): a is vscode.CodeAction =>
          'edit' in a &&
          !!a.edit &&
          !!a.kind &&
          vscode.CodeActionKind.QuickFix.contains(a.kind) &&
          a.edit.entries().some(([u, edits]) => u.toString() === uri.toString() && edits.some((e) => e.newText.includes('≥'))),
      ),
    );
    // "Fix all TT201 in this file" comes without its edit and VS Code resolves it (codeAction/resolve).
    const ofKind = await codeActionsUntil(
      'fix-all-of-kind resolved',
      uri,
      diag.range,
      (actions) =>
        actions.find((a): a is vscode.CodeAction & { edit: vscode.WorkspaceEdit } => 'kind' in a && /TT201/.test(a.title) && !a.isPreferred && !!a.edit),
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const n = Number(/(\d+)/.exec(ofKind.title)![1]);
    assert.strictEqual(
      ofKind.edit.entries().reduce((k, [, es]) => k + es.length, 0),
      n,
      ofKind.title,
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'applyEdit failed');
    const after = doc.lineAt(line).text;
    assert.strictEqual(after, before.replace('≧', '≥'));
    await until(
      'the TT201 on the fixed line to go away',
      () => (ours(uri).some((x) => codeOf(x) === 'TT201' && x.range.start.line === line) ? undefined : true),
      20_000,
    );
  });

  it('(e) fix-all removes every fixable problem', async () => {
    const fixableBefore = await until('fixable diagnostics', () => {
      const ds = ours(uri).filter((x) => FIX_ALL_CODES.includes(codeOf(x)));
      return ds.length ? ds : undefined;
    });
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const fixAll = await codeActionsUntil(
      `a ${FIX_ALL_KIND} action`,
      uri,
      whole,
      (actions) => {
        const found = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && a.kind.value.startsWith(FIX_ALL_KIND));
        return found.length ? found : undefined;
      },
      FIX_ALL_KIND,
    );
    for (const a of fixAll) {
      if (a.edit) assert.ok(await vscode.workspace.applyEdit(a.edit), 'applyEdit failed');
      if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
    }
    const describe = (ds: vscode.Diagnostic[]) =>
      ds
        .slice(0, 5)
        .map((x) => `${codeOf(x)}@${x.range.start.line + 1}:'${doc.getText(x.range)}'`)
        .join(', ');
    await until('no fixable diagnostics', () => (ours(uri).some((x) => FIX_ALL_CODES.includes(codeOf(x))) ? undefined : true), 20_000).catch((e) => {
      const left = ours(uri).filter((x) => FIX_ALL_CODES.includes(codeOf(x)));
      throw new Error(`${e.message}: ${left.length} of ${fixableBefore.length} left, e.g. ${describe(left)}`);
    });
    // What fix-all leaves on purpose must still be fixable one by one.
    const excluded = ours(uri).filter((x) => FIX_ALL_EXCLUDED.includes(codeOf(x)));
    for (const d of excluded.slice(0, 3)) {
      await codeActionsUntil(
        `a quick fix for ${describe([d])} after fix-all (document version ${doc.version})`,
        uri,
        d.range,
        (actions) => (actions.some((a) => 'edit' in a && a.edit) ? true : undefined),
        vscode.CodeActionKind.QuickFix.value,
      );
    }
  });

  it('(f) the outline lists the 36 departments', async () => {
    const symbols = await until('document symbols', async () => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', uri);
      return s && s.length ? s : undefined;
    });
    const names = flattenNames(symbols);
    assert.strictEqual(symbols.length, 36, `top-level symbols: ${names.join(' | ')}`);
    assert.ok(
      names.some((n) => n.includes('行政审批局')),
      `no 行政审批局 among ${names.join(' | ')}`,
    );
  });

  it('(g) a file over targetTable.maxProblems: the problems around the cursor, and they follow it', async function () {
    this.timeout(90_000);
    // The fixture as shipped, not the workspace's copy: the tests above edit that one, and whether their edits
    // are on disk yet depends on the editor's auto-save and on timing (2,082 is three untouched copies' count).
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.contributes?.languages?.some((l: { id: string }) => l.id === LANGUAGE_ID))!;
    const fixture = vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'dongxihu-overall-targets.txt');
    const sample = Buffer.from(await vscode.workspace.fs.readFile(fixture)).toString('utf8');
    const big = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: [sample, sample, sample].join('\n') });
    const editor = await vscode.window.showTextDocument(big);
    const summaryOf = () => ours(big.uri).find((d) => d.code === undefined && /2,082/.test(d.message));
    const first = await until('the summary of a file with 2,082 problems', summaryOf, 60_000);
    assert.strictEqual(first.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(ours(big.uri).length <= 500, `${ours(big.uri).length} diagnostics (the window: half of targetTable.maxProblems)`);
    // The cursor goes to the last department. In the workbench VS Code then asks for code actions there (the
    // light bulb; the UI check 06-large-file moves the cursor with the keyboard); here, without a focused editor
    // widget, the same request is sent explicitly. The server then has the editor pull the problems around it.
    const far = big.lineCount - 40;
    editor.selection = new vscode.Selection(far, 0, far, 0);
    editor.revealRange(new vscode.Range(far, 0, far, 0));
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', big.uri, new vscode.Range(far, 0, far, 0));
    await until(
      'problems near the cursor',
      () => (ours(big.uri).some((d) => d.code !== undefined && d.range.start.line > big.lineCount - 2000) ? true : undefined),
      30_000,
    );
    assert.ok(ours(big.uri).length <= 500);
    assert.ok(summaryOf(), 'the summary stays');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
  });

  it('(h) the export commands: CSV, Excel and the review report of the editor’s file, and JSON of a folder, one file each', async function () {
    this.timeout(90_000);
    // The dialogs are the user's part: answered here by replacing them on the API object the extension shares.
    const w = vscode.window as unknown as Record<string, unknown>;
    const real = { showSaveDialog: w.showSaveDialog, showOpenDialog: w.showOpenDialog, showInformationMessage: w.showInformationMessage };
    const root = vscode.workspace.workspaceFolders![0].uri;
    const out = vscode.Uri.joinPath(root, '导出');
    const batch = vscode.Uri.joinPath(root, '批量');
    const asked: string[] = [];
    let saveAs = '';
    w.showSaveDialog = async (o: vscode.SaveDialogOptions) => {
      asked.push(o.defaultUri!.path.split('/').pop()!);
      return vscode.Uri.joinPath(out, saveAs);
    };
    w.showOpenDialog = async () => [out];
    w.showInformationMessage = async () => undefined;
    const bytes = async (name: string) => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(out, name)));
    try {
      await vscode.workspace.fs.createDirectory(out);
      await vscode.window.showTextDocument(doc);
      const stem = uri.path
        .split('/')
        .pop()!
        .replace(/\.txt$/, '');

      saveAs = 'a.csv';
      await vscode.commands.executeCommand('targetTable.exportCsv');
      const csv = (await bytes('a.csv')).toString('utf8');
      assert.ok(csv.startsWith('\uFEFF'), 'the CSV starts with a BOM (Excel and WPS read it as UTF-8)');
      const rows = csv.slice(1).split(/\r?\n/).filter(Boolean);
      assert.ok(rows.length > 500, `${rows.length} rows: one per indicator of the 36 departments`);
      assert.ok(
        rows.some((r) => r.includes('武汉市东西湖区') && r.includes('满意度')),
        rows[1],
      );

      saveAs = 'a.xlsx';
      await vscode.commands.executeCommand('targetTable.exportExcel');
      assert.equal((await bytes('a.xlsx')).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip');

      saveAs = 'a.html';
      await vscode.commands.executeCommand('targetTable.report');
      const html = (await bytes('a.html')).toString('utf8');
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.ok(html.includes('武汉市东西湖区'), 'the departments are in the report');
      assert.ok(!/<(script|link|img)[^>]+(src|href)="https?:/i.test(html), 'nothing is fetched from the network');
      // A report is named 审核报告 (review-report in an English UI, as here without a language pack).
      const report = vscode.env.language.toLowerCase().startsWith('zh') ? '审核报告.html' : 'review-report.html';
      assert.deepEqual(asked, [`${stem}.csv`, `${stem}.xlsx`, report], 'offered names: after the file, and the report');

      // A folder from the Explorer: every target-table file under it, one export each, into the folder chosen.
      const text = doc.getText();
      await vscode.workspace.fs.createDirectory(batch);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(batch, '甲局绩效目标表.txt'), Buffer.from(text, 'utf8'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(batch, '乙局绩效目标表.txt'), Buffer.from(text, 'utf8'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(batch, '说明.txt'), Buffer.from('不是绩效目标表\n', 'utf8'));
      await vscode.commands.executeCommand('targetTable.exportJson', batch, [batch]);
      for (const name of ['甲局绩效目标表.json', '乙局绩效目标表.json']) {
        const json = JSON.parse((await bytes(name)).toString('utf8')) as unknown;
        assert.ok(JSON.stringify(json).includes('武汉市东西湖区'), `${name} holds the departments`);
      }
      const names = (await vscode.workspace.fs.readDirectory(out)).map(([n]) => n).sort();
      assert.deepEqual(names, ['a.csv', 'a.html', 'a.xlsx', '乙局绩效目标表.json', '甲局绩效目标表.json'].sort(), 'and nothing for 说明.txt');
    } finally {
      Object.assign(w, real);
      for (const u of [out, batch]) await vscode.workspace.fs.delete(u, { recursive: true }).then(undefined, () => undefined);
    }
  });

  after(async () => {
    // leave the (throwaway) document unsaved and close it without prompting
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
