/**
 * `target-table export`, run as a user runs it: the bundled dist/cli.js in a child process
 * (npm test builds it before mocha runs).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_PATH, department } from '../../helpers/fixtures';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('target-table export', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-export-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the sample as JSON in the documented shape', () => {
    const r = cli('export', SAMPLE_PATH);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.departments.length, 36);
    const d = doc.departments[0];
    assert.equal(d.name, '武汉市东西湖区行政审批局');
    assert.equal(d.line, 1);
    assert.deepEqual(Object.keys(d.goals[0]).slice(0, 4), ['kind', 'number', 'text', 'line']);
    assert.deepEqual(d.goals[0], { kind: 'long', number: 1, text: '行政审批。优化营商环境，推进行政审批服务提质增效，助力全区经济高质量发展。', line: 12 });
    const annual = d.tables.find((t: { kind: string; number: number }) => t.kind === 'annual' && t.number === 1);
    const row = annual.rows.find((x: { level3: string }) => x.level3 === '惠企便民事项');
    assert.deepEqual(row.target, { raw: '≥3项', comparator: '≥', number: 3, unit: '项', qualifier: null, shape: 'number', range: null });
    assert.deepEqual(row.previous, { raw: '2项', comparator: null, number: 2, unit: '项', qualifier: null, shape: 'number', range: null });
    const long = d.tables.find((t: { kind: string }) => t.kind === 'long');
    assert.equal(long.rows[0].previous, null);
    assert.equal(long.rows[0].last, null);
    const rows = doc.departments.flatMap((x: { tables: { rows: unknown[] }[] }) => x.tables.flatMap((t) => t.rows));
    assert.equal(rows.length, 1469 + 1575);
  });

  it('normalises non-standard comparators in the JSON', () => {
    const file = path.join(tmp, 'one.txt');
    fs.writeFileSync(file, department().replace('≥2场', '≧2场'));
    const doc = JSON.parse(cli('export', file).stdout);
    const row = doc.departments[0].tables[0].rows[1];
    assert.equal(row.target.raw, '≧2场');
    assert.equal(row.target.comparator, '≥');
  });

  it('prints CSV with a BOM, the Chinese header and one line per indicator', () => {
    const r = cli('export', SAMPLE_PATH, '--format', 'csv');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(
      r.stdout.startsWith('\ufeff部门,类型,目标编号,目标,一级指标,二级指标,三级指标,前年,上年,指标值,指标值确定依据,行号,模板,实际完成值,分值,得分\r\n'),
    );
    const lines = r.stdout.trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 1469 + 1575);
    assert.ok(
      lines.includes(
        '武汉市东西湖区行政审批局,年度,1,深入推进“高效办成一件事”改革，不断提升行政服务水平和服务效能，用心用情用力为民办实事，推动行政审批服务高质量发展，不断优化营商环境。,产出指标,数量指标,惠企便民事项,2项,2项,≥3项,计划数据,' +
          (lineOf('惠企便民事项') - 3) +
          ',部门整体支出,,,',
      ),
    );
    // (a row's line is where the row starts: its empty label cell, three lines above the 三级 name)
  });

  it('CSV of a self-evaluation table: the family, 实际完成值, 分值 and 得分 columns', () => {
    const file = path.join(tmp, 'self-evaluation.txt');
    fs.writeFileSync(
      file,
      '测试县项目支出绩效自评表\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t实际完成值\n\t分值\n\t得分\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥100人次\n\t96人次\n\t20\n\t18\n',
    );
    const lines = cli('export', file, '--format', 'csv').stdout.trimEnd().split('\r\n');
    assert.deepEqual(lines.slice(1), ['测试县,年度,,,产出指标,数量指标,培训人次,,,≥100人次,,11,项目支出自评,96人次,20,18']);
  });

  it('quotes CSV fields that hold commas or quotes', () => {
    const file = path.join(tmp, 'quote.txt');
    fs.writeFileSync(file, department().replace('培训场次\n\t≥2场', '培训场次,"重点"\n\t≥2场'));
    const out = cli('export', file, '--format=csv').stdout;
    assert.match(out, /,"培训场次,""重点""",/);
  });

  for (const [what, make, message] of [
    ['a missing file', () => path.join(tmp, 'nope.txt'), /文件不存在 file not found/],
    ['a directory', () => tmp, /是目录.*is a directory/],
    ['binary data', () => writeFile('bin.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0])), /二进制.*binary/],
    ['a file with no table', () => writeFile('none.txt', '这是一封信。\n没有表格。\n'), /没有绩效目标表 no target table/],
  ] as const) {
    it(`reports ${what} in one line on stderr with a non-zero exit`, () => {
      const r = cli('export', make());
      assert.notEqual(r.status, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('rejects an unknown format', () => {
    const r = cli('export', SAMPLE_PATH, '--format', 'xml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /json 或 csv/);
  });

  function writeFile(name: string, data: string | Buffer): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, data);
    return file;
  }
});

function lineOf(text: string): number {
  return (
    fs
      .readFileSync(SAMPLE_PATH, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}
