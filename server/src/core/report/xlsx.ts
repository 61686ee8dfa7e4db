/**
 * The review report as an Excel workbook (exceljs): a sheet of problems (with the 一级/二级/三级 of
 * each problem's row) and a sheet of indicators (the columns of `target-table export --format csv`,
 * after the file's name). Header rows frozen, an autofilter over each sheet, columns wide enough to read.
 *
 * exceljs is large (about 1 MB bundled), so it is loaded only when a workbook is asked for: the
 * language server's start-up never pays for it. The streaming writer keeps one file's rows in memory.
 */
import { PassThrough, type Writable } from 'node:stream';
import { CSV_HEADER, indicatorCells } from '../export/csv';
import { exportDepartment } from '../export/json';
import type { Locale } from '../locale';
import { problemCells, problemHeader, problemRows, REPORT_WORDS, type ReportFile } from './index';

type ExcelJs = typeof import('exceljs');

async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

/** Widths (in characters) of the problem sheet's columns: file, section, line, column, severity, code, rule, message, 一级, 二级, 三级. */
const PROBLEM_WIDTHS = [32, 28, 7, 6, 8, 8, 22, 70, 12, 16, 30];
/** Widths of the indicator sheet: 文件, then CSV_HEADER's columns. */
const INDICATOR_WIDTHS = [32, 28, 6, 8, 40, 12, 16, 30, 10, 10, 14, 24, 7, 14, 12, 8, 8];

/**
 * Writes the workbook to `out` (ended when done): the problems of `load(i)` for i < count, then
 * their indicators (each file loaded a second time, so only one is in memory at once).
 */
export async function writeXlsxReport(out: Writable, count: number, load: (index: number) => ReportFile, locale: Locale): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const W = REPORT_WORDS[locale];
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'target-table';
  book.created = new Date();

  const problems = sheet(book, W.problemsSheet, problemHeader(W), PROBLEM_WIDTHS);
  for (let i = 0; i < count; i++) for (const r of problemRows(load(i), locale)) problems.addRow(problemCells(r)).commit();
  problems.commit();

  const indicators = sheet(book, W.indicatorsSheet, ['文件', ...CSV_HEADER], INDICATOR_WIDTHS);
  for (let i = 0; i < count; i++) {
    const file = load(i);
    for (const ref of file.model.sections) {
      const d = exportDepartment(ref);
      if (d) for (const cells of indicatorCells(d)) indicators.addRow([file.name, ...cells]).commit();
    }
  }
  indicators.commit();
  await book.commit();
}

type SheetWriter = ReturnType<InstanceType<ExcelJs['stream']['xlsx']['WorkbookWriter']>['addWorksheet']>;

function sheet(
  book: InstanceType<ExcelJs['stream']['xlsx']['WorkbookWriter']>,
  name: string,
  header: readonly string[],
  widths: readonly number[],
): SheetWriter {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  head.commit();
  return ws;
}

/** The workbook's bytes (for the language server, which sends them to the editor). */
export async function xlsxReportBuffer(count: number, load: (index: number) => ReportFile, locale: Locale): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeXlsxReport(sink, count, load, locale);
  await done;
  return Buffer.concat(parts);
}
