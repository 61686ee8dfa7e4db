/**
 * The export and report commands: 导出为 CSV / 导出为 JSON / 导出为 Excel / 生成审核报告. The server
 * does the work (`targetTable/export`, protocol/index.ts: it reads files that are not open from disk);
 * this asks which files (the editor's file, the Explorer's selection, every target-table file under a
 * folder), where to save, writes with workspace.fs and offers to open or reveal the result.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, type ExportFormat, type ExportParams, type ExportResult } from '../../../protocol';
import { uiLocale } from '../locale';
import { LANGUAGE_ID } from '../selector';

export const EXPORT_COMMANDS: Record<ExportFormat, string> = {
  csv: 'targetTable.exportCsv',
  json: 'targetTable.exportJson',
  xlsx: 'targetTable.exportExcel',
  html: 'targetTable.report',
};

const STRINGS = {
  zh: {
    pick: '选择要导出的绩效目标表文件或文件夹',
    pickLabel: '导出',
    none: '没有找到绩效目标表文件。',
    noTable: '所选文件中没有可导出的绩效目标表。',
    working: '正在导出绩效目标表…',
    failed: '导出失败：',
    saved: (n: number, where: string) => (n === 1 ? `已保存 ${where}` : `已保存 ${n} 个文件到 ${where}`),
    skipped: (n: number, first: string) => `；跳过 ${n} 个文件（${first}${n > 1 ? ' 等' : ''}）`,
    open: '打开',
    reveal: '在文件夹中显示',
    folder: '选择保存导出文件的文件夹',
    replace: (n: number) => `${n} 个文件已存在，是否替换？`,
    replaceYes: '替换',
    reportName: '审核报告',
  },
  en: {
    pick: 'Choose the target table files or folders to export',
    pickLabel: 'Export',
    none: 'No target table files found.',
    noTable: 'The chosen files hold no target table to export.',
    working: 'Exporting target tables…',
    failed: 'Export failed: ',
    saved: (n: number, where: string) => (n === 1 ? `Saved ${where}` : `Saved ${n} files to ${where}`),
    skipped: (n: number, first: string) => `; skipped ${n} file${n > 1 ? 's' : ''} (${first}${n > 1 ? ', …' : ''})`,
    open: 'Open',
    reveal: 'Reveal',
    folder: 'Choose the folder for the exported files',
    replace: (n: number) => `${n} file${n > 1 ? 's' : ''} already exist. Replace?`,
    replaceYes: 'Replace',
    reportName: 'review-report',
  },
};

const EXTENSION: Record<ExportFormat, string> = { csv: '.csv', json: '.json', xlsx: '.xlsx', html: '.html' };
const FILTER: Record<ExportFormat, Record<string, string[]>> = {
  csv: { CSV: ['csv'] },
  json: { JSON: ['json'] },
  xlsx: { Excel: ['xlsx'] },
  html: { HTML: ['html'] },
};

export function registerExportCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const patterns = languageGlobs(context);
  for (const format of Object.keys(EXPORT_COMMANDS) as ExportFormat[]) {
    context.subscriptions.push(
      vscode.commands.registerCommand(EXPORT_COMMANDS[format], (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
        runExport(client, format, patterns, clicked, selected),
      ),
    );
  }
}

/** The language's file patterns (package.json `filenamePatterns` and `extensions`) as one glob. */
function languageGlobs(context: vscode.ExtensionContext): string {
  type Language = { id: string; filenamePatterns?: string[]; extensions?: string[] };
  const languages = ((context.extension.packageJSON as { contributes?: { languages?: Language[] } }).contributes?.languages ?? []).filter(
    (l) => l.id === LANGUAGE_ID,
  );
  const names = languages.flatMap((l) => [...(l.filenamePatterns ?? []), ...(l.extensions ?? []).map((e) => `*${e}`)]);
  return `**/{${names.join(',')}}`;
}

async function runExport(client: LanguageClient, format: ExportFormat, patterns: string, clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<void> {
  const T = STRINGS[uiLocale()];
  let targets = selected && selected.length > 0 ? selected : clicked instanceof vscode.Uri ? [clicked] : [];
  if (targets.length === 0) {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && doc.languageId === LANGUAGE_ID) targets = [doc.uri];
  }
  if (targets.length === 0) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: T.pickLabel,
      title: T.pick,
    });
    if (!picked) return;
    targets = picked;
  }
  const files = await expand(targets, patterns);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(T.none);
    return;
  }
  let result: ExportResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: T.working }, () =>
      client.sendRequest<ExportResult>(EXPORT_REQUEST, { uris: files.map((u) => u.toString()), format } satisfies ExportParams),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(T.failed + (e instanceof Error ? e.message : String(e)));
    return;
  }
  if (result.outputs.length === 0) {
    void vscode.window.showWarningMessage(T.noTable + skippedNote(result, T));
    return;
  }
  const written = result.outputs.length === 1 ? await saveOne(result, format, files, targets, T) : await saveMany(result, format, T);
  if (!written) return;
  const where = written.length === 1 ? written[0] : vscode.Uri.joinPath(written[0], '..');
  const choice = await vscode.window.showInformationMessage(
    T.saved(written.length, where.fsPath || where.toString()) + skippedNote(result, T),
    T.open,
    T.reveal,
  );
  if (choice === T.open) await open(written[0], format);
  else if (choice === T.reveal) await vscode.commands.executeCommand(written[0].scheme === 'file' ? 'revealFileInOS' : 'revealInExplorer', written[0]);
}

function skippedNote(result: ExportResult, T: (typeof STRINGS)['zh']): string {
  if (result.skipped.length === 0) return '';
  const first = result.skipped[0];
  return T.skipped(result.skipped.length, `${vscode.Uri.parse(first.uri).path.split('/').pop()}: ${first.reason}`);
}

/** The files to export: each file chosen, and every file of the language under each folder chosen. */
async function expand(targets: readonly vscode.Uri[], patterns: string): Promise<vscode.Uri[]> {
  const out = new Map<string, vscode.Uri>();
  for (const t of targets) {
    let kind: vscode.FileType;
    try {
      kind = (await vscode.workspace.fs.stat(t)).type;
    } catch {
      continue;
    }
    if (kind & vscode.FileType.Directory) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(t, patterns));
      found.sort((a, b) => a.toString().localeCompare(b.toString()));
      for (const f of found) out.set(f.toString(), f);
    } else out.set(t.toString(), t);
  }
  return [...out.values()];
}

function bytesOf(data: string, base64: boolean): Uint8Array {
  return base64 ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');
}

/** One result (a report, a workbook, one file's export): saved where the user says, next to the first file by default. */
async function saveOne(
  result: ExportResult,
  format: ExportFormat,
  files: vscode.Uri[],
  targets: vscode.Uri[],
  T: (typeof STRINGS)['zh'],
): Promise<vscode.Uri[] | undefined> {
  const out = result.outputs[0];
  const source = out.uri ? vscode.Uri.parse(out.uri) : files[0];
  // One file's export or workbook is named after it; a report, or a workbook of many, is a 审核报告.
  const named = out.uri !== null || (files.length === 1 && format === 'xlsx');
  const base = named ? basename(source).replace(/\.[^.]*$/, '') : T.reportName;
  // Next to the file, or inside the folder the user chose.
  const folder = (await isFolder(targets[0])) && targets.length === 1 ? targets[0] : vscode.Uri.joinPath(source, '..');
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, base + EXTENSION[format]), filters: FILTER[format] });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytesOf(out.data, out.base64));
  return [target];
}

/** One export per file (CSV, JSON of a folder): into a folder the user chooses, each named after its file. */
async function saveMany(result: ExportResult, format: ExportFormat, T: (typeof STRINGS)['zh']): Promise<vscode.Uri[] | undefined> {
  const first = vscode.Uri.parse(result.outputs[0].uri ?? '');
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(first, '..'),
    title: T.folder,
    openLabel: T.pickLabel,
  });
  if (!picked || picked.length === 0) return undefined;
  const used = new Set<string>();
  const targets = result.outputs.map((o) => {
    const stem = basename(vscode.Uri.parse(o.uri ?? '')).replace(/\.[^.]*$/, '');
    let name = stem + EXTENSION[format];
    for (let k = 2; used.has(name); k++) name = `${stem}-${k}${EXTENSION[format]}`;
    used.add(name);
    return vscode.Uri.joinPath(picked[0], name);
  });
  let existing = 0;
  for (const t of targets) if (await exists(t)) existing++;
  if (existing > 0 && (await vscode.window.showWarningMessage(T.replace(existing), { modal: true }, T.replaceYes)) !== T.replaceYes) return undefined;
  for (let i = 0; i < targets.length; i++) await vscode.workspace.fs.writeFile(targets[i], bytesOf(result.outputs[i].data, result.outputs[i].base64));
  return targets;
}

async function open(uri: vscode.Uri, format: ExportFormat): Promise<void> {
  // A report opens in the browser, a workbook in Excel or WPS; CSV and JSON in the editor.
  if (format === 'html' || format === 'xlsx') await vscode.env.openExternal(uri);
  else await vscode.window.showTextDocument(uri);
}

const basename = (u: vscode.Uri) => u.path.split('/').pop() ?? '';

async function isFolder(u: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(u)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

async function exists(u: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(u);
    return true;
  } catch {
    return false;
  }
}
