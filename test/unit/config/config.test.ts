/**
 * The review config (server/src/core/config): reading it (comments, trailing commas, mistakes reported
 * at their place while the rest applies), finding the nearest one, its ignores and its overlay on the
 * settings. Files are given by an injected reader, as the server gives the editor's unsaved text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAME,
  addSuppressionEdits,
  findConfigFile,
  ignoredPredicate,
  isIgnored,
  loadConfig,
  newConfigText,
  parseConfig,
  settingsFor,
  type ConfigReader,
} from '../../../server/src/core/config';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import { checkText } from '../../../server/src/cli/check';
import { department } from '../../helpers/fixtures';

const ROOT = path.resolve('/review');
const at = (...parts: string[]) => path.join(ROOT, ...parts);

function reader(files: Record<string, string>): ConfigReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(p) {
      reads.push(p);
      return files[p];
    },
  };
}

describe('review config: reading', () => {
  it('reads JSON with comments and trailing commas: rules, framework, minSatisfaction, ignores, suppressions', () => {
    const text = `// 2026 年审核
{
  /* 规则 */
  "rules": { "TT101": "off", "tt403": "error", },
  "framework": "2015",
  "minSatisfaction": 85,
  "ignores": ["草稿/", "**/*.bak.txt",],
  "suppressions": [
    { "rule": "TT101", "file": "教育局.txt", "indicator": "培训场次", "reason": "按次计" },
  ],
}`;
    const c = parseConfig(at(CONFIG_FILE_NAME), text);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.rules, { TT101: 'off', TT403: 'error' });
    assert.equal(c.framework, '2015');
    assert.equal(c.minSatisfaction, 85);
    assert.deepEqual(c.ignores, ['草稿/', '**/*.bak.txt']);
    assert.equal(c.suppressions.length, 1);
    const s = c.suppressions[0];
    assert.deepEqual(
      { rule: s.rule, file: s.file, indicator: s.indicator, reason: s.reason, index: s.index },
      {
        rule: 'TT101',
        file: '教育局.txt',
        indicator: '培训场次',
        reason: '按次计',
        index: 0,
      },
    );
    assert.equal(s.range.start.line, 8, 'the entry is on the 9th line');
  });

  it('broken JSON is an error at its place, and the entries before and after it still apply', () => {
    const text = '{\n  "framework": "2015",\n  "minSatisfaction": ,\n  "rules": { "TT101": "off" }\n}\n';
    const c = parseConfig(at(CONFIG_FILE_NAME), text);
    assert.equal(c.framework, '2015');
    assert.deepEqual(c.rules, { TT101: 'off' });
    const errors = c.problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].range.start.line, 2);
    assert.match(errors[0].message.zh, /JSON 有误/);
    assert.match(errors[0].message.en, /value expected/);
  });

  it('a wrong type, an unknown key, an unknown rule and a wrong severity are warnings at their place; the rest applies', () => {
    const text = [
      '{',
      '  "framework": 2030,',
      '  "colour": "red",',
      '  "rules": { "TT999": "off", "TT102": "loud", "TT103": "hint" },',
      '  "ignores": "草稿",',
      '  "minSatisfaction": 90',
      '}',
    ].join('\n');
    const c = parseConfig(at(CONFIG_FILE_NAME), text);
    assert.equal(c.framework, undefined);
    assert.equal(c.minSatisfaction, 90);
    assert.deepEqual(c.rules, { TT103: 'hint' });
    assert.deepEqual(c.ignores, []);
    const lines = c.problems.map((p) => [p.severity, p.range.start.line, p.message.en]);
    assert.deepEqual(
      lines.map(([s, l]) => `${s}@${l}`),
      ['warning@1', 'warning@2', 'warning@3', 'warning@3', 'warning@4'],
    );
    assert.match(String(lines[1][2]), /Unknown key "colour"/);
    assert.match(String(lines[2][2]), /no rule "TT999"/);
    assert.match(String(lines[3][2]), /severity of TT102/);
    assert.ok(c.problems.every((p) => p.message.zh !== '' && p.message.en !== ''));
  });

  it('a suppression with a mistake is dropped whole (applied without it, it would silence more); the others apply', () => {
    const text = JSON.stringify({
      suppressions: [
        { rule: 'TT101', indicatr: '培训场次' },
        { rule: 'TT101', indicator: 3 },
        { indicator: '培训场次' },
        { rule: 'TT000' },
        'TT101',
        { rule: 'TT102', section: '测试局' },
      ],
    });
    const c = parseConfig(at(CONFIG_FILE_NAME), text);
    assert.deepEqual(
      c.suppressions.map((s) => [s.rule, s.section, s.index]),
      [['TT102', '测试局', 5]],
    );
    assert.equal(c.problems.length, 5);
    assert.ok(c.problems.every((p) => /not applied/.test(p.message.en) && /未生效/.test(p.message.zh)));
  });

  it('never throws: not an object, empty, a BOM, unreadable', () => {
    for (const text of ['[1, 2]', '', '\uFEFF{"framework": "2015"}', '{"rules": ', 'null', '{{{{']) {
      const c = parseConfig(at(CONFIG_FILE_NAME), text);
      assert.ok(Array.isArray(c.problems));
    }
    assert.equal(parseConfig(at(CONFIG_FILE_NAME), '\uFEFF{"framework": "2015"}').framework, '2015');
    assert.deepEqual(parseConfig(at(CONFIG_FILE_NAME), '').problems, []);
    assert.equal(parseConfig(at(CONFIG_FILE_NAME), '[1]').problems.length, 1);
    const missing = loadConfig(at('nowhere', CONFIG_FILE_NAME), reader({}));
    assert.equal(missing.problems.length, 1);
    assert.equal(missing.problems[0].severity, 'error');
  });

  it('takes "auto" as a framework, as the setting does', () => {
    const c = parseConfig(at(CONFIG_FILE_NAME), '{"framework": "auto"}');
    assert.equal(c.framework, 'auto');
    assert.deepEqual(c.problems, []);
  });

  it('the key changes with the text, so what was checked with the old text is checked again', () => {
    const a = parseConfig(at(CONFIG_FILE_NAME), '{"framework": "2015"}');
    const b = parseConfig(at(CONFIG_FILE_NAME), '{"framework": "2021"}');
    assert.notEqual(a.key, b.key);
    assert.equal(a.key, parseConfig(at(CONFIG_FILE_NAME), '{"framework": "2015"}').key);
  });
});

describe('review config: finding', () => {
  it('the nearest config at or above the file wins; none gives null', () => {
    const files = { [at(CONFIG_FILE_NAME)]: '{}', [at('2026', '区直', CONFIG_FILE_NAME)]: '{}' };
    assert.equal(findConfigFile(at('2026', '区直', '教育局.txt'), reader(files)), at('2026', '区直', CONFIG_FILE_NAME));
    assert.equal(findConfigFile(at('2026', '区直', '深', '教育局.txt'), reader(files)), at('2026', '区直', CONFIG_FILE_NAME));
    assert.equal(findConfigFile(at('2026', '街道', '吴家山.txt'), reader(files)), at(CONFIG_FILE_NAME));
    assert.equal(findConfigFile(path.resolve('/elsewhere/a.txt'), reader(files)), null);
  });

  it('uses the reader it is given (the editor gives unsaved text first)', () => {
    const r = reader({ [at('a', CONFIG_FILE_NAME)]: '{"framework": "2015"}' });
    const found = findConfigFile(at('a', 'x.txt'), r);
    assert.equal(found, at('a', CONFIG_FILE_NAME));
    assert.equal(loadConfig(found!, r).framework, '2015');
  });
});

describe('review config: ignores', () => {
  const config = parseConfig(at(CONFIG_FILE_NAME), JSON.stringify({ ignores: ['草稿/', '**/*.bak.txt', '2025/*.txt', '旧\\(作废\\).txt'] }));

  it('globs are relative to the config file’s folder', () => {
    assert.equal(isIgnored(config, at('草稿', '教育局.txt')), true);
    assert.equal(isIgnored(config, at('草稿', '深', '教育局.txt')), true);
    assert.equal(isIgnored(config, at('2026', '教育局.bak.txt')), true);
    assert.equal(isIgnored(config, at('2025', '教育局.txt')), true);
    assert.equal(isIgnored(config, at('2025', '深', '教育局.txt')), false);
    assert.equal(isIgnored(config, at('旧(作废).txt')), true);
    assert.equal(isIgnored(config, at('2026', '教育局.txt')), false);
  });

  it('a predicate for a run finds each file’s config and reads it once', () => {
    const files = { [at(CONFIG_FILE_NAME)]: '{"ignores": ["草稿/"]}', [at('区直', CONFIG_FILE_NAME)]: '{}' };
    const r = { ...reader(files), exists: (p: string) => p in files };
    const ignored = ignoredPredicate(r);
    assert.equal(ignored(at('草稿', 'a.txt')), true);
    assert.equal(ignored(at('草稿', 'b.txt')), true);
    assert.equal(ignored(at('区直', '草稿', 'c.txt')), false, 'the nearer config does not ignore it');
    assert.equal(ignored(path.resolve('/other/草稿/d.txt')), false);
    assert.equal(r.reads.filter((p) => p === at(CONFIG_FILE_NAME)).length, 1);
  });

  it('a file outside the config’s folder is never ignored by it; no config ignores nothing', () => {
    assert.equal(isIgnored(config, path.resolve('/other/草稿/教育局.txt')), false);
    assert.equal(isIgnored(null, at('草稿', '教育局.txt')), false);
  });
});

describe('review config: over the settings', () => {
  it('what the config sets wins over the editor’s settings; what it leaves out keeps them', () => {
    const base = normalizeSettings({ rules: { TT101: 'error', TT102: 'off' }, framework: '2021', minSatisfaction: 80, codeLens: { enabled: false } });
    const config = parseConfig(at(CONFIG_FILE_NAME), '{"rules": {"TT101": "off"}, "minSatisfaction": 95}');
    const s = settingsFor(config, base);
    assert.deepEqual(s.severity, { TT101: 'off', TT102: 'off' });
    assert.deepEqual(s.rules, { framework: '2021', minSatisfaction: 95 });
    assert.equal(s.codeLens, false);
    assert.equal(settingsFor(null, base), base);
  });

  it('changes what the checker reports', () => {
    const text = department().replace('≥2场', '≥2');
    assert.deepEqual(
      checkText(text, false).problems.map((p) => p.code),
      ['TT101'],
    );
    const off = settingsFor(parseConfig(at(CONFIG_FILE_NAME), '{"rules": {"TT101": "off"}}'), DEFAULT_SETTINGS);
    assert.deepEqual(checkText(text, false, off).problems, []);
  });
});

describe('review config: writing a suppression', () => {
  const entry = { rule: 'TT101', file: 'a.txt', indicator: '培训场次' };

  it('appends to suppressions with the file’s comments and formatting kept', () => {
    const text = '// 审核\n{\n    "rules": { "TT102": "off" }, // 关\n    "suppressions": [\n        { "rule": "TT103" },\n    ],\n}\n';
    const r = addSuppressionEdits(text, entry)!;
    assert.ok(r.text.startsWith('// 审核\n{\n    "rules": { "TT102": "off" }, // 关\n'), r.text);
    const c = parseConfig(at(CONFIG_FILE_NAME), r.text);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(
      c.suppressions.map((s) => [s.rule, s.indicator]),
      [
        ['TT103', undefined],
        ['TT101', '培训场次'],
      ],
    );
    assert.match(r.text, /\n {8}\{/, 'indented as the file is');
    assert.ok(r.edits.length > 0 && r.edits.every((e) => e.range.start.line >= 0));
  });

  it('adds suppressions to a config without them, and makes a new file’s text', () => {
    const r = addSuppressionEdits('{\n  "framework": "2015"\n}\n', entry)!;
    const c = parseConfig(at(CONFIG_FILE_NAME), r.text);
    assert.equal(c.framework, '2015');
    assert.equal(c.suppressions.length, 1);
    assert.equal(parseConfig(at(CONFIG_FILE_NAME), newConfigText(entry)).suppressions[0].indicator, '培训场次');
    assert.equal(parseConfig(at(CONFIG_FILE_NAME), addSuppressionEdits('', entry)!.text).suppressions.length, 1);
  });

  it('refuses a config that cannot hold it (then its problems say why)', () => {
    assert.equal(addSuppressionEdits('[1]', entry), null);
    assert.equal(addSuppressionEdits('{ "suppressions": {} }', entry), null);
  });
});
