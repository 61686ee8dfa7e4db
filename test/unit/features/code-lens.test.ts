/**
 * Code lenses above goals and table headers (features/code-lens.ts): where they go, and what a
 * resolved lens says, counted here from the model's plain fields and the document's problems.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from '../../../protocol';
import { absRange, comparePositions, type DocumentModel, type GoalTable, type Range, type SectionRef } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/document';
import type { DocumentProblem } from '../../../server/src/core/rules/index';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import { codeLenses, resolveCodeLens } from '../../../server/src/features/code-lens';
import { documentProblems } from '../../../server/src/features/diagnostics';
import { FIXTURES, sampleText } from '../../helpers/fixtures';

const URI = 'file:///lens.txt';

/** A department's share of a document's problems, as the server's `sectionProblems` gives it. */
const of = (problems: readonly DocumentProblem[]) => (ref: SectionRef) => problems.filter((p) => p.section.startLine === ref.startLine);

function resolved(model: DocumentModel, problems: readonly DocumentProblem[], locale: 'zh' | 'en' = 'zh'): CodeLens[] {
  return codeLenses(model, URI).map((l) => resolveCodeLens(l, model, of(problems), locale));
}

const lensAt = (lenses: CodeLens[], r: Range) => lenses.find((l) => comparePositions(l.range.start, r.start) === 0);
const inside = (p: Range['start'], r: Range) => comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;

/** The problems whose start lies in a table's range (absolute): what the user sees listed in it. */
function problemsIn(problems: readonly DocumentProblem[], ref: SectionRef, t: GoalTable): number {
  const r = absRange(ref, t.range);
  return problems.filter((p) => inside(p.range.start, r)).length;
}

describe('features/code-lens: the sample (§3)', () => {
  const model = parseDocument(sampleText());
  const problems = documentProblems(model, DEFAULT_SETTINGS);
  const lenses = resolved(model, problems);
  const first = model.sections[0];

  it('the first department: a lens above each goal says its table, its indicators and its problems; above each table header, the same without the table', () => {
    const b = first.body;
    let long = 0;
    let annual = 0;
    for (const kind of ['long', 'annual'] as const) {
      for (const [i, r] of b.overview!.rows.entries()) {
        const goal = r[kind]!;
        // Its table, by the header text `长期目标N` (the numbers agree in this department).
        const table = b.tables.find((t) => t.kind === kind && t.headerCell.text.replace(/[:：]$/, '') === `${kind === 'long' ? '长期' : '年度'}目标${i + 1}`)!;
        const k = problemsIn(problems, first, table);
        const goalLens = lensAt(lenses, absRange(first, goal.cell.range))!;
        assert.equal(goalLens.command!.title, `1 张表 · ${table.rows.length} 个指标 · ${k} 个问题`);
        const tableLens = lensAt(lenses, absRange(first, table.headerCell.range))!;
        assert.equal(tableLens.command!.title, `${table.rows.length} 个指标 · ${k} 个问题`);
        // A click shows the counterpart: the goal's table, the table's goal.
        assert.equal(goalLens.command!.command, SHOW_REFERENCES_COMMAND);
        const [uri, position, locations] = goalLens.command!.arguments as ShowReferencesArguments;
        assert.equal(uri, URI);
        assert.deepEqual(position, goalLens.range.start);
        assert.deepEqual(
          locations.map((l) => l.range),
          [absRange(first, table.headerCell.range)],
        );
        assert.deepEqual(
          (tableLens.command!.arguments as ShowReferencesArguments)[2].map((l) => l.range),
          [absRange(first, goal.cell.range)],
        );
        if (kind === 'long') long += table.rows.length;
        else annual += table.rows.length;
      }
    }
    // test/fixtures/sample-counts.md, department 1: 50 长期 and 60 年度 data rows.
    assert.deepEqual([long, annual], [50, 60]);
    // The department's lenses: 12 goals and 12 tables, nothing else.
    const end = first.startLine + first.body.lines.length;
    assert.equal(lenses.filter((l) => l.range.start.line < end).length, 24);
  });

  it('the problems counted are the diagnostics in the table: some tables of the sample have them, and the whole file adds up', () => {
    let counted = 0;
    let expected = 0;
    for (const ref of model.sections) {
      for (const t of ref.body.tables) {
        const lens = lensAt(lenses, absRange(ref, t.headerCell.range))!;
        const m = /(\d+) 个问题$/.exec(lens.command!.title)!;
        counted += Number(m[1]);
        expected += problemsIn(problems, ref, t);
      }
    }
    assert.equal(counted, expected);
    assert.ok(counted > 100, `${counted} problems in tables`);
  });

  it('rules set to off are not counted', () => {
    const table = first.body.tables.find((t) => problemsIn(problems, first, t) > 0)!;
    const codes = problems.filter((p) => inside(p.range.start, absRange(first, table.range))).map((p) => p.code);
    const off = normalizeSettings({ severity: Object.fromEntries(codes.map((c) => [c, 'off'])) });
    const quiet = resolved(model, documentProblems(model, off));
    assert.match(lensAt(quiet, absRange(first, table.headerCell.range))!.command!.title, / 0 个问题$/);
    assert.match(lensAt(lenses, absRange(first, table.headerCell.range))!.command!.title, new RegExp(` ${codes.length} 个问题$`));
  });

  it('a goal without a table (TT301) says 0 张表, and its lens is no link', () => {
    const ref = model.sections.find((s) => s.body.department === '武汉市东西湖区水务和湖泊局')!;
    const goal = ref.body.overview!.rows[2].annual!;
    const lens = lensAt(lenses, absRange(ref, goal.cell.range))!;
    assert.deepEqual(lens.command, { title: '0 张表 · 0 个指标 · 0 个问题', command: '' });
  });

  it('English: singular and plural', () => {
    const en = resolved(model, problems, 'en');
    const titles = en.map((l) => l.command!.title);
    assert.ok(titles.includes('1 table · 8 indicators · 0 problems'), titles.slice(0, 4).join(' | '));
    assert.ok(titles.some((t) => / 1 problem$/.test(t)));
    assert.ok(titles.some((t) => / [2-9] problems$/.test(t)));
    assert.ok(titles.includes('0 tables · 0 indicators · 0 problems'));
    for (const t of titles) {
      for (const [, n, s] of t.matchAll(/(\d+) (?:table|indicator|problem)(s?)\b/g)) assert.equal(s === '', n === '1', t);
    }
  });

  it('a lens whose goal is gone (the text changed since) stays unresolved; a lens with foreign data too', () => {
    const [lens] = codeLenses(model, URI);
    const other = parseDocument('no table here\n');
    assert.deepEqual(resolveCodeLens(lens, other, of([]), 'zh'), lens);
    const junk = { range: lens.range, data: { uri: 3 } };
    assert.deepEqual(resolveCodeLens(junk, model, of(problems), 'zh'), junk);
  });
});

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(FIXTURES, dir, file), 'utf8');
}

describe('features/code-lens: header-driven documents (§7)', () => {
  const files = [
    ...fs.readdirSync(path.join(FIXTURES, 'templates')).map((f) => ['templates', f]),
    ...fs.readdirSync(path.join(FIXTURES, 'variants')).map((f) => ['variants', f]),
  ].filter(([, f]) => f.endsWith('.txt'));

  it('every template and variant: a lens per goal and per table, counting the tables of the goal’s kind, their indicators and problems', () => {
    for (const [dir, file] of files) {
      const model = parseDocument(read(dir, file));
      const problems = documentProblems(model, DEFAULT_SETTINGS);
      const lenses = resolved(model, problems);
      let expectedLenses = 0;
      for (const ref of model.sections) {
        const b = ref.body;
        if (b.overview) continue;
        expectedLenses += b.goals.length + b.tables.length;
        for (const g of b.goals) {
          const tables = b.tables.filter((t) => g.kind === 'overall' || (g.kind === 'annual') === (t.kind === 'annual'));
          const rows = tables.reduce((n, t) => n + t.rows.length, 0);
          const k = problems.filter((p) => tables.some((t) => inside(p.range.start, absRange(ref, t.range)))).length;
          const lens = lensAt(lenses, absRange(ref, g.range));
          assert.ok(lens?.command, `${file}: a lens on goal ${g.text.slice(0, 10)}`);
          // Side-by-side blocks share rows: their problems are told apart by column, so only an upper bound here.
          const title = lens.command.title.replace(/^目标\d+：/, '');
          const [, n, m, kk] = /^(\d+) 张表 · (\d+) 个指标 · (\d+) 个问题$/.exec(title)!;
          assert.deepEqual([Number(n), Number(m)], [tables.length, rows], `${file}: ${title}`);
          assert.ok(Number(kk) <= k, `${file}: ${title} (${k} in range)`);
          const sideBySide = b.tables.some((t) => b.tables.some((u) => u !== t && u.headerRow === t.headerRow));
          if (!sideBySide) assert.equal(Number(kk), k, `${file}: ${title}`);
        }
      }
      assert.equal(lenses.length, expectedLenses, file);
      for (const l of lenses) assert.ok(l.command && l.command.title.length > 0, `${file}: every lens resolves`);
    }
  });

  it('07 (side by side): each block’s lens on its own first column, its problems by column', () => {
    const model = parseDocument(read('templates', '07-qingshanqu-jiaoyu-jijian.txt'));
    const problems = documentProblems(model, DEFAULT_SETTINGS);
    const lenses = resolved(model, problems);
    const ref = model.sections.find((s) => s.body.tables.length === 2)!;
    const [long, annual] = ref.body.tables;
    const byLine = (line: number) => lenses.find((l) => l.range.start.line === line - 1)!.command!.title;
    // Lines 54 and 57: 二级指标(长期) and 二级指标(年度).
    const inColumns = (cols: number[]) =>
      problems.filter((p) => {
        if (!inside(p.range.start, absRange(ref, long.range))) return false;
        const row = ref.body.rows.find(
          (r) => r.range.start.line <= p.range.start.line - ref.startLine && p.range.start.line - ref.startLine <= r.range.end.line,
        );
        const i = row ? row.cells.findIndex((c) => c.paragraphs.some((q) => q.line === p.range.start.line - ref.startLine)) : -1;
        return i < 0 || cols.includes(i) || i === long.columns.level1;
      }).length;
    assert.equal(byLine(54), `${long.rows.length} 个指标 · ${inColumns([1, 2, 3])} 个问题`);
    assert.equal(byLine(57), `${annual.rows.length} 个指标 · ${inColumns([4, 5, 6])} 个问题`);
    assert.deepEqual([long.columns.level2, annual.columns.level2], [1, 4]);
  });

  it('several goals in one cell: each lens names its goal', () => {
    const model = parseDocument(read('variants', 'numbered-goals.txt'));
    const titles = resolved(model, documentProblems(model, DEFAULT_SETTINGS)).map((l) => l.command!.title);
    assert.deepEqual(
      titles.slice(0, 3).map((t) => t.slice(0, 4)),
      ['目标1：', '目标2：', '目标3：'],
    );
    assert.match(titles[0], /^目标1：1 张表 · 3 个指标 · \d+ 个问题$/);
  });

  it('garbage: no lens and no throw on text with no table; hostile text resolves or stays unresolved', () => {
    assert.deepEqual(codeLenses(parseDocument(''), URI), []);
    assert.deepEqual(codeLenses(parseDocument('hello\n\tworld\n'), URI), []);
    const lines = sampleText().split('\n').slice(0, 2000);
    for (const text of [
      lines.filter((_, i) => i % 5 !== 2).join('\n'),
      lines.map((l) => l.replace(/目标/g, '目\t标')).join('\n'),
      '\t长期目标1：\n\t\0\uD800\n\t年度目标\n',
    ]) {
      const model = parseDocument(text);
      const problems = documentProblems(model, DEFAULT_SETTINGS);
      for (const l of codeLenses(model, URI)) resolveCodeLens(l, model, of(problems), 'en');
    }
  });
});

describe('the targetTable.codeLens.enabled setting', () => {
  it('is on by default and for anything but false; off as VS Code sends it (nested) or as a flat key', () => {
    assert.equal(normalizeSettings(undefined).codeLens, true);
    assert.equal(normalizeSettings({ codeLens: { enabled: true } }).codeLens, true);
    assert.equal(normalizeSettings({ codeLens: { enabled: 'yes' } }).codeLens, true);
    assert.equal(normalizeSettings({ codeLens: { enabled: false } }).codeLens, false);
    assert.equal(normalizeSettings({ 'codeLens.enabled': false }).codeLens, false);
  });
});
