// Bundles the extension client, the language server and the command line with esbuild.
// One file each in dist/, so the .vsix and the npm bin carry no node_modules. First the TextMate
// grammar and the language's firstLine are regenerated from the table families (scripts/grammar.mjs),
// and the rule settings of package.json and package.nls*.json from the rules (scripts/rule-settings.mjs),
// and the review config's JSON schema from the rules (scripts/config-schema.mjs).
import * as esbuild from 'esbuild';
import { updateGrammar } from './grammar.mjs';
import { updateRuleSettings } from './rule-settings.mjs';
import { updateConfigSchema } from './config-schema.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build (its "main") requires its parts at run time, which a bundle cannot resolve; its ES modules bundle.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

for (const name of await updateGrammar()) console.log(`${name}: regenerated from server/src/core/templates (commit it)`);
for (const name of await updateRuleSettings()) console.log(`${name}: rule settings regenerated from server/src/core/rules (commit it)`);
for (const name of await updateConfigSchema()) console.log(`${name}: review config schema regenerated from server/src/core/rules (commit it)`);

// exceljs (about 2.9 MB bundled) is a bundle of its own, dist/exceljs.js, which the server and the
// command line require only when a workbook is written (core/report/xlsx.ts imports it lazily):
// neither loads nor parses it at start-up.
// Old dependencies of exceljs (archiver-utils, buffer helpers) call `new Buffer(…)`, which Node
// warns about on stderr (DEP0005) when the caller is outside node_modules, as bundled code is. In
// that bundle `Buffer` is this: the same results (a number allocates, anything else is copied), no warning.
const SAFE_BUFFER = `var Buffer = (function (B) {
  function SafeBuffer(a, b, c) { return typeof a === 'number' ? B.alloc(a) : B.from(a, b, c); }
  SafeBuffer.prototype = B.prototype;
  Object.setPrototypeOf(SafeBuffer, B);
  return SafeBuffer;
})(require('node:buffer').Buffer);`;

const excelOwnBundle = {
  name: 'exceljs-own-bundle',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [excelOwnBundle],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [excelOwnBundle],
  }),
  esbuild.build({
    ...common,
    stdin: { contents: "module.exports = require('exceljs');", resolveDir: '.', loader: 'js' },
    outfile: 'dist/exceljs.js',
    banner: { js: SAFE_BUFFER },
  }),
  // check's worker threads (server/src/cli/workers.ts starts it from beside dist/cli.js).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/check-worker.ts'], outfile: 'dist/check-worker.js', plugins: [excelOwnBundle] }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The table view's renderer and its style sheet, loaded by the webview (client/src/table-view/).
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['client/webview/table-view.ts'],
    outfile: 'dist/table-view.js',
  }),
  esbuild.build({ ...common, platform: 'browser', sourcemap: false, entryPoints: ['client/webview/table-view.css'], outfile: 'dist/table-view.css' }),
]);
