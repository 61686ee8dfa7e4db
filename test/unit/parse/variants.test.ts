/**
 * Every variant of docs/format.md, each on a small fixture of its own. `→` is a TAB.
 * Section numbers refer to docs/format.md.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parse/document';
import type { DocumentModel, GoalTable, SectionBody } from '../../../server/src/core/model';
import { department, fx } from '../../helpers/fixtures';

const only = (text: string): SectionBody => {
  const m = parseDocument(text);
  const withTitle = m.sections.filter((s) => s.body.title);
  assert.equal(withTitle.length, 1, 'one department');
  return withTitle[0].body;
};
const table = (b: SectionBody, kind: 'long' | 'annual', i = 0): GoalTable => b.tables.filter((t) => t.kind === kind)[i];
/** Replace the first occurrence of a fixture line (→ = TAB) in the base department. */
const variant = (from: string, to: string, base = department()): string => {
  const a = fx(from);
  assert.ok(base.includes(a), `fixture has ${JSON.stringify(a)}`);
  return base.replace(a, fx(to));
};

describe('format.md §2: cells and rows', () => {
  it('parses the base fixture completely', () => {
    const b = only(department());
    assert.equal(b.department, '武汉市东西湖区测试局');
    assert.equal(b.moneyUnit, '万元');
    assert.equal(b.overview?.rows.length, 1);
    assert.equal(table(b, 'long').rows.length, 3);
    assert.equal(table(b, 'annual').rows.length, 2);
    assert.deepEqual(b.stray, []);
  });

  it('joins a wrapped cell (满意度⏎指标) into one cell, keeping both source lines', () => {
    const b = only(variant('→满意度指标\n→服务对象满意度指标', '→满意度\n指标\n→服务对象\n满意度指标'));
    const row = table(b, 'annual').rows[1];
    assert.equal(row.level1.text, '满意度指标');
    assert.equal(row.level2.text, '服务对象满意度指标');
    assert.equal(row.level1.cell.paragraphs.length, 2);
    assert.equal(row.level1.cell.range.end.line, row.level1.cell.range.start.line + 1);
  });

  it('keeps blank lines followed by a non-TAB line inside the cell (empty paragraphs)', () => {
    const blanks = '\n'.repeat(39);
    const b = only(variant('→培训合格率\n', `→培训\n${blanks}合格率\n`));
    const row = table(b, 'long').rows[2];
    assert.equal(row.level3.text, '培训合格率');
    assert.equal(row.target.raw, '100%');
    assert.equal(row.level3.paragraphs.length, 41);
  });

  it('rejoins a row that blank lines split in two, by the table width', () => {
    const b = only(variant('→培训合格率\n→100%\n', '→培训合格率\n\n\n→100%\n'));
    const rows = table(b, 'long').rows;
    assert.equal(rows.length, 3);
    assert.equal(rows[2].target.raw, '100%');
    assert.deepEqual(b.stray, []);
  });

  it('collapses a padded label repeated inside one merged cell', () => {
    const b = only(variant('→产出指标\n→数量指标\n→培训场次', `→产出指标\n${'\n'.repeat(18)}产出指标\n→数量指标\n→培训场次`));
    assert.equal(table(b, 'long').rows[1].level1.text, '产出指标');
  });

  it('trims trailing ASCII spaces and U+3000 from the logical text but keeps exact ranges', () => {
    const b = only(variant('→培训场次\n→≥2场', '→  培训场次　　  \n→≥2场\u3000'));
    const row = table(b, 'long').rows[1];
    assert.equal(row.level3.text, '培训场次');
    assert.equal(row.level3.range.start.character, 3);
    assert.equal(row.level3.range.end.character, 7);
    assert.equal(row.target.raw, '≥2场');
  });

  it('reads a file with no final newline and a first line starting with SPACE+TAB', () => {
    const text = ' ' + department().replace(/\n$/, '');
    const b = only(text);
    assert.equal(b.department, '武汉市东西湖区测试局');
    assert.equal(table(b, 'annual').rows[1].basis?.text, '问卷调查');
  });
});

describe('format.md §3: sections and titles', () => {
  const withTitle = (titleLines: string) => variant('→武汉市东西湖区测试局整体支出绩效目标表\n', titleLines);

  for (const [what, lines, name] of [
    ['a plain paragraph', '武汉市东西湖区测试局整体支出绩效目标表\n', '武汉市东西湖区测试局'],
    ['two leading TABs', '→→武汉市东西湖区测试局整体支出绩效目标表\n', '武汉市东西湖区测试局'],
    ['three leading TABs', '→→→武汉市东西湖区测试局整体支出绩效目标表\n', '武汉市东西湖区测试局'],
    ['the 申报表 suffix', '→武汉市东西湖区测试局整体支出绩效目标申报表\n', '武汉市东西湖区测试局'],
    ['the 部门 suffix', '→武汉市东西湖区卫生健康局部门整体支出绩效目标表\n', '武汉市东西湖区卫生健康局'],
    ['a split title, name on the line before', '中国共产党武汉市东西湖区委员会办公室\n整体支出绩效目标表\n', '中国共产党武汉市东西湖区委员会办公室'],
    [
      'a split title with leading TABs',
      '→→→中国人民政治协商会议武汉市东西湖区委员会办公室\n整体支出绩效目标表\n',
      '中国人民政治协商会议武汉市东西湖区委员会办公室',
    ],
    ['a title split after 整体支出', '→中共武汉市东西湖区委机构编制委员会办公室整体支出\n绩效目标表\n', '中共武汉市东西湖区委机构编制委员会办公室'],
  ] as const) {
    it(`finds the department in ${what}`, () => {
      const b = only(withTitle(lines));
      assert.equal(b.department, name);
      assert.equal(b.tables.length, 2);
    });
  }

  it('starts a section at a title that is the continuation paragraph of an empty cell', () => {
    const two = department('武汉市东西湖区甲局') + '→\n' + department('武汉市东西湖区乙局').replace('→武汉市东西湖区乙局', '武汉市东西湖区乙局');
    const m = parseDocument(two);
    assert.deepEqual(
      m.sections.map((s) => s.body.department),
      ['武汉市东西湖区甲局', '武汉市东西湖区乙局'],
    );
    assert.equal(m.sections[1].body.tables.length, 2);
    assert.deepEqual(
      m.sections.flatMap((s) => s.body.stray),
      [],
    );
  });

  it('reads 单位：万元 typed without a TAB', () => {
    const b = only(variant('→                单位：万元\n', '单位：万元\n'));
    assert.equal(b.moneyUnit, '万元');
    assert.deepEqual(b.stray, []);
  });

  for (const header of ['→整体绩效\n总目标', '→整体绩效目标']) {
    it(`reads the overview header ${JSON.stringify(header)}`, () => {
      const b = only(variant('→整体绩效总目标', header));
      assert.equal(b.overview?.rows.length, 1);
    });
  }

  for (const header of ['→长期目标(截止2028年)', '→长期目标', '→年度目标']) {
    it(`reads the overview column header ${JSON.stringify(header)} (column order stays 长期 then 年度)`, () => {
      const b = only(variant('→长期目标（截至2028年）', header));
      assert.equal(b.overview?.rows[0].long?.text, '长期目标甲。');
      assert.equal(b.overview?.rows[0].annual?.text, '年度目标甲。');
    });
  }

  for (const [prefix, number] of [
    ['目标1：', 1],
    ['目标 1：', 1],
    ['目标1:', 1],
    ['目标1.', 1],
    ['目标1、', 1],
    ['1、', 1],
    ['目标12：', 12],
    ['', null],
  ] as const) {
    it(`parses the goal numbering ${JSON.stringify(prefix)}`, () => {
      const b = only(variant('→目标1：长期目标甲。', `→${prefix}长期目标甲。`));
      const g = b.overview!.rows[0].long!;
      assert.equal(g.number, number);
      assert.equal(g.text, '长期目标甲。');
    });
  }

  for (const [header, number] of [
    ['长期目标1:', 1],
    ['长期目标 3：', 3],
    ['长期目标1：', 1],
    ['长期目标5', 5],
    ['长期目标:', null],
  ] as const) {
    it(`reads the goal table header ${JSON.stringify(header)}`, () => {
      const b = only(variant('→长期目标1：\n', `→${header}\n`));
      const t = table(b, 'long');
      assert.equal(t.number, number);
      assert.equal(t.goalText, '长期目标甲。');
      assert.equal(t.rows.length, 3);
    });
  }

  it('strips a goal text that repeats the 目标N： prefix', () => {
    const b = only(variant('→长期目标甲。\n\n→长期绩效指标', '→目标1：长期目标甲。\n\n→长期绩效指标'));
    assert.equal(table(b, 'long').goalText, '长期目标甲。');
  });

  for (const label of ['→长期\n绩效指标', '→绩效指标', '→长期绩效指标2', '→年度绩效指标', '→', `→长期绩效指标\n${'\n'.repeat(5)}长期绩效指标`]) {
    it(`reads the indicator header label ${JSON.stringify(label)}`, () => {
      const b = only(variant('→长期绩效指标', label));
      assert.ok(table(b, 'long').indicatorHeader);
      assert.equal(table(b, 'long').rows.length, 3);
    });
  }

  it('reads 指标名称 in place of 三级指标', () => {
    const b = only(variant('→三级指标', '→指标名称'));
    assert.ok(table(b, 'long').indicatorHeader);
  });

  it('reads a table whose header row is missing: the label sits in column 0 of the first data row', () => {
    const b = only(variant('→长期绩效指标\n→一级指标\n→二级指标\n→三级指标\n→指标值\n→指标值确定依据\n\n→\n→成本指标', '→长期绩效指标\n→成本指标'));
    const t = table(b, 'long');
    assert.equal(t.indicatorHeader, null);
    assert.equal(t.rows.length, 3);
    assert.equal(t.rows[0].label?.text, '长期绩效指标');
    assert.equal(t.rows[0].level1.text, '成本指标');
  });

  for (const [what, from, to] of [
    ['前 年 / 上 年', '→前年\n→上年', '→前 年\n→上 年'],
    ['预期当年实现值', '→预计当年实现值', '→预期当年实现值'],
    ['预计当年实现 (no 值)', '→预计当年实现值', '→预计当年实现'],
  ] as const) {
    it(`reads the annual sub-header variant ${what}`, () => {
      const b = only(variant(from, to));
      const t = table(b, 'annual');
      assert.equal(t.subHeaders.length, 2);
      assert.equal(t.rows.length, 2);
      assert.equal(t.rows[0].target.raw, '≥3场');
    });
  }

  it('reads sub-headers laid out in one row of 8 cells', () => {
    const b = only(
      variant('→\n→\n→\n→\n→近两年指标值\n→预计当年实现值\n→\n\n→\n→\n→\n→\n→前年\n→上年\n→\n→\n', '→\n→\n→\n→\n→前年\n→上年\n→预计当年实现值\n→\n'),
    );
    assert.equal(table(b, 'annual').subHeaders.length, 1);
    assert.equal(table(b, 'annual').rows.length, 2);
  });

  it('inherits an empty 一级/二级 from the row above (merged cells), flagged as inherited', () => {
    const t = table(only(department()), 'long');
    assert.equal(t.rows[2].level1.text, '产出指标');
    assert.equal(t.rows[2].level1.inherited, true);
    assert.equal(t.rows[2].level2.text, '质量指标');
    assert.equal(t.rows[2].level2.inherited, false);
  });

  it('never inherits across a goal-table header', () => {
    const b = only(variant('→\n→满意度指标\n→服务对象满意度指标\n→服务对象满意度', '→\n→\n→\n→服务对象满意度'));
    const first = table(b, 'annual').rows[0];
    assert.equal(first.level1.text, '产出指标');
    const b2 = only(variant('→\n→产出指标\n→数量指标\n→培训场次\n→1场', '→\n→\n→\n→培训场次\n→1场'));
    const row = table(b2, 'annual').rows[0];
    assert.equal(row.level1.text, '');
    assert.equal(row.level1.inherited, false);
  });

  it('does not carry 二级 into a new 一级 group', () => {
    const b = only(variant('→\n→满意度指标\n→服务对象满意度指标', '→\n→满意度指标\n→'));
    const row = table(b, 'annual').rows[1];
    assert.equal(row.level1.text, '满意度指标');
    assert.equal(row.level2.text, '');
  });

  it('keeps a row of unexpected width as a stray node with its range', () => {
    const b = only(variant('→\n→\n→质量指标\n→培训合格率\n→100%\n→计划数据\n', '→\n→质量指标\n→培训合格率\n→100%\n'));
    assert.equal(b.stray.length, 1);
    assert.equal(b.stray[0].reason, 'unexpected-width');
    assert.equal(b.stray[0].expectedWidth, 6);
    assert.match(b.stray[0].text, /培训合格率/);
  });

  it('keeps stray text before the overview as a stray node', () => {
    const b = only(variant('→                单位：万元\n', '→                单位：万元\n\n→（此处填写说明）\n'));
    assert.equal(b.stray.length, 1);
    assert.equal(b.stray[0].reason, 'stray-text');
  });

  it('keeps text before the first title as a preamble section', () => {
    const m: DocumentModel = parseDocument('附件1\n\n' + department());
    assert.equal(m.sections.length, 2);
    assert.equal(m.sections[0].body.title, null);
    // A paragraph before the first table is a note of the document (a cover text), kept, not stray.
    assert.equal(m.sections[0].body.footers[0].row.cells[0].text, '附件1');
    assert.deepEqual(m.sections[0].body.stray, []);
  });

  it('gives the same positions for CRLF text and strips nothing from the line content', () => {
    const lf = parseDocument(department());
    const crlf = parseDocument(department().replace(/\n/g, '\r\n'));
    const pick = (m: DocumentModel) => m.sections[0].body.tables.flatMap((t) => t.rows.map((r) => [r.target.raw, r.target.range]));
    assert.deepEqual(pick(crlf), pick(lf));
    assert.equal(crlf.lineCount, lf.lineCount);
  });

  it('treats a BOM as leading space', () => {
    const b = only('\ufeff' + department());
    assert.equal(b.department, '武汉市东西湖区测试局');
  });
});
