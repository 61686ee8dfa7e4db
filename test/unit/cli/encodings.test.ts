/**
 * Encodings (issue 13): `check` reads UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM, and
 * GB18030/GBK when the bytes are not UTF-8; it says which it used; `--fix` writes back in the file's
 * own encoding and BOM, every byte outside the fixes unchanged, and refuses (exit 3, nothing
 * written) when a fixed character cannot be written in it. Mixed files and binary data are refused
 * with a clear line. Decoding is tested as a function, the rest through the bundled dist/cli.js.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliError, decodeText, encodeText, readInputFile, writeInPlace, type TextEncoding } from '../../../server/src/cli/io';
import { fixAllText } from '../../../server/src/core/fixes';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { department, sampleText } from '../../helpers/fixtures';
import { encodeGb18030 } from '../../helpers/gb18030';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function cli(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, timeout: 20000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: '', LANG: '' } });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const utf16le = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
const utf16be = (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);

/** A department with safe fixes (≧ → ≥, full-width digits, `%%`), CRLF line breaks as Windows writes them. */
function fixable(name = '武汉市东西湖区测试局'): string {
  return department(name).replace('≥2场', '≧２场').replace('≥90%', '≥90%%').replace(/\n/g, '\r\n');
}

/** A reproducible byte soup without NULs (xorshift). */
function garbage(n: number): Buffer {
  let x = 2463534242;
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = ((x >>> 0) % 255) + 1;
  }
  return b;
}

describe('cli encodings (issue 13)', function () {
  let dir: string;
  let n = 0;
  const file = (data: Buffer, name = `e${n++}.txt`) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-enc-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('detects UTF-8 (with and without BOM), UTF-16 LE/BE by their BOM, and GB18030 when the bytes are not UTF-8', function () {
    const text = sampleText();
    const cases: [Buffer, TextEncoding, boolean][] = [
      [Buffer.from(text, 'utf8'), 'UTF-8', false],
      [Buffer.from('\ufeff' + text, 'utf8'), 'UTF-8', true],
      [utf16le(text), 'UTF-16LE', true],
      [utf16be(text), 'UTF-16BE', true],
      [encodeGb18030(text), 'GB18030', false],
    ];
    for (const [bytes, encoding, bom] of cases) {
      const d = decodeText(bytes, 'x');
      assert.equal(d.encoding, encoding);
      assert.equal(d.bom, bom, encoding);
      assert.equal(d.text, text, encoding);
      assert.ok(encodeText(d.text, d.bom, d.encoding).equals(bytes), `${encoding} encodes back to the same bytes`);
    }
    // Pure ASCII is UTF-8 (it is GB18030 too, and the same bytes either way).
    assert.equal(decodeText(Buffer.from('abc\n'), 'x').encoding, 'UTF-8');
  });

  it('refuses a UTF-8 file with GB18030 pasted in, binary data, and a UTF-16 BOM with an odd length, each with one clear line', function () {
    const text = sampleText();
    const cut = text.indexOf('\n', 5000) + 1;
    const mixed = Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), encodeGb18030(text.slice(cut))]);
    assert.throws(
      () => decodeText(mixed, 'm.txt'),
      (e: unknown) =>
        e instanceof CliError && e.exitCode === 3 && /不是有效的 UTF-8（第 \d+ 行起，可能是 GB18030 编码）.*nothing was changed: m\.txt$/.test(e.message),
    );
    assert.throws(
      () => decodeText(garbage(4096), 'g.bin'),
      (e: unknown) =>
        e instanceof CliError &&
        /^文件既不是有效的 UTF-8 也不是 GB18030（第 1 行起）.*neither valid UTF-8 nor GB18030 from line 1; nothing was changed: g\.bin$/.test(e.message),
    );
    assert.throws(
      () => decodeText(Buffer.concat([utf16le('abc'), Buffer.from([0x41])]), 'o.txt'),
      (e: unknown) => e instanceof CliError && /UTF-16 LE BOM but has an odd number of bytes/.test(e.message),
    );
    assert.throws(
      () => decodeText(utf16le('abc\0def'), 'z.txt'),
      (e: unknown) => e instanceof CliError && /binary data: a NUL character on line 1/.test(e.message),
    );
    const r = cli(['check', file(garbage(4096))]);
    assert.equal(r.code, 3);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /neither valid UTF-8 nor GB18030/);
  });

  it('checks a GBK, a UTF-16 LE and a UTF-16 BE file exactly as their UTF-8 text, and says which encoding it used', function () {
    const text = department('武汉市东西湖区甲局').replace('≥2场', '≧2场') + '\n' + department('武汉市东西湖区乙局').replace('产出指标', '社会效益');
    const utf8 = cli(['check', '--format', 'json', file(Buffer.from(text, 'utf8'), 'u8.txt')], undefined);
    const expected = (JSON.parse(utf8.out) as Record<string, unknown>[]).map(({ file: _f, ...p }) => p);
    assert.ok(expected.length >= 2);
    for (const [bytes, encoding, label] of [
      [encodeGb18030(text), 'GB18030', 'GB18030'],
      [utf16le(text), 'UTF-16LE', 'UTF-16 LE'],
      [utf16be(text), 'UTF-16BE', 'UTF-16 BE'],
    ] as const) {
      const f = file(bytes);
      const t = cli(['check', f]);
      assert.equal(t.code, 1, t.err);
      assert.equal(t.err, `target-table: 注意：按 ${label} 编码读取 note: read as ${label}: ${f}\n`);
      assert.equal(t.out, cli(['check', path.join(dir, 'u8.txt')]).out.replaceAll(path.join(dir, 'u8.txt'), f));
      const j = cli(['check', '--format', 'json', f]);
      assert.equal(j.err, '', 'no note on stderr with --format json: the encoding is a field');
      const problems = JSON.parse(j.out) as Record<string, unknown>[];
      assert.deepEqual(
        problems.map(({ file: _f, encoding: _e, ...p }) => p),
        expected,
      );
      assert.ok(problems.every((p) => p.encoding === encoding));
    }
    assert.ok(
      (JSON.parse(utf8.out) as Record<string, unknown>[]).every((p) => !('encoding' in p)),
      'a UTF-8 file has no encoding field',
    );
    // standard input too
    const stdin = cli(['check', '-'], encodeGb18030(text));
    assert.match(stdin.err, /read as GB18030: <stdin>/);
    assert.match(stdin.out, /^<stdin>:\d+:\d+: /m);
  });

  describe("--fix writes back in the file's own encoding, every byte outside the fixes unchanged", function () {
    const original = sampleText().slice(0, 60000).replace(/\n/g, '\r\n') + '\r\n' + fixable('武汉市东西湖区尾局');
    const fixed = fixAllText(original, DEFAULT_SETTINGS).text;
    before(() => assert.ok(fixed !== original && /≧|２|%%/.test(original) && !/≧|２/.test(fixed.slice(-3000)), 'the fixture has fixes'));
    for (const [name, encode] of [
      ['GBK (GB18030)', encodeGb18030],
      ['UTF-16 LE', utf16le],
      ['UTF-16 BE', utf16be],
    ] as const) {
      it(name, function () {
        const before = encode(original);
        const f = file(before);
        const ino = fs.statSync(f).ino;
        const r = cli(['check', '--fix', f]);
        assert.match(r.out, /已修复 \d+ 处/, r.err);
        const after = fs.readFileSync(f);
        // The encoding is per character, so the file being exactly the encoded fixed text means every
        // byte outside the fixes is the byte it was.
        assert.ok(after.equals(encode(fixed)), 'the file is the fixed text in its own encoding and BOM');
        let same = 0;
        while (same < before.length && before[same] === after[same]) same++;
        let sameChars = 0;
        while (original[sameChars] === fixed[sameChars]) sameChars++;
        assert.ok(same >= encode(original.slice(0, sameChars)).length, 'every byte before the first fix is untouched');
        assert.ok(same > 1000);
        assert.equal(fs.statSync(f).ino, ino, 'written in place');
        const again = cli(['check', '--fix', f]);
        assert.doesNotMatch(again.out, /已修复/);
        assert.ok(fs.readFileSync(f).equals(after), 'idempotent');
      });
    }
  });

  it('refuses to write a fixed character its encoding cannot hold: exit 3, nothing written', function () {
    const f = file(encodeGb18030(fixable()));
    const input = readInputFile(f);
    assert.equal(input.encoding, 'GB18030');
    const bytes = fs.readFileSync(f);
    // A lone surrogate is the one thing GB18030 cannot encode (it holds every code point).
    assert.throws(
      () => writeInPlace(input, input.text.replace('≧', '\ud800')),
      (e: unknown) =>
        e instanceof CliError &&
        e.exitCode === 3 &&
        /修复后第 \d+ 行的字符 U\+D800 无法用 GB18030 编码写回，未修改 the fixed text's character U\+D800 on line \d+ cannot be written in GB18030; not changed: /.test(
          e.message,
        ),
    );
    assert.ok(fs.readFileSync(f).equals(bytes), 'not one byte changed');
    // and the ordinary fix goes through
    assert.equal(writeInPlace(input, fixAllText(input.text, DEFAULT_SETTINGS).text), true);
    assert.equal(decodeText(fs.readFileSync(f), 'x').encoding, 'GB18030');
  });

  it('export reads a GBK file as its UTF-8 twin', function () {
    const text = department();
    const a = cli(['export', file(encodeGb18030(text))]);
    const b = cli(['export', file(Buffer.from(text, 'utf8'))]);
    assert.equal(a.code, 0, a.err);
    assert.equal(a.out, b.out);
  });
});
