/**
 * `target-table check FILE... [--format text|json] [--fix]`: the diagnostics of the language
 * server on the command line. Exit 1 when an error-level problem remains, else 0.
 * `--fix` applies every safe fix in place first (atomic write, only when something changed,
 * line endings and BOM kept), then reports what is left.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentModel } from '../core/model';
import { parseDocument } from '../core/parse/document';
import type { DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { documentProblems } from '../features/diagnostics';
import { fixAllText } from '../features/fixes';
import { DEFAULT_SETTINGS, type ServerSettings } from '../features/settings';
import { msg, pickLocale, type Locale } from '../i18n';
import { CliError, readTextFile } from './io';

const USAGE = '用法 usage: target-table check FILE... [--format text|json] [--fix]';

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
}

function hasBom(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(3);
    const n = fs.readSync(fd, b, 0, 3, 0);
    return n === 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes through a temporary file in the same directory and a rename, keeping the file's mode. */
export function writeAtomically(file: string, data: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw new CliError(`无法写入 cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Problems in reading order (line, then column), as a reviewer walks the file. */
function byPosition(problems: DocumentProblem[]): DocumentProblem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Checks (and with `fix`, fixes) one file's text. Pure apart from the settings. */
export function checkText(text: string, fix: boolean, settings: ServerSettings = DEFAULT_SETTINGS): { text: string; model: DocumentModel; problems: DocumentProblem[]; fixed: number } {
  if (fix) {
    const r = fixAllText(text, settings);
    return { text: r.text, model: r.model, problems: byPosition(documentProblems(r.model, settings)), fixed: r.fixes };
  }
  const model = parseDocument(text);
  return { text, model, problems: byPosition(documentProblems(model, settings)), fixed: 0 };
}

export function toJson(reports: readonly FileReport[], locale: Locale): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const r of reports) {
    for (const p of r.problems) {
      out.push({
        file: r.file,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        endLine: p.range.end.line + 1,
        endColumn: p.range.end.character + 1,
        severity: p.severity,
        code: p.code,
        message: msg(p.message, locale),
      });
    }
  }
  return out;
}

export function formatText(reports: readonly FileReport[], locale: Locale): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixed = 0;
  for (const r of reports) {
    fixed += r.fixed;
    for (const p of r.problems) {
      count[p.severity]++;
      lines.push(`${r.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code} ${msg(p.message, locale).replace(/\r?\n/g, ' ')}`);
    }
  }
  const n = reports.length;
  if (locale === 'en') {
    const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    let s = `${pl(n, 'file')}, ${pl(count.error, 'error')}, ${pl(count.warning, 'warning')}, ${count.information} info, ${pl(count.hint, 'hint')}`;
    if (fixed > 0) s += `; ${pl(fixed, 'fix')} applied`;
    lines.push(s);
  } else {
    let s = `${n} 个文件，${count.error} 个错误，${count.warning} 个警告，${count.information} 个信息，${count.hint} 个提示`;
    if (fixed > 0) s += `；已修复 ${fixed} 处`;
    lines.push(s);
  }
  return lines.join('\n') + '\n';
}

function write(out: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
}

export async function runCheck(args: string[]): Promise<number> {
  const opts = parseCheckArgs(args);
  const locale = cliLocale();
  // Read everything first: a missing or binary file stops the run before any file is rewritten.
  const inputs = opts.files.map((file) => ({ file, text: readTextFile(file) }));
  const reports: FileReport[] = [];
  for (const { file, text } of inputs) {
    const r = checkText(text, opts.fix);
    if (opts.fix && r.fixed > 0 && r.text !== text) writeAtomically(file, (hasBom(file) ? '\ufeff' : '') + r.text);
    reports.push({ file, problems: r.problems, fixed: r.fixed });
  }
  await write(opts.format === 'json' ? JSON.stringify(toJson(reports, locale), null, 2) + '\n' : formatText(reports, locale));
  return reports.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}
