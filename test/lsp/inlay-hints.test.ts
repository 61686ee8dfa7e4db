/**
 * Inlay hints over stdio (dist/server.js, built by `npm run build`): the server announces them,
 * names the cells of the requested range on the sample and on a self-evaluation table, and
 * `targetTable.inlayHints.enabled: false` turns them off live, from workspace/configuration (the
 * client is asked to refresh its hints) and from didChangeConfiguration's payload.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InlayHint, Range } from 'vscode-languageserver/node';
import { SAMPLE_URI, TestClient, repoRoot, sampleText, sleep } from './client';

const TEMPLATE = path.join(repoRoot(), 'test', 'fixtures', 'templates', '13-qingshen-fagai-gongzi-ziping.txt');
const TEMPLATE_URI = 'file://' + TEMPLATE.split(path.sep).join('/');

/** 0-based line of the sample's first line equal to `needle`. */
function sampleLine(needle: string): number {
  const i = sampleText()
    .split(/\r\n|\r|\n/)
    .indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the sample`);
  return i;
}

const lines = (first: number, last: number): Range => ({ start: { line: first, character: 0 }, end: { line: last, character: 1000 } });

function hints(client: TestClient, uri: string, range: Range): Promise<InlayHint[] | null> {
  return client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range });
}

/** Resolves once `pred` holds (polled), or fails after `ms`. */
async function until(pred: () => boolean, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('LSP server: inlay hints', function () {
  this.timeout(30000);
  let client: TestClient;
  // The 年度 row of 惠企便民事项: its first cell is three lines above the 三级.
  const level3 = sampleLine('\t惠企便民事项');
  const row = lines(level3 - 3, level3 + 4);

  before(async function () {
    client = await TestClient.start();
    await client.open(SAMPLE_URI, sampleText());
    await client.open(TEMPLATE_URI, fs.readFileSync(TEMPLATE, 'utf8'));
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('announces inlay hints', function () {
    assert.equal(client.initializeResult.capabilities.inlayHintProvider, true);
  });

  it('names the cells of a 年度 row of the sample, after their TAB, and only in the range asked for', async function () {
    const got = (await hints(client, SAMPLE_URI, row))!;
    assert.deepEqual(
      got.map((h) => [h.position.line - level3, h.position.character, h.label]),
      [
        [-3, 1, '年度绩效指标'],
        [-2, 1, '一级'],
        [-1, 1, '二级'],
        [0, 1, '三级'],
        [1, 1, '前年'],
        [2, 1, '上年'],
        [3, 1, '当年目标'],
        [4, 1, '依据'],
      ],
    );
    assert.ok(got.every((h) => h.kind === 2 && h.paddingRight === true));
    const inherited = (await hints(client, SAMPLE_URI, lines(level3 + 7, level3 + 8)))!;
    assert.deepEqual(
      inherited.map((h) => h.label),
      ['↑ 产出指标', '↑ 数量指标'],
    );
    assert.match((inherited[0].tooltip as { value: string }).value, /沿用上方合并单元格/);
  });

  it('names a self-evaluation table’s columns by its own header', async function () {
    const got = (await hints(client, TEMPLATE_URI, lines(103, 113)))!;
    assert.deepEqual(
      got.map((h) => h.label),
      ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
    );
  });

  it('an unknown document has none', async function () {
    assert.deepEqual(await hints(client, 'file:///nowhere.txt', row), []);
  });

  it('targetTable.inlayHints.enabled: false turns them off (the client is asked to refresh), true back on', async function () {
    const before = client.inlayHintRefreshes;
    client.config = { inlayHints: { enabled: false } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await until(() => client.inlayHintRefreshes > before, 'workspace/inlayHint/refresh');
    assert.deepEqual(await hints(client, SAMPLE_URI, row), []);
    assert.deepEqual(await hints(client, TEMPLATE_URI, lines(0, 140)), []);
    client.config = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await until(() => client.inlayHintRefreshes > before + 1, 'the second refresh');
    assert.equal((await hints(client, SAMPLE_URI, row))!.length, 8);
  });
});

describe('LSP server: inlay hints without workspace/configuration', function () {
  this.timeout(30000);
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ configuration: false, locale: 'en' });
    await client.open(SAMPLE_URI, sampleText());
  });

  after(async function () {
    if (client.proc.exitCode === null) await client.stop();
  });

  it('English names, and the setting from didChangeConfiguration’s payload', async function () {
    const level3 = sampleLine('\t惠企便民事项');
    const row = lines(level3 - 2, level3);
    assert.deepEqual(
      (await hints(client, SAMPLE_URI, row))!.map((h) => h.label),
      ['Level 1', 'Level 2', 'Level 3'],
    );
    await client.notify('workspace/didChangeConfiguration', { settings: { targetTable: { inlayHints: { enabled: false } } } });
    await until(() => client.inlayHintRefreshes > 0, 'workspace/inlayHint/refresh');
    assert.deepEqual(await hints(client, SAMPLE_URI, row), []);
    assert.equal(client.configRequests, 0);
  });
});
