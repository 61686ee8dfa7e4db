/**
 * A checked file as plain data (`FileOutcome`: what a worker thread sends back, no model, no
 * tree), and the text and JSON reports made from a list of them. The SARIF report is in sarif.ts.
 */
import type { DocumentProblem } from '../core/rules/index';
import type { Severity } from '../core/rules/types';
import { msg, sectionName, type Locale } from '../core/locale';
import type { TextEncoding } from './io';

/** A problem as the reports print it: 1-based positions, the message and the section's name in the CLI's locale. */
export interface OutcomeProblem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The department or project the problem is in (the text format says it after the message). */
  section: string;
}

/** One line for stderr and the exit code it stands for. */
export interface Complaint {
  message: string;
  exitCode: number;
}

export interface FileOutcome {
  /** The name as given on the command line or found in a folder (`<stdin>` for `-`). */
  name: string;
  /** Whether the file was read and checked (it is then in the report, even when its write failed). */
  checked: boolean;
  /** What it was decoded as; null when it could not be read. */
  encoding: TextEncoding | null;
  /** Its size in bytes as read (0 when it could not be read). */
  bytes: number;
  problems: OutcomeProblem[];
  /** Fixes written by --fix (0 without it, and when the write failed). */
  fixed: number;
  /** What goes to stderr for this file, in order: it could not be read, or written, or it holds no target table. */
  complaints: Complaint[];
  /** Problems the review config's suppressions took (./config-use.ts), not in `problems`. */
  suppressed: SuppressedOutcome[];
  /** The suppressions that took a problem of this file, by config and place in its list (for `--report-unused-suppressions`). */
  used: { config: string; index: number }[];
}

/** A suppressed problem and the suppression that took it (`--include-suppressed`). */
export interface SuppressedOutcome extends OutcomeProblem {
  suppression: { config: string; line: number; reason?: string };
}

export function outcomeProblems(problems: readonly DocumentProblem[], locale: Locale): OutcomeProblem[] {
  return problems.map((p) => ({
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    severity: p.severity,
    code: p.code,
    message: msg(p.message, locale),
    section: sectionName(p.section.body, locale),
  }));
}

/** `check --format json`: one object per problem; `encoding` only for a file that was not UTF-8 (existing readers see the same keys). */
export interface JsonProblem extends OutcomeProblem {
  file: string;
  encoding?: TextEncoding;
  /** `--include-suppressed`: a problem the review config's suppression took (./config-use.ts). */
  suppressed?: true;
  suppression?: SuppressedOutcome['suppression'];
}

/** With `withSuppressed`, the suppressed problems are items too, in line order among the others. */
export function outcomesToJson(outcomes: readonly FileOutcome[], withSuppressed = false): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const o of outcomes) {
    const items: JsonProblem[] = o.problems.map((p) => ({ file: o.name, ...p }));
    if (withSuppressed) for (const p of o.suppressed) items.push({ file: o.name, ...p, suppressed: true });
    if (withSuppressed && o.suppressed.length) items.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const j of items) {
      if (o.encoding !== null && o.encoding !== 'UTF-8') j.encoding = o.encoding;
      out.push(j);
    }
  }
  return out;
}

/** `file:line:col: severity code message — section` per problem, then the summary line. */
export function outcomesToText(outcomes: readonly FileOutcome[], locale: Locale, notFixed = false, before: readonly string[] = []): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixed = 0;
  let files = 0;
  let suppressed = 0;
  for (const o of outcomes) {
    if (!o.checked) continue;
    files++;
    fixed += o.fixed;
    suppressed += o.suppressed.length;
    for (const p of o.problems) {
      count[p.severity]++;
      lines.push(`${o.name}:${p.line}:${p.column}: ${p.severity} ${p.code} ${`${p.message} — ${p.section}`.replace(/\r?\n/g, ' ')}`);
    }
  }
  lines.push(...before);
  if (locale === 'en') {
    const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    let s = `${pl(files, 'file')}, ${pl(count.error, 'error')}, ${pl(count.warning, 'warning')}, ${count.information} info, ${pl(count.hint, 'hint')}`;
    if (suppressed > 0) s += `; ${suppressed} suppressed`;
    if (fixed > 0) s += `; ${pl(fixed, 'fix')} applied`;
    if (notFixed) s += '; nothing fixed: a file could not be read';
    lines.push(s);
  } else {
    let s = `${files} 个文件，${count.error} 个错误，${count.warning} 个警告，${count.information} 个信息，${count.hint} 个提示`;
    if (suppressed > 0) s += `，${suppressed} 个已忽略`;
    if (fixed > 0) s += `；已修复 ${fixed} 处`;
    if (notFixed) s += '；有文件无法读取，未修复任何文件';
    lines.push(s);
  }
  return lines.join('\n') + '\n';
}
