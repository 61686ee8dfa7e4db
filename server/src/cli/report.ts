/**
 * `target-table report PATH... -o FILE [--format html|xlsx|csv]`: the review report of many
 * submissions (core/report/), written atomically (a temporary file next to FILE, renamed over it
 * when complete, so a reader never sees half a report). The format is FILE's extension unless
 * --format says it. Exit codes as `check`'s (io.ts `EXIT`): a file that cannot be read is left out
 * of the report with a line on stderr (3), one without a target table is reported and counted (4),
 * an error-level problem in any file gives 1.
 *
 * Memory: each file is read and checked for the summary, then read and checked again when its part
 * of the report is written, so only one file's model is held at a time, whatever the number of files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { summarize, totals, type FileSummary, type ReportFile, type ReportFormat } from '../core/report/index';
import { htmlReportChunks } from '../core/report/html';
import { problemCsvChunks } from '../core/report/csv';
import { writeXlsxReport } from '../core/report/xlsx';
import type { Locale } from '../core/locale';
import { checkText, cliLocale } from './check';
import { CliError, EXIT, readInputFile, worstExit } from './io';
import { expandInputs } from './inputs';
import { NEAREST_CONFIG, ReviewRun } from './config-use';

const USAGE = '用法 usage: target-table report PATH... -o FILE [--format html|xlsx|csv]   (格式默认取 FILE 的扩展名 the format defaults to FILE’s extension)';

const FORMATS: readonly ReportFormat[] = ['html', 'xlsx', 'csv'];

export interface ReportOptions {
  paths: string[];
  output: string;
  format: ReportFormat;
}

/** The format an output name asks for (`.html`/`.htm`, `.xlsx`, `.csv`), or null. */
export function formatOfName(name: string): ReportFormat | null {
  const ext = path.extname(name).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
}

export function parseReportArgs(args: string[]): ReportOptions {
  let format: string | null = null;
  let output: string | null = null;
  const paths: string[] = [];
  let options = true;
  const value = (i: number, name: string) => {
    if (i + 1 >= args.length) throw new CliError(`${name} 缺少取值 needs a value\n${USAGE}`, EXIT.usage);
    return args[i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (options && a === '--') options = false;
    else if (options && (a === '--format' || a === '-f')) format = value(i++, a);
    else if (options && a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (options && (a === '-o' || a === '--output')) output = value(i++, a);
    else if (options && a.startsWith('--output=')) output = a.slice('--output='.length);
    else if (options && a === '-')
      throw new CliError(`report 不读标准输入，请给出文件名 report does not read standard input: name the files\n${USAGE}`, EXIT.usage);
    else if (options && a.startsWith('-')) throw new CliError(`未知选项 unknown option: ${a}\n${USAGE}`, EXIT.usage);
    else paths.push(a);
  }
  if (paths.length === 0 || output === null || output === '') throw new CliError(USAGE, EXIT.usage);
  const chosen = format ?? formatOfName(output);
  if (chosen === null)
    throw new CliError(`无法从文件名判断格式，请用 --format html|xlsx|csv cannot tell the format from ${output}: use --format html|xlsx|csv`, EXIT.usage);
  if (!(FORMATS as readonly string[]).includes(chosen))
    throw new CliError(`--format 只能是 html、xlsx 或 csv (must be html, xlsx or csv): ${chosen}`, EXIT.usage);
  return { paths, output, format: chosen as ReportFormat };
}

/**
 * The files a report covers, from the paths named, as `check` finds them (cli/inputs.ts: files,
 * folders walked for target-table files, quoted globs; the review config's ignores). Paths that
 * give nothing are complaints.
 */
export function reportInputs(paths: readonly string[], review: ReviewRun): { names: string[]; errors: CliError[] } {
  const expanded = expandInputs(paths, { ignored: (file) => review.ignored(file) });
  for (const name of expanded.ignoredNamed) process.stderr.write(`target-table: ${review.ignoredNote(name)}\n`);
  return { names: expanded.files.map((f) => f.name), errors: expanded.errors };
}

/** A file read and checked with its review config (settings; suppressed problems counted, not listed), as the report takes it. */
function checkedFile(name: string, review: ReviewRun): { file: ReportFile; hasTable: boolean } {
  const input = readInputFile(name);
  const r = checkText(input.text, false, review.settingsOf(input.name));
  const { shown, suppressed } = review.split(input.name, r.problems);
  const file: ReportFile = { name: input.name, model: r.model, problems: shown, suppressed: suppressed.length };
  if (input.encoding !== 'UTF-8') file.encoding = input.encoding;
  return { file, hasTable: r.hasTable };
}

function complain(e: CliError): void {
  process.stderr.write(`target-table: ${e.message}\n`);
}

export async function runReport(args: string[]): Promise<number> {
  const opts = parseReportArgs(args);
  const locale = cliLocale();
  const codes: number[] = [];
  const names: string[] = [];
  const summaries: FileSummary[] = [];
  const review = new ReviewRun(NEAREST_CONFIG, (line) => process.stderr.write(`target-table: ${line}\n`), locale);
  const inputs = reportInputs(opts.paths, review);
  for (const e of inputs.errors) {
    complain(e);
    codes.push(e.exitCode);
  }
  for (const name of inputs.names) {
    try {
      const { file, hasTable } = checkedFile(name, review);
      if (!hasTable) {
        complain(new CliError(`文件中没有绩效目标表 no target table found in ${file.name}`));
        codes.push(EXIT.noTable);
      }
      const s = summarize(file);
      if (s.error > 0) codes.push(EXIT.problems);
      names.push(name);
      summaries.push(s);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      complain(e);
      codes.push(e.exitCode);
    }
  }
  const load = (i: number) => checkedFile(names[i], review).file;
  await writeAtomically(opts.output, async (out) => {
    if (opts.format === 'xlsx') await writeXlsxReport(out, names.length, load, locale);
    else {
      const chunks = opts.format === 'html' ? htmlReportChunks(summaries, load, locale) : problemCsvChunks(names.length, load, locale);
      await pipeline(Readable.from(chunks), out);
    }
  });
  process.stdout.write(doneLine(opts.output, summaries, locale));
  return worstExit(codes);
}

function doneLine(output: string, summaries: readonly FileSummary[], locale: Locale): string {
  const t = totals(summaries);
  if (locale === 'en') {
    const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return `wrote ${output}: ${pl(summaries.length, 'file')}, ${pl(t.error, 'error')}, ${pl(t.warning, 'warning')}, ${t.information} info\n`;
  }
  return `已写入 ${output}：${summaries.length} 个文件，${t.error} 个错误，${t.warning} 个警告，${t.information} 个信息\n`;
}

/**
 * Writes `file` through a temporary file in its folder, renamed over it once complete (a rename in
 * one folder is atomic); the temporary file is removed when anything fails.
 */
export async function writeAtomically(file: string, write: (out: fs.WriteStream) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  let out: fs.WriteStream;
  try {
    out = fs.createWriteStream(temp, { flags: 'wx' });
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch (e) {
    throw new CliError(`无法写入 cannot write ${file}: ${errCode(e)}`);
  }
  try {
    await write(out);
    if (!out.writableFinished) await new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject));
    fs.renameSync(temp, file);
  } catch (e) {
    out.destroy();
    fs.rmSync(temp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`无法写入 cannot write ${file}: ${errCode(e)}`);
  }
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}
