/**
 * The review report's data (a reviewer's overview of many submissions), shared by its three forms:
 * an HTML page (./html.ts), an Excel workbook (./xlsx.ts) and a CSV of problems (./csv.ts). The
 * command line (`target-table report`) and the language server (`targetTable/export`) both build
 * their files from here.
 *
 * Memory: a report can cover hundreds of files, so nothing here holds more than one file's model.
 * A caller first sums each file up (`summarize`, a few numbers), then hands the writers a `load`
 * function that gives one checked file at a time, in the order of the summaries.
 */
import type { DocumentModel, IndicatorRow, SectionRef } from '../model';
import { isListedSection } from '../parse/section';
import { isListed, RULES, type DocumentProblem } from '../rules/index';
import type { Severity } from '../rules/types';
import { msg, sectionName, type Locale } from '../locale';

/** One checked file: what `checkText` (cli/check.ts) gives, with its name as the reviewer knows it. */
export interface ReportFile {
  name: string;
  /** The encoding it was read in, when it was not UTF-8 (`GB18030`, `UTF-16LE`). */
  encoding?: string;
  model: DocumentModel;
  /** Shown problems, absolute ranges, in reading order. Hints are left out of every form (the Problems panel lists none). */
  problems: readonly DocumentProblem[];
  /** Problems a suppression silenced (counted, not listed). */
  suppressed?: number;
}

/** How many problems of each listed severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
}

export interface FileSummary extends SeverityCounts {
  name: string;
  encoding?: string;
  /** Departments or projects (listed sections). */
  sections: number;
  suppressed: number;
  /** Listed problems by rule code. */
  byRule: Map<string, number>;
}

/** A file's numbers, without its model: what the ranking and the counts by rule need. */
export function summarize(file: ReportFile): FileSummary {
  const s: FileSummary = {
    name: file.name,
    encoding: file.encoding,
    sections: file.model.sections.filter((ref) => isListedSection(ref.body)).length,
    error: 0,
    warning: 0,
    information: 0,
    suppressed: file.suppressed ?? 0,
    byRule: new Map(),
  };
  if (s.encoding === undefined) delete s.encoding;
  for (const p of listedProblems(file)) {
    s[p.severity as keyof SeverityCounts]++;
    s.byRule.set(p.code, (s.byRule.get(p.code) ?? 0) + 1);
  }
  return s;
}

/** The problems a report lists: those the Problems panel would (no hints). */
export function listedProblems(file: ReportFile): DocumentProblem[] {
  return file.problems.filter((p) => isListed(p.severity));
}

/** Indexes of the summaries, most errors first, then most warnings, then information; ties keep the given order. */
export function ranking(summaries: readonly FileSummary[]): number[] {
  return summaries
    .map((_, i) => i)
    .sort((a, b) => {
      const x = summaries[a];
      const y = summaries[b];
      return y.error - x.error || y.warning - x.warning || y.information - x.information || a - b;
    });
}

export interface RuleCount {
  code: string;
  title: string;
  count: number;
  /** Files it was found in. */
  files: number;
}

/** Problems by rule over all files, most frequent first (then by code). */
export function ruleCounts(summaries: readonly FileSummary[], locale: Locale): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const s of summaries) {
    for (const [code, n] of s.byRule) {
      const c = by.get(code) ?? { code, title: ruleTitle(code, locale), count: 0, files: 0 };
      c.count += n;
      c.files++;
      by.set(code, c);
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export function ruleTitle(code: string, locale: Locale): string {
  const rule = RULES.find((r) => r.code === code);
  return rule ? msg(rule.title, locale) : '';
}

export function totals(summaries: readonly FileSummary[]): SeverityCounts & { suppressed: number; sections: number } {
  const t = { error: 0, warning: 0, information: 0, suppressed: 0, sections: 0 };
  for (const s of summaries) {
    t.error += s.error;
    t.warning += s.warning;
    t.information += s.information;
    t.suppressed += s.suppressed;
    t.sections += s.sections;
  }
  return t;
}

/** The indicator row a problem's first line is in (null for a problem outside every indicator table). */
export function indicatorRowAt(ref: SectionRef, line: number): IndicatorRow | null {
  const rel = line - ref.startLine;
  for (const t of ref.body.tables) {
    if (rel < t.range.start.line || rel > t.range.end.line) continue;
    for (const r of t.rows) if (r.range.start.line <= rel && rel <= r.range.end.line) return r;
  }
  return null;
}

/** The problems of a file by section, sections in document order, problems in reading order. */
export function problemsBySection(file: ReportFile): { ref: SectionRef; problems: DocumentProblem[] }[] {
  // Keyed by start line: a problem kept from an earlier check may hold an earlier ref of the same section.
  const by = new Map<number, { ref: SectionRef; problems: DocumentProblem[] }>();
  for (const p of listedProblems(file)) {
    const group = by.get(p.section.startLine);
    if (group) group.problems.push(p);
    else by.set(p.section.startLine, { ref: p.section, problems: [p] });
  }
  const groups = [...by.values()].sort((a, b) => a.ref.startLine - b.ref.startLine);
  for (const g of groups) g.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return groups;
}

/** The words of the three forms, in the CLI's or the editor's language. */
export const REPORT_WORDS = {
  zh: {
    title: '绩效目标表审核报告',
    generated: '生成时间',
    files: '文件',
    file: '文件',
    rank: '排名',
    encoding: '编码',
    sections: '部门/项目',
    section: '部门/项目',
    errors: '错误',
    warnings: '警告',
    info: '信息',
    suppressed: '已忽略',
    total: '合计',
    submissions: '提交文件汇总（按错误、警告排序）',
    byRule: '按规则统计',
    code: '代码',
    rule: '规则',
    count: '次数',
    inFiles: '文件数',
    page: '规则说明',
    details: '逐文件问题',
    noProblems: '未发现问题。',
    noFiles: '没有文件。',
    line: '行',
    column: '列',
    severity: '级别',
    message: '问题',
    level1: '一级指标',
    level2: '二级指标',
    level3: '三级指标',
    problemsSheet: '问题',
    indicatorsSheet: '指标',
    lineShort: '第 {0} 行',
    lineColumn: '第 {0} 行第 {1} 列',
    severityName: { error: '错误', warning: '警告', information: '信息', hint: '提示' } as Record<Severity, string>,
  },
  en: {
    title: 'Target table review report',
    generated: 'Generated',
    files: 'Files',
    file: 'File',
    rank: 'Rank',
    encoding: 'Encoding',
    sections: 'Sections',
    section: 'Section',
    errors: 'Errors',
    warnings: 'Warnings',
    info: 'Info',
    suppressed: 'Suppressed',
    total: 'Total',
    submissions: 'Submissions (by errors, then warnings)',
    byRule: 'Problems by rule',
    code: 'Code',
    rule: 'Rule',
    count: 'Count',
    inFiles: 'Files',
    page: 'Rule page',
    details: 'Problems by file',
    noProblems: 'No problems found.',
    noFiles: 'No files.',
    line: 'Line',
    column: 'Column',
    severity: 'Severity',
    message: 'Message',
    level1: 'Level 1',
    level2: 'Level 2',
    level3: 'Level 3',
    problemsSheet: 'Problems',
    indicatorsSheet: 'Indicators',
    lineShort: 'line {0}',
    lineColumn: 'line {0}, column {1}',
    severityName: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as Record<Severity, string>,
  },
};

export type ReportWords = (typeof REPORT_WORDS)['zh'];

/** The formats a report can be written in. */
export type ReportFormat = 'html' | 'xlsx' | 'csv';

/** One problem as a spreadsheet row (1-based line and column; the 一级/二级/三级 of its indicator row). */
export interface ProblemRow {
  file: string;
  section: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  rule: string;
  message: string;
  level1: string;
  level2: string;
  level3: string;
}

export function problemHeader(W: ReportWords): string[] {
  return [W.file, W.section, W.line, W.column, W.severity, W.code, W.rule, W.message, W.level1, W.level2, W.level3];
}

export function problemCells(r: ProblemRow): (string | number)[] {
  return [r.file, r.section, r.line, r.column, r.severity, r.code, r.rule, r.message, r.level1, r.level2, r.level3];
}

/** A file's listed problems as rows, one section's tree built at a time. */
export function* problemRows(file: ReportFile, locale: Locale): Generator<ProblemRow> {
  const W = REPORT_WORDS[locale];
  for (const { ref, problems } of problemsBySection(file)) {
    const section = sectionName(ref.body, locale);
    for (const p of problems) {
      const row = indicatorRowAt(ref, p.range.start.line);
      yield {
        file: file.name,
        section,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        severity: W.severityName[p.severity],
        code: p.code,
        rule: ruleTitle(p.code, locale),
        message: msg(p.message, locale),
        level1: row?.level1.text ?? '',
        level2: row?.level2.text ?? '',
        level3: row?.level3.text ?? '',
      };
    }
  }
}
