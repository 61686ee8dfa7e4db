/**
 * The command line's safety (issue 9), run as a user runs it: the bundled dist/cli.js in a child
 * process. Encodings that do not decode are never rewritten, special files end at once, --fix
 * writes in place (inode, owner, group, mode, links kept) and refuses files that are read-only or
 * changed since they were read, exit codes say what happened, and a fix keeps every byte it does
 * not edit. Times are never asserted: a child gets 10 s and the test asserts that it ended.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/core/parse/document';
import { exportDocument } from '../../../server/src/core/export/json';
import { toCsv } from '../../../server/src/core/export/csv';
import { changedSinceRead, firstInvalidUtf8, readInputFile, writeInPlace, CliError, type FileStamp } from '../../../server/src/cli/io';
import { fixAll, fixAllText } from '../../../server/src/core/fixes';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { SAMPLE_PATH, department, sampleText } from '../../helpers/fixtures';
import { encodeGb18030 } from '../../helpers/gb18030';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    timeout: 10000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '' },
  });
  return { code: r.status, signal: r.signal, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), stdout: r.stdout };
}

/** Ended by itself (not killed by the timeout) with exactly one line on stderr. */
function assertOneLine(r: ReturnType<typeof cli>, code: number, message: RegExp): void {
  assert.equal(r.signal, null, 'the child ended by itself');
  assert.equal(r.code, code, r.err);
  assert.equal(r.err.split('\n').filter((l) => l !== '').length, 1, r.err);
  assert.match(r.err, message);
  assert.doesNotMatch(r.err, /\n\s+at /);
}

/** How many bytes fix-all adds to a text. */
function checkGrowth(text: string): number {
  return Buffer.byteLength(fixAllText(text, DEFAULT_SETTINGS).text, 'utf8') - Buffer.byteLength(text, 'utf8');
}

/** A department with safe fixes (≧ → ≥, full-width digits, `%%`) on several lines. */
function fixable(name = '武汉市东西湖区测试局'): string {
  return department(name).replace('≥2场', '≧２场').replace('≥90%', '≥90%%');
}

describe('cli safety (issue 9)', function () {
  let dir: string;
  let n = 0;
  const file = (data: string | Buffer, name = `f${n++}.txt`) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-safety-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('encodings: a file that does not decode is never rewritten', function () {
    it('refuses the sample with its second half in GB18030, naming the line and GB18030, and changes nothing', function () {
      const text = sampleText();
      const cut = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
      const bytes = Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), encodeGb18030(text.slice(cut))]);
      const f = file(bytes);
      // the first line of the GB18030 half that is not ASCII is where decoding fails
      const lines = text.slice(cut).split('\n');
      const firstNonAscii = text.slice(0, cut).split('\n').length + lines.findIndex((l) => /[\u0080-\uffff]/.test(l));
      for (const args of [
        ['check', f],
        ['check', '--fix', f],
        ['export', f],
      ]) {
        const r = cli(args);
        assertOneLine(
          r,
          3,
          new RegExp(
            `文件不是有效的 UTF-8（第 ${firstNonAscii} 行起，可能是 GB18030 编码），未做任何修改 file is not valid UTF-8 from line ${firstNonAscii} \\(likely GB18030\\); nothing was changed: `,
          ),
        );
        assert.ok(fs.readFileSync(f).equals(bytes), 'not one byte changed');
      }
    });

    it('refuses invalid bytes (a stray 0xFF, a cut sequence at the end, an encoded surrogate) and changes nothing', function () {
      const base = fixable();
      const mid = Buffer.from(base.slice(0, 200), 'utf8').length;
      const line = base.slice(0, 200).split('\n').length;
      const good = Buffer.from(base, 'utf8');
      for (const [bytes, atLine] of [
        [Buffer.concat([good.subarray(0, mid), Buffer.from([0xff]), good.subarray(mid)]), line],
        [Buffer.concat([good, Buffer.from([0xe4, 0xb8])]), base.split('\n').length],
        [Buffer.concat([good.subarray(0, mid), Buffer.from([0xed, 0xa0, 0x80]), good.subarray(mid)]), line],
      ] as const) {
        const f = file(bytes);
        const r = cli(['check', '--fix', f]);
        assertOneLine(r, 3, new RegExp(`不是有效的 UTF-8（第 ${atLine} 行起.*not valid UTF-8 from line ${atLine}\\b`));
        assert.ok(fs.readFileSync(f).equals(bytes));
      }
    });

    it('refuses UTF-16 without a BOM (by its NUL pattern) and NUL bytes (UTF-16 with a BOM is read: encodings.test.ts)', function () {
      const noBom = Buffer.from('\t武汉市东西湖区测试局整体支出绩效目标表\n'.replace(/[\u0080-\uffff]/g, '') + 'plain ascii text\n'.repeat(20), 'utf16le');
      assertOneLine(cli(['check', file(noBom)]), 3, /UTF-16 LE without a BOM/);
      const nul = Buffer.concat([Buffer.from(fixable(), 'utf8'), Buffer.from([0])]);
      const f = file(nul);
      assertOneLine(cli(['check', '--fix', f]), 3, /二进制.*binary data: a NUL byte on line/);
      assert.ok(fs.readFileSync(f).equals(nul));
    });

    it('with --fix, writes no file when another one could not be read (and still checks it)', function () {
      const good = file(fixable());
      const before = fs.readFileSync(good);
      const bad = file(Buffer.from([0x41, 0xff, 0x0a]));
      const r = cli(['check', '--fix', good, bad]);
      assertOneLine(r, 3, /既不是有效的 UTF-8 也不是 GB18030（第 1 行起）.*neither valid UTF-8 nor GB18030 from line 1; nothing was changed: /);
      assert.ok(fs.readFileSync(good).equals(before), 'the good file was not written');
      assert.match(r.out, /TT201/, 'the good file is still reported');
      assert.match(r.out, /有文件无法读取，未修复任何文件/);
    });

    it('finds the first invalid byte as the strict decoder does', function () {
      for (const [bytes, at] of [
        [[0x41, 0xc3, 0xa9, 0x42], 4],
        [[0xc0, 0x80], 0],
        [[0xe0, 0x9f, 0x80], 0],
        [[0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0x80, 0x80], 4],
        [[0x41, 0xe4, 0xb8], 1],
      ] as const) {
        assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), at, JSON.stringify(bytes));
      }
    });
  });

  describe('special files end at once with one line', function () {
    it('refuses /dev/zero, /dev/urandom, a FIFO without a writer and a directory', function () {
      const fifo = path.join(dir, 'fifo');
      spawnSync('mkfifo', [fifo]);
      assert.ok(fs.statSync(fifo).isFIFO());
      for (const [f, what] of [
        ['/dev/zero', /字符设备.*character device/],
        ['/dev/urandom', /character device/],
        [fifo, /命名管道.*a FIFO/],
      ] as const) {
        for (const cmd of [['check'], ['check', '--fix'], ['export']]) assertOneLine(cli([...cmd, f]), 3, what);
      }
      // check walks a folder (inputs.test.ts); export takes one file.
      assertOneLine(cli(['export', dir]), 3, /是目录.*is a directory/);
    });

    it('refuses a file over 500 MiB before reading it (a sparse file)', function () {
      const f = path.join(dir, `big${n++}.txt`);
      fs.writeFileSync(f, '');
      fs.truncateSync(f, 500 * 1024 * 1024 + 1);
      assertOneLine(cli(['check', '--fix', f]), 3, /文件太大（超过 500 MiB）.*larger than 500 MiB; not read: /);
      assert.equal(fs.statSync(f).size, 500 * 1024 * 1024 + 1);
      fs.rmSync(f);
    });

    it('reads standard input for -, refuses --fix on it, and an empty input is no table', function () {
      const r = cli(['check', '-'], fixable());
      assert.equal(r.signal, null);
      assert.match(r.out, /^<stdin>:\d+:\d+: warning TT201 /m);
      assertOneLine(cli(['check', '-'], ''), 4, /没有绩效目标表 no target table found in <stdin>/);
      assertOneLine(cli(['check', '--fix', '-'], fixable()), 2, /--fix.*standard input/);
      const e = cli(['export', '-', '--format=csv'], fixable());
      assert.equal(e.code, 0, e.err);
      assert.ok(e.out.startsWith('\ufeff部门,'));
    });

    it('refuses a terminal on standard input instead of waiting', function () {
      // `script` gives the child a pseudo-terminal as its standard input.
      const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI} check -`, '/dev/null'], { timeout: 10000, input: '', encoding: 'utf8' });
      assert.equal(r.signal, null, 'ended by itself');
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, /标准输入是终端.*standard input is a terminal/);
    });
  });

  describe('--fix writes in place', function () {
    it('follows a symlink: the target is fixed and the link stays a link', function () {
      const target = file(fixable());
      const link = path.join(dir, `link${n++}.txt`);
      fs.symlinkSync(target, link);
      const r = cli(['check', '--fix', link]);
      assert.match(r.out, /已修复 3 处/, r.err);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readlinkSync(link), target);
      assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /≧|２|%%/);
    });

    it('keeps the inode: both names of a hard link see the fix', function () {
      const a = file(fixable());
      const b = path.join(dir, `hard${n++}.txt`);
      fs.linkSync(a, b);
      const ino = fs.statSync(a).ino;
      cli(['check', '--fix', a]);
      assert.equal(fs.statSync(a).ino, ino);
      assert.equal(fs.statSync(b).ino, ino);
      assert.equal(fs.statSync(a).nlink, 2);
      assert.doesNotMatch(fs.readFileSync(b, 'utf8'), /≧/);
    });

    it('keeps owner, group and mode (a file of uid/gid 65534, mode 0640)', function () {
      if (process.getuid?.() !== 0) this.skip();
      const f = file(fixable());
      fs.chownSync(f, 65534, 65534);
      fs.chmodSync(f, 0o640);
      const before = fs.statSync(f);
      const r = cli(['check', '--fix', f]);
      assert.match(r.out, /已修复/, r.err);
      const after = fs.statSync(f);
      assert.deepEqual([after.uid, after.gid, after.mode & 0o7777, after.ino], [65534, 65534, 0o640, before.ino]);
    });

    it('works in a directory it cannot write to (nothing is created beside the file)', function () {
      const sub = fs.mkdtempSync(path.join(dir, 'ro-'));
      const f = path.join(sub, 'x.txt');
      fs.writeFileSync(f, fixable());
      fs.chmodSync(sub, 0o555);
      try {
        const r = cli(['check', '--fix', f]);
        assert.match(r.out, /已修复 3 处/, r.err);
        assert.deepEqual(fs.readdirSync(sub), ['x.txt']);
      } finally {
        fs.chmodSync(sub, 0o755);
      }
    });

    it('refuses a read-only file (no write bit, even for root), leaves it unchanged and still prints the report', function () {
      const f = file(fixable());
      fs.chmodSync(f, 0o444);
      const before = fs.readFileSync(f);
      const r = cli(['check', '--fix', f]);
      assertOneLine(r, 3, /只读.*0444.*read-only \(mode 0444, no write bit\); not changed: /);
      assert.ok(fs.readFileSync(f).equals(before));
      assert.match(r.out, /warning TT201 /, 'the report lists the problems still in the file');
      assert.doesNotMatch(r.out, /已修复/);
    });

    it('does not overwrite a file that changed after it was read (the same file named twice)', function () {
      // Every file is read before any is written: the second name's copy is stale once the
      // first is fixed, and the write must notice.
      const a = file(fixable());
      const b = path.join(dir, `again${n++}.txt`);
      fs.linkSync(a, b);
      const r = cli(['check', '--fix', a, b]);
      assertOneLine(r, 3, /读取后被改动.*changed since it was read \((mtime|size|content)\); not overwritten: .*again/);
      assert.doesNotMatch(fs.readFileSync(a, 'utf8'), /≧/, 'the first name was fixed');
    });

    it('puts the original bytes back when a write fails midway (file size limit), and says so', function () {
      // A file just under 2 KiB whose fixes (TT403 appends 指标) make it longer, written under
      // `ulimit -f 2` (2 KiB) with SIGXFSZ ignored: the write stops at the limit with EFBIG.
      let text = department()
        .replace(/数量指标/g, '数量')
        .replace(/质量指标/g, '质量');
      const grow = checkGrowth(text);
      assert.ok(grow > 3, 'the fixes make the file longer than the limit');
      const size = Buffer.byteLength(text, 'utf8');
      assert.ok(size < 2048 - 3, `fixture fits under the limit (${size} bytes)`);
      text += '\n'.repeat(2048 - 3 - size);
      const f = file(text);
      const before = fs.readFileSync(f);
      const r = spawnSync('bash', ['-c', `ulimit -f 2; trap '' XFSZ; exec "$0" "$1" check --fix "$2"`, process.execPath, CLI, f], {
        timeout: 10000,
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: '', LANG: '' },
      });
      assert.equal(r.signal, null);
      assert.equal(r.status, 3, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /写入失败（EFBIG），已恢复原内容 write failed \(EFBIG\); the original content was restored: /);
      assert.ok(fs.readFileSync(f).equals(before), 'the original bytes and length are back');
      assert.match(r.stdout, /information TT403 /, 'the report shows the file as it still is');
    });

    it('knows a changed file by inode, size and modification time (fake stats)', function () {
      const read: FileStamp = { dev: 1n, ino: 2n, size: 100n, mtimeNs: 5000n };
      assert.equal(changedSinceRead(read, { ...read }), null);
      assert.equal(changedSinceRead(read, { ...read, ino: 3n }), 'file');
      assert.equal(changedSinceRead(read, { ...read, dev: 9n }), 'file');
      assert.equal(changedSinceRead(read, { ...read, size: 101n }), 'size');
      assert.equal(changedSinceRead(read, { ...read, mtimeNs: 5001n }), 'mtime');
    });

    it('knows a changed file by its bytes when size and time agree', function () {
      const f = file(fixable());
      const input = readInputFile(f);
      // Same length, other bytes, then the stamp the write will see: only the bytes differ.
      const other = Buffer.from(input.bytes);
      other[other.length - 2] = other[other.length - 2] === 0x41 ? 0x42 : 0x41;
      fs.writeFileSync(f, other);
      const st = fs.statSync(f, { bigint: true });
      const stale = { ...input, stamp: { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs } };
      assert.throws(
        () => writeInPlace(stale, input.text.replace('≧', '≥')),
        (e: unknown) => e instanceof CliError && /changed since it was read \(content\)/.test(e.message),
      );
      assert.ok(fs.readFileSync(f).equals(other));
    });
  });

  describe('exit codes', function () {
    it('0 no error, 1 errors, 2 usage, 3 unreadable, 4 no table; several files: the worst wins', function () {
      const clean = file(department());
      const errors = file(department().replace('产出指标', '社会效益'));
      const noTable = file('这是一封信。\n没有表格。\n');
      const empty = file('');
      const readme = path.resolve(__dirname, '../../../../README.md');
      assert.equal(cli(['check', clean]).code, 0);
      assert.equal(cli(['check', errors]).code, 1);
      assert.equal(cli(['check', '--nope', clean]).code, 2);
      assert.equal(cli(['check']).code, 2);
      assert.equal(cli(['bogus']).code, 2);
      assert.equal(cli(['check', path.join(dir, 'missing.txt')]).code, 3);
      for (const f of [noTable, empty, readme]) assertOneLine(cli(['check', f]), 4, /没有绩效目标表 no target table/);
      assert.equal(cli(['check', '/dev/null']).code, 3, '/dev/null is a device, not a pass');
      assert.equal(cli(['check', errors, noTable]).code, 4);
      const mixed = cli(['check', errors, path.join(dir, 'missing.txt'), noTable]);
      assert.equal(mixed.code, 3);
      assert.match(mixed.out, /error TT40\d /, 'the readable file is still reported');
      assert.equal(cli(['export', noTable]).code, 4);
      assert.equal(cli(['export', clean, clean]).code, 2);
      assert.match(cli(['--help']).out, /退出码 Exit codes:[\s\S]*\n {2}4 {3}/);
      // The rule pages of the package dist/cli.js belongs to (docs/rules beside dist/), which exist.
      const pages = /Rule pages, one per code:\n {2}(.*)TTxxx\.md\n/.exec(cli(['--help']).out);
      assert.ok(pages, 'help names the rule pages');
      assert.equal(pages[1], path.resolve(CLI, '..', '..', 'docs', 'rules') + path.sep);
      assert.ok(fs.existsSync(path.join(pages[1], 'TT101.md')));
    });
  });

  describe('a fix keeps every byte it does not edit', function () {
    const variants: [string, (t: string) => string][] = [
      ['LF', (t) => t],
      ['CRLF and a BOM', (t) => '\ufeff' + t.replace(/\n/g, '\r\n')],
      ['lone CR', (t) => t.replace(/\n/g, '\r')],
      [
        'mixed breaks, a BOM in the middle, astral characters',
        (t) => t.replace(/\n/g, (_m, o: number) => (o % 3 === 0 ? '\r\n' : o % 3 === 1 ? '\r' : '\n')).replace('单位：万元', '单位：万元\ufeff😀'),
      ],
    ];
    for (const [name, make] of variants) {
      it(name, function () {
        const text = make(sampleText().slice(0, 120000) + fixable('武汉市东西湖区尾局'));
        const f = file(text);
        const before = fs.readFileSync(f);
        const r = cli(['check', '--fix', f]);
        assert.match(r.out, /已修复 \d+ 处/, r.err);
        const after = fs.readFileSync(f);
        // The fixes' edits, as byte ranges of the original file.
        const bom = text.startsWith('\ufeff');
        const body = bom ? text.slice(1) : text;
        const fixed = fixAll(parseDocument(body), DEFAULT_SETTINGS);
        assert.equal(fixed.passes, 1, 'one pass: the edits are exactly the fixes');
        const starts = [0];
        for (let i = 0; i < body.length; i++) if (body[i] === '\n' || (body[i] === '\r' && body[i + 1] !== '\n')) starts.push(i + 1);
        const byteOf = (p: { line: number; character: number }) => (bom ? 3 : 0) + Buffer.byteLength(body.slice(0, starts[p.line] + p.character), 'utf8');
        let inPos = 0;
        let outPos = 0;
        let widest = 0;
        for (const e of fixed.edits) {
          const a = byteOf(e.range.start);
          const b = byteOf(e.range.end);
          assert.ok(before.subarray(inPos, a).equals(after.subarray(outPos, outPos + a - inPos)), `bytes ${inPos}–${a} kept`);
          outPos += a - inPos + Buffer.byteLength(e.newText, 'utf8');
          widest = Math.max(widest, b - a);
          inPos = b;
        }
        assert.ok(before.subarray(inPos).equals(after.subarray(outPos)), 'the bytes after the last edit kept');
        assert.equal(after.length, outPos + before.length - inPos);
        assert.ok(widest <= 12 && fixed.edits.length > 2, `${fixed.edits.length} edits of at most a few characters (widest ${widest} bytes)`);
      });
    }
  });

  describe('export streams the same bytes', function () {
    it('JSON and CSV of the sample are byte-identical to the whole-document functions', function () {
      const doc = exportDocument(parseDocument(sampleText()));
      const json = cli(['export', SAMPLE_PATH]);
      assert.equal(json.code, 0, json.err);
      assert.ok(json.stdout.equals(Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8')));
      const csv = cli(['export', SAMPLE_PATH, '--format', 'csv']);
      assert.ok(csv.stdout.equals(Buffer.from(toCsv(doc), 'utf8')));
    });
  });
});
