/** The table view's model: the section as the Word table looked, every cell's source, every problem in its cell. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/core/parse/document';
import { normalizeSettings } from '../../../server/src/core/settings';
import { sectionProblems } from '../../../server/src/features/diagnostics';
import { tableView } from '../../../server/src/features/table-view';
import type { DocumentModel } from '../../../server/src/core/model';
import { cellPlace, spanRange, type TableView, type ViewBlock, type ViewCell } from '../../../protocol';
import { readTemplate } from '../../helpers/export-rows';
import { FIXTURES, sampleText } from '../../helpers/fixtures';

const settings = normalizeSettings({});

function view(model: DocumentModel, line: number, locale: 'zh' | 'en' = 'zh'): TableView {
  return tableView(model, { uri: 'file:///t.txt', version: 7, line, locale, problemsOf: (ref) => sectionProblems(ref, settings) });
}

/** The source text in a range, lines joined with `\n` (how the view gives a cell's source). */
function sourceIn(lines: readonly string[], r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const out = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) out.push(lines[l]);
  out.push(lines[r.end.line].slice(0, r.end.character));
  return out.join('\n');
}

/** Every row of a block fills its columns exactly, counting cells that reach down from rows above. */
function assertGrid(b: ViewBlock): void {
  const reach: number[] = new Array<number>(b.columns).fill(0); // rows still covered by a cell above, per column
  b.rows.forEach((row, r) => {
    let col = 0;
    const next = reach.map((n) => Math.max(0, n - 1));
    for (const c of row.cells) {
      while (col < b.columns && reach[col] > 0) col++;
      assert.ok(col + (c.colSpan ?? 1) <= b.columns, `${b.name} row ${r}: a cell (${c.text}) overflows the ${b.columns} columns`);
      for (let k = 0; k < (c.colSpan ?? 1); k++) next[col + k] = (c.rowSpan ?? 1) - 1;
      col += c.colSpan ?? 1;
    }
    while (col < b.columns && reach[col] > 0) col++;
    assert.equal(col, b.columns, `${b.name} row ${r} at line ${row.line + 1} fills ${col} of ${b.columns} columns`);
    for (let k = 0; k < b.columns; k++) reach[k] = next[k];
  });
}

function cells(v: TableView): ViewCell[] {
  return v.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells));
}

const documents = (): [string, string][] => [
  ['sample', sampleText()],
  ...fs
    .readdirSync(path.join(FIXTURES, 'templates'))
    .filter((f) => f.endsWith('.txt'))
    .map((f): [string, string] => [f, readTemplate(f)]),
];

describe('features/table-view', () => {
  it('lays out the sample’s first 年度 table as Word did: 指标值 over 前年/上年/当年, merged 一级/二级 cells', () => {
    const text = sampleText();
    const model = parseDocument(text);
    const v = view(model, 0);
    assert.equal(v.sections!.length, 36);
    assert.equal(v.current, 0);
    assert.equal(v.title, '武汉市东西湖区行政审批局整体支出绩效目标申报表');
    const annual = v.blocks.find((b) => b.name === '年度目标1')!;
    assert.equal(annual.columns, 8);
    const [goal, head, sub, years, first, output] = annual.rows;
    assert.deepEqual(
      goal.cells.map((c) => [c.text.slice(0, 5), c.colSpan ?? 1]),
      [
        ['年度目标1', 1],
        ['深入推进“', 7],
      ],
    );
    assert.deepEqual(
      head.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]),
      [
        // The label column: one cell from the header down to the last row.
        ['年度绩效指标', 1, annual.rows.length - 1],
        ['一级指标', 1, 3],
        ['二级指标', 1, 3],
        ['三级指标', 1, 3],
        ['指标值', 3, 1],
        ['指标值确定依据', 1, 3],
      ],
    );
    assert.deepEqual(
      sub.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]),
      [
        ['近两年指标值', 2, 1],
        ['预期当年实现值', 1, 2],
      ],
    );
    assert.deepEqual(
      years.cells.map((c) => c.text),
      ['前 年', '上 年'],
    );
    assert.equal(first.cells[0].text, '成本指标');
    // 产出指标 spans its five rows, 数量指标 its two; the value cells set comparator, number and unit apart.
    assert.deepEqual(
      output.cells.slice(0, 2).map((c) => [c.text, c.rowSpan ?? 1]),
      [
        ['产出指标', 5],
        ['数量指标', 2],
      ],
    );
    assert.deepEqual(output.cells[5].parts, [
      { kind: 'comparator', text: '≥' },
      { kind: 'number', text: '3' },
      { kind: 'unit', text: '项' },
    ]);
    assert.deepEqual(
      output.cells.map((c) => c.role),
      ['level1', 'level2', 'level3', 'previous', 'last', 'target', 'basis'],
    );
    // A click on the value puts the cursor at its text.
    const { at } = cellPlace(output.cells[5]);
    assert.equal(text.split('\n')[at.line].slice(at.character), '≥3项');
    // A plain one-line cell carries no more than it needs: its lines and click position are its span's.
    assert.deepEqual(Object.keys(output.cells[2]).sort(), ['edit', 'role', 'text']);
    assert.deepEqual(Object.keys(output.cells[2].edit!), ['span']);
  });

  it('shows the section at the cursor and lists every department', () => {
    const text = sampleText();
    const model = parseDocument(text);
    const line = view(model, 0).sections!.find((s) => s.name === '武汉市东西湖区财政局')!.line;
    const v = view(model, line + 20);
    assert.equal(v.sections![v.current].name, '武汉市东西湖区财政局');
    assert.equal(v.sections![v.current].line, v.firstLine);
    assert.ok(v.firstLine <= line + 20 && line + 20 <= v.lastLine);
  });

  it('a row drawn as written among the data rows (empty cells) leaves the merged label column to its side', () => {
    const model = parseDocument(sampleText());
    let checked = 0;
    for (const s of model.sections) {
      const v = view(model, s.startLine);
      for (const b of v.blocks) {
        const body = b.rows.filter((r) => r.kind !== 'header');
        if (b.kind !== 'table' || !body.some((r) => r.kind === 'rows') || !body.some((r) => r.kind === 'data')) continue;
        assertGrid(b);
        checked++;
      }
    }
    assert.ok(checked >= 5, `${checked} tables with such a row`);
  });

  for (const [name, text] of documents()) {
    it(`${name}: every row fills its columns, every cell’s edit is its source, nothing written is left out`, () => {
      const model = parseDocument(text);
      const lines = text.split(/\r?\n/);
      for (const s of model.sections.filter((_, i) => name !== 'sample' || i % 5 === 0)) {
        const v = view(model, s.startLine);
        if (v.current < 0) continue;
        for (const b of v.blocks) assertGrid(b);
        const drawn = cells(v);
        for (const c of drawn) {
          if (!c.edit) continue;
          assert.equal(sourceIn(lines, spanRange(c.edit.span)), c.edit.source ?? c.text, `cell ${c.text} at ${cellPlace(c).firstLine + 1}`);
          if (c.parts) assert.equal(c.parts.map((p) => p.text).join(''), c.text);
        }
        // Every non-empty cell of the section's rows is drawn (merged labels once, under their own text).
        const texts = new Set(drawn.map((c) => c.text));
        const body = model.sections.find((r) => r.startLine === v.firstLine)!.body;
        const titleEnd = body.title ? body.title.range.end.line : -1;
        for (const row of body.rows) {
          if (row.range.end.line <= titleEnd) continue;
          for (const c of row.cells)
            if (c.text !== '') assert.ok(texts.has(c.text), `${name}: “${c.text}” at line ${v.firstLine + c.range.start.line + 1} is not drawn`);
        }
        // Every problem of the section is in a cell or listed as loose, once.
        const placed = drawn.flatMap((c) => c.problems ?? []).concat(v.loose);
        assert.deepEqual(
          [...placed].sort((a, b) => a - b),
          v.problems.map((_, i) => i),
        );
      }
    });
  }

  it('puts each problem in the cell it is about, with its quick fix', () => {
    const model = parseDocument(readTemplate('01-huangshi-dangxiao-zhutiban.txt'));
    const v = view(model, 0);
    const unitless = cells(v).find((c) => c.text === '220')!;
    assert.deepEqual(
      (unitless.problems ?? []).map((i) => v.problems[i].code),
      ['TT101'],
    );
    const withFix = v.problems.find((p) => p.fix);
    if (withFix) assert.ok(withFix.fix!.edits.length > 0);
  });

  it('leaves the section list out while the client has it, and sends it again when it changed', () => {
    const text = sampleText();
    const model = parseDocument(text);
    const first = view(model, 0);
    const again = tableView(model, {
      uri: 'file:///t.txt',
      version: 7,
      line: 0,
      locale: 'zh',
      sectionsId: first.sectionsId,
      problemsOf: (ref) => sectionProblems(ref, settings),
    });
    assert.equal(again.sections, undefined);
    assert.equal(again.sectionsId, first.sectionsId);
    // A department renamed: another list, sent in full.
    const renamed = parseDocument(text.replace('武汉市东西湖区财政局整体支出', '武汉市东西湖区财政厅整体支出'));
    const after = tableView(renamed, {
      uri: 'file:///t.txt',
      version: 8,
      line: 0,
      locale: 'zh',
      sectionsId: first.sectionsId,
      problemsOf: (ref) => sectionProblems(ref, settings),
    });
    assert.notEqual(after.sectionsId, first.sectionsId);
    assert.ok(after.sections!.some((s) => s.name === '武汉市东西湖区财政厅'));
  });

  it('never throws on text that is no table, and names no section then', () => {
    for (const t of ['', '\n\n', '\t\t\t\n\t', '项目支出绩效目标表\n\t一级指标\n\t\n\n\t\t\t\n']) {
      const v = view(parseDocument(t), 3);
      for (const b of v.blocks) assertGrid(b);
    }
  });
});
