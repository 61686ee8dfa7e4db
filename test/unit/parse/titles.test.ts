/**
 * Section starts and title reading for every family (docs/format.md §7.1). Each case is a line as
 * a template writes it; what it must give is the family, the name the title itself carries, and
 * whether the line starts a section among its neighbours.
 */
import * as assert from 'node:assert/strict';
import { isSectionStart, readTitleText } from '../../../server/src/core/parse/titles';
import { parseDocument } from '../../../server/src/core/parse/document';
import { sampleText } from '../../helpers/fixtures';

describe('titles of every family', () => {
  const cases: [line: string, family: string, name: string, subtitle: string | null][] = [
    ['武汉市东西湖区行政审批局整体支出绩效目标申报表', 'overall', '武汉市东西湖区行政审批局', null],
    ['武汉市东西湖区卫生健康局部门整体支出绩效目标表', 'overall', '武汉市东西湖区卫生健康局', null],
    ['\t项目支出绩效目标批复表', 'project', '', null],
    ['2024年项目绩效目标表(雾炮车降尘抑尘服务)', 'project', '', '雾炮车降尘抑尘服务'],
    ['项目支出绩效目标表3', 'project', '', null],
    ['某某县农业农村局项目支出绩效目标申报表（高标准农田建设）', 'project', '某某县农业农村局', '高标准农田建设'],
    ['\t部门预算项目支出绩效自评表(2023年度)', 'project-self-evaluation', '', null],
    ['某某县教育局部门整体支出绩效自评表', 'overall-self-evaluation', '某某县教育局', null],
    ['某某市财政局项目支出绩效自评表', 'project-self-evaluation', '某某市财政局', null],
  ];
  for (const [line, family, name, subtitle] of cases) {
    it(`${line.trim()}: ${family}, name "${name}"`, () => {
      assert.equal(isSectionStart(undefined, line, ''), true);
      const t = readTitleText(line.trim());
      assert.equal(t.family.id, family);
      assert.equal(t.name, name);
      assert.equal(t.subtitle, subtitle);
    });
  }

  it('部门整体绩效目标 starts a section only on a row of its own', () => {
    assert.equal(isSectionStart('', '\t部门整体绩效目标', ''), true);
    assert.equal(isSectionStart(undefined, '\t部门整体绩效目标', undefined), true);
    assert.equal(isSectionStart('\t基本信息', '\t部门整体绩效目标', ''), false);
    assert.equal(isSectionStart('', '\t部门整体绩效目标', '\t保证林业局职能实现'), false);
    // Without 部门 it is the overview's header of §3, not a title.
    assert.equal(isSectionStart('', '\t整体绩效目标', ''), false);
  });

  it('lines that only look like titles start nothing', () => {
    for (const line of ['\t(2022年度)', '2020年度)', '\t年度目标', '\t长期目标（截至2028年）', '附表1', '\t绩效目标', '见附表']) {
      assert.equal(isSectionStart('', line, ''), false, line);
    }
  });

  it('still finds exactly the 36 departments of the sample, all read with §3 goal tables', () => {
    const model = parseDocument(sampleText());
    const titled = model.sections.filter((s) => s.body.title !== null);
    assert.equal(titled.length, 36);
    assert.deepEqual(new Set(titled.map((s) => s.body.family)), new Set(['overall']));
    assert.deepEqual(new Set(titled.map((s) => s.body.layout)), new Set(['goal-tables']));
  });

  it('a bare title takes its name from the 项目名称 cell; a title with nothing under it is a heading', () => {
    const text =
      '项目支出绩效目标表3\n\n项目支出绩效目标表\n\n2020年度)\n\n\t项目名称\n\t教育系统基础设施建设\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t工程数量\n\t2个\n';
    const model = parseDocument(text);
    assert.deepEqual(
      model.sections.map((s) => [s.startLine, s.body.layout, s.body.department]),
      [
        [0, 'heading', ''],
        [2, 'indicator-tables', '教育系统基础设施建设'],
      ],
    );
    assert.equal(model.sections[1].body.year?.text, '2020年度)');
  });
});
