/**
 * Acceptance: the real sample parses completely. The expected figures come from
 * test/fixtures/sample-counts.md, which was counted independently of this parser
 * (grep/awk/Python following docs/format.md; see the file for the methods).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/core/parse/document';
import type { DocumentModel } from '../../../server/src/core/model';
import { FIXTURES, sampleText } from '../../helpers/fixtures';
import { createHash } from 'node:crypto';
import { exportDocument } from '../../../server/src/core/export/json';

interface Expected {
  name: string;
  nameLine: number;
  titleLine: number;
  longGoals: number;
  annualGoals: number;
  longTables: number;
  annualTables: number;
  longRows: number;
  annualRows: number;
}

function expectedDepartments(): Expected[] {
  const md = fs.readFileSync(path.join(FIXTURES, 'sample-counts.md'), 'utf8');
  const rows: Expected[] = [];
  for (const line of md.split('\n')) {
    const m = /^\| (\d+) \| (\S+) \| (\d+) \| (\d+|=) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/.exec(line);
    if (!m) continue;
    const n = m.slice(3).map((x) => (x === '=' ? Number(m[3]) : Number(x)));
    rows.push({
      name: m[2],
      nameLine: n[0],
      titleLine: n[1],
      longGoals: n[2],
      annualGoals: n[3],
      longTables: n[4],
      annualTables: n[5],
      longRows: n[6],
      annualRows: n[7],
    });
  }
  return rows;
}

describe('the real sample (dongxihu-overall-targets.txt)', () => {
  it('exports the JSON it exported before the template families, plus the added keys only (issue 11)', () => {
    // The hash of `target-table export` on the sample at dd938cb (before issue 11), byte for byte.
    const BEFORE_FAMILIES = '1f422d2c60a4ba132f74d244f7acef1c81921c09ce59b2db4fc17def9ca8fadc';
    const doc = exportDocument(parseDocument(sampleText()));
    for (const d of doc.departments) {
      assert.equal(d.family, 'overall');
      const dep = d as unknown as Record<string, unknown>;
      for (const k of ['family', 'subtitle', 'year', 'fields']) delete dep[k];
      for (const t of d.tables)
        for (const r of t.rows) {
          assert.equal(r.actual, null);
          const row = r as unknown as Record<string, unknown>;
          for (const k of ['level1Inferred', 'actual', 'weight', 'score', 'reason', 'extras']) delete row[k];
          for (const v of [r.previous, r.last, r.target]) {
            const value = v as unknown as Record<string, unknown> | null;
            if (value) for (const k of ['shape', 'range']) delete value[k];
          }
        }
    }
    assert.equal(
      createHash('sha256')
        .update(JSON.stringify(doc, null, 2) + '\n')
        .digest('hex'),
      BEFORE_FAMILIES,
    );
  });

  let model: DocumentModel;
  const expected = expectedDepartments();
  before(() => {
    model = parseDocument(sampleText());
  });

  it('has the 36 departments of the independent count', () => {
    assert.equal(expected.length, 36);
    const departments = model.sections.filter((s) => s.body.title);
    assert.equal(departments.length, 36);
    // nothing precedes the first title
    assert.equal(model.sections.length, 36);
  });

  it('names every department, split titles included, at the right line', () => {
    const got = model.sections.map((s) => ({ name: s.body.department, line: s.startLine + 1 }));
    assert.deepEqual(
      got,
      expected.map((e) => ({ name: e.name, line: e.nameLine })),
    );
  });

  it('reads every overview goal, goal table and indicator row, per department', () => {
    const got = model.sections.map((s) => {
      const b = s.body;
      const rows = (kind: string) => b.tables.filter((t) => t.kind === kind).reduce((a, t) => a + t.rows.length, 0);
      return {
        name: b.department ?? '',
        longGoals: b.overview?.rows.filter((r) => r.long).length ?? 0,
        annualGoals: b.overview?.rows.filter((r) => r.annual).length ?? 0,
        longTables: b.tables.filter((t) => t.kind === 'long').length,
        annualTables: b.tables.filter((t) => t.kind === 'annual').length,
        longRows: rows('long'),
        annualRows: rows('annual'),
      };
    });
    assert.deepEqual(
      got,
      expected.map(({ name, longGoals, annualGoals, longTables, annualTables, longRows, annualRows }) => ({
        name,
        longGoals,
        annualGoals,
        longTables,
        annualTables,
        longRows,
        annualRows,
      })),
    );
  });

  it('totals: 160 long tables, 159 annual tables, 1469 + 1575 indicator rows', () => {
    const tables = model.sections.flatMap((s) => s.body.tables);
    assert.equal(tables.filter((t) => t.kind === 'long').length, 160);
    assert.equal(tables.filter((t) => t.kind === 'annual').length, 159);
    assert.equal(
      tables.filter((t) => t.kind === 'long').reduce((a, t) => a + t.rows.length, 0),
      1469,
    );
    assert.equal(
      tables.filter((t) => t.kind === 'annual').reduce((a, t) => a + t.rows.length, 0),
      1575,
    );
  });

  it('leaves no content unplaced (no stray rows) in the sample', () => {
    const stray = model.sections.flatMap((s) => s.body.stray.map((n) => `${s.startLine + n.range.start.line + 1}: ${n.reason} ${n.text}`));
    assert.deepEqual(stray, []);
  });

  it('treats the 14 rows that carry the table label in column 0 as data rows', () => {
    const labelled = model.sections.flatMap((s) =>
      s.body.tables.flatMap((t) => t.rows.filter((r) => r.label !== null && r.label.text !== '').map((r) => s.startLine + r.range.start.line + 1)),
    );
    assert.deepEqual(labelled, [3022, 3151, 3199, 3247, 3286, 3343, 3391, 7109, 12749, 18941, 22559, 31209, 31291, 31393]);
    // 12 of them start a table whose indicator header row is missing
    const headerless = model.sections.flatMap((s) => s.body.tables.filter((t) => !t.indicatorHeader));
    assert.equal(headerless.length, 12);
  });

  it('rejoins the 5 rows that a blank line split in two', () => {
    const lines = [18773, 18873, 18884, 21292, 21898];
    for (const line of lines) {
      const ref = model.sections.find((s) => s.startLine < line && line <= s.startLine + s.body.lines.length)!;
      const row = ref.body.tables.flatMap((t) => t.rows).find((r) => ref.startLine + r.range.start.line + 1 === line);
      assert.ok(row, `row at ${line}`);
      assert.ok(row.level3.text !== '' && row.basis?.text !== '', `row at ${line} is whole`);
    }
  });

  it('keeps the two rows with a spare empty cell, noting their width', () => {
    const wide = model.sections.flatMap((s) =>
      s.body.tables.flatMap((t) => t.rows.filter((r) => r.width > t.columns.width).map((r) => s.startLine + r.range.start.line + 1)),
    );
    assert.deepEqual(wide, [9790, 22632]);
  });

  it('reads the 当年 target of an annual row from column 6, not column 4', () => {
    const dept = model.sections[0].body;
    const annual = dept.tables.find((t) => t.kind === 'annual' && t.number === 1)!;
    const row = annual.rows.find((r) => r.level3.text === '惠企便民事项')!;
    assert.equal(row.previous?.raw, '2项');
    assert.equal(row.last?.raw, '2项');
    assert.equal(row.target.raw, '≥3项');
    assert.equal(row.target.comparator?.normalized, '≥');
    assert.equal(row.level1.text, '产出指标');
  });
});
