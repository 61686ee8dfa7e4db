/**
 * `targetTable/export` (protocol/index.ts): the editor's export and report commands, answered with
 * the core's exports (core/export/) and review report (core/report/). A file open in the editor is
 * taken as it is there (unsaved edits included); any other is read from disk, so a folder's files
 * need not be opened. Problems are the editor's own (the document's settings), so the report agrees
 * with the Problems panel.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentModel } from '../core/model';
import { parseDocument } from '../core/parse/document';
import type { DocumentProblem } from '../core/rules/index';
import type { Settings } from '../core/settings';
import type { Locale } from '../core/locale';
import { hasExportableTable, jsonChunks } from '../core/export/json';
import { csvChunks } from '../core/export/csv';
import { summarize, type FileSummary, type ReportFile } from '../core/report/index';
import { htmlReportChunks } from '../core/report/html';
import { xlsxReportBuffer } from '../core/report/xlsx';
import { documentProblems } from './diagnostics';
import { readFileUri } from '../disk-files';
import type { ExportOutput, ExportParams, ExportResult } from '../../../protocol';

export interface ExportHost {
  /** An open document's current model and problems; undefined when it is not open (or too big to be parsed there). */
  openDocument(uri: string): Promise<{ model: DocumentModel; problems: readonly DocumentProblem[] } | undefined>;
  /** The settings a file not open is checked with. */
  settingsFor(uri: string): Promise<Settings>;
  locale: Locale;
}

const FORMATS = new Set(['json', 'csv', 'xlsx', 'html']);

const WORDS = {
  zh: { notFile: '不是本地文件', unreadable: '无法读取', notUtf8: '不是 UTF-8 编码', noTable: '文件中没有绩效目标表' },
  en: { notFile: 'not a local file', unreadable: 'cannot be read', notUtf8: 'not UTF-8', noTable: 'no target table' },
};

class Skip extends Error {}

/** A file's model and problems, from the editor or from disk; throws `Skip` with the reason. */
type Loader = () => { model: DocumentModel; problems: readonly DocumentProblem[] };

export async function exportFiles(params: ExportParams, host: ExportHost): Promise<ExportResult> {
  const W = WORDS[host.locale];
  const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
  if (!FORMATS.has(params?.format)) return { outputs: [], skipped: [] };
  const skipped: ExportResult['skipped'] = [];
  const kept: { uri: string; load: Loader }[] = [];
  for (const uri of [...new Set(uris)]) {
    const open = await host.openDocument(uri);
    if (open) {
      kept.push({ uri, load: () => open });
      continue;
    }
    if (!uri.startsWith('file:')) {
      skipped.push({ uri, reason: W.notFile });
      continue;
    }
    const settings = await host.settingsFor(uri);
    kept.push({
      uri,
      load: () => {
        const model = parseDocument(readUtf8(uri, W));
        return { model, problems: documentProblems(model, settings) };
      },
    });
  }
  // Files that cannot be read or hold no table are left out before anything is written.
  // The report's summary is made from that same read (each read parses and checks the file again).
  const files: { uri: string; load: Loader }[] = [];
  const summaries: FileSummary[] = [];
  for (const k of kept) {
    try {
      const read = k.load();
      if (!hasExportableTable(read.model)) throw new Skip(W.noTable);
      if (params.format === 'html') summaries.push(summarize({ name: '', ...read }));
      files.push(k);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push({ uri: k.uri, reason: e.message });
    }
  }
  const names = displayNames(files.map((f) => f.uri));
  const load = (i: number): ReportFile => ({ name: names[i], ...files[i].load() });
  const outputs: ExportOutput[] = [];
  switch (params.format) {
    case 'json':
    case 'csv':
      for (const f of files) {
        const model = f.load().model;
        outputs.push({ uri: f.uri, data: [...(params.format === 'csv' ? csvChunks(model) : jsonChunks(model))].join(''), base64: false });
      }
      break;
    case 'xlsx':
      if (files.length) outputs.push({ uri: null, data: (await xlsxReportBuffer(files.length, load, host.locale)).toString('base64'), base64: true });
      break;
    case 'html': {
      if (files.length === 0) break;
      summaries.forEach((s, i) => (s.name = names[i]));
      outputs.push({ uri: null, data: [...htmlReportChunks(summaries, load, host.locale)].join(''), base64: false });
      break;
    }
  }
  return { outputs, skipped };
}

function readUtf8(uri: string, W: (typeof WORDS)['zh']): string {
  const read = readFileUri(uri);
  if ('error' in read) throw new Skip(W[read.error]);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
  } catch {
    throw new Skip(W.notUtf8);
  }
}

/** The files' names as a reviewer tells them apart: paths below the folder they share (a lone file: its name). */
export function displayNames(uris: readonly string[]): string[] {
  const paths = uris.map((u) => {
    try {
      return fileURLToPath(u);
    } catch {
      return u;
    }
  });
  if (paths.length === 0) return [];
  let base = path.dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(base + path.sep)) && path.dirname(base) !== base) base = path.dirname(base);
  return paths.map((p) =>
    p.startsWith(base + path.sep)
      ? p
          .slice(base.length + 1)
          .split(path.sep)
          .join('/')
      : p,
  );
}
