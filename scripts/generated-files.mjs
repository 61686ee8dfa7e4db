// What the two generators (scripts/grammar.mjs, scripts/rule-settings.mjs) share: a TypeScript
// generator bundled in memory and loaded, the files it writes brought up to date (or only compared),
// and the command line `node scripts/X.mjs [--check]`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** scripts/<name>.ts and what it imports from the server, bundled in memory and loaded as a module. */
export async function loadGenerator(name) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'scripts', `${name}.ts`)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return import('data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64'));
}

/** `[file, make(text) → text]` pairs: writes each file whose text `make` changes (with `check`, only compares); returns those. */
export function updateFiles(files, check) {
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

/** Runs `update` when `meta` is the script node was started with: `--check` exits 1 if a file is out of date. */
export async function runAsScript(meta, update, script, regenerated) {
  if (meta.url !== pathToFileURL(process.argv[1]).href) return;
  const check = process.argv.includes('--check');
  const stale = await update({ check });
  for (const name of stale) console.log(check ? `${name} is out of date: run node ${script}` : `${name}: ${regenerated}`);
  if (check && stale.length > 0) process.exit(1);
}
