// Extension-host test entry (extensionTestsPath): runs the *.e2e.js files of this folder with mocha.
// Used by both runners: code-server (runner.ts) and @vscode/test-electron (run-electron.ts).
import * as fs from 'fs';
import * as path from 'path';
// mocha is CommonJS; require keeps this file free of an ESM interop question inside the extension host.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    if (!files.length) {
      reject(new Error(`no *.e2e.js test files in ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures: number) => {
        // the plain closing line that CI reads (relayed to the runner's stdout)
        console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
