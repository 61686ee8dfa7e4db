/**
 * Acceptance for issue 11: the six documents of other templates (docs/format.md §7) in
 * test/fixtures/templates/, each parsed and exported as `target-table export` does.
 *
 * The expected rows are written out here, as a user reads them in the .txt file: they were counted
 * again from the files by an independent reader of the cell/row layer (§2), following
 * test/fixtures/templates/EXPECTED.md, and agree with expected.json. Lines are 1-based, the line of the
 * row's first cell. 一级/二级 are the values a merged cell gives (an empty cell inherits from above);
 * in 01 the first four rows have an empty 一级 and belong to the 产出指标 that first appears at @75
 * (EXPECTED.md: "a correct parser files all 12 rows above 满意度 under 产出指标").
 *
 * Labels and values are compared after removing whitespace and a trailing weight / required marker
 * (`产出指标(50)`, `(必填)`), as ../shared/tools/score-templates.mjs does.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/parse/document';
import { exportDocument, type ExportDocument } from '../../../server/src/core/export/json';
import { checkDocument } from '../../../server/src/core/rules/index';
import { DEFAULT_RULE_SETTINGS } from '../../../server/src/core/rules/types';
import { actualOf, compact, exportedRows, familyOf, hasActualKey, readTemplate, rowKeys, specKey, type RowSpec } from '../../helpers/export-rows';

interface GoalSpec {
  kind: string;
  line: number;
  /** The goal text starts with this (compared without whitespace). */
  text: string;
}

interface DocumentSpec {
  file: string;
  family: string;
  rows: readonly RowSpec[];
  goals: readonly GoalSpec[];
  /** Lines of the indicator table: its header row's first line to its last data row's last line. */
  table: readonly [from: number, to: number];
  /** Whether the indicator table has a 完成值 (actual) column. */
  actualColumn: boolean;
}

const DOCUMENTS: readonly DocumentSpec[] = [
  {
    file: '01-huangshi-dangxiao-zhutiban.txt',
    family: 'project',
    // Header @28 (6 cells), second header @35 (7 cells): the target is the 6th cell, 预期2022年实现值.
    rows: [
      [43, '产出指标', '数量指标', '主体班培训人次', '280人次'],
      [51, '产出指标', '数量指标', '邀请校外名师、领导授课人次', '25人次'],
      [59, '产出指标', '数量指标', '情景教学或外训批次', '6次'],
      [67, '产出指标', '数量指标', '理论教育和党性教育课时比例', '70%'],
      [75, '产出指标', '数量指标', '开设课程数量', '220'],
      [83, '产出指标', '质量指标', '培训完成率', '100%'],
      [91, '产出指标', '质量指标', '邀请校外名师、领导授课完成率', '100%'],
      [99, '产出指标', '质量指标', '情景教学或外训完成率', '100%'],
      [107, '产出指标', '质量指标', '理论教育和党性教育课时比例完成率', '100%'],
      [115, '产出指标', '质量指标', '课程数量达标率', '100%'],
      [123, '产出指标', '时效指标', '及时完成率', '100%'],
      [131, '产出指标', '成本指标', '成本控制率', '100%'],
      [139, '满意度指标', '服务对象满意度指标', '培训学员对培训效果满意度', '≥95%'],
    ],
    goals: [{ kind: 'annual', line: 26, text: '主体班培训280人次;邀请校外名师、领导授课25人次' }],
    table: [28, 145],
    actualColumn: false,
  },
  {
    file: '04-huaibei-wenlv-songxi.txt',
    family: 'project',
    // Header @55 with labels cut short: 绩 | 一级 | 二级指标 | 三级指标 | 指标值.
    rows: [
      [61, '产出指标', '数量指标', '开展送戏进万村', '≥70村'],
      [67, '产出指标', '质量指标', '送戏进万村活动完成率', '≥95%'],
      [73, '产出指标', '时效指标', '项目完成时限', '2025年12月'],
      [79, '产出指标', '成本指标', '项目金额', '5万元'],
      [85, '效益指标', '经济效益指标', '项目实施是否产生经济价值', '否'],
      [91, '效益指标', '社会效益指标', '保障人民群众基本文化权益', '影响程度明显'],
      [97, '效益指标', '生态效益指标', '是否对当地生态环境造成影响', '否'],
      [103, '效益指标', '可持续影响指标', '对满足人民群众日益提高的文化需求的可持续影响', '长期'],
      [109, '满意度指标', '满意度指标', '项目受益人满意程度', '≥90%'],
    ],
    goals: [{ kind: 'annual', line: 53, text: '文化惠民工程,主要用于送戏进万村' }],
    table: [55, 113],
    actualColumn: false,
  },
  {
    file: '05-xiangtan-wupaoche-2024.txt',
    family: 'project',
    // Header @51 (6 cells, value = 5th). @93, @107 and @114 are 二级 rows with no indicator, not rows.
    rows: [
      [58, '产出指标', '数量指标', '雾炮车抑尘降尘服务配备车辆数', '10'],
      [65, '产出指标', '数量指标', '雾炮车风炮射程', '80M'],
      [72, '产出指标', '质量指标', '服务周期内空气质量', '优良'],
      [79, '产出指标', '时效指标', '服务周期', '180'],
      [86, '产出指标', '成本指标', '控制在预算成本内', '控制在预算内'],
      [100, '效益指标', '社会效益指标', '服务周期内,市民对空气质量改善的满意程度', '85%'],
      [122, '效益指标', '服务对象满意度指标', '满意度', '90%'],
    ],
    goals: [
      { kind: 'long', line: 48, text: '持续改善我市空气质量' },
      { kind: 'annual', line: 49, text: '2024通过采购雾炮车抑尘降尘服务' },
    ],
    table: [51, 127],
    actualColumn: false,
  },
  {
    file: '07-qingshanqu-jiaoyu-jijian.txt',
    family: 'project',
    // Header @53 (7 cells, no label column): 长期 and 年度 blocks side by side; only the 年度 block
    // (二级 = 5th, 三级 = 6th, target = 7th cell) has indicators.
    rows: [
      [61, '产出指标', '数量指标', '重点建设工程安排数量', '2'],
      [69, '产出指标', '质量指标', '重点建设工程验收合格率', '100%'],
      [77, '产出指标', '成本指标', '建设项目成本', '参照政府采购成本控制'],
      [85, '产出指标', '时效指标', '重点建设工程按期完成率', '100%'],
      [93, '效益指标', '可持续影响指标', '基础教育巩固提高情况', '巩固提高'],
      [101, '效益指标', '社会效益指标', '基础教育学校办学条件', '持续改善'],
      [109, '满意度指标', '服务对象满意度指标', '学生、家长、社会满意度', '≥90%'],
    ],
    goals: [
      { kind: 'mid', line: 45, text: '优化教育布局,推进教育领域综合改革' },
      { kind: 'annual', line: 47, text: '按工作计划完成教育局重点项目建设经费预算安排' },
    ],
    table: [53, 115],
    actualColumn: false,
  },
  {
    file: '10-fuliang-linye-zhengti.txt',
    family: 'overall',
    // Header @24 (8 cells, no label column): 计算符号 | 目标值 | 度量单位 make the target.
    rows: [
      [33, '产出指标', '数量指标', '保障在职职工人数(人)', '=116人'],
      [42, '产出指标', '数量指标', '保障退休职工人数(人)', '=81人'],
      [51, '产出指标', '数量指标', '保障遗属人数(人)', '=13人'],
      [60, '产出指标', '数量指标', '林木采伐监管(万立方米)', '=6万立方米'],
      [69, '产出指标', '数量指标', '野生动植物保护、防火面积(万亩)', '=320万亩'],
      [78, '产出指标', '数量指标', '湿地保有量(公顷)', '=4900公顷'],
      [87, '产出指标', '数量指标', '林业产业(万亩)', '=0.5万亩'],
      [96, '产出指标', '数量指标', '签订野生动物致害保险(单)', '=1单'],
      [105, '产出指标', '数量指标', '向各类新闻媒体完成林业新闻信息投稿数(篇)', '=30篇'],
      [114, '产出指标', '数量指标', '林业微信公众号完成新闻宣传(篇)', '=50篇'],
      [123, '产出指标', '数量指标', '制作宣传横幅、公益宣传牌等(年)', '=1年'],
      [132, '产出指标', '数量指标', '自然保护区负氧离子监测点(个)', '=4个'],
      [141, '产出指标', '质量指标', '工资发放准确性(%)', '≥95%'],
    ],
    goals: [{ kind: 'annual', line: 22, text: '保证林业局职能实现,保障人员经费。' }],
    table: [24, 148],
    actualColumn: false,
  },
  {
    file: '13-qingshen-fagai-gongzi-ziping.txt',
    family: 'project-self-evaluation',
    // Header @92 (11 cells): 指标性质 | 指标值 | 度量单位 make the target, 完成值 is the actual. 合计 @128 is not a row.
    rows: [
      [104, '产出指标', '数量指标', '发放(缴纳)覆盖率', '=100%'],
      [116, '效益指标', '社会效益指标', '足额保障率(参保率)', '=100%'],
    ],
    goals: [{ kind: 'annual', line: 25, text: '严格执行相关政策,保障工资及时、足额发放' }],
    table: [92, 127],
    actualColumn: true,
  },
];

const exported = new Map<string, ExportDocument>();
/** The document's export, built once per file. */
function exportOf(file: string): ExportDocument {
  let doc = exported.get(file);
  if (!doc) {
    doc = exportDocument(parseDocument(readTemplate(file)));
    exported.set(file, doc);
  }
  return doc;
}

describe('issue 11: the six template documents (test/fixtures/templates)', () => {
  for (const spec of DOCUMENTS) {
    describe(`${spec.file}: indicator rows`, () => {
      it(`exports exactly ${spec.rows.length} indicator rows`, () => {
        const got = rowKeys(exportOf(spec.file));
        assert.equal(got.length, spec.rows.length, `rows exported: ${JSON.stringify(got)}`);
      });

      for (const want of spec.rows) {
        it(`row @${want[0]}: 一级, 二级, 三级 and target as the table shows them`, () => {
          const got = rowKeys(exportOf(spec.file)).filter((r) => r[0] === want[0]);
          assert.deepEqual(got, [specKey(want)], `exported rows starting on line ${want[0]}`);
        });
      }

      it('exports every row in line order with the expected values (the whole table at once)', () => {
        assert.deepEqual(rowKeys(exportOf(spec.file)), spec.rows.map(specKey));
      });
    });
  }

  describe('actual values (完成值)', () => {
    it('10 (no 完成值 column): every row has the actual key, null', () => {
      const rows = exportedRows(exportOf('10-fuliang-linye-zhengti.txt'));
      assert.equal(rows.length, 13);
      for (const { row } of rows) {
        assert.ok(hasActualKey(row), `row @${row.line} has an actual key`);
        assert.equal(actualOf(row), null, `row @${row.line}: no actual column, so actual is null`);
      }
    });

    it('13 (完成值 column, left empty): both rows have the actual key, empty (null or raw "")', () => {
      const rows = exportedRows(exportOf('13-qingshen-fagai-gongzi-ziping.txt'));
      assert.deepEqual(
        rows.map((f) => f.row.line),
        [104, 116],
      );
      for (const { row } of rows) {
        assert.ok(hasActualKey(row), `row @${row.line} has an actual key`);
        const actual = actualOf(row);
        assert.ok(actual === null || compact(actual?.raw) === '', `row @${row.line}: actual ${JSON.stringify(actual)} is empty`);
      }
    });
  });

  describe('families', () => {
    for (const spec of DOCUMENTS) {
      it(`${spec.file} is of the ${spec.family} family`, () => {
        const departments = exportOf(spec.file).departments;
        assert.ok(departments.length > 0, 'at least one department is exported');
        assert.deepEqual(
          departments.map((d) => familyOf(d)),
          departments.map(() => spec.family),
        );
      });
    }
  });
});

describe('issue 11: goals of the six template documents', () => {
  for (const spec of DOCUMENTS) {
    it(`${spec.file}: ${spec.goals.map((g) => `${g.kind} @${g.line}`).join(', ')}`, () => {
      const goals = exportOf(spec.file)
        .departments.flatMap((d) => d.goals)
        .map((g) => ({ kind: g.kind as string, line: g.line, number: g.number, text: compact(g.text) }))
        .sort((a, b) => a.line - b.line);
      // Each goal's text is compared on the length of the expected prefix; an extra goal keeps its whole text.
      const prefix = (text: string, i: number) => (i < spec.goals.length ? text.slice(0, compact(spec.goals[i].text).length) : text);
      assert.deepEqual(
        goals.map((g, i) => ({ ...g, text: prefix(g.text, i) })),
        spec.goals.map((w) => ({ kind: w.kind, line: w.line, number: null, text: compact(w.text) })),
      );
    });
  }
});

describe('issue 11: nothing in the indicator tables of the six documents is stray', () => {
  for (const spec of DOCUMENTS) {
    it(`${spec.file}: no TT502 on lines ${spec.table[0]}–${spec.table[1]}`, () => {
      const model = parseDocument(readTemplate(spec.file));
      const stray = checkDocument(model.sections, DEFAULT_RULE_SETTINGS)
        .filter((p) => p.code === 'TT502')
        .map((p) => p.range.start.line + 1)
        .filter((line) => line >= spec.table[0] && line <= spec.table[1]);
      assert.deepEqual(stray, []);
    });
  }
});
