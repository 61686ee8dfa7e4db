/** The review report's three forms, read as a reviewer reads them: the HTML page, the workbook (read back with exceljs), the CSV. */
import * as assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { checkText } from '../../../server/src/cli/check';
import { summarize, type ReportFile } from '../../../server/src/core/report/index';
import { escapeHtml, htmlReportChunks, rowsWithMerges } from '../../../server/src/core/report/html';
import { problemCsvChunks } from '../../../server/src/core/report/csv';
import { xlsxReportBuffer } from '../../../server/src/core/report/xlsx';
import { layoutSection } from '../../../server/src/core/layout/section';
import { parseDocument } from '../../../server/src/core/parse/document';
import { exportDocument } from '../../../server/src/core/export/json';
import { department, sampleText } from '../../helpers/fixtures';

/** A department with one error (TT402 on line 27) and three warnings, and markup in a name and in an indicator. */
function flawed(): string {
  return department('测试<局>')
    .replace('\t≥2场', '\t≥2') // TT101 (line 36)
    .replace('培训场次', '培训<b>场次</b>&"x"')
    .replace('\t≤10', '\t≥10') // TT202 (line 29)
    .replace('目标1：年度目标甲。', '目标2：年度目标甲。') // TT303 (line 13)
    .replace('\t经济成本指标', '\t服务对象满意度指标'); // TT402, an error (line 27)
}

function file(name: string, text: string, suppressed = 0): ReportFile {
  const r = checkText(text, false);
  return { name, model: r.model, problems: r.problems, suppressed };
}

function html(files: ReportFile[], locale: 'zh' | 'en' = 'zh'): string {
  const summaries = files.map(summarize);
  return [...htmlReportChunks(summaries, (i) => files[i], locale, { generated: new Date('2026-12-02T04:00:00Z') })].join('');
}

/** The text of an HTML fragment as a browser shows it (tags dropped, entities read). */
function shown(s: string): string {
  return s
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The rows of the table with class `cls`, each as its cells' shown text. */
function tableRows(page: string, cls: string): string[][] {
  const m = new RegExp(`<table class="list ${cls}">([\\s\\S]*?)</table>`).exec(page);
  assert.ok(m, `no table ${cls}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1])![1];
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => shown(c[1])));
}

describe('core/report', () => {
  const clean = () => file('b-clean.txt', department());
  const bad = () => file('a-<bad>&"file".txt', flawed(), 2);
  const warnOnly = () => file('c-warnings.txt', department().replace('\t≤10', '\t≥10'));

  it('summarises a file: sections, problems by severity and rule, suppressed', () => {
    const s = summarize(bad());
    assert.deepEqual(
      { sections: s.sections, error: s.error, warning: s.warning, information: s.information, suppressed: s.suppressed },
      { sections: 1, error: 1, warning: 3, information: 0, suppressed: 2 },
    );
    assert.deepEqual([...s.byRule].sort(), [
      ['TT101', 1],
      ['TT202', 1],
      ['TT303', 1],
      ['TT402', 1],
    ]);
  });

  describe('HTML page', () => {
    it('ranks the submissions by errors, then warnings; the problem-free file last, with its counts', () => {
      const page = html([clean(), warnOnly(), bad()]);
      const rows = tableRows(page, 'summary');
      assert.deepEqual(rows, [
        ['1', 'a-<bad>&"file".txt', '1', '1', '3', '0', '2'],
        ['2', 'c-warnings.txt', '1', '0', '1', '0', '0'],
        ['3', 'b-clean.txt', '1', '0', '0', '0', '0'],
      ]);
      // Each name links to its file's part, which the page has, in the order given.
      assert.match(page, /<a href="#f2">a-&lt;bad&gt;&amp;&quot;file&quot;\.txt<\/a>/);
      assert.ok(page.indexOf('id="f0"') < page.indexOf('id="f1"') && page.indexOf('id="f1"') < page.indexOf('id="f2"'));
      // The clean file says so.
      const cleanPart = page.slice(page.indexOf('id="f0"'), page.indexOf('id="f1"'));
      assert.match(cleanPart, /<p class="ok">未发现问题。<\/p>/);
      assert.doesNotMatch(cleanPart, /<figure>/);
    });

    it('counts by rule over all files, with the rule’s title and page', () => {
      const rows = tableRows(html([clean(), warnOnly(), bad()]), 'rules');
      assert.deepEqual(rows[0].slice(0, 4), ['TT202', '比较方向错误', '2', '2']);
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['TT202', 'TT101', 'TT303', 'TT402'],
      );
      assert.deepEqual(rows[3].slice(1, 4), ['二级指标不属于一级指标', '1', '1']);
      for (const r of rows) assert.equal(r[4], `docs/rules/${r[0]}.md`);
    });

    it('escapes every text: file names, section names, cells, messages', () => {
      const page = html([bad()]);
      assert.ok(!page.includes('<b>场次</b>'), 'an indicator’s markup is shown, not applied');
      assert.ok(!page.includes('测试<局>'));
      assert.ok(page.includes('培训&lt;b&gt;场次&lt;/b&gt;&amp;&quot;x&quot;'));
      assert.ok(page.includes('测试&lt;局&gt;'));
      // Nothing but the page's own tags: no script, nothing fetched.
      assert.doesNotMatch(page, /<script|<link|src=|@import|url\(/i);
      assert.equal(escapeHtml(`<a href='x'>&"</a>`), '&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;');
    });

    it('shows each problem under its row as the table looked: the header rows, merged cells reaching in, the cell marked', () => {
      const page = html([bad()]);
      const figures = [...page.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
      // TT402 and TT202 are on the same row (成本指标's): one figure lists both.
      assert.equal(figures.length, 3, 'one figure per row with problems');
      assert.ok(figures.some((x) => x.includes('TT402') && x.includes('TT202')));
      // TT101 on 培训场次's row (line 36): the table's name, its header row, then the row; the 一级
      // 产出指标 merged over two rows is drawn in it, the value cell marked with the problem's number.
      const f = figures.find((x) => x.includes('TT101'))!;
      assert.match(f, /<h4>长期目标1<\/h4>/);
      const rows = [...f.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1].matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((c) => ({ attrs: c[1], text: shown(c[2]) })),
      );
      assert.deepEqual(
        rows.map((r) => r.map((c) => c.text)),
        [
          ['长期目标1：', '长期目标甲。'],
          ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'],
          ['产出指标', '数量指标', '培训<b>场次</b>&"x"', '≥24', '计划数据'],
        ],
      );
      assert.match(rows[1][0].attrs, /rowspan="2"/, 'the label column runs down beside the drawn rows');
      assert.match(rows[2][3].attrs, /class="hit-warning"/);
      assert.match(f, /<li value="4"><span class="badge warning">警告<\/span><code>TT101<\/code> 指标值「≥2」缺少计量单位/);
      assert.match(f, /第 36 行第 3 列/);
      // The error on 成本指标's row is drawn and marked as an error.
      const e = figures.find((x) => x.includes('TT402'))!;
      assert.match(e, /class="hit-error">服务对象满意度指标<sup>/);
      // A problem outside every table row (TT303 in the overview) has its row too.
      assert.ok(figures.some((x) => x.includes('TT303') && x.includes('<table class="row">')));
    });

    it('in English when the locale says so; prints with page breaks per file', () => {
      const page = html([bad(), clean()], 'en');
      assert.match(page, /<html lang="en">/);
      assert.match(page, /<h2>Submissions \(by errors, then warnings\)<\/h2>/);
      assert.match(page, /No problems found\./);
      assert.match(page, /@media print \{[\s\S]*\.file \{ break-before: page; \}/);
    });

    it('draws every row of every layout with merged cells filling the grid exactly', () => {
      // rowsWithMerges is what lets any one row be drawn alone: each row, with the cells reaching into
      // it from above, covers the block's columns exactly once.
      for (const text of [sampleText(), flawed()]) {
        const model = parseDocument(text);
        for (const ref of model.sections.slice(0, 6)) {
          for (const block of layoutSection(ref, 'zh', []).blocks) {
            rowsWithMerges(block).forEach((cells, k) => {
              const width = cells.reduce((n, g) => n + (g.cell.colSpan ?? 1), 0);
              assert.ok(width <= block.columns, `${block.name} row ${k}: ${width} > ${block.columns}`);
              if (block.kind === 'table') assert.equal(width, block.columns, `${block.name} row ${k} at line ${block.rows[k].line + 1}`);
            });
          }
        }
      }
    });

    it('a big file is written a section at a time, and no chunk holds the whole page', () => {
      const files = [file('sample.txt', sampleText())];
      const chunks = [...htmlReportChunks(files.map(summarize), (i) => files[i], 'zh')];
      const total = chunks.reduce((n, c) => n + c.length, 0);
      assert.ok(chunks.length > 30);
      assert.ok(Math.max(...chunks.map((c) => c.length)) < total / 10);
    });
  });

  describe('CSV of problems', () => {
    it('UTF-8 with BOM, CRLF, RFC 4180 quoting, one line per problem with its 一级/二级/三级', () => {
      const files = [bad(), clean()];
      const csv = [...problemCsvChunks(files.length, (i) => files[i], 'zh')].join('');
      assert.ok(csv.startsWith('\ufeff文件,部门/项目,行,列,级别,代码,规则,问题,一级指标,二级指标,三级指标\r\n'));
      const lines = csv.slice(1).split('\r\n');
      assert.equal(lines.at(-1), '');
      assert.equal(lines.length - 2, 4, 'header, four problems, the final CRLF');
      const tt101 = lines.find((l) => l.includes('TT101'))!;
      assert.equal(
        tt101,
        '"a-<bad>&""file"".txt",测试<局>,36,3,警告,TT101,缺少计量单位,"指标值「≥2」缺少计量单位：请写明「培训<b>场次</b>&""x""」的单位（如「次」「个」「人」）。",产出指标,数量指标,"培训<b>场次</b>&""x"""',
      );
    });
  });

  describe('Excel workbook', () => {
    it('reads back: a sheet of problems and one of indicators, Chinese text, header frozen, autofilter', async () => {
      const files = [bad(), clean()];
      const buf = await xlsxReportBuffer(files.length, (i) => files[i], 'zh');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(buf as unknown as ArrayBuffer);
      assert.deepEqual(
        book.worksheets.map((w) => w.name),
        ['问题', '指标'],
      );
      const [problems, indicators] = book.worksheets;
      assert.deepEqual((problems.getRow(1).values as unknown[]).slice(1), [
        '文件',
        '部门/项目',
        '行',
        '列',
        '级别',
        '代码',
        '规则',
        '问题',
        '一级指标',
        '二级指标',
        '三级指标',
      ]);
      assert.equal(problems.rowCount, 1 + 4);
      const row = (problems.getRow(2).values as unknown[]).slice(1);
      assert.deepEqual(row.slice(0, 7), ['a-<bad>&"file".txt', '测试<局>', 13, 2, '警告', 'TT303', '目标编号有误']);
      const tt402 = [2, 3, 4, 5].map((r) => (problems.getRow(r).values as unknown[]).slice(1)).find((r) => r[5] === 'TT402')!;
      assert.deepEqual([tt402[4], tt402[8], tt402[9], tt402[10]], ['错误', '成本指标', '服务对象满意度指标', '办公经费']);
      assert.equal(problems.views[0].state, 'frozen');
      assert.equal((problems.views[0] as { ySplit?: number }).ySplit, 1);
      assert.equal(problems.autoFilter, 'A1:K1');
      assert.ok((problems.getColumn(8).width ?? 0) >= 40, 'the message column is wide');
      // Indicators: export's CSV columns after the file's name, every row of both files.
      assert.deepEqual((indicators.getRow(1).values as unknown[]).slice(1, 5), ['文件', '部门', '类型', '目标编号']);
      const indicatorRows = (f: ReportFile) => exportDocument(f.model).departments.reduce((n, d) => n + d.tables.reduce((k, t) => k + t.rows.length, 0), 0);
      assert.equal(indicators.rowCount, 1 + indicatorRows(files[0]) + indicatorRows(files[1]));
      assert.ok(indicatorRows(files[0]) >= 5);
      const first = (indicators.getRow(2).values as unknown[]).slice(1);
      assert.deepEqual(
        [first[0], first[1], first[2], first[5], first[6], first[7]],
        ['a-<bad>&"file".txt', '测试<局>', '长期', '成本指标', '服务对象满意度指标', '办公经费'],
      );
      assert.equal(indicators.autoFilter, 'A1:Q1');
    });
  });
});
