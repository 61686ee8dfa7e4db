/**
 * `capabilities.virtualWorkspaces` (package.json) is only honest if the client hands the server
 * documents of every scheme, and the server needs no disk to serve them (issue 9, part 7). What does need the
 * disk (the review config, the workspace scope, a folder's export) makes the support "limited".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_DOCUMENT_FILTER, DOCUMENT_SELECTOR, LANGUAGE_ID } from '../../../client/src/selector';

const root = path.resolve(__dirname, '../../../..');

describe('virtual workspaces: package.json and the client agree', function () {
  it('package.json declares virtual workspaces supported (limited), and the document selector names no scheme', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      capabilities: { virtualWorkspaces: unknown };
      contributes: { languages: { id: string }[] };
    };
    // Limited: what needs files on disk (the review config, the workspace scope, a folder's export) is not there.
    assert.deepEqual(pkg.capabilities.virtualWorkspaces, { supported: 'limited', description: '%capabilities.virtualWorkspaces%' });
    assert.ok(pkg.contributes.languages.some((l) => l.id === LANGUAGE_ID));
    assert.ok(DOCUMENT_SELECTOR.length > 0);
    // The review config is the one file: entry: configs are found on disk, by the document's path.
    for (const f of DOCUMENT_SELECTOR.filter((f) => f !== CONFIG_DOCUMENT_FILTER)) {
      assert.ok('language' in f && f.language === LANGUAGE_ID);
      assert.equal(f.scheme, undefined, `a selector limited to the ${f.scheme} scheme leaves virtual documents unserved`);
    }
  });

  it('the extension passes that selector to the language client', function () {
    const src = fs.readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(src, /documentSelector: DOCUMENT_SELECTOR\b/);
  });

  it("the server's own code imports no fs: it serves the text it is sent (files not open are read by disk-files.ts alone, file: URIs only)", function () {
    const server = fs.readFileSync(path.join(root, 'server', 'src', 'server.ts'), 'utf8');
    // Except the workspace scope's file listing and reading (targetTable.scope "workspace", file: folders only).
    const features = fs
      .readdirSync(path.join(root, 'server', 'src', 'features'))
      .filter((f) => f !== 'workspace-files.ts')
      .map((f) => fs.readFileSync(path.join(root, 'server', 'src', 'features', f), 'utf8'));
    for (const text of [server, ...features]) assert.doesNotMatch(text, /from 'node:fs'|require\('fs'\)|from 'fs'/);
    // The export of a folder reads the files the editor has not opened: through one module, which refuses other schemes.
    const disk = fs.readFileSync(path.join(root, 'server', 'src', 'disk-files.ts'), 'utf8');
    assert.match(disk, /fileURLToPath\(uri\)/);
  });
});
