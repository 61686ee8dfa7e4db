/**
 * The rule list is written in several places: the registry (server/src/core/rules/index.ts), the
 * settings of package.json (one entry per rule, `targetTable.rules.TTxxx`, and the deprecated
 * `targetTable.severity` object) with their texts in both package.nls*.json files, generated from the
 * registry by scripts/rule-settings.ts, and the README's rule table. They must name the same rules
 * with the same default severities, or a user sees a setting for a rule that does not exist, or none
 * for one that does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { RULE_ORDER_BASE, SEVERITY_CHOICES, withRuleSettings, withRuleTexts } from '../../scripts/rule-settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readText = (name: string): string => fs.readFileSync(path.join(ROOT, name), 'utf8');
const readJson = (name: string): Record<string, unknown> => JSON.parse(readText(name)) as Record<string, unknown>;

interface Setting {
  type: string;
  enum: string[];
  enumDescriptions?: string[];
  default: unknown;
  order?: number;
  markdownDescription?: string;
  markdownDeprecationMessage?: string;
  properties?: Record<string, { enum: string[]; markdownDescription: string }>;
  additionalProperties?: boolean;
}

function settings(): Record<string, Setting> {
  const pkg = readJson('package.json') as { contributes: { configuration: { properties: Record<string, Setting> } } };
  return pkg.contributes.configuration.properties;
}

/** code → default severity, from the README's table between `<!-- rules -->` and the next heading. */
function readmeRules(): Map<string, { name: string; severity: string }> {
  const readme = readText('README.md');
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

  it('the committed package.json and package.nls*.json are what scripts/rule-settings.ts generates', () => {
    const hint = 'run node scripts/rule-settings.mjs';
    assert.equal(withRuleSettings(readText('package.json')), readText('package.json'), hint);
    assert.equal(withRuleTexts(readText('package.nls.json'), 'en'), readText('package.nls.json'), hint);
    assert.equal(withRuleTexts(readText('package.nls.zh-cn.json'), 'zh-cn'), readText('package.nls.zh-cn.json'), hint);
  });

  it('package.json: one described setting per rule, with the rule’s default, listed by code', () => {
    const all = settings();
    const ruleKeys = Object.keys(all).filter((k) => k.startsWith('targetTable.rules.'));
    assert.deepEqual(
      ruleKeys,
      codes.map((c) => `targetTable.rules.${c}`),
    );
    RULES.forEach((r, i) => {
      const p = all[`targetTable.rules.${r.code}`];
      assert.equal(p.type, 'string');
      assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error'], r.code);
      assert.deepEqual(
        p.enumDescriptions,
        SEVERITY_CHOICES.map((s) => `%config.rules.severity.${s}%`),
      );
      assert.equal(p.default, r.defaultSeverity, `${r.code} default`);
      assert.equal(p.order, RULE_ORDER_BASE + i, `${r.code} order`);
      assert.equal(p.markdownDescription, `%config.rules.${r.code}%`);
    });
  });

  it('package.json: the deprecated targetTable.severity object still names every rule and points to the new settings', () => {
    const p = settings()['targetTable.severity'];
    assert.equal(p.type, 'object');
    assert.equal(p.markdownDeprecationMessage, '%config.severity.deprecated%');
    assert.deepEqual(Object.keys(p.properties!), codes);
    assert.equal(p.additionalProperties, false);
    assert.deepEqual(p.default, {}, 'no default: a rule not listed keeps its own');
  });

  for (const [file, lang] of [
    ['package.nls.json', 'en'],
    ['package.nls.zh-cn.json', 'zh-cn'],
  ] as const) {
    it(`${file}: each rule's setting says what its code means, by its name; no text for a rule that does not exist`, () => {
      const nls = readJson(file) as Record<string, string>;
      const described = Object.keys(nls)
        .filter((k) => /^config\.rules\.TT\d+$/.test(k))
        .map((k) => k.slice('config.rules.'.length));
      assert.deepEqual(described, codes);
      assert.deepEqual(
        Object.keys(nls).filter((k) => /^config\.severity\.TT/.test(k)),
        [],
        'the old per-code keys are gone',
      );
      for (const r of RULES) {
        const t = nls[`config.rules.${r.code}`];
        const name = lang === 'en' ? `**${r.code} ${r.title.en}** (${r.title.zh}): ` : `**${r.code} ${r.title.zh}**：`;
        assert.ok(t.startsWith(name), `${file}: ${r.code}: ${t}`);
      }
      assert.match(nls['config.rules.TT503'], /≥\\\*\\\*个/, 'Markdown in a description is literal');
      for (const s of SEVERITY_CHOICES) assert.ok(nls[`config.rules.severity.${s}`], `${file}: ${s}`);
      assert.match(nls['config.severity.deprecated'], /targetTable\.rules/);
    });
  }

  it('README: one row per rule, with its name and default severity', () => {
    const rows = readmeRules();
    assert.deepEqual([...rows.keys()], codes);
    for (const r of RULES) assert.deepEqual(rows.get(r.code), { name: r.name, severity: r.defaultSeverity }, r.code);
  });
});
