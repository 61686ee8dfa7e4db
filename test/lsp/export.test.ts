/**
 * `targetTable/export` over stdio: files open in the editor are exported as they are there (unsaved
 * edits included), files that are not open are read from disk; unreadable files and files without a
 * target table are skipped with their reason; exceljs is loaded only for a workbook.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../../protocol';
import { TestClient } from './client';
import { department } from '../helpers/fixtures';

describe('LSP targetTable/export', function () {
  this.timeout(60000);
  let client: TestClient;
  let tmp: string;
  let onDisk: string;
  let open: string;
  let notTable: string;
  let gbk: string;
  const uri = (p: string) => pathToFileURL(p).href;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-lsp-export-'));
    onDisk = path.join(tmp, 'sub', '磁盘上的绩效目标表.txt');
    fs.mkdirSync(path.dirname(onDisk));
    fs.writeFileSync(onDisk, department('武汉市东西湖区磁盘局').replace('\t≥2场', '\t≥2'));
    open = path.join(tmp, '打开的绩效目标表.txt');
    fs.writeFileSync(open, department('武汉市东西湖区旧名局'));
    notTable = path.join(tmp, 'notes.txt');
    fs.writeFileSync(notTable, '说明文字\n');
    gbk = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0x0a])); // 测试 in GBK: not UTF-8
    client = await TestClient.start();
    // Open with unsaved text: a warning the file on disk does not have.
    await client.open(uri(open), department('武汉市东西湖区打开局').replace('\t≤10', '\t≥10'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const request = (uris: string[], format: string) => client.request<ExportResult>('targetTable/export', { uris, format });

  it('html: one report of all files, the open one as edited, the others from disk; skipped files with their reason', async () => {
    const r = await request([uri(open), uri(onDisk), uri(notTable), uri(gbk), uri(path.join(tmp, 'missing.txt'))], 'html');
    assert.equal(r.outputs.length, 1);
    assert.equal(r.outputs[0].uri, null);
    assert.equal(r.outputs[0].base64, false);
    const page = r.outputs[0].data;
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.ok(page.includes('武汉市东西湖区打开局') && !page.includes('旧名局'), 'the editor’s text, not the file’s');
    assert.ok(page.includes('武汉市东西湖区磁盘局'));
    // Names below the folder the files share.
    assert.ok(page.includes('>sub/磁盘上的绩效目标表.txt</a>'));
    assert.ok(page.includes('TT202') && page.includes('TT101'));
    assert.deepEqual(
      r.skipped.map((s) => [path.basename(new URL(s.uri).pathname), s.reason]),
      [
        ['notes.txt', '文件中没有绩效目标表'],
        ['gbk.txt', '不是 UTF-8 编码'],
        ['missing.txt', '无法读取'],
      ],
    );
  });

  it('csv and json: the export of each file, as `target-table export` gives it', async () => {
    const csv = await request([uri(onDisk), uri(open)], 'csv');
    assert.deepEqual(
      csv.outputs.map((o) => o.uri),
      [uri(onDisk), uri(open)],
    );
    assert.ok(csv.outputs[0].data.startsWith('\ufeff部门,类型,目标编号'));
    assert.ok(csv.outputs[1].data.includes('\r\n武汉市东西湖区打开局,长期,1,'));
    const json = await request([uri(open)], 'json');
    assert.equal(JSON.parse(json.outputs[0].data).departments[0].name, '武汉市东西湖区打开局');
  });

  it('xlsx: one workbook in base64, which exceljs reads back', async () => {
    const r = await request([uri(open), uri(onDisk)], 'xlsx');
    assert.equal(r.outputs.length, 1);
    assert.equal(r.outputs[0].base64, true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.outputs[0].data, 'base64') as unknown as ArrayBuffer);
    const [problems, indicators] = book.worksheets;
    assert.equal(problems.name, '问题');
    assert.deepEqual([2, 3].map((k) => problems.getRow(k).getCell(6).value).sort(), ['TT101', 'TT202']);
    assert.equal(indicators.getRow(2).getCell(2).value, '武汉市东西湖区打开局');
  });

  it('an unknown format or no files: an empty reply, and the server still answers', async () => {
    assert.deepEqual(await request([uri(open)], 'pdf'), { outputs: [], skipped: [] });
    assert.deepEqual(await request([], 'html'), { outputs: [], skipped: [] });
    const again = await request([uri(open)], 'json');
    assert.equal(again.outputs.length, 1);
  });
});
