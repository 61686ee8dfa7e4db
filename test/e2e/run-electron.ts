// The same extension-host suite on desktop VS Code (Electron), for machines that have VS Code or internet:
//
//   VSCODE_EXECUTABLE=/usr/share/code/code node out/test/e2e/run-electron.js   use an installed VS Code
//   node out/test/e2e/run-electron.js                                        download VS Code (VSCODE_VERSION, default stable)
//
// Offline CI uses runner.ts (code-server) instead: @vscode/test-electron cannot download VS Code there.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { makeWorkspace, projectRoot, suitePath } from './workspace';

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  makeWorkspace(workspace);
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'git.enabled': false,
    }),
  );
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: suitePath,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions stay out; the development extension still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        userData,
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
    });
    return 0;
  } catch (e) {
    console.error(`e2e (electron) failed: ${(e as Error).message ?? e}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
