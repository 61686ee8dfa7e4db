/**
 * The review report as CSV: one line per problem, UTF-8 with a BOM and CRLF line ends (RFC 4180
 * quoting, ../export/csv.ts), so Excel and WPS open the Chinese text by double-click.
 */
import { csvField } from '../export/csv';
import type { Locale } from '../locale';
import { problemCells, problemHeader, problemRows, REPORT_WORDS, type ReportFile } from './index';

const line = (cells: readonly (string | number)[]) => cells.map(csvField).join(',') + '\r\n';

/** The CSV in pieces: the header, then one piece per file (`load(i)` for i < count, one file in memory at a time). */
export function* problemCsvChunks(count: number, load: (index: number) => ReportFile, locale: Locale): Generator<string> {
  yield '\ufeff' + line(problemHeader(REPORT_WORDS[locale]));
  for (let i = 0; i < count; i++) {
    let out = '';
    for (const r of problemRows(load(i), locale)) out += line(problemCells(r));
    yield out;
  }
}
