/**
 * `check --format sarif` (server/src/cli/sarif.ts): valid SARIF 2.1.0 by the OASIS schema (the
 * copy shipped in @microsoft/jest-sarif, a draft-04 schema, read with ajv-draft-04), and what a
 * code-scanning tool reads from it: the rules with their titles in the CLI's locale, each result's
 * rule, level, message, place (relative URI, 1-based region) and section, the encodings, and the
 * files that could not be read. Run through the bundled dist/cli.js.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { RULES } from '../../../server/src/core/rules/index';
import { TOOL_VERSION } from '../../../server/src/cli/sarif';
import { department } from '../../helpers/fixtures';
import { encodeGb18030 } from '../../helpers/gb18030';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, LC_ALL: '', LANG: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function validator() {
  // unicodeRegExp off: the schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
}

describe('cli/sarif', function () {
  let dir: string;
  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-sarif-'));
    fs.mkdirSync(path.join(dir, '2026 申报'));
    // an error (TT4xx: 社会效益 under 产出), a warning (TT201 ≧), in a folder and a file name with a space and Chinese
    fs.writeFileSync(path.join(dir, '2026 申报', '甲局绩效目标表.txt'), department('武汉市东西湖区甲局').replace('产出指标', '社会效益'));
    fs.writeFileSync(path.join(dir, '2026 申报', '乙局#1绩效目标表.txt'), encodeGb18030(department('武汉市东西湖区乙局').replace('≥2场', '≧2场')));
    fs.writeFileSync(path.join(dir, '信.txt'), '这是一封信。\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the tool version is package.json's", function () {
    assert.equal(TOOL_VERSION, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('validates against the SARIF 2.1.0 schema and says what the text report says', function () {
    const r = cli(['check', '--format', 'sarif', '2026 申报', '信.txt', 'missing.txt'], dir);
    assert.equal(r.code, 3, r.err);
    const log = JSON.parse(r.out) as Sarif.Log;
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // and the schema does catch a broken log
    const broken = JSON.parse(r.out) as Sarif.Log;
    (broken.runs[0].results![0] as { level: string }).level = 'fatal';
    delete (broken.runs[0].tool.driver as { name?: string }).name;
    assert.equal(validate(broken), false);
    assert.equal(log.version, '2.1.0');
    assert.equal(r.err.includes('注意'), false, 'the encoding is in the SARIF, not a note on stderr');
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'target-table');
    assert.equal(driver.version, TOOL_VERSION);
    assert.deepEqual(
      driver.rules!.map((x) => x.id),
      RULES.map((x) => x.code),
    );
    const tt201 = driver.rules!.find((x) => x.id === 'TT201')!;
    assert.equal(tt201.shortDescription!.text, RULES.find((x) => x.code === 'TT201')!.title.zh);
    assert.ok(tt201.helpUri?.startsWith('file://') && tt201.helpUri.endsWith('/docs/rules/TT201.md'), tt201.helpUri);
    assert.ok(driver.informationUri?.endsWith('/docs/rules/'));

    // the same problems as the text report, in the same order
    const text = cli(['check', '2026 申报'], dir).out.trim().split('\n').slice(0, -1);
    const results = run.results!;
    assert.equal(results.length, text.length);
    assert.ok(results.some((x) => x.level === 'error') && results.some((x) => x.level === 'warning'));
    results.forEach((res, i) => {
      const m = /^(.+):(\d+):(\d+): (\w+) (TT\d+) (.*) — (.*)$/.exec(text[i])!;
      const loc = res.locations![0].physicalLocation!;
      assert.equal(decodeURIComponent(loc.artifactLocation!.uri!), m[1]);
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.equal(loc.region!.startLine, Number(m[2]));
      assert.equal(loc.region!.startColumn, Number(m[3]));
      assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[m[4]]);
      assert.equal(res.ruleId, m[5]);
      assert.equal(driver.rules![res.ruleIndex!].id, res.ruleId);
      assert.equal(res.message.text, m[6]);
      assert.equal(res.properties!.section, m[7]);
      assert.equal(run.artifacts![loc.artifactLocation!.index!].location!.uri, loc.artifactLocation!.uri);
    });
    assert.ok(results[0].locations![0].physicalLocation!.artifactLocation!.uri!.startsWith('2026%20%E7%94%B3%E6%8A%A5/'), 'percent-encoded');
    assert.ok(
      results.some((x) => x.locations![0].physicalLocation!.artifactLocation!.uri!.includes('%231')),
      '# is escaped',
    );
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, new URL(`file://${dir}/`).href);
    assert.equal(run.columnKind, 'utf16CodeUnits');

    // encodings, and the files that were not checked
    const gbk = run.artifacts!.find((a) => decodeURIComponent(a.location!.uri!).includes('乙局'))!;
    assert.equal(gbk.encoding, 'GB18030');
    assert.equal(run.artifacts!.find((a) => decodeURIComponent(a.location!.uri!).includes('甲局'))!.encoding, 'UTF-8');
    const inv = run.invocations![0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.exitCode, 3);
    const notes = inv.toolExecutionNotifications!.map((x) => `${x.level} ${x.message.text}`);
    assert.equal(notes.length, 2);
    assert.match(notes[0], /^warning 文件中没有绩效目标表 no target table found in 信\.txt$/);
    assert.match(notes[1], /^error 文件不存在 file not found: missing\.txt$/);
  });

  it('speaks English with an English locale, and is valid with no problem at all', function () {
    fs.writeFileSync(path.join(dir, 'clean绩效目标表.txt'), department());
    const r = cli(['check', '--format=sarif', 'clean绩效目标表.txt'], dir, { LANG: 'en_US.UTF-8' });
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(r.out) as Sarif.Log;
    assert.ok(validator()(log));
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].invocations![0].executionSuccessful, true);
    assert.equal(log.runs[0].tool.driver.rules!.find((x) => x.id === 'TT201')!.shortDescription!.text, RULES.find((x) => x.code === 'TT201')!.title.en);
  });
});
