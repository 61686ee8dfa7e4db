/**
 * `target-table report`, run as a user runs it: the bundled dist/cli.js in a child process. The HTML
 * page is opened in a headless Chromium when the machine has one (scripts/e2e-setup.sh installs
 * /usr/bin/chromium; E2E_CHROMIUM names another): it must load with nothing fetched and show the
 * ranking and the rows. `REPORT_SCREENSHOT=1` saves the README's screenshots (images/report-*.png).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES, SAMPLE_PATH, department } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const cli = (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', ...env } });
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** Run in the page: the drawn rows whose widths (colspans, with cells reaching down by rowspan) differ from their table's first row. */
const RAGGED_ROWS = `[...document.querySelectorAll('table.row')].filter((t) => {
  const rows = [...t.querySelectorAll('tr')];
  const widths = rows.map(() => 0);
  rows.forEach((tr, r) => tr.querySelectorAll('td').forEach((td) => {
    for (let k = 0; k < td.rowSpan && r + k < rows.length; k++) widths[r + k] += td.colSpan;
  }));
  return widths.some((w) => w !== widths[0]);
}).map((t) => t.outerHTML)`;

describe('target-table report', () => {
  let tmp: string;
  let clean: string;
  let flawed: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-report-'));
    clean = path.join(tmp, '干净的绩效目标表.txt');
    flawed = path.join(tmp, '有问题的绩效目标表.txt');
    fs.writeFileSync(clean, department('武汉市东西湖区测试局'));
    fs.writeFileSync(flawed, department('武汉市东西湖区另一局').replace('\t≥2场', '\t≥2').replace('\t经济成本指标', '\t服务对象满意度指标'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the HTML page (format from the name), prints what it wrote, exits 1 for an error-level problem', () => {
    const out = path.join(tmp, '审核报告.html');
    const r = cli(tmp, {}, 'report', clean, flawed, '-o', out);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `已写入 ${out}：2 个文件，1 个错误，1 个警告，0 个信息\n`);
    const page = fs.readFileSync(out, 'utf8');
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    // Ranked: the flawed file first although it was named second.
    assert.ok(page.indexOf(`>${flawed}</a>`) < page.indexOf(`>${clean}</a>`));
    assert.ok(page.includes('TT402') && page.includes('TT101'));
    assert.deepEqual(
      fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  it('--format xlsx writes a workbook exceljs reads back; English with LANG=en', async () => {
    const out = path.join(tmp, 'book.data');
    const r = cli(tmp, { LANG: 'en_US.UTF-8' }, 'report', flawed, '--format', 'xlsx', '-o', out);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '', 'no warning from the bundled exceljs on stderr');
    assert.equal(r.stdout, `wrote ${out}: 1 file, 1 error, 1 warning, 0 info\n`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['Problems', 'Indicators'],
    );
    assert.equal(book.worksheets[0].rowCount, 3);
    assert.equal(book.worksheets[1].getRow(2).getCell(2).value, '武汉市东西湖区另一局');
  });

  it('csv: BOM, CRLF; an existing report is replaced whole; exit 0 for a clean file', () => {
    const out = path.join(tmp, 'problems.csv');
    fs.writeFileSync(out, 'old content that is longer than the new one '.repeat(100));
    const r = cli(tmp, {}, 'report', clean, '-o', out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), '\ufeff文件,部门/项目,行,列,级别,代码,规则,问题,一级指标,二级指标,三级指标\r\n');
  });

  it('exit codes as check’s: usage 2, unreadable 3 (the others still reported), no table 4', () => {
    assert.equal(cli(tmp, {}, 'report', clean).status, 2, '-o is required');
    const pdf = cli(tmp, {}, 'report', clean, '-o', 'r.pdf');
    assert.equal(pdf.status, 2);
    assert.match(pdf.stderr, /--format html\|xlsx\|csv/);
    assert.equal(cli(tmp, {}, 'report', clean, '-o', 'r.html', '--format', 'pdf').status, 2);
    const missing = cli(tmp, {}, 'report', clean, path.join(tmp, 'missing.txt'), '-o', 'r.html');
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /文件不存在 file not found: .*missing\.txt/);
    assert.ok(fs.readFileSync(path.join(tmp, 'r.html'), 'utf8').includes('干净的绩效目标表.txt'));
    const notTable = path.join(tmp, 'notes.txt');
    fs.writeFileSync(notTable, '这不是表格。\n');
    assert.equal(cli(tmp, {}, 'report', notTable, '-o', 'r.csv').status, 4);
    const unwritable = cli(tmp, {}, 'report', clean, '-o', path.join(tmp, 'no-such-dir', 'r.html'));
    assert.equal(unwritable.status, 3);
    assert.match(unwritable.stderr, /无法写入 cannot write/);
  });

  it('the HTML page opens in a headless browser with nothing fetched; ranking, rows and marks are shown', async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    this.timeout(60000);
    const templates = ['01-huangshi-dangxiao-zhutiban.txt', '05-xiangtan-wupaoche-2024.txt', '13-qingshen-fagai-gongzi-ziping.txt'].map((f) =>
      path.join(FIXTURES, 'templates', f),
    );
    const out = path.join(tmp, 'browser.html');
    const r = cli(
      path.dirname(SAMPLE_PATH),
      {},
      'report',
      path.basename(SAMPLE_PATH),
      ...templates.map((t) => path.relative(path.dirname(SAMPLE_PATH), t)),
      clean,
      '-o',
      out,
    );
    assert.equal(r.status, 1, r.stderr);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
      const fetched: string[] = [];
      page.on('request', (q) => {
        if (!q.url().startsWith('file:')) fetched.push(q.url());
      });
      await page.goto(`file://${out}`);
      assert.deepEqual(fetched, []);
      const ranking = await page.$$eval('table.summary tbody tr', (rows) => rows.map((tr) => tr.querySelectorAll('td')[1].textContent));
      assert.equal(ranking.length, 5);
      assert.equal(ranking[0], 'dongxihu-overall-targets.txt');
      assert.equal(ranking[4], clean);
      const marked = await page.$$eval('table.row td.hit-error, table.row td.hit-warning, table.row td.hit-information', (tds) => tds.length);
      assert.ok(marked > 100, `${marked} marked cells`);
      // Every drawn row is as wide as its header: the merged cells reach in.
      const ragged = (await page.evaluate(RAGGED_ROWS)) as string[];
      assert.deepEqual(ragged, []);
      if (process.env.REPORT_SCREENSHOT) {
        await page.screenshot({ path: path.join(ROOT, 'images/report-summary.png') });
        await page.evaluate("document.querySelector('.file h3').scrollIntoView()");
        await page.screenshot({ path: path.join(ROOT, 'images/report-problems.png') });
      }
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10000, 'it prints');
    } finally {
      await browser.close();
    }
  });
});
