/** Shared helpers of the rule tests: the parsed sample, problem lookup, fixture building, applying fixes. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, type DocumentModel, type Range } from '../../../server/src/core';
import { checkDocument, type DocumentProblem } from '../../../server/src/core/rules';
import { DEFAULT_RULE_SETTINGS, type RuleSettings, type TextEdit } from '../../../server/src/core/rules/types';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

export interface Checked {
  text: string;
  lines: string[];
  model: DocumentModel;
  problems: DocumentProblem[];
}

export function check(text: string, settings: Partial<RuleSettings> = {}): Checked {
  const model = parseDocument(text);
  const problems = checkDocument(model.sections, { ...DEFAULT_RULE_SETTINGS, ...settings });
  return { text, lines: text.split(/\r?\n/), model, problems };
}

let sample: Checked | null = null;
/** The real sample, parsed and checked once. */
export function sampleChecked(): Checked {
  if (!sample) {
    const text = fs.readFileSync(path.join(repoRoot(), 'test/fixtures/dongxihu-overall-targets.txt'), 'utf8');
    sample = check(text);
  }
  return sample;
}

export function textOf(c: Checked, r: Range): string {
  if (r.start.line === r.end.line) return c.lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [c.lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(c.lines[l]);
  parts.push(c.lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

/** The problems of a code starting on a 1-based line (as an editor shows it). */
export function at(c: Checked, code: string, line1: number): DocumentProblem[] {
  return c.problems.filter((p) => p.code === code && p.range.start.line === line1 - 1);
}

/** Asserts exactly one problem of `code` starts on `line1`, covering exactly `text`; returns it. */
export function expectHit(c: Checked, code: string, line1: number, text: string): DocumentProblem {
  const ps = at(c, code, line1);
  assert.strictEqual(
    ps.length,
    1,
    `expected one ${code} on line ${line1}, got ${ps.length}: ${JSON.stringify(c.problems.filter((p) => p.range.start.line === line1 - 1).map((p) => p.code))}`,
  );
  const p = ps[0];
  assert.strictEqual(textOf(c, p.range), text);
  assert.ok(p.message.zh.length > 0 && p.message.en.length > 0, 'bilingual message');
  assert.ok(/[\u4e00-\u9fff]/.test(p.message.zh), 'Chinese message');
  return p;
}

/** Asserts no problem of `code` touches the 1-based line. */
export function expectNone(c: Checked, code: string, line1: number): void {
  const ps = c.problems.filter((p) => p.code === code && p.range.start.line <= line1 - 1 && p.range.end.line >= line1 - 1);
  assert.deepStrictEqual(
    ps.map((p) => `${p.code}@${p.range.start.line + 1}`),
    [],
    `no ${code} expected on line ${line1}`,
  );
}

/** The 1-based line of the first line equal to `\t` + text (after trimming), at or after `from`. */
export function lineOf(c: Checked, text: string, from = 1): number {
  for (let i = from - 1; i < c.lines.length; i++) if (c.lines[i].trim() === text) return i + 1;
  throw new Error(`line not found: ${text}`);
}

/** Applies absolute edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** Applies every safe fix (fix-all). */
export function fixAll(text: string, settings: Partial<RuleSettings> = {}): string {
  const c = check(text, settings);
  const edits = c.problems.filter((p) => p.fix?.safe).flatMap((p) => p.fix!.edits);
  return applyEdits(text, edits);
}

/** Builds a document: a title line, then rows of TAB-led cells, each row followed by a blank line. */
export function buildDoc(title: string, rows: string[][]): string {
  const out = [title];
  for (const r of rows) {
    for (const cell of r) out.push(`\t${cell}`);
    out.push('');
  }
  return out.join('\n');
}

export const LONG_HEADER = ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'];
export const ANNUAL_HEADER = ['年度绩效指标', '一级指标', '二级指标', '三级指标', '近两年指标值', '预计当年实现值', '指标值确定依据'];
export const ANNUAL_SUB = ['前年', '上年'];

/** A one-department document with one 长期 and one 年度 table. */
export function miniDoc(
  longRows: string[][],
  annualRows: string[][],
  goals: [string, string][] = [['目标1：保障工作正常开展', '目标1：保障工作正常开展']],
): string {
  const rows: string[][] = [['单位：万元'], ['整体绩效总目标', '长期目标（截至2028年）', '年度目标']];
  for (const [l, a] of goals) rows.push(['', l, a]);
  rows.push(['长期目标1：', goals[0][0].replace(/^目标\d+[：:]/, '')], LONG_HEADER, ...longRows.map((r) => ['', ...r]));
  rows.push(['年度目标1：', goals[0][1].replace(/^目标\d+[：:]/, '')], ANNUAL_HEADER, ANNUAL_SUB, ...annualRows.map((r) => ['', ...r]));
  return buildDoc('武汉市东西湖区测试局整体支出绩效目标表', rows);
}
