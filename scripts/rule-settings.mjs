// Writes the rule settings of package.json (`targetTable.rules.TT101` …, the deprecated
// `targetTable.severity`) and their texts in package.nls.json / package.nls.zh-cn.json from the rule
// registry, as scripts/rule-settings.ts generates them: scripts/build.mjs runs this before bundling, so
// a rule added to server/src/core/rules has its setting after the next build. `node
// scripts/rule-settings.mjs` writes; `--check` only says whether they are up to date (exit 1 if not).
// test/unit/rule-registry.test.ts checks the committed files the same way.
import { loadGenerator, runAsScript, updateFiles } from './generated-files.mjs';

/** Brings the generated entries up to date (or, with `check`, only compares); returns the files that were not. */
export async function updateRuleSettings({ check = false } = {}) {
  const gen = await loadGenerator('rule-settings');
  return updateFiles(
    [
      ['package.json', (text) => gen.withRuleSettings(text)],
      ['package.nls.json', (text) => gen.withRuleTexts(text, 'en')],
      ['package.nls.zh-cn.json', (text) => gen.withRuleTexts(text, 'zh-cn')],
    ],
    check,
  );
}

await runAsScript(import.meta, updateRuleSettings, 'scripts/rule-settings.mjs', 'rule settings regenerated from server/src/core/rules');
