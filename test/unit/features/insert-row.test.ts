/**
 * 插入指标行: the edit parses back as one more indicator row of the table at the line, with its 一级 and
 * 二级 taken from the merged cells above, and changes nothing else: the export of every other row,
 * table, goal and field is the same (lines shifted), and the text is the old text plus one insertion
 * at the end of a line, written with the document's own line breaks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits } from '../../../server/src/core/fixes';
import { exportDepartment, exportDocument, type ExportDocument, type ExportRow } from '../../../server/src/core/export/json';
import type { DocumentModel, GoalTable, SectionRef } from '../../../server/src/core/model';
import { documentText, parseDocument, updateDocument } from '../../../server/src/core/parse/document';
import { insertRowEdit, NEW_INDICATOR_NAME } from '../../../server/src/features/insert-row';
import { sectionAt } from '../../../server/src/features/locate';
import { TEMPLATES, VARIANTS, readTemplate, readVariant } from '../../helpers/export-rows';
import { department, sampleText } from '../../helpers/fixtures';

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Every `line` after `after` (1-based) moved down by `n`, every `endLine` from `after` on: the export of the text around an insertion. */
function shifted(doc: ExportDocument, after: number, n: number): ExportDocument {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'line' && typeof x === 'number') out[k] = x > after ? x + n : x;
      else if (k === 'endLine' && typeof x === 'number') out[k] = x >= after ? x + n : x;
      else out[k] = walk(x);
    }
    return out;
  };
  return walk(doc) as ExportDocument;
}

interface Insertion {
  /** The edited text ('' for a big document). */
  text: string;
  model: DocumentModel;
  /** Where the new row's first cell is (1-based). */
  rowLine: number;
  newRow: ExportRow;
  /** The new row's index in its table's export, and the export's table. */
  tableRows: ExportRow[];
  index: number;
}

/** Inserts a row at `line` (0-based) and checks everything the edit must keep; returns what it made. */
function insertAndCheck(text: string, model: DocumentModel, line: number, what: string): Insertion {
  const result = insertRowEdit(model, line);
  assert.ok(result, `${what}: no row inserted at line ${line + 1}`);
  const { range, newText } = result.edit;
  assert.deepEqual(range.start, range.end, `${what}: an insertion, not a replacement`);
  const ref = sectionAt(model, range.start.line)!;
  assert.equal(range.start.character, ref.body.lines[range.start.line - ref.startLine].length, `${what}: inserted at the end of a line`);
  // The document's own line break, and nothing but empty cells and the name.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const parts = newText.split(eol);
  assert.deepEqual(parts.slice(0, 2), ['', ''], `${what}: a blank line ends the row before`);
  for (const p of parts.slice(2)) assert.match(p, /^\t[ \u3000]*(新指标)?$/, `${what}: a cell line`);
  assert.ok(!newText.replace(/\r\n/g, '').includes(eol === '\r\n' ? '\n' : '\r'), `${what}: one kind of line break`);

  // The edit as the server applies it (incremental); on small documents checked against a full parse of the text too.
  const next = updateDocument(model, [{ range, text: newText }]);
  const small = text.length < 100_000;
  const after = small ? applyEdits(text, [{ range, newText }]) : '';
  if (small) {
    assert.equal(documentText(next), after);
    assert.deepStrictEqual(exportDocument(parseDocument(after)), exportDocument(next), `${what}: incremental = full parse`);
  }
  const n = parts.length - 1; // lines added
  const rowLine = range.start.line + 3;
  assert.equal(next.sections.length, model.sections.length, `${what}: the same sections`);
  // Sections the edit did not touch keep their body (a body is a function of its lines): only the others are compared.
  const touched = next.sections.map((s, i) => s.body !== model.sections[i].body);
  const exportOf = (m: DocumentModel) => ({ departments: m.sections.filter((_, i) => touched[i]).map((s) => exportDepartment(s)) }) as ExportDocument;
  for (let i = 0; i < next.sections.length; i++)
    if (!touched[i]) assert.equal(next.sections[i].startLine, model.sections[i].startLine + (model.sections[i].startLine > range.start.line ? n : 0));
  const before = shifted(exportOf(model), range.start.line + 1, n);
  const now = exportOf(next);
  // Take the new row out of the export: what is left is the old export, lines shifted.
  let found: { rows: ExportRow[]; index: number } | null = null;
  for (const d of now.departments)
    for (const t of d?.tables ?? []) {
      const index = t.rows.findIndex((r) => r.line === rowLine && r.level3 === NEW_INDICATOR_NAME);
      if (index >= 0) {
        assert.equal(found, null, `${what}: one new row`);
        found = { rows: t.rows, index };
      }
    }
  assert.ok(found, `${what}: the new row is an indicator row of a table`);
  const newRow = found.rows[found.index];
  const rest = JSON.parse(JSON.stringify(now)) as ExportDocument;
  for (const d of rest.departments) for (const t of d?.tables ?? []) t.rows = t.rows.filter((r) => !(r.line === rowLine && r.level3 === NEW_INDICATOR_NAME));
  assert.deepStrictEqual(rest, before, `${what}: everything else is unchanged`);

  // The cursor and the selection are on the new name, in the edited text (its line is one of the inserted ones).
  const selected = parts[result.selection.start.line - range.start.line];
  assert.equal(selected.slice(result.selection.start.character, result.selection.end.character), NEW_INDICATOR_NAME);
  assert.deepEqual(result.cursor, result.selection.start);
  return { text: after, model: next, rowLine, newRow, tableRows: found.rows, index: found.index };
}

/** The lines to insert at in a table: its header, its first and last data rows, a middle one, the blank line after the last. */
function probeLines(ref: SectionRef, t: GoalTable): { line: number; what: string }[] {
  const abs = (l: number) => ref.startLine + l;
  const out = [{ line: abs(t.headerRow.range.start.line), what: 'header' }];
  const rows = t.rows;
  if (rows.length) {
    out.push({ line: abs(rows[0].range.start.line), what: 'first row' });
    out.push({ line: abs(rows[rows.length >> 1].range.end.line), what: 'middle row (its last line)' });
    const last = rows[rows.length - 1];
    out.push({ line: abs(last.range.start.line), what: 'last row' });
    if (last.range.end.line + 1 < ref.body.lines.length && ref.body.lines[last.range.end.line + 1] === '')
      out.push({ line: abs(last.range.end.line + 1), what: 'blank line after the last row' });
  }
  return out;
}

function checkEveryTable(text: string, name: string, maxTables = Infinity): number {
  const model = parseDocument(text);
  let checked = 0;
  for (const ref of model.sections) {
    for (const t of ref.body.tables) {
      if (checked >= maxTables) return checked;
      // Side-by-side blocks share their rows: the row goes into the block of the line's cell.
      for (const p of probeLines(ref, t)) insertAndCheck(text, model, p.line, `${name} line ${p.line + 1} (${p.what})`);
      checked++;
    }
  }
  return checked;
}

describe('features/insert-row', () => {
  it('a minimal department: after a row, the new row inherits its 一级 and 二级 (merged cells)', () => {
    const text = department();
    const model = parseDocument(text);
    const line = text.split('\n').indexOf('\t培训场次'); // the 长期 table's 产出指标 / 数量指标 row
    const ins = insertAndCheck(text, model, line, 'department');
    assert.equal(ins.newRow.level1, '产出指标');
    assert.equal(ins.newRow.level2, '数量指标');
    assert.ok(ins.newRow.level1Inherited && ins.newRow.level2Inherited);
    assert.equal(ins.newRow.target.shape, 'empty');
    assert.equal(ins.tableRows.length, 4);
    assert.equal(ins.tableRows[ins.index - 1].level3, '培训场次');
    // Six cells of the 长期 table, each a TAB line, then the blank line that ended the old row.
    const lines = ins.text.split('\n');
    const first = ins.rowLine - 1;
    assert.deepEqual(lines.slice(first - 1, first + 7), ['', '\t', '\t', '\t', '\t新指标', '\t', '\t', '']);
  });

  it('a 年度 table: eight cells; on its header rows the row goes before the first data row', () => {
    const text = department();
    const model = parseDocument(text);
    const annual = model.sections[0].body.tables.find((t) => t.kind === 'annual')!;
    for (const header of [annual.headerRow, annual.indicatorHeader!, ...annual.subHeaders]) {
      const ins = insertAndCheck(text, model, header.range.start.line, 'annual header');
      assert.equal(ins.index, 0);
      assert.equal(ins.newRow.previous?.shape, 'empty');
      assert.equal(ins.newRow.level1, '');
      assert.equal(ins.text.split('\n').slice(ins.rowLine - 1, ins.rowLine + 8).length, 9);
    }
  });

  it('outside a table: null (title, overview, header zone, past the end)', () => {
    const text = department();
    const model = parseDocument(text);
    const lines = text.split('\n');
    for (const l of [
      0,
      lines.findIndex((l) => l.includes('单位：万元')),
      lines.indexOf('\t整体绩效总目标'),
      lines.indexOf('\t目标1：长期目标甲。'),
      lines.length + 3,
      -1,
    ])
      assert.equal(insertRowEdit(model, l), null, `line ${l + 1}`);
  });

  it('the sample: every kind of row in tables spread over the file, LF and CRLF', function () {
    this.timeout(120000);
    const text = sampleText();
    // Every 20th table: 长期 and 年度 tables, split rows and spare cells among them.
    const model = parseDocument(text);
    let n = 0;
    model.sections.forEach((ref) =>
      ref.body.tables.forEach((t) => {
        if (n++ % 20 !== 0) return;
        for (const p of probeLines(ref, t)) insertAndCheck(text, model, p.line, `sample line ${p.line + 1} (${p.what})`);
      }),
    );
    assert.ok(n > 300);
    // CRLF: a few tables are enough (the breaks are the point).
    assert.ok(checkEveryTable(crlf(text), 'sample CRLF', 3) === 3);
  });

  it('after the row right before a split title, and at the end of a file with no final line break', () => {
    const text = sampleText();
    const model = parseDocument(text);
    // The last row of every department: the next title (split ones among them) follows it.
    for (const ref of model.sections) {
      const t = ref.body.tables[ref.body.tables.length - 1];
      const last = t?.rows[t.rows.length - 1];
      if (last) insertAndCheck(text, model, ref.startLine + last.range.start.line, `last row of ${ref.body.department}`);
    }
    assert.ok(!text.endsWith('\n'));
  });

  for (const file of fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.txt'))) {
    it(`template ${file}: every table, LF and CRLF`, () => {
      const text = readTemplate(file);
      assert.ok(checkEveryTable(text, file) > 0);
      assert.ok(checkEveryTable(crlf(text), `${file} CRLF`) > 0);
    });
  }

  for (const file of fs.readdirSync(VARIANTS).filter((f) => f.endsWith('.txt'))) {
    it(`variant ${file}: every table`, () => {
      assert.ok(checkEveryTable(readVariant(file), file) > 0);
    });
  }

  it('a header-driven table: the row takes the 一级 its block states further down, as the rows around it do', () => {
    // 01: the first rows' 一级 (产出指标) is stated in a middle row of its merged block.
    const text = readTemplate('01-huangshi-dangxiao-zhutiban.txt');
    const model = parseDocument(text);
    const t = model.sections.flatMap((s) => s.body.tables)[0];
    const first = t.rows[0];
    assert.equal(first.level1.origin, 'below');
    const ins = insertAndCheck(text, model, first.range.start.line, '01 first row');
    assert.equal(ins.newRow.level1, first.level1.text);
    assert.equal(ins.newRow.level2, first.level2.text);
  });

  it('side by side 长期 and 年度: the name goes into the block of the cursor’s cell', () => {
    const text = readVariant('side-by-side.txt');
    const model = parseDocument(text);
    const [long, annual] = model.sections.flatMap((s) => s.body.tables);
    const row = long.rows[0];
    const cellLine = (i: number) => row.row.cells[i].range.start.line + model.sections[0].startLine;
    const inLong = insertAndCheck(text, model, cellLine(long.columns.level3), 'long block');
    const inAnnual = insertAndCheck(text, model, cellLine(annual.columns.level3), 'annual block');
    const tablesOf = (m: DocumentModel) => m.sections.flatMap((s) => s.body.tables);
    assert.deepEqual(
      tablesOf(inLong.model).map((t) => t.rows.length),
      [long.rows.length + 1, annual.rows.length],
    );
    assert.deepEqual(
      tablesOf(inAnnual.model).map((t) => t.rows.length),
      [long.rows.length, annual.rows.length + 1],
    );
  });

  it('a table that gives its hierarchy by indentation: the name is indented as its indicators', () => {
    const text = readVariant('indentation.txt');
    const model = parseDocument(text);
    const t = model.sections.flatMap((s) => s.body.tables)[0];
    const last = t.rows[t.rows.length - 1];
    const ins = insertAndCheck(text, model, last.range.start.line + model.sections[0].startLine, 'indentation');
    assert.equal(ins.newRow.level1, last.level1.text);
    assert.equal(ins.newRow.level2, last.level2.text);
  });
});
