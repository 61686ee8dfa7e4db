/**
 * Goal navigation (features/goal-links.ts and its views definition.ts, references.ts,
 * document-highlights.ts) on both layouts: the sample's overview goals ↔ their 长期目标N / 年度目标N
 * tables, and every header-driven document's goals ↔ the tables of their kind. Expectations are
 * worked out from the text and the model's plain fields, not through the matcher.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentHighlightKind, type Location, type LocationLink } from 'vscode-languageserver';
import { parseDocument } from '../../../server/src/core/parse/document';
import type { DocumentModel, GoalTable, Position, Range } from '../../../server/src/core/model';
import { absRange } from '../../../server/src/core/model';
import { definitionAt } from '../../../server/src/features/definition';
import { documentHighlightsAt } from '../../../server/src/features/document-highlights';
import { hoverAt } from '../../../server/src/features/hover';
import { referencesAt } from '../../../server/src/features/references';
import { FIXTURES, sampleText } from '../../helpers/fixtures';
import { problemsOf } from '../../helpers/invariants';

const URI = 'file:///nav.txt';
const sampleLines = () => sampleText().split(/\r\n|\r|\n/);
const at = (line: number, character = 2): Position => ({ line, character });
const lineOf = (r: { range: Range } | Range) => ('range' in r ? r.range : r).start.line;

/** The 0-based line of the first line equal to `text` after line `from`. */
function findLine(lines: string[], text: string, from = 0): number {
  const i = lines.findIndex((l, k) => k >= from && l === text);
  assert.ok(i >= 0, `no line ${JSON.stringify(text)} after ${from}`);
  return i;
}

function locations(model: DocumentModel, p: Position): Location[] {
  const d = definitionAt(model, URI, p, false);
  return (d ?? []) as Location[];
}

describe('features/goal-links: the sample (§3)', () => {
  const model = parseDocument(sampleText());
  const lines = sampleLines();
  const first = model.sections[0];
  const body = first.body;

  it('the first department: each 长期/年度 goal goes to the table headed 长期目标N / 年度目标N, and back', () => {
    const rows = body.overview!.rows;
    assert.equal(rows.length, 6);
    for (const [kind, label] of [
      ['long', '长期目标'],
      ['annual', '年度目标'],
    ] as const) {
      for (let n = 1; n <= 6; n++) {
        const goal = rows[n - 1][kind]!;
        assert.ok(goal.cell.text.startsWith(`目标${n}：`), goal.cell.text);
        // The table by its header line in the text: `\t长期目标N：` after the overview.
        const headerLine = findLine(lines, `\t${label}${n}：`, first.startLine + body.overview!.range.end.line);
        const goalLine = first.startLine + goal.cell.range.start.line;
        const defs = locations(model, at(goalLine));
        assert.deepEqual(defs.map(lineOf), [headerLine], `${label}${n}`);
        assert.equal(defs[0].uri, URI);
        // Back from either cell of the header row (`长期目标N：` and the goal text below it).
        assert.deepEqual(locations(model, at(headerLine)).map(lineOf), [goalLine]);
        assert.deepEqual(locations(model, at(headerLine + 1)).map(lineOf), [goalLine]);
      }
    }
  });

  it('with link support: the header row is the target, its 长期目标N cell selected, the goal cell the origin', () => {
    const goal = body.overview!.rows[1].long!;
    const goalRange = absRange(first, goal.cell.range);
    const [link] = definitionAt(model, URI, goalRange.start, true) as LocationLink[];
    const table = body.tables.find((t) => t.kind === 'long' && t.number === 2)!;
    assert.deepEqual(link.originSelectionRange, goalRange);
    assert.equal(link.targetUri, URI);
    assert.deepEqual(link.targetRange, absRange(first, table.headerRow.range));
    assert.deepEqual(link.targetSelectionRange, absRange(first, table.headerCell.range));
    assert.equal(lines[link.targetSelectionRange.start.line], '\t长期目标2：');
  });

  it('references: the goal and its table header (the goal left out without includeDeclaration); highlights: the goal Write, the table Read', () => {
    const goal = body.overview!.rows[2].annual!;
    const goalRange = absRange(first, goal.cell.range);
    const headerLine = findLine(lines, '\t年度目标3：', first.startLine);
    for (const p of [goalRange.start, at(headerLine)]) {
      const refs = referencesAt(model, URI, p, true)!;
      assert.deepEqual(refs.map(lineOf), [goalRange.start.line, headerLine]);
      assert.deepEqual(refs[0].range, goalRange);
      assert.deepEqual(referencesAt(model, URI, p, false)!.map(lineOf), [headerLine]);
      const hl = documentHighlightsAt(model, p)!;
      assert.deepEqual(
        hl.map((h) => [h.range.start.line, h.kind]),
        [
          [goalRange.start.line, DocumentHighlightKind.Write],
          [headerLine, DocumentHighlightKind.Read],
        ],
      );
    }
  });

  it('a goal without a table (TT301) has no definition and only itself as reference', () => {
    const cell = lines.findIndex((l) => l.startsWith('\t目标3.完成编制我区现代水网规划'));
    assert.equal(cell + 1, 22048, 'sample-counts.md: the goal without a table');
    const problems = problemsOf(model).filter((p) => p.code === 'TT301' && p.range.start.line === cell);
    assert.equal(problems.length, 1, 'the rule reports this goal');
    assert.equal(definitionAt(model, URI, at(cell), true), null);
    assert.deepEqual(referencesAt(model, URI, at(cell), true)!.map(lineOf), [cell]);
    assert.deepEqual(referencesAt(model, URI, at(cell), false), []);
  });

  it('tables without a goal (TT302, 科学技术协会): no definition; the un-numbered goal goes to table 1 by position', () => {
    const ref = model.sections.find((s) => s.body.department === '武汉市东西湖区科学技术协会')!;
    const longTables = ref.body.tables.filter((t) => t.kind === 'long');
    assert.equal(longTables.length, 3);
    const tt302 = new Set(
      problemsOf(model)
        .filter((p) => p.code === 'TT302')
        .map((p) => p.range.start.line),
    );
    const goal = ref.body.overview!.rows[0].long!;
    const header = (t: GoalTable) => ref.startLine + t.headerRow.range.start.line;
    assert.deepEqual(locations(model, absRange(ref, goal.cell.range).start).map(lineOf), [header(longTables[0])]);
    for (const t of longTables.slice(1)) {
      assert.ok(tt302.has(header(t)), 'the rule reports this table');
      assert.equal(definitionAt(model, URI, at(header(t)), true), null);
      assert.deepEqual(referencesAt(model, URI, at(header(t)), true)!.map(lineOf), [header(t)]);
    }
  });

  it('nothing (null, not an error) elsewhere: an indicator row, a title, a blank line, past the end', () => {
    const indicator = findLine(lines, '\t≥3项');
    for (const p of [at(indicator), at(0), at(1, 0), at(lines.length + 5), { line: 3, character: 9999 }]) {
      assert.equal(definitionAt(model, URI, p, true), null, JSON.stringify(p));
      assert.equal(referencesAt(model, URI, p, true), null);
      assert.equal(documentHighlightsAt(model, p), null);
    }
  });
});

/** What a header-driven table measures, from the goal kinds (docs/format.md §7.1, TT305's reading). */
function measuredBy(goalKind: string, table: GoalTable): boolean {
  if (goalKind === 'overall') return true;
  return goalKind === 'annual' ? table.kind === 'annual' : table.kind === 'long';
}

function headerDriven(dir: string): { file: string; model: DocumentModel }[] {
  const d = path.join(FIXTURES, dir);
  return fs
    .readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => ({ file, model: parseDocument(fs.readFileSync(path.join(d, file), 'utf8')) }));
}

describe('features/goal-links: header-driven documents (§7)', () => {
  const docs = [...headerDriven('templates'), ...headerDriven('variants')];

  it('every goal of every template and variant goes to the tables of its kind, every table header back to the goals it measures', () => {
    let goals = 0;
    let tables = 0;
    for (const { file, model } of docs) {
      for (const ref of model.sections) {
        const b = ref.body;
        if (b.overview) continue;
        for (const g of b.goals) {
          goals++;
          const expected = b.tables.filter((t) => measuredBy(g.kind, t)).map((t) => ref.startLine + t.headerRow.range.start.line);
          const got = locations(model, absRange(ref, g.range).start).map(lineOf);
          assert.deepEqual(got, expected, `${file}: goal ${g.kind} ${g.text.slice(0, 12)}`);
        }
        for (const t of b.tables) {
          tables++;
          const expected = b.goals.filter((g) => measuredBy(g.kind, t)).map((g) => absRange(ref, g.range));
          const refs = referencesAt(model, URI, absRange(ref, t.headerRow.range).start, true) ?? [];
          for (const r of expected)
            assert.ok(
              refs.some((x) => JSON.stringify(x.range) === JSON.stringify(r)),
              `${file}: table ${t.kind} → goal`,
            );
        }
      }
    }
    // Every family's documents took part (six templates, the variants with goals).
    assert.ok(goals >= 12 && tables >= 25, `${goals} goals, ${tables} tables`);
  });

  const template = (name: string) => docs.find((d) => d.file === name)!.model;

  it('05 (project): the 长期 goal has no 长期 table; the 年度 goal goes to 年度绩效指标 and back', () => {
    const model = template('05-xiangtan-wupaoche-2024.txt');
    const [ref] = model.sections.filter((s) => s.body.goals.length > 0);
    const [long, annual] = ref.body.goals;
    assert.equal(definitionAt(model, URI, absRange(ref, long.range).start, true), null);
    const defs = locations(model, absRange(ref, annual.range).start);
    assert.deepEqual(defs.map(lineOf), [50]); // line 51, `年度绩效指标`
    assert.deepEqual(locations(model, at(50)).map(lineOf), [48]); // line 49: the 年度目标 cell
    // On the label cell `年度目标`: the goal it names.
    assert.deepEqual(locations(model, at(absRange(ref, annual.label.range).start.line)).map(lineOf), [50]);
  });

  it('07 (side by side): each block is its own table, named by its own first column; the shared 一级 column leads to both goals', () => {
    const model = template('07-qingshanqu-jiaoyu-jijian.txt');
    const ref = model.sections.find((s) => s.body.tables.length === 2)!;
    const [mid, annual] = ref.body.goals;
    const line = (r: Range) => r.start.line + 1;
    const midLinks = definitionAt(model, URI, absRange(ref, mid.range).start, true) as LocationLink[];
    const annualLinks = definitionAt(model, URI, absRange(ref, annual.range).start, true) as LocationLink[];
    assert.deepEqual(
      midLinks.map((l) => line(l.targetSelectionRange)),
      [54],
    ); // 二级指标(长期)
    assert.deepEqual(
      annualLinks.map((l) => line(l.targetSelectionRange)),
      [57],
    ); // 二级指标(年度)
    assert.deepEqual(
      locations(model, at(53)).map((l) => line(l.range)),
      [45],
    );
    assert.deepEqual(
      locations(model, at(56)).map((l) => line(l.range)),
      [47],
    );
    assert.deepEqual(
      locations(model, at(52)).map((l) => line(l.range)),
      [45, 47],
    ); // 一级指标, both blocks'
    // The 中期 goal's references: itself and the 长期 block only.
    assert.deepEqual(
      referencesAt(model, URI, absRange(ref, mid.range).start, true)!.map((l) => line(l.range)),
      [45, 54],
    );
  });

  it('several numbered goals in one cell: the one under the cursor; the table leads to all of them', () => {
    const model = template('numbered-goals.txt');
    const [ref] = model.sections;
    const [g1, g2, g3] = ref.body.goals;
    const table = ref.body.tables[0];
    const headerLine = ref.startLine + table.headerRow.range.start.line;
    const g2Start = absRange(ref, g2.range).start;
    const refs = referencesAt(model, URI, { line: g2Start.line, character: g2Start.character + 2 }, true)!;
    assert.deepEqual(
      refs.map((r) => r.range),
      [absRange(ref, g2.range), absRange(ref, table.headerCell.range)],
    );
    const all = referencesAt(model, URI, at(headerLine), true)!;
    assert.deepEqual(
      all.map((r) => r.range),
      [g1, g2, g3].map((g) => absRange(ref, g.range)).concat([absRange(ref, table.headerCell.range)]),
    );
    assert.deepEqual(
      documentHighlightsAt(model, at(headerLine))!.map((h) => h.kind),
      [DocumentHighlightKind.Write, DocumentHighlightKind.Write, DocumentHighlightKind.Write, DocumentHighlightKind.Read],
    );
  });

  it('the hover of the table header names the goals the navigation goes to', () => {
    const model = template('numbered-goals.txt');
    const [ref] = model.sections;
    const header = absRange(ref, ref.body.tables[0].headerRow.range).start;
    const hover = (hoverAt(model, header, 'zh')!.contents as { value: string }).value;
    const quoted = hover.split('\n').filter((l) => l.startsWith('> '));
    assert.deepEqual(
      quoted,
      ref.body.goals.map((g) => `> ${g.text}`),
    );
    assert.equal(quoted.length, referencesAt(model, URI, header, true)!.length - 1);
  });

  it('a table with no goal in its section (variants without goals) has no definition and only itself as reference', () => {
    const model = template('side-by-side.txt');
    const [ref] = model.sections;
    assert.equal(ref.body.goals.length, 0);
    const header = absRange(ref, ref.body.tables[0].headerRow.range).start.line;
    assert.equal(definitionAt(model, URI, at(header), true), null);
    assert.equal(referencesAt(model, URI, at(header), true)!.length, 2, 'both blocks: the shared 一级 column');
  });
});

describe('features/goal-links on garbage', () => {
  it('never throws, on any line of mutated and hostile text', () => {
    const sample = sampleText().split('\n').slice(0, 1200);
    const texts = [
      '',
      '\t',
      '\0\uD800\t长期目标1：\n\t\n\t年度目标\n',
      sample.filter((_, i) => i % 7 !== 3).join('\n'),
      sample.map((l, i) => (i % 11 === 0 ? l.replace('\t', '') : l)).join('\r\n'),
      fs
        .readFileSync(path.join(FIXTURES, 'templates', '07-qingshanqu-jiaoyu-jijian.txt'), 'utf8')
        .split('\n')
        .reverse()
        .join('\n'),
    ];
    for (const text of texts) {
      const model = parseDocument(text);
      const n = text.split(/\r\n|\r|\n/).length;
      for (let line = -1; line <= n + 1; line++) {
        for (const character of [0, 1, 3, 500]) {
          const p = { line, character };
          definitionAt(model, URI, p, true);
          definitionAt(model, URI, p, false);
          referencesAt(model, URI, p, false);
          documentHighlightsAt(model, p);
        }
      }
    }
  });
});
