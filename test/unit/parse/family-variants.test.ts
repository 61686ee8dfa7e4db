/**
 * The layout variants of docs/format.md §7 (other templates, issue 11), each on a tiny hand-written
 * fixture of its own in test/fixtures/variants/. The §2–§3 variants of the district template are in
 * variants.test.ts; these are the ones the six template documents showed, one at a time.
 *
 * Lines are 1-based, as an editor shows them; a row's line is the line of its first cell. Labels and
 * values are compared after removing whitespace and a trailing weight / required marker, as in
 * templates.test.ts. Fields the export gains in issue 11 are read through loose casts.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parse/document';
import { exportDocument, type ExportDocument, type ExportRow } from '../../../server/src/core/export/json';
import { checkDocument } from '../../../server/src/core/rules/index';
import { DEFAULT_RULE_SETTINGS } from '../../../server/src/core/rules/types';
import { actualOf, compact, exportedRows, extrasOf, familyOf, hasActualKey, readVariant, rowKeys, specKey, type RowSpec } from '../../helpers/export-rows';

const exportOf = (file: string): ExportDocument => exportDocument(parseDocument(readVariant(file)));

/** The exported row starting on `line` (the only one), or a failed assertion. */
function rowAt(doc: ExportDocument, line: number): ExportRow {
  const rows = exportedRows(doc).filter((f) => f.row.line === line);
  assert.equal(rows.length, 1, `one exported row starts on line ${line}; rows at: ${JSON.stringify(exportedRows(doc).map((f) => f.row.line))}`);
  return rows[0].row;
}

/** 1-based lines of the problems of `code` in the fixture, optionally only those on lines from…to. */
function problemLines(file: string, code: string, from = 1, to = Infinity): number[] {
  const model = parseDocument(readVariant(file));
  return checkDocument(model.sections, DEFAULT_RULE_SETTINGS)
    .filter((p) => p.code === code)
    .map((p) => p.range.start.line + 1)
    .filter((line) => line >= from && line <= to);
}

const assertRows = (file: string, rows: readonly RowSpec[], kind?: string) => assert.deepEqual(rowKeys(exportOf(file), kind), rows.map(specKey));

const valueParts = (r: ExportRow) => ({ raw: compact(r.target.raw), comparator: r.target.comparator, number: r.target.number, unit: r.target.unit });

describe('format.md §7 variants (test/fixtures/variants)', () => {
  describe('(a) split title: a bracketed tail after the title, the year on a line of its own (split-title.txt)', () => {
    const file = 'split-title.txt';
    it('reads one department: neither the bracketed tail nor the year line starts a section', () => {
      const doc = exportOf(file);
      assert.equal(doc.departments.length, 1);
      assert.equal(doc.departments[0].line, 1);
    });
    it('exports the indicator rows under it', () => {
      assertRows(file, [
        [17, '产出指标', '数量指标', '新建高标准农田面积', '≥1.2万亩'],
        [24, '满意度指标', '服务对象满意度指标', '受益农户满意度', '≥90%'],
      ]);
    });
    it('names the department from the 项目名称 cell (the title itself names no unit)', () => {
      assert.equal(exportOf(file).departments[0]?.name, '2023年高标准农田建设项目');
    });
    it('keeps the bracketed tail as the subtitle', () => {
      const d = exportOf(file).departments[0] as unknown as { subtitle?: string } | undefined;
      assert.equal(d?.subtitle, '高标准农田建设');
    });
    it('is a project table', () => {
      assert.deepEqual(exportOf(file).departments.map(familyOf), ['project']);
    });
    it('reports nothing stray anywhere (the year line belongs to the title, 项目名称 is a field)', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
  });

  describe('(b) bare title: 项目支出绩效目标表 alone, the name in the 项目名称 cell (bare-title.txt)', () => {
    const file = 'bare-title.txt';
    it('exports the indicator rows', () => {
      assertRows(file, [
        [14, '产出指标', '数量指标', '服务老年人人数', '≥300人'],
        [20, '产出指标', '时效指标', '补助发放及时率', '100%'],
      ]);
    });
    it('names the department from the 项目名称 cell', () => {
      const doc = exportOf(file);
      assert.deepEqual(
        doc.departments.map((d) => d.name),
        ['社区居家养老服务补助'],
      );
    });
    it('is a project table', () => {
      assert.deepEqual(exportOf(file).departments.map(familyOf), ['project']);
    });
    it('reports nothing stray anywhere', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
  });

  describe('(c) a second header row under a merged 指标值: 2021年实际实现值 | 预期2022年实现值 (second-header.txt)', () => {
    const file = 'second-header.txt';
    it('takes the target from the 预期2022年实现值 column (the 6th cell), not the 5th', () => {
      assertRows(file, [
        [21, '产出指标', '数量指标', '培训人次', '280人次'],
        [29, '产出指标', '质量指标', '培训完成率', '100%'],
      ]);
    });
    // In a 2022 table the 2021 actual is the year before (上年: `last`), as §3's 上年 column.
    it('reads 2021年实际实现值 as the year before (last) and 指标标准或依据, shifted to the 7th cell, as the basis', () => {
      const r = rowAt(exportOf(file), 21);
      assert.equal(r.previous, null);
      assert.equal(compact(r.last?.raw), '260人次');
      assert.equal(compact(r.basis), '年度计划');
    });
    it('reports nothing stray in the table (the second header row is a header)', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 35), []);
    });
  });

  describe('(d) cut-short labels: 绩 | 一级 | 二级指标 | 三级指标 | 指标值 (cut-short-labels.txt)', () => {
    const file = 'cut-short-labels.txt';
    it('reads 绩 as the label column and 一级 as 一级指标', () => {
      assertRows(file, [
        [12, '产出指标', '数量指标', '开展送戏进万村', '≥70村'],
        [18, '效益指标', '社会效益指标', '保障群众基本文化权益', '影响程度明显'],
      ]);
    });
    it('does not take 绩 for 绩效标准 (there is no basis column)', () => {
      const doc = exportOf(file);
      assert.deepEqual(
        exportedRows(doc).map((f) => f.row.basis),
        ['', ''],
      );
    });
    it('reports nothing stray in the table', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 22), []);
    });
  });

  describe('(e) no label column: the header starts with 一级指标 (no-label-column.txt)', () => {
    const file = 'no-label-column.txt';
    it('reads 一级 from the first cell of each row', () => {
      assertRows(file, [
        [12, '产出指标', '数量指标', '维修校舍数量', '≥5所'],
        [18, '产出指标', '质量指标', '维修验收合格率', '100%'],
        [24, '效益指标', '社会效益指标', '办学条件', '持续改善'],
      ]);
    });
    it('inherits an empty first cell from the row above (merged 一级)', () => {
      const doc = exportOf(file);
      assert.equal(rowAt(doc, 18).level1Inherited, true);
      assert.equal(rowAt(doc, 24).level1Inherited, false);
    });
    it('reports nothing stray in the table', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 28), []);
    });
  });

  describe('(f) comparator | number | unit in three cells', () => {
    describe('计算符号 | 目标值 | 度量单位 (split-value-symbol.txt)', () => {
      const file = 'split-value-symbol.txt';
      it('exports the target as the three cells joined', () => {
        assertRows(file, [
          [11, '产出指标', '数量指标', '保障在职职工人数(人)', '=116人'],
          [19, '产出指标', '质量指标', '工资发放准确性(%)', '≥95%'],
        ]);
      });
      it('reads the comparator, the number and the unit from their own cells', () => {
        const doc = exportOf(file);
        assert.deepEqual(valueParts(rowAt(doc, 11)), { raw: '=116人', comparator: '=', number: 116, unit: '人' });
        assert.deepEqual(valueParts(rowAt(doc, 19)), { raw: '≥95%', comparator: '≥', number: 95, unit: '%' });
      });
      it('reads 指标值说明 as the basis', () => {
        assert.equal(compact(rowAt(exportOf(file), 11).basis), '该指标值数据合理');
      });
      it('is an overall table (部门整体支出绩效目标表)', () => {
        assert.deepEqual(exportOf(file).departments.map(familyOf), ['overall']);
      });
      it('reports nothing stray in the table', () => {
        assert.deepEqual(problemLines(file, 'TT502', 3, 25), []);
      });
    });

    describe('指标性质 | 指标值 | 度量单位 (split-value-nature.txt)', () => {
      const file = 'split-value-nature.txt';
      it('exports the target as the three cells joined', () => {
        assertRows(file, [
          [14, '产出指标', '数量指标', '参保覆盖率', '≥98%'],
          [22, '产出指标', '时效指标', '缴纳完成时间', '≤12月'],
        ]);
      });
      it('reads the comparator, the number and the unit from their own cells', () => {
        const doc = exportOf(file);
        assert.deepEqual(valueParts(rowAt(doc, 14)), { raw: '≥98%', comparator: '≥', number: 98, unit: '%' });
        assert.deepEqual(valueParts(rowAt(doc, 22)), { raw: '≤12月', comparator: '≤', number: 12, unit: '月' });
      });
      it('reports nothing stray in the table', () => {
        assert.deepEqual(problemLines(file, 'TT502', 6, 28), []);
      });
    });
  });

  describe('(g) 长期 and 年度 blocks side by side in the same rows (side-by-side.txt)', () => {
    const file = 'side-by-side.txt';
    it('exports the 长期 block of a row as a long row, sharing the row’s 一级', () => {
      assertRows(file, [[14, '产出指标', '数量指标', '累计改造校舍', '≥10所']], 'long');
    });
    it('exports the 年度 block of each row as an annual row', () => {
      assertRows(
        file,
        [
          [14, '产出指标', '数量指标', '当年改造校舍', '≥2所'],
          [22, '满意度指标', '服务对象满意度指标', '家长满意度', '≥90%'],
        ],
        'annual',
      );
    });
    it('gives no row for a block whose 三级 and value are blank (one-space cells)', () => {
      assert.equal(exportedRows(exportOf(file)).length, 3);
    });
    it('reports nothing stray in the table', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 28), []);
    });
  });

  describe('(h) an unknown column label (extra-column.txt)', () => {
    const file = 'extra-column.txt';
    it('keeps the table and its rows', () => {
      assertRows(file, [
        [13, '产出指标', '数量指标', '政府信息公开条数', '≥200条'],
        [20, '产出指标', '时效指标', '依申请公开按时答复率', '100%'],
      ]);
    });
    it('exports the unknown column as an extra, named by its header label', () => {
      const doc = exportOf(file);
      assert.deepEqual(extrasOf(rowAt(doc, 13)), [{ label: '责任科室', raw: '办公室' }]);
      assert.deepEqual(extrasOf(rowAt(doc, 20)), [{ label: '责任科室', raw: '法规科' }]);
    });
    it('reports nothing stray in the table', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 25), []);
    });
  });

  describe('(i) a row split in two by blank lines (split-row.txt)', () => {
    const file = 'split-row.txt';
    it('rejoins the 3-cell and 2-cell pieces into one row by the header’s width (5)', () => {
      assertRows(file, [
        [12, '产出指标', '数量指标', '开展农技培训', '≥4次'],
        [20, '产出指标', '质量指标', '培训合格率', '≥95%'],
      ]);
    });
    it('reports neither an unexpected width (TT501) nor stray content (TT502)', () => {
      assert.deepEqual(problemLines(file, 'TT501'), []);
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
  });

  describe('(j) a 一级 label in a middle row of its block (middle-level1.txt)', () => {
    const file = 'middle-level1.txt';
    it('files the rows above the label, with an empty 一级, under it; the label row keeps the 二级 above', () => {
      assertRows(file, [
        [9, '产出指标', '数量指标', '培训人次', '280人次'],
        [15, '产出指标', '数量指标', '授课人次', '25人次'],
        [21, '产出指标', '数量指标', '开设课程数量', '220门'],
        [27, '产出指标', '质量指标', '培训完成率', '100%'],
        [33, '满意度指标', '服务对象满意度指标', '学员满意度', '≥95%'],
      ]);
    });
    it('marks the 一级 of the rows above the label, and the label row’s 二级, as not their own', () => {
      const doc = exportOf(file);
      const flags = [9, 15, 21, 27].map((line) => {
        const r = rowAt(doc, line);
        return [line, r.level1Inherited, r.level2Inherited];
      });
      assert.deepEqual(flags, [
        [9, true, false],
        [15, true, true],
        [21, false, true],
        [27, true, false],
      ]);
    });
    it('reports nothing stray in the table', () => {
      assert.deepEqual(problemLines(file, 'TT502', 3, 37), []);
    });
  });

  describe('(k) a self-evaluation table: 完成值 | 分值 | 得分 | 偏差原因分析及改进措施 and a 合计 row (self-evaluation.txt)', () => {
    const file = 'self-evaluation.txt';
    it('exports the indicator rows, with the 年度指标值 as target; the 合计 row is not one', () => {
      assertRows(file, [
        [12, '产出指标', '数量指标', '救助人次', '≥500人次'],
        [21, '产出指标', '质量指标', '救助资金发放准确率', '100%'],
      ]);
    });
    it('exports the 完成值 as the actual', () => {
      const doc = exportOf(file);
      for (const [line, raw] of [
        [12, '520人次'],
        [21, '98%'],
      ] as const) {
        const r = rowAt(doc, line);
        assert.ok(hasActualKey(r), `row @${line} has an actual key`);
        assert.equal(compact(actualOf(r)?.raw), raw);
      }
    });
    it('is an overall self-evaluation (部门整体支出绩效自评表)', () => {
      assert.deepEqual(exportOf(file).departments.map(familyOf), ['overall-self-evaluation']);
    });
    it('reports nothing stray in the table, the 合计 row included', () => {
      assert.deepEqual(problemLines(file, 'TT502', 3, 37), []);
    });
  });

  describe('(l) a 二级 row with no indicator: empty 三级 and value (level2-without-indicator.txt)', () => {
    const file = 'level2-without-indicator.txt';
    it('exports no row for the unfilled 二级 rows @12 and @24, and the row between them', () => {
      assertRows(file, [[18, '效益指标', '社会效益指标', '市民对空气质量改善的满意程度', '≥85%']]);
    });
    it('lets the unfilled row still give its 一级 to the row below (merged cell)', () => {
      const r = rowAt(exportOf(file), 18);
      assert.equal(r.level1, '效益指标');
      assert.equal(r.level1Inherited, true);
    });
    it('reports nothing stray in the table (an unfilled 二级 row is a template row, not stray text)', () => {
      assert.deepEqual(problemLines(file, 'TT502', 6, 28), []);
    });
  });

  describe('(m) several numbered goals in one cell: 1、… 2、… and 3、… on a paragraph of its own (numbered-goals.txt)', () => {
    const file = 'numbered-goals.txt';
    it('exports the indicator rows', () => {
      assertRows(file, [
        [12, '产出指标', '数量指标', '造林面积', '≥1.2万亩'],
        [17, '产出指标', '数量指标', '新闻投稿数', '≥30篇'],
        [22, '产出指标', '质量指标', '森林火灾受害率', '≤0.9‰'],
      ]);
    });
    it('exports three annual goals, numbered 1–3, each at the line where its number stands', () => {
      const goals = exportOf(file).departments.flatMap((d) => d.goals);
      assert.deepEqual(
        goals.map((g) => ({ kind: g.kind as string, number: g.number, line: g.line })),
        [
          { kind: 'annual', number: 1, line: 4 },
          { kind: 'annual', number: 2, line: 4 },
          { kind: 'annual', number: 3, line: 5 },
        ],
      );
      // Each text starts after its number (no `N、` prefix) and stops before the next goal's number.
      const texts = goals.map((g) => compact(g.text).replace(/。$/, ''));
      assert.deepEqual(texts, ['完成全年造林任务1.2万亩', '森林火灾受害率控制在0.9‰以内', '完成林业新闻投稿30篇']);
    });
    it('reports nothing stray anywhere (the goal cell is a goal)', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
  });

  describe('(n) a header zone: 主管部门及代码 [077]…, 项目期, 项目资金 with 年度资金总额 / 其中:财政拨款 rows (header-zone.txt)', () => {
    const file = 'header-zone.txt';
    it('exports the indicator row after the header zone', () => {
      assertRows(file, [[34, '产出指标', '成本指标', '项目金额', '5万元']]);
    });
    it('names the department from the 项目名称 cell', () => {
      assert.deepEqual(
        exportOf(file).departments.map((d) => d.name),
        ['农村文化建设配套补助经费'],
      );
    });
    it('reports nothing stray anywhere: the label/value rows are information about the unit', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
    it('reads the 主管部门 code out of `[077]name`, with its range in the value cell', () => {
      const model = parseDocument(readVariant(file));
      const field = model.sections.flatMap((s) => s.body.fields).find((f) => f.key === 'department');
      assert.ok(field && field.code && field.value);
      assert.equal(field.code.text, '077');
      assert.deepEqual(field.code.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } });
    });
    it('exports the label/value rows as fields (label, value, line)', () => {
      type Field = { label?: string; value?: unknown; line?: number };
      const fields = exportOf(file).departments.flatMap((d) => (d as unknown as { fields?: Field[] }).fields ?? []);
      const text = (v: unknown): string =>
        typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as { raw?: string; text?: string }).raw ?? (v as { text?: string }).text ?? '') : '';
      const find = (l: string) => fields.find((f) => compact(f.label).replace(/[:：]$/, '') === l);
      for (const [l, value, line] of [
        ['项目名称', '农村文化建设配套补助经费', 3],
        ['主管部门及代码', '[077]淮北市文化旅游体育局', 6],
        ['实施单位', '淮北市文化旅游体育局', 8],
        ['项目来源', '本级申报项目', 11],
        ['项目期', '1年', 13],
        ['年度资金总额', '5.00', 17],
        ['其中:财政拨款', '5.00', 21],
        ['上年结转', '0.00', 25],
      ] as const) {
        const f = find(l);
        assert.ok(f, `a field labelled ${l}; fields: ${JSON.stringify(fields.map((x) => x.label))}`);
        assert.ok(compact(text(f.value)).includes(value), `${l}: ${JSON.stringify(f.value)} holds ${value}`);
        assert.equal(f.line, line, `${l} is on line ${line}`);
      }
    });
  });

  describe('(o) a table whose title was not exported: the rows before the first title hold an indicator table (untitled-table.txt)', () => {
    const file = 'untitled-table.txt';
    it('is read as a project section, named by its 项目名称 cell, with its goal and rows', () => {
      const doc = exportOf(file);
      assert.equal(doc.departments.length, 1);
      const d = doc.departments[0];
      assert.equal(d.name, '乡村道路养护');
      assert.equal(d.family, 'project');
      assert.deepEqual(
        d.goals.map((g) => [g.kind, g.line]),
        [['annual', 7]],
      );
      assertRows(file, [
        [14, '产出指标', '数量指标', '养护里程', '≥120公里'],
        [19, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ]);
    });
    it('reports nothing stray', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
    });
  });

  describe('(p) weights and required-field markers after category labels: 产出指标(50分), 时效指标(必填) (marked-levels.txt)', () => {
    const file = 'marked-levels.txt';
    it('keeps the labels as written, inherits them, and reads 分值 as the weight', () => {
      assertRows(file, [
        [9, '产出指标', '数量指标', '新建堤防长度', '≥3公里'],
        [15, '产出指标', '时效指标', '完工时限', '2025年12月底前'],
        [21, '效益指标', '社会效益指标', '受益人口', '≥5000人'],
        [27, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ]);
      const rows = exportOf(file).departments[0].tables[0].rows;
      assert.equal(rows[1].level1, '产出指标(50分)');
      assert.equal(rows[1].weight?.raw, '10');
    });
    it('checks the categories without their markers: no TT401, TT402 or TT403', () => {
      for (const code of ['TT401', 'TT402', 'TT403']) assert.deepEqual(problemLines(file, code), [], code);
    });
  });

  describe('(q) an overall table of another template: 单位 and an overview of numbered goals above one indicator table (overall-one-table.txt)', () => {
    const file = 'overall-one-table.txt';
    it('reads the overview as goals, numbered, and the single table by its header', () => {
      const d = exportOf(file).departments[0];
      assert.equal(d.family, 'overall');
      assert.deepEqual(
        d.goals.map((g) => [g.kind, g.number, g.line]),
        [
          ['long', 1, 10],
          ['long', 2, 10],
          ['annual', 1, 11],
          ['annual', 2, 11],
        ],
      );
      assertRows(file, [
        [19, '产出指标', '数量指标', '审计项目数', '≥25个'],
        [25, '效益指标', '社会效益指标', '审计整改率', '≥95%'],
        [31, '满意度指标', '服务对象满意度指标', '被审计单位满意度', '≥90%'],
        [37, '成本指标', '经济成本指标', '审计经费', '≤50万元'],
      ]);
    });
    it('reports nothing stray and no missing category', () => {
      assert.deepEqual(problemLines(file, 'TT502'), []);
      assert.deepEqual(problemLines(file, 'TT407'), []);
    });
  });

  describe('(r) the hierarchy by indentation in one column: 一级 a space in, 二级 more, 三级 more (indentation.txt)', () => {
    const file = 'indentation.txt';
    it('reads the heading rows as 一级 and 二级 and the deepest rows as indicators under them', () => {
      assertRows(file, [
        [15, '产出指标', '数量指标', '接种人次', '≥5000人次'],
        [19, '产出指标', '数量指标', '宣传场次', '≥12场'],
        [27, '产出指标', '时效指标', '完成时限', '2025年12月'],
        [39, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ]);
      assert.equal(exportOf(file).departments[0].tables[0].rows.length, 4);
    });
    it('reports no stray row and no category problem', () => {
      for (const code of ['TT502', 'TT401', 'TT402', 'TT408']) assert.deepEqual(problemLines(file, code), [], code);
    });
  });

  describe('(s) a goal header whose goal label is merged down: 年度总体目标 | 预期目标 | 实际完成情况 over an empty first cell (goal-header-merged-label.txt)', () => {
    const file = 'goal-header-merged-label.txt';
    type Field = { label: string; value: string | null; line: number };
    const fields = () => exportOf(file).departments.flatMap((d) => (d as unknown as { fields?: Field[] }).fields ?? []);
    it('reads the planned goal from the 预期目标 column', () => {
      const dep = exportOf(file).departments[0];
      assert.equal(familyOf(dep), 'project-self-evaluation');
      assert.deepEqual(
        dep.goals.map((g) => [g.kind, g.line, g.text]),
        [['annual', 64, '完成全县32处集中供水工程维修养护，保障8.6万农村人口饮水安全。']],
      );
    });
    it('keeps what was achieved as the 实际完成情况 field, with its text', () => {
      const f = fields().find((x) => x.label === '实际完成情况');
      assert.ok(f, JSON.stringify(fields().map((x) => x.label)));
      assert.equal(f.value, '完成32处工程维修养护，受益人口8.6万人。');
    });
    it('reads the budget block as fields and every indicator row with its actual, weight and score', () => {
      assert.ok(fields().some((f) => f.label === '全年执行数' && f.value === '142.5'));
      const rows = exportedRows(exportOf(file));
      assert.equal(rows.length, 8);
      const first = rowAt(exportOf(file), 77);
      assert.deepEqual([first.level3, actualOf(first)?.raw], ['维修养护工程数量', '32处']);
    });
    it('reports no goal without indicators and no 成本指标 under 产出指标 (the 2015 way, read as such)', () => {
      for (const code of ['TT301', 'TT402', 'TT502']) assert.deepEqual(problemLines(file, code), [], code);
    });
  });

  describe('(t) a grid with labels on two rows: 年度主要任务 | 任务名称 | 主要内容 | 预算金额 over 总额 | 财政拨款 | 其他资金 (task-grid.txt)', () => {
    const file = 'task-grid.txt';
    type Field = { label: string; value: string | null; group: string | null };
    const fields = () => exportOf(file).departments.flatMap((d) => (d as unknown as { fields?: Field[] }).fields ?? []);
    it('names each value by its column: the lower label, else the one above it, in the group of its task', () => {
      const of = (group: string) =>
        fields()
          .filter((f) => f.group === group)
          .map((f) => [f.label, f.value]);
      assert.deepEqual(of('食品安全抽检'), [
        ['主要内容', '完成食品安全抽检1200批次'],
        ['总额', '120'],
        ['财政拨款', '120'],
        ['其他资金', '0'],
      ]);
      assert.deepEqual(of('金额合计'), [
        ['总额', '245'],
        ['财政拨款', '245'],
        ['其他资金', '0'],
      ]);
      // The label rows are labels, not label/value pairs (年度主要任务 → 任务名称).
      assert.ok(!fields().some((f) => f.label === '年度主要任务' && f.value !== null));
    });
    it('then reads the numbered goals and the indicator table as before', () => {
      const dep = exportOf(file).departments[0];
      assert.equal(familyOf(dep), 'overall');
      assert.equal(dep.goals.length, 3);
      assert.equal(exportedRows(exportOf(file)).length, 7);
    });
  });
});
