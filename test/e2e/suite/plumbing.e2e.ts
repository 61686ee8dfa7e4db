// TEMPORARY plumbing check, to be removed.
import * as assert from 'assert';
import * as vscode from 'vscode';
describe('plumbing', () => {
  it('sees the workspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.txt');
    console.log('files', files.map((f) => f.path), vscode.env.appName, process.env.E2E_FLAG);
    assert.ok(files.length === 1);
  });
  it('fails when asked', () => {
    if (process.env.E2E_FAIL) assert.fail('asked to fail');
  });
});
