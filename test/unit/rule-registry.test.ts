/**
 * The rule list is written in five places: the registry (server/src/core/rules/index.ts), the settings
 * schema in package.json (one enum per rule, and the object's default), both package.nls*.json files
 * (each rule's setting description) and the README's rule table. They must name the same rules with the
 * same default severities, or a user sees a setting for a rule that does not exist, or none for one that does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8')) as Record<string, unknown>;

interface SeveritySchema {
  properties: Record<string, { enum: string[]; default: string; description: string }>;
  default: Record<string, string>;
  additionalProperties: boolean;
}

function severitySchema(): SeveritySchema {
  const pkg = readJson('package.json') as { contributes: { configuration: { properties: Record<string, unknown> } } };
  return pkg.contributes.configuration.properties['targetTable.severity'] as SeveritySchema;
}

/** code → default severity, from the README's table between `<!-- rules -->` and the next heading. */
function readmeRules(): Map<string, { name: string; severity: string }> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- rules -->');
  assert.ok(start >= 0, 'README has no <!-- rules --> marker');
  const table = readme.slice(start, readme.indexOf('\n## ', start));
  const out = new Map<string, { name: string; severity: string }>();
  for (const line of table.split('\n')) {
    const m = /^\| <a id="(tt\d+)"><\/a>(TT\d+) \| ([a-z0-9-]+) \| (\w+) \|/.exec(line);
    if (!m) continue;
    assert.equal(m[1], m[2].toLowerCase(), `README anchor of ${m[2]}`);
    out.set(m[2], { name: m[3], severity: m[4] });
  }
  return out;
}

describe('the rule list agrees everywhere it is written', () => {
  const codes = RULES.map((r) => r.code);

  it('the registry has unique codes in code order', () => {
    assert.deepEqual(codes, [...new Set(codes)].sort());
  });

  it('package.json: one severity setting per rule, with the rule’s default', () => {
    const schema = severitySchema();
    assert.deepEqual(Object.keys(schema.properties), codes);
    assert.equal(schema.additionalProperties, false);
    for (const r of RULES) {
      const p = schema.properties[r.code];
      assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error'], r.code);
      assert.equal(p.default, r.defaultSeverity, `${r.code} default`);
      assert.equal(p.description, `%config.severity.${r.code}%`, `${r.code} description key`);
    }
    assert.deepEqual(schema.default, Object.fromEntries(RULES.map((r) => [r.code, r.defaultSeverity])));
  });

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file}: a description for every rule's setting, and none for a rule that does not exist`, () => {
      const nls = readJson(file);
      const described = Object.keys(nls)
        .filter((k) => k.startsWith('config.severity.'))
        .map((k) => k.slice('config.severity.'.length))
        .filter((k) => /^TT\d+$/.test(k));
      assert.deepEqual(described.sort(), [...codes].sort());
      for (const c of codes) assert.ok(String(nls[`config.severity.${c}`]).startsWith(c), `${file}: ${c}'s text names its code`);
    });
  }

  it('README: one row per rule, with its name and default severity', () => {
    const rows = readmeRules();
    assert.deepEqual([...rows.keys()], codes);
    for (const r of RULES) assert.deepEqual(rows.get(r.code), { name: r.name, severity: r.defaultSeverity }, r.code);
  });
});
