import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver';
import { sectionRange, absRange } from '../../../server/src/core/model';
import { parseDocument, updateDocument } from '../../../server/src/core/parse/document';
import { documentOutline } from '../../../server/src/features/document-symbols';

const documentSymbols = (m: Parameters<typeof documentOutline>[0], locale: 'zh' | 'en') => documentOutline(m, locale).symbols;
import { foldingRanges } from '../../../server/src/features/folding';
import { describeValue, hoverAt } from '../../../server/src/features/hover';
import { documentStats } from '../../../server/src/features/stats';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import { matchesQuery, workspaceSymbols } from '../../../server/src/features/workspace-symbols';
import { labels } from '../../../server/src/i18n';
import { pickLocale } from '../../../server/src/core/locale';
import { department, sampleText } from '../../helpers/fixtures';
import { documentText as textOf } from '../../../server/src/core/parse/document';

const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (o: Range, i: Range) => le(o.start, i.start) && le(i.end, o.end);

function hoverValue(text: string, line: number, locale: 'zh' | 'en' = 'zh'): string {
  const h = hoverAt(parseDocument(text), { line, character: 1 }, locale);
  assert.ok(h, `no hover at line ${line}`);
  return (h.contents as { value: string }).value;
}

describe('features/document-symbols and folding', function () {
  const model = parseDocument(sampleText());
  const symbols = documentSymbols(model, 'zh');

  it('gives after edits the outline of a fresh parse (departments are cached per section)', function () {
    // a character typed in department 3, then a line inserted in department 1 (moves all below)
    let m = updateDocument(model, [
      { range: { start: { line: model.sections[3].startLine + 20, character: 0 }, end: { line: model.sections[3].startLine + 20, character: 0 } }, text: 'x' },
    ]);
    assert.deepEqual(documentSymbols(m, 'zh'), documentSymbols(parseDocument(textOf(m)), 'zh'));
    m = updateDocument(m, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '\n' }]);
    assert.deepEqual(documentSymbols(m, 'zh'), documentSymbols(parseDocument(textOf(m)), 'zh'));
    assert.deepEqual(documentSymbols(m, 'en'), documentSymbols(parseDocument(textOf(m)), 'en'));
  });

  it('a department symbol covers all its lines, a table from header row to last row', function () {
    const titled = model.sections.filter((s) => s.body.title);
    assert.equal(symbols.length, 36);
    symbols.forEach((dep, i) => {
      const ref = titled[i];
      assert.deepEqual(dep.range, absRange(ref, sectionRange(ref.body)));
      assert.deepEqual(dep.selectionRange, absRange(ref, ref.body.title!.nameRange));
      const tables = dep.children!.filter((c) => !c.name.startsWith('整体绩效总目标'));
      assert.equal(tables.length, ref.body.tables.length);
      tables.forEach((t, k) => {
        const table = ref.body.tables[k];
        assert.equal(t.range.start.line, ref.startLine + table.headerRow.range.start.line);
        assert.equal(t.range.end.line, ref.startLine + table.rows[table.rows.length - 1].range.end.line);
        assert.equal(t.detail, table.goalText);
        assert.equal(t.children!.length, table.rows.length);
      });
    });
  });

  it('every selection range lies in its range, every child in its parent', function () {
    const walk = (s: DocumentSymbol) => {
      assert.ok(inside(s.range, s.selectionRange), s.name);
      for (const c of s.children ?? []) {
        assert.ok(inside(s.range, c.range), `${c.name} in ${s.name}`);
        walk(c);
      }
    };
    symbols.forEach(walk);
  });

  it("indicator symbols: 三级 name, target as detail; the section's children carry its name (Go to Symbol shows a parent's name only)", function () {
    const [dep] = documentSymbols(parseDocument(department()), 'zh');
    assert.deepEqual(
      dep.children!.map((c) => c.name),
      ['整体绩效总目标 — 武汉市东西湖区测试局', '长期目标1 — 武汉市东西湖区测试局', '年度目标1 — 武汉市东西湖区测试局'],
    );
    assert.deepEqual(
      dep.children![0].children!.map((c) => [c.name, c.detail]),
      [
        ['长期目标1', '长期目标甲。'],
        ['年度目标1', '年度目标甲。'],
      ],
    );
    assert.deepEqual(
      dep.children![1].children!.map((c) => [c.name, c.detail]),
      [
        ['办公经费', '≤10'],
        ['培训场次', '≥2场'],
        ['培训合格率', '100%'],
      ],
    );
    assert.deepEqual(
      dep.children![2].children!.map((c) => [c.name, c.detail]),
      [
        ['培训场次', '≥3场'],
        ['服务对象满意度', '≥90%'],
      ],
    );
  });

  it('folds departments, overviews and tables', function () {
    const folds = foldingRanges(parseDocument(department()));
    assert.equal(folds.length, 4);
    assert.equal(folds[0].startLine, 0);
  });

  it('stats of the sample', function () {
    const s = documentStats(model, DEFAULT_SETTINGS);
    assert.deepEqual({ ...s, problems: 0 }, { departments: 36, goals: 316, tables: 319, indicators: 3044, problems: 0 });
  });

  it('workspace symbols: departments and goals, filtered by query', function () {
    const found = workspaceSymbols([{ uri: 'file:///a', model: parseDocument(department()) }], '测试局');
    assert.deepEqual(
      found.map((s) => s.name),
      ['武汉市东西湖区测试局'],
    );
    const goals = workspaceSymbols([{ uri: 'file:///a', model: parseDocument(department()) }], '目标甲');
    assert.equal(goals.length, 4); // two overview goals, two tables
    assert.ok(matchesQuery('行政审批局', '审批'));
    assert.ok(!matchesQuery('行政审批局', '批审'));
  });
});

describe('features/hover', function () {
  const text = department();
  const lines = text.split('\n');
  const at = (s: string, from = 0) => lines.findIndex((l, i) => i >= from && l === `\t${s}`);

  it('path with inherited levels and the value read back', function () {
    const v = hoverValue(text, at('培训合格率'));
    assert.equal(
      v,
      '**武汉市东西湖区测试局** › 长期目标1：长期目标甲。 › 产出指标_（沿用上方合并单元格）_ › 质量指标 › **培训合格率**\n\n指标值：100%，目标值（未写比较符）',
    );
    assert.match(hoverValue(text, at('≥2场')), /指标值：≥ 2 场，下限$/);
    // Cost figure without unit: the header's 万元.
    assert.match(hoverValue(text, at('≤10')), /指标值：≤ 10 万元，上限，单位取表头“单位：万元”$/);
  });

  it('annual rows: 前年 / 上年 / 当年', function () {
    const v = hoverValue(text, at('服务对象满意度'));
    assert.match(v, /› 年度目标1：年度目标甲。 › 满意度指标 › 服务对象满意度指标 › \*\*服务对象满意度\*\*/);
    assert.match(v, /- 前年：90%，目标值（未写比较符）\n- 上年：92%，目标值（未写比较符）\n- 当年目标：≥ 90%，下限$/);
  });

  it('English labels', function () {
    const v = hoverValue(text, at('服务对象满意度'), 'en');
    assert.match(v, /› Annual goal 1: 年度目标甲。 ›/);
    assert.match(v, /- This year \(target\): ≥ 90%, lower bound$/);
  });

  it('overview goal → its table; table header → the overview goal', function () {
    const goalLine = lines.findIndex((l) => l === '\t目标1：长期目标甲。');
    assert.match(hoverValue(text, goalLine), /实现该目标的表：\n- 长期目标1：长期目标甲。（3 个指标，按编号匹配）/);
    const headerLine = at('年度目标1：');
    const v = hoverValue(text, headerLine);
    assert.match(v, /整体绩效总目标中的对应目标（按编号匹配）：\n\n> 目标1：年度目标甲。/);
  });

  it('no hover outside rows', function () {
    assert.equal(hoverAt(parseDocument(text), { line: 0, character: 0 }, 'zh'), null);
  });

  it('describeValue: comparators, qualifiers, text, placeholders', function () {
    const L = labels('zh');
    const m = parseDocument(text);
    const row = m.sections[0].body.tables[0].rows[1];
    assert.equal(describeValue(row.target, L, 'zh'), '≥ 2 场，下限');
    assert.equal(describeValue({ ...row.target, kind: 'placeholder', raw: '-' }, L, 'zh'), '-，占位（无数值）');
    assert.equal(describeValue({ ...row.target, kind: 'text', raw: '按时完成' }, L, 'zh'), '“按时完成”，定性描述');
  });
});

describe('features/settings and i18n', function () {
  it('normalizes what clients send', function () {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({ severity: { tt201: 'OFF', TT101: 'info', TT102: 'bogus', foo: 'error' }, framework: '2015', minSatisfaction: 85 });
    assert.deepEqual(s, {
      severity: { TT201: 'off', TT101: 'information' },
      rules: { framework: '2015', minSatisfaction: 85 },
      maxProblems: 1000,
      maxOutlineItems: 5000,
      inlayHints: true,
      codeLens: true,
      language: 'auto',
    });
    assert.equal(normalizeSettings({ minSatisfaction: 300 }).rules.minSatisfaction, 90);
    // targetTable.language: the enum's values, and what other clients may send
    for (const [raw, language] of [
      ['zh-cn', 'zh'],
      ['zh-CN', 'zh'],
      ['zh', 'zh'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['auto', 'auto'],
      ['fr', 'auto'],
      [3, 'auto'],
    ] as const)
      assert.equal(normalizeSettings({ language: raw }).language, language, String(raw));
  });

  it('picks the locale', function () {
    assert.equal(pickLocale(undefined, 'en-US'), 'en');
    assert.equal(pickLocale('zh-cn', 'en'), 'zh');
    assert.equal(pickLocale(undefined, undefined), 'zh');
    assert.equal(pickLocale('', 'en_GB.UTF-8'), 'en');
  });
});
