/** The workspace scope's file matching (server features/workspace-files.ts, client file-patterns.ts), listing and decoding. */
import { TARGET_TABLE_FILE_PATTERNS } from '../../../server/src/core/file-patterns';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { languageFilePatterns } from '../../../client/src/file-patterns';
import { decodeFile, fileMatcher, filePatternsFrom, listFiles, uriPath, fileUri, watchGlobs } from '../../../server/src/features/workspace-files';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as unknown;

describe('features/workspace-files', () => {
  it('the server’s default patterns are package.json’s extensions and filenamePatterns, as the client sends them', () => {
    assert.deepEqual([...TARGET_TABLE_FILE_PATTERNS].sort(), languageFilePatterns(pkg, {}).sort());
  });

  it('the client adds the user’s files.associations for the language, and only those', () => {
    const got = languageFilePatterns(pkg, { '*.tt.txt': 'target-table', '**/申报/*.txt': 'target-table', '*.md': 'markdown' });
    assert.ok(got.includes('*.tt.txt') && got.includes('**/申报/*.txt') && got.includes('*.ttable'));
    assert.ok(!got.includes('*.md'));
  });

  it('matches names by the name patterns (any case) and paths by the patterns with a slash', () => {
    const m = fileMatcher([...TARGET_TABLE_FILE_PATTERNS, '**/申报/*.txt']);
    assert.equal(m('/w/a.ttable'), true);
    assert.equal(m('/w/A.TTABLE'), true);
    assert.equal(m('/w/东西湖区2026年整体支出绩效目标表.txt'), true);
    assert.equal(m('/w/某项目绩效自评表.txt'), true);
    assert.equal(m('/w/申报/甲局.txt'), true);
    assert.equal(m('/w/其他/甲局.txt'), false);
    assert.equal(m('/w/notes.txt'), false);
    assert.equal(m('/w/绩效目标表.docx'), false);
  });

  it('watches each name pattern anywhere in the folders', () => {
    assert.deepEqual(watchGlobs(['*.ttable', '**/申报/*.txt', '*.ttable']), ['**/*.ttable', '**/申报/*.txt']);
  });

  it('takes the extension’s patterns, else the defaults', () => {
    assert.deepEqual(filePatternsFrom(['*.x', 3, '']), ['*.x']);
    assert.deepEqual(filePatternsFrom(undefined), [...TARGET_TABLE_FILE_PATTERNS]);
    assert.deepEqual(filePatternsFrom([]), [...TARGET_TABLE_FILE_PATTERNS]);
  });

  it('lists matching files in name order, skipping node_modules, .git and what `ignored` takes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-list-'));
    try {
      for (const f of ['b.ttable', 'a.ttable', 'x/c.ttable', 'node_modules/d.ttable', '.git/e.ttable', 'skip/f.ttable', 'g.txt']) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '');
      }
      const files = await listFiles(dir, fileMatcher(['*.ttable']), (p) => p.endsWith(`${path.sep}skip`));
      assert.deepEqual(
        files.map((f) => path.relative(dir, f).split(path.sep).join('/')),
        ['a.ttable', 'b.ttable', 'x/c.ttable'],
      );
      assert.equal((await listFiles(dir, fileMatcher(['*.ttable']), () => false, 2)).length, 2, 'at most the limit');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decodes as the editor shows it with the language’s autoGuessEncoding: UTF-8, UTF-16 by BOM, GB18030, else U+FFFD', () => {
    const text = '\t部门整体支出绩效目标表\n\t≥95%\n';
    assert.deepEqual(decodeFile(Buffer.from(text, 'utf8')), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { text, encoding: 'utf-16le' });
    assert.deepEqual(decodeFile(iconv.encode(text, 'gbk')), { text, encoding: 'gb18030' });
    const broken = decodeFile(Buffer.from([0x09, 0xff, 0xff, 0x0a]));
    assert.equal(broken.encoding, 'utf-8-lossy');
    assert.ok(broken.text.includes('\uFFFD'));
  });

  it('file URIs and paths both ways', () => {
    const p = path.join(os.tmpdir(), '申报 材料', '甲(1).ttable');
    assert.equal(uriPath(fileUri(p)), p);
    assert.equal(uriPath('untitled:Untitled-1'), null);
  });
});
