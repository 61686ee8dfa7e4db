/**
 * `target-table check FILE... [--format text|json] [--fix]`: the diagnostics of the language
 * server on the command line; exit codes in io.ts (`EXIT`). Every file that can be read is
 * checked and reported; one that cannot gives one line on stderr. `--fix` applies every safe fix
 * in place first (io.ts `writeInPlace`: same inode, only from the first changed byte, refused when
 * the file changed since it was read), only when every file named could be read, then reports
 * what is left; a file whose write failed is reported as it still is.
 */
import type { DocumentModel } from '../core/model';
import { documentText, parseDocument } from '../core/parse/document';
import type { DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { checkDocument } from '../core/rules/index';
import { fixAll } from '../core/fixes';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { inSection, msg, pickLocale, sectionName, type Locale } from '../core/locale';
import { CliError, EXIT, readInputFile, readStdin, worstExit, writeInPlace, type InputFile } from './io';
import { REVIEW_USAGE, ReviewRun, suppressedJson, suppressedSummary, takeReviewArgs, unusedJson, unusedLines, type SuppressedProblem } from './config-use';

const USAGE = `用法 usage: target-table check FILE... [--format text|json] [--fix] ${REVIEW_USAGE}   (FILE 为 - 时读标准输入 - reads standard input)`;

export interface CheckOptions {
  files: string[];
  format: 'text' | 'json';
  fix: boolean;
}

export function parseCheckArgs(args: string[]): CheckOptions {
  let format = 'text';
  let fix = false;
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
    else if (options && a.startsWith('-') && a !== '-') throw new CliError(`未知选项 unknown option: ${a}\n${USAGE}`, 2);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json') throw new CliError(`--format 只能是 text 或 json (must be text or json): ${format}`, 2);
  if (files.length === 0) throw new CliError(USAGE, 2);
  if (fix && files.includes('-')) throw new CliError('--fix 不能用于标准输入（-），请给出文件名 --fix cannot fix standard input (-): name the file', 2);
  if (files.filter((f) => f === '-').length > 1) throw new CliError('标准输入（-）只能给一次 standard input (-) can be named once', 2);
  return { files, format, fix };
}

export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG);
}

export interface FileReport {
  file: string;
  problems: DocumentProblem[];
  /** Fixes applied by --fix (0 without it). */
  fixed: number;
  /** Problems the review config's suppressions took (./config-use.ts), not in `problems`. */
  suppressed?: SuppressedProblem[];
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The department or project the problem is in (the text format says it after the message). */
  section: string;
  /** `--include-suppressed`: a problem the review config's suppression took (./config-use.ts). */
  suppressed?: true;
  suppression?: { config: string; line: number; reason?: string };
}

/** Problems in reading order (line, then column), as a reviewer walks the file. */
function byPosition(problems: DocumentProblem[]): DocumentProblem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Every problem of a model with the configured severities ('off' rules dropped). */
function problemsOf(model: DocumentModel, settings: Settings): DocumentProblem[] {
  return checkDocument(model.sections, settings.rules, settings.severity, settings.suppressed);
}

/** Checks (and with `fix`, fixes) one file's text. Pure apart from the settings. */
export function checkText(
  text: string,
  fix: boolean,
  settings: Settings = DEFAULT_SETTINGS,
): { text: string; model: DocumentModel; problems: DocumentProblem[]; fixed: number; original: DocumentModel } {
  const original = parseDocument(text);
  if (fix) {
    const r = fixAll(original, settings);
    if (r.fixes > 0) return { text: documentText(r.model), model: r.model, problems: byPosition(problemsOf(r.model, settings)), fixed: r.fixes, original };
  }
  return { text, model: original, problems: byPosition(problemsOf(original, settings)), fixed: 0, original };
}

/**
 * Whether a model holds a target table: a department (a title line) with an overview or a goal
 * table. A title alone is not enough: README.md's first line ends in 绩效目标表.
 */
export function hasTargetTable(model: DocumentModel): boolean {
  // A section with its tables (an untitled one too: a table whose title was not exported), or §3's overview.
  return model.sections.some((s) => s.body.tables.length > 0 || (s.body.title !== null && s.body.overview !== null));
}

export function toJson(reports: readonly FileReport[], locale: Locale, withSuppressed = false): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const r of reports) {
    const suppressed = withSuppressed ? (r.suppressed ?? []) : [];
    for (const p of [...r.problems, ...suppressed.map((s) => s.problem)].sort((a, b) => a.range.start.line - b.range.start.line)) {
      const s = suppressed.find((x) => x.problem === p);
      out.push({
        file: r.file,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        endLine: p.range.end.line + 1,
        endColumn: p.range.end.character + 1,
        severity: p.severity,
        code: p.code,
        message: msg(p.message, locale),
        section: sectionName(p.section.body, locale),
        ...(s ? suppressedJson(s) : {}),
      });
    }
  }
  return out;
}

export function formatText(reports: readonly FileReport[], locale: Locale, notFixed = false, before: readonly string[] = []): string {
  const lines: string[] = [];
  let suppressed = 0;
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixed = 0;
  for (const r of reports) {
    fixed += r.fixed;
    suppressed += r.suppressed?.length ?? 0;
    for (const p of r.problems) {
      count[p.severity]++;
      lines.push(
        `${r.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code} ${inSection(msg(p.message, locale), p.section.body, locale).replace(/\r?\n/g, ' ')}`,
      );
    }
  }
  lines.push(...before);
  const n = reports.length;
  if (locale === 'en') {
    const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    let s = `${pl(n, 'file')}, ${pl(count.error, 'error')}, ${pl(count.warning, 'warning')}, ${count.information} info, ${pl(count.hint, 'hint')}`;
    s += suppressedSummary(suppressed, locale);
    if (fixed > 0) s += `; ${pl(fixed, 'fix')} applied`;
    if (notFixed) s += '; nothing fixed: a file could not be read';
    lines.push(s);
  } else {
    let s = `${n} 个文件，${count.error} 个错误，${count.warning} 个警告，${count.information} 个信息，${count.hint} 个提示`;
    s += suppressedSummary(suppressed, locale);
    if (fixed > 0) s += `；已修复 ${fixed} 处`;
    if (notFixed) s += '；有文件无法读取，未修复任何文件';
    lines.push(s);
  }
  return lines.join('\n') + '\n';
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
  const codes: number[] = [];
  const review = new ReviewRun(reviewOptions, (line) => process.stderr.write(`target-table: ${line}\n`), locale);
  const files = opts.files.filter((f) => f === '-' || !review.ignored(f));
  // Read every file first: with --fix, no file is written unless all of them could be read.
  const inputs: InputFile[] = [];
  for (const file of files) {
    try {
      inputs.push(file === '-' ? await readStdin() : readInputFile(file));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      complain(e);
      codes.push(e.exitCode);
    }
  }
  const fix = opts.fix && inputs.length === files.length;
  const reports: FileReport[] = [];
  for (const input of inputs) {
    // --fix leaves suppressed problems as they are; their count needs the problems without the filter.
    const r = checkText(input.text, fix, fix ? review.fixSettingsOf(input.name) : review.settingsOf(input.name));
    const split = review.split(input.name, fix ? byPosition(problemsOf(r.model, review.settingsOf(input.name))) : r.problems);
    let report: FileReport = { file: input.name, problems: split.shown, fixed: r.fixed, suppressed: split.suppressed };
    if (r.fixed > 0) {
      try {
        if (!writeInPlace(input, r.text)) report = { ...report, fixed: 0 }; // the fixes gave back the same bytes
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        complain(e);
        codes.push(e.exitCode);
        // Not written: report the file as it still is.
        const kept = review.split(input.name, byPosition(problemsOf(r.original, review.settingsOf(input.name))));
        report = { file: input.name, problems: kept.shown, fixed: 0, suppressed: kept.suppressed };
      }
    }
    if (!hasTargetTable(r.original)) {
      complain(new CliError(`文件中没有绩效目标表 no target table found in ${input.name}`));
      codes.push(EXIT.noTable);
    }
    if (report.problems.some((p) => p.severity === 'error')) codes.push(EXIT.problems);
    reports.push(report);
  }
  const unused = review.unused();
  if (unused.length > 0) codes.push(EXIT.problems);
  codes.push(...review.codes);
  await write(
    opts.format === 'json'
      ? JSON.stringify([...toJson(reports, locale, reviewOptions.includeSuppressed), ...unusedJson(unused, locale)], null, 2) + '\n'
      : formatText(reports, locale, opts.fix && !fix, unusedLines(unused, locale)),
  );
  return worstExit(codes);
}
