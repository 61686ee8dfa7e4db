/**
 * The severities the server reads (core/settings.ts): each rule's own setting `targetTable.rules.TTxxx`
 * and the deprecated `targetTable.severity` object, as VS Code sends them (every `rules` entry, at its
 * default when the user set none) and as another client may (only what it sets).
 */
import * as assert from 'node:assert/strict';
import { RULES } from '../../server/src/core/rules/index';
import { normalizeSettings, settingsKey } from '../../server/src/core/settings';

/** The `rules` object VS Code sends: every entry, each at the rule's default unless `set` says otherwise. */
function vscodeRules(set: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(RULES.map((r) => [r.code, set[r.code] ?? r.defaultSeverity]));
}

describe('settings: targetTable.rules.* and the deprecated targetTable.severity', () => {
  it('all entries at their defaults change nothing', () => {
    const s = normalizeSettings({ rules: vscodeRules(), severity: {} });
    assert.deepEqual(s.severity, {});
    assert.equal(settingsKey(s), settingsKey(normalizeSettings({})));
  });

  it('a rule’s own setting applies', () => {
    assert.deepEqual(normalizeSettings({ rules: vscodeRules({ TT403: 'off', TT101: 'error' }) }).severity, { TT101: 'error', TT403: 'off' });
  });

  it('the deprecated object still works beside entries at their defaults', () => {
    assert.deepEqual(normalizeSettings({ rules: vscodeRules(), severity: { TT201: 'off' } }).severity, { TT201: 'off' });
  });

  it('when both are set, the rule’s own setting wins; at its default it counts as not set', () => {
    const s = normalizeSettings({ rules: vscodeRules({ TT202: 'off' }), severity: { TT202: 'error', TT101: 'hint' } });
    assert.equal(s.severity.TT202, 'off', 'targetTable.rules.TT202 wins');
    assert.equal(s.severity.TT101, 'hint', 'targetTable.rules.TT101 is at its default: the object’s value stands');
  });

  it('reads what a client sends by hand: partial objects, aliases, any case; ignores the malformed', () => {
    const s = normalizeSettings({ rules: { tt105: 'OFF', TT106: 'info', TT107: 'bogus', enabled: true }, severity: ['TT101'] });
    assert.deepEqual(s.severity, { TT105: 'off', TT106: 'information' });
  });
});

describe('settings: targetTable.framework', () => {
  it('is auto unless 2021 or 2015 is chosen (as a string, or a number from a hand-written client); anything else is auto', () => {
    assert.equal(normalizeSettings({}).rules.framework, 'auto');
    assert.equal(normalizeSettings({ framework: 'auto' }).rules.framework, 'auto');
    assert.equal(normalizeSettings({ framework: '2021' }).rules.framework, '2021');
    assert.equal(normalizeSettings({ framework: 2015 }).rules.framework, '2015');
    assert.equal(normalizeSettings({ framework: '2030' }).rules.framework, 'auto');
  });

  it('each choice is its own settings key (problems found with one are not reused for another)', () => {
    const keys = ['auto', '2021', '2015'].map((framework) => settingsKey(normalizeSettings({ framework })));
    assert.equal(new Set(keys).size, 3);
  });
});
