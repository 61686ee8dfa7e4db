// Writes the rule settings of package.json (`targetTable.rules.TT101` …, the deprecated
// `targetTable.severity`) and their texts in package.nls.json / package.nls.zh-cn.json from the rule
// registry, as scripts/rule-settings.ts generates them: scripts/build.mjs runs this before bundling, so
// a rule added to server/src/core/rules has its setting after the next build. `node
// scripts/rule-settings.mjs` writes; `--check` only says whether they are up to date (exit 1 if not).
// test/unit/rule-registry.test.ts checks the committed files the same way.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** scripts/rule-settings.ts and the rules it reads, bundled in memory and loaded. */
async function generator() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'scripts', 'rule-settings.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return import('data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64'));
}

/** Brings the generated entries up to date (or, with `check`, only compares); returns the files that were not. */
export async function updateRuleSettings({ check = false } = {}) {
  const gen = await generator();
  const files = [
    ['package.json', (text) => gen.withRuleSettings(text)],
    ['package.nls.json', (text) => gen.withRuleTexts(text, 'en')],
    ['package.nls.zh-cn.json', (text) => gen.withRuleTexts(text, 'zh-cn')],
  ];
  const stale = [];
  for (const [name, make] of files) {
    const file = path.join(root, name);
    const text = fs.readFileSync(file, 'utf8');
    const fresh = make(text);
    if (fresh === text) continue;
    stale.push(name);
    if (!check) fs.writeFileSync(file, fresh);
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  const stale = await updateRuleSettings({ check });
  for (const name of stale)
    console.log(check ? `${name} is out of date: run node scripts/rule-settings.mjs` : `${name}: rule settings regenerated from server/src/core/rules`);
  if (check && stale.length > 0) process.exit(1);
}
