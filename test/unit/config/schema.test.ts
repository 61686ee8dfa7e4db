/**
 * The review config's JSON schema (schemas/target-table.schema.json): the committed file is what
 * scripts/config-schema.ts generates from the rule registry, package.json contributes it for
 * `.target-table.json`, and it accepts what the config reader accepts and rejects what it reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { SCHEMA_FILE, configSchemaText } from '../../../scripts/config-schema';
import { RULES } from '../../../server/src/core/rules/index';
import { parseConfig } from '../../../server/src/core/config';

const ROOT = path.resolve(__dirname, '../../../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

describe('review config schema', () => {
  it('the committed schema is what scripts/config-schema.ts generates from the rules', () => {
    assert.equal(read(SCHEMA_FILE), configSchemaText(), 'run node scripts/config-schema.mjs');
  });

  it('package.json contributes it for .target-table.json, and the package ships it', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.target-table.json', url: './schemas/target-table.schema.json' }]);
    assert.match(read('.vscodeignore'), /^!schemas\/\*\.json$/m);
  });

  const schema = JSON.parse(read(SCHEMA_FILE)) as { properties: { rules: { properties: Record<string, { description: string }> } } };
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('names every rule, described in both languages', () => {
    assert.deepEqual(
      Object.keys(schema.properties.rules.properties),
      RULES.map((r) => r.code),
    );
    for (const r of RULES) {
      const d = schema.properties.rules.properties[r.code].description;
      assert.ok(d.includes(r.title.zh) && d.includes(r.title.en), d);
    }
  });

  it('accepts a config the reader takes without a problem, and rejects what the reader reports', () => {
    const good = `// 审核
{
  "$schema": "./schemas/target-table.schema.json",
  "rules": { "TT101": "off", "TT403": "error" },
  "framework": "2015",
  "minSatisfaction": 85,
  "ignores": ["草稿/"],
  "suppressions": [{ "rule": "TT101", "file": "a.txt", "section": "测试局", "indicator": "培训场次", "level1": "产出指标", "level2": "数量指标", "goal": "甲", "field": "项目名称", "text": "2", "reason": "按场次" }],
}`;
    assert.deepEqual(parseConfig('/r/.target-table.json', good).problems, []);
    assert.ok(validate(parse(good)), JSON.stringify(validate.errors));
    for (const bad of [
      { colour: 1 },
      { rules: { TT999: 'off' } },
      { rules: { TT101: 'loud' } },
      { framework: '2030' },
      { minSatisfaction: 120 },
      { ignores: '草稿' },
      { suppressions: [{ indicator: '培训场次' }] },
      { suppressions: [{ rule: 'TT101', indicatr: '培训场次' }] },
    ]) {
      assert.ok(parseConfig('/r/.target-table.json', JSON.stringify(bad)).problems.length > 0, JSON.stringify(bad));
      assert.equal(validate(bad), false, JSON.stringify(bad));
    }
  });
});
