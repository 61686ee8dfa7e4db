/**
 * Issue 13 end to end: a reviewer's folder of 40 submissions, checked by the built CLI as a reviewer
 * runs it. The sample's 36 departments split one per file (every fifth saved as GB18030, every
 * seventh as UTF-16LE with a BOM, as Windows tools save them), three other templates' documents, and
 * a draft the review config ignores by glob; the config (JSON with comments) suppresses one problem
 * and holds one suppression that matches nothing. What each file must yield is what the core finds
 * in its UTF-8 text, minus the suppressed problem: the folder walk, the decoding, the workers and the
 * config lookup must change nothing else. The same folder goes through `report` (HTML in a headless
 * browser, .xlsx read back) and `--format sarif` (validated against the SARIF 2.1.0 schema).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import type * as Sarif from 'sarif';
import { checkText } from '../../../server/src/cli/check';
import { applySuppressions, parseConfig, suppressionForProblem } from '../../../server/src/core/config';
import { parseDocument } from '../../../server/src/core/parse/document';
import { FIXTURES, sampleText } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const TEMPLATES = ['01-huangshi-dangxiao-zhutiban.txt', '05-xiangtan-wupaoche-2024.txt', '13-qingshen-fagai-gongzi-ziping.txt'];

interface Item {
  file: string;
  line: number;
  column: number;
  code: string;
  encoding?: string;
  suppressed?: true;
}

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, LC_ALL: '', LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const key = (i: { line: number; column: number; code: string }) => `${i.line}:${i.column} ${i.code}`;

describe('a folder of 40 submissions (issue 13 end to end)', function () {
  this.timeout(180000);
  let dir: string;
  /** File (as the CLI names it, relative to the folder) → the problems it must list, and its encoding. */
  const expected = new Map<string, { problems: string[]; encoding: string }>();
  let suppressedFile = '';
  let suppressedKeys: string[] = [];

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-review-'));
    const sample = sampleText();
    const lines = sample.split('\n');
    const sections = parseDocument(sample).sections;
    assert.equal(sections.length, 36);
    const texts: { rel: string; text: string; encoding: string }[] = [];
    sections.forEach((s, i) => {
      const end = i + 1 < sections.length ? sections[i + 1].startLine : lines.length;
      const text = lines.slice(s.startLine, end).join('\n') + (end < lines.length ? '\n' : '');
      const encoding = i % 5 === 1 ? 'GB18030' : i % 7 === 2 ? 'UTF-16LE' : 'UTF-8';
      texts.push({ rel: `2026申报/部门${String(i + 1).padStart(2, '0')}-绩效目标表.txt`, text, encoding });
    });
    for (const t of TEMPLATES)
      texts.push({ rel: `其他模板/${t.replace(/\.txt$/, '.ttable')}`, text: fs.readFileSync(path.join(FIXTURES, 'templates', t), 'utf8'), encoding: 'UTF-8' });
    for (const t of texts) {
      fs.mkdirSync(path.join(dir, path.dirname(t.rel)), { recursive: true });
      const bytes =
        t.encoding === 'GB18030'
          ? iconv.encode(t.text, 'gb18030')
          : t.encoding === 'UTF-16LE'
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t.text, 'utf16le')])
            : Buffer.from(t.text, 'utf8');
      fs.writeFileSync(path.join(dir, t.rel), bytes);
    }
    // The 40th: a draft the config's ignores leave out.
    fs.mkdirSync(path.join(dir, '草稿'));
    fs.writeFileSync(path.join(dir, '草稿', '未完成-绩效目标表.txt'), texts[0].text.replace('≥', '≧'));
    assert.equal(texts.length + 1, 40);

    // The suppression a reviewer's code action writes for the first problem of the fourth file.
    const fourth = texts[3];
    const first = checkText(fourth.text, false).problems[0];
    const relRange = {
      start: { line: first.range.start.line - first.section.startLine, character: first.range.start.character },
      end: { line: first.range.end.line - first.section.startLine, character: first.range.end.character },
    };
    const entry = suppressionForProblem(first.section.body, relRange, first.code, fourth.rel, '已核实：单位在说明中');
    const configText = `// 2026 年审核配置
{
  "ignores": ["草稿/**"],
  "suppressions": [
    ${JSON.stringify(entry)},
    // an indicator no file has any more: --report-unused-suppressions lists it
    { "rule": "TT101", "indicator": "已删除的指标" },
  ],
}
`;
    fs.writeFileSync(path.join(dir, '.target-table.json'), configText);
    const config = parseConfig(path.join(dir, '.target-table.json'), configText);
    assert.deepEqual(config.problems, []);
    for (const t of texts) {
      const all = checkText(t.text, false).problems;
      const r = applySuppressions(config, path.join(dir, t.rel), all);
      const toKey = (p: (typeof all)[number]) => key({ line: p.range.start.line + 1, column: p.range.start.character + 1, code: p.code });
      expected.set(t.rel, { problems: r.shown.map(toKey), encoding: t.encoding });
      if (r.suppressed.length > 0) {
        suppressedFile = t.rel;
        suppressedKeys = r.suppressed.map(toKey);
      }
    }
    assert.equal(suppressedFile, fourth.rel, 'the suppression takes a problem of the file it names only');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check finds exactly the expected problems in each file, leaves the draft out, counts the suppressed apart and names the encodings', function () {
    const r = cli(['check', '.', '--format', 'json', '--include-suppressed', '--report-unused-suppressions'], dir);
    assert.equal(r.code, 1, r.err);
    const items = JSON.parse(r.out) as Item[];
    const byFile = new Map<string, Item[]>();
    for (const i of items) byFile.set(i.file.split(path.sep).join('/'), [...(byFile.get(i.file.split(path.sep).join('/')) ?? []), i]);
    const unused = items.filter((i) => i.code === 'unused-suppression');
    assert.equal(unused.length, 1);
    assert.equal(unused[0].file, '.target-table.json');
    assert.equal(unused[0].line, 7);
    for (const [file, want] of expected) {
      const got = (byFile.get(file) ?? []).filter((i) => !i.suppressed);
      assert.deepEqual(got.map(key), want.problems, file);
      for (const i of got) assert.equal(i.encoding, want.encoding === 'UTF-8' ? undefined : want.encoding, `${file}: encoding`);
    }
    assert.deepEqual(
      byFile
        .get(suppressedFile)!
        .filter((i) => i.suppressed)
        .map(key),
      suppressedKeys,
    );
    assert.ok(![...byFile.keys()].some((f) => f.startsWith('草稿')), 'the ignored draft is not checked');
    assert.equal([...byFile.keys()].filter((f) => f !== '.target-table.json').length, [...expected.values()].filter((e) => e.problems.length > 0).length);
    // The text report: the same counts, the suppressed apart, the non-UTF-8 files named on stderr.
    const text = cli(['check', '.'], dir);
    const shown = [...expected.values()].reduce((n, e) => n + e.problems.length, 0);
    assert.equal(text.out.trim().split('\n').length - 1, shown);
    assert.match(text.out, new RegExp(`39 个文件.*，${suppressedKeys.length} 个已忽略`));
    assert.equal((text.err.match(/按 GB18030 编码读取/g) ?? []).length, [...expected.values()].filter((e) => e.encoding === 'GB18030').length);
  });

  it('gives the same report with one worker and with two', function () {
    const one = cli(['check', '.', '--format', 'json', '--workers', '1'], dir);
    const two = cli(['check', '.', '--format', 'json', '--workers', '2'], dir);
    assert.equal(one.out, two.out);
    assert.ok(one.out.length > 1000);
  });

  it('--format sarif validates against the SARIF 2.1.0 schema and holds the same results', function () {
    const r = cli(['check', '.', '--format', 'sarif'], dir);
    const log = JSON.parse(r.out) as Sarif.Log;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const shown = [...expected.values()].reduce((n, e) => n + e.problems.length, 0);
    assert.equal(log.runs[0].results!.length, shown);
  });

  it('report writes an HTML page a headless browser opens and an .xlsx that exceljs reads back', async function () {
    const html = path.join(dir, '审核报告.html');
    const xlsx = path.join(dir, '审核报告.xlsx');
    assert.equal(cli(['report', '.', '-o', html], dir).code, 1);
    assert.equal(cli(['report', '.', '-o', xlsx], dir).code, 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const problems = book.worksheets[0];
    const shown = [...expected.values()].reduce((n, e) => n + e.problems.length, 0);
    assert.equal(problems.rowCount - 1, shown);
    assert.ok(
      problems.getColumn(1).values.some((v) => typeof v === 'string' && v.includes('部门02-绩效目标表.txt')),
      'a GB18030 file is in the workbook',
    );
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on('request', (q) => {
        if (!q.url().startsWith('file:')) fetched.push(q.url());
      });
      await page.goto(`file://${html}`);
      assert.deepEqual(fetched, []);
      const ranked = await page.$$eval('table.summary tbody tr', (rows) => rows.length);
      assert.equal(ranked, 39);
      assert.ok(!(await page.content()).includes('未完成-绩效目标表'), 'the ignored draft is not in the report');
    } finally {
      await browser.close();
    }
  });
});
