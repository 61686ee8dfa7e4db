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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // check's worker threads (server/src/cli/workers.ts starts it from beside dist/cli.js).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/check-worker.ts'], outfile: 'dist/check-worker.js' }),
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
