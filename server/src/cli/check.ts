/**
 * `target-table check PATH... [--format text|json|sarif] [--fix] [--workers N]`: the diagnostics of the language
 * server on the command line; exit codes in io.ts (`EXIT`). Paths are files, folders and globs
 * (inputs.ts); files are checked in worker threads (workers.ts). Every file that can be read is
 * checked and reported; one that cannot gives one line on stderr. `--fix` applies every safe fix
 * in place first (io.ts `writeInPlace`: same inode, only from the first changed byte, refused when
 * the file changed since it was read), only when every file named could be read, then reports
 * what is left; a file whose write failed is reported as it still is.
 */
import type { DocumentModel, SectionBody } from '../core/model';
import { hasTree, retireTree } from '../core/parse/section';
import { documentText, parseDocument } from '../core/parse/document';
import type { DocumentProblem } from '../core/rules/index';
import { checkDocument } from '../core/rules/index';
import { fixAll } from '../core/fixes';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { pickLocale, type Locale } from '../core/locale';
import { CliError, EXIT, encodingLabel, worstExit } from './io';
import { expandInputs } from './inputs';
import { outcomeProblems, outcomesToJson, outcomesToText, type FileOutcome, type JsonProblem } from './output';
import { Progress } from './progress';
import { toSarif } from './sarif';
import { checkFiles, defaultWorkers, fixFiles } from './workers';
import { REVIEW_USAGE, ReviewRun, takeReviewArgs, unusedJson, unusedLines } from './config-use';

const USAGE = `用法 usage: target-table check PATH... [--format text|json|sarif] [--fix] [--workers N] ${REVIEW_USAGE}   (PATH: 文件、目录或 glob files, folders, globs; - 读标准输入 reads standard input)`;

export interface CheckOptions {
  files: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  /** Worker threads (`--workers N`, `-j N`); 1 checks in the main thread. Default: the machine's cores. */
  workers: number;
}

export function parseCheckArgs(args: string[]): CheckOptions {
  let format = 'text';
  let fix = false;
  let workers: string | null = null;
  const files: string[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (options && a === '--') options = false;
    else if (options && (a === '--format' || a === '-f')) {
      if (i + 1 >= args.length) throw new CliError(`--format 缺少取值 needs a value\n${USAGE}`, 2);
      format = args[++i];
    } else if (options && a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (options && a === '--fix') fix = true;
    else if (options && (a === '--workers' || a === '-j')) {
      if (i + 1 >= args.length) throw new CliError(`${a} 缺少取值 needs a value\n${USAGE}`, 2);
      workers = args[++i];
    } else if (options && a.startsWith('--workers=')) workers = a.slice('--workers='.length);
    else if (options && a.startsWith('-') && a !== '-') throw new CliError(`未知选项 unknown option: ${a}\n${USAGE}`, 2);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new CliError(`--format 只能是 text、json 或 sarif (must be text, json or sarif): ${format}`, 2);
  if (workers !== null && !/^[1-9][0-9]{0,3}$/.test(workers)) throw new CliError(`--workers 须为正整数 must be a positive whole number: ${workers}`, 2);
  if (files.length === 0) throw new CliError(USAGE, 2);
  if (fix && files.includes('-')) throw new CliError('--fix 不能用于标准输入（-），请给出文件名 --fix cannot fix standard input (-): name the file', 2);
  if (files.filter((f) => f === '-').length > 1) throw new CliError('标准输入（-）只能给一次 standard input (-) can be named once', 2);
  return { files, format, fix, workers: workers === null ? defaultWorkers() : Number(workers) };
}

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG);
}

export interface FileReport {
  file: string;
  problems: DocumentProblem[];
  /** Fixes applied by --fix (0 without it). */
  fixed: number;
}

export type { JsonProblem };

/** Problems in reading order (line, then column), as a reviewer walks the file. */
function byPosition(problems: DocumentProblem[]): DocumentProblem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Every problem of a model with these settings ('off' rules dropped), in reading order. */
export function sortedProblems(model: DocumentModel, settings: Settings): DocumentProblem[] {
  return byPosition(checkDocument(model.sections, settings.rules, settings.severity, settings.suppressed));
}

/**
 * The problems of a model in reading order, and whether it holds a target table, found in one pass
 * of one tree at a time: each section's tree, when this pass builds it, serves both questions and is
 * retired before the next is built. Asking whether a file holds a table on its own built every tree
 * into the pool, where the whole file's trees then lived through its check (every scavenge copied
 * them, and V8 went on to pretenure trees that died old); asking after the check built them twice.
 */
function checkedModel(model: DocumentModel, settings: Settings): { problems: DocumentProblem[]; hasTable: boolean } {
  const problems: DocumentProblem[] = [];
  let hasTable = false;
  for (const ref of model.sections) {
    const built = !hasTree(ref.body);
    if (!hasTable) hasTable = holdsTable(ref.body);
    const found = checkDocument([ref], settings.rules, settings.severity, settings.suppressed);
    for (let i = 0; i < found.length; i++) problems.push(found[i]);
    if (built) retireTree(ref.body);
  }
  return { problems: byPosition(problems), hasTable };
}

/** Checks (and with `fix`, fixes) one file's text. Pure apart from the settings. */
export function checkText(
  text: string,
  fix: boolean,
  settings: Settings = DEFAULT_SETTINGS,
): { text: string; model: DocumentModel; problems: DocumentProblem[]; fixed: number; original: DocumentModel; hasTable: boolean } {
  const original = parseDocument(text);
  if (fix) {
    const r = fixAll(original, settings);
    // A fix never adds or removes a table, so the fixed model answers for the file.
    if (r.fixes > 0) return { text: documentText(r.model), model: r.model, ...checkedModel(r.model, settings), fixed: r.fixes, original };
  }
  return { text, model: original, ...checkedModel(original, settings), fixed: 0, original };
}

/**
 * Whether a section makes its file a target table: it has tables (an untitled one too: a table
 * whose title was not exported), or it is a department (a title line) with §3's overview. A title
 * alone is not enough: README.md's first line ends in 绩效目标表.
 */
function holdsTable(body: SectionBody): boolean {
  return body.tables.length > 0 || (body.title !== null && body.overview !== null);
}

/** The outcome of a file checked in this thread (the reports are made from outcomes, see output.ts). */
function outcomeOf(r: FileReport, locale: Locale): FileOutcome {
  return {
    name: r.file,
    checked: true,
    encoding: null,
    bytes: 0,
    problems: outcomeProblems(r.problems, locale),
    fixed: r.fixed,
    complaints: [],
    suppressed: [],
    used: [],
  };
}

export function toJson(reports: readonly FileReport[], locale: Locale): JsonProblem[] {
  return outcomesToJson(reports.map((r) => outcomeOf(r, locale)));
}

export function formatText(reports: readonly FileReport[], locale: Locale, notFixed = false): string {
  return outcomesToText(
    reports.map((r) => outcomeOf(r, locale)),
    locale,
    notFixed,
  );
}

function write(out: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
}

function complain(e: CliError): void {
  process.stderr.write(`target-table: ${e.message}\n`);
}

export async function runCheck(args: string[]): Promise<number> {
  const { review: reviewOptions, rest } = takeReviewArgs(args);
  const opts = parseCheckArgs(rest);
  const locale = cliLocale();
  const review = new ReviewRun(reviewOptions, (line) => process.stderr.write(`target-table: ${line}\n`), locale);
  const expanded = expandInputs(opts.files, { ignored: (file) => review.ignored(file) });
  for (const name of expanded.ignoredNamed) process.stderr.write(`target-table: ${review.ignoredNote(name)}\n`);
  const progress = new Progress(process.stderr, expanded.files.length);
  const onProgress = (done: number, total: number) => progress.update(done, total);
  let outcomes: FileOutcome[];
  let notFixed = false;
  try {
    if (opts.fix) ({ outcomes, notFixed } = await fixFiles(expanded.files, { locale, onProgress, review }));
    else outcomes = await checkFiles(expanded.files, { workers: opts.workers, locale, onProgress, review });
  } finally {
    progress.clear();
  }
  const codes: number[] = [];
  // Every message in input order, whichever worker finished first.
  for (const e of expanded.errors) {
    complain(e);
    codes.push(e.exitCode);
  }
  for (const o of outcomes) {
    for (const c of o.complaints) {
      complain(new CliError(c.message, c.exitCode));
      codes.push(c.exitCode);
    }
    if (o.encoding !== null && o.encoding !== 'UTF-8' && opts.format === 'text')
      process.stderr.write(`target-table: 注意：按 ${encodingLabel(o.encoding)} 编码读取 note: read as ${encodingLabel(o.encoding)}: ${o.name}\n`);
    if (o.problems.some((p) => p.severity === 'error')) codes.push(EXIT.problems);
  }
  const unused = review.unused();
  if (unused.length > 0) codes.push(EXIT.problems);
  codes.push(...review.codes);
  const exit = worstExit(codes);
  if (opts.format === 'sarif') await write(JSON.stringify(toSarif(outcomes, locale, exit), null, 2) + '\n');
  else if (opts.format === 'json')
    await write(JSON.stringify([...outcomesToJson(outcomes, reviewOptions.includeSuppressed), ...unusedJson(unused, locale)], null, 2) + '\n');
  else await write(outcomesToText(outcomes, locale, notFixed, unusedLines(unused, locale)));
  return exit;
}
