// Writes the TextMate grammar (syntaxes/target-table.tmLanguage.json) and package.json's firstLine
// from the table families, as scripts/grammar.ts generates them: scripts/build.mjs runs this before
// bundling, so a label added to server/src/core/templates is coloured after the next build.
// `node scripts/grammar.mjs` writes; `node scripts/grammar.mjs --check` only says whether they are
// up to date (exit 1 if not). test/unit/grammar.test.ts checks the committed files the same way.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** scripts/grammar.ts and the templates it reads, bundled in memory and loaded. */
async function generator() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'scripts', 'grammar.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return import('data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64'));
}

/** Brings the generated files up to date (or, with `check`, only compares); returns those that were not. */
export async function updateGrammar({ check = false } = {}) {
  const gen = await generator();
  const files = [
    ['syntaxes/target-table.tmLanguage.json', () => gen.grammarText()],
    ['package.json', (text) => gen.withFirstLine(text)],
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
  const stale = await updateGrammar({ check });
  for (const name of stale) console.log(check ? `${name} is out of date: run node scripts/grammar.mjs` : `${name}: regenerated from server/src/core/templates`);
  if (check && stale.length > 0) process.exit(1);
}
