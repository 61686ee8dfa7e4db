/**
 * Files for the command line: reading (regular files and standard input only, with a size bound,
 * UTF-8, UTF-16 with a BOM or GB18030, each strictly) and writing a fix back in place. Everything that can go wrong ends as a
 * `CliError`: one line for stderr and an exit code (see `EXIT`).
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import * as iconv from 'iconv-lite';

/** Exit codes (README "Command line", `--help`). When several apply, the order of `worstExit` decides. */
export const EXIT = {
  /** No error-level problem. */
  ok: 0,
  /** An error-level problem was found. */
  problems: 1,
  /** Bad option or argument. */
  usage: 2,
  /** A file could not be read or written (missing, special, too big, neither UTF-8/UTF-16/GB18030, read-only, changed since read, a fixed character its encoding cannot hold…). */
  io: 3,
  /** A file has no target table. */
  noTable: 4,
  /** A bug. */
  internal: 70,
} as const;

/** Which code wins when several files end differently: the further right, the worse. */
const EXIT_ORDER: readonly number[] = [EXIT.ok, EXIT.problems, EXIT.noTable, EXIT.io, EXIT.usage, EXIT.internal];

export function worstExit(codes: readonly number[]): number {
  let worst: number = EXIT.ok;
  for (const c of codes) if (EXIT_ORDER.indexOf(c) > EXIT_ORDER.indexOf(worst)) worst = c;
  return worst;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.io,
  ) {
    super(message);
  }
}

/**
 * The largest input read: 500 MiB. V8's longest string is 2^29 − 24 UTF-16 units (~536.9 M), and
 * 500 MiB of ASCII decodes to 524.3 M units, so every file under the bound can be decoded. The
 * largest export we have tried is well under it.
 */
export const MAX_INPUT_BYTES = 500 * 1024 * 1024;

/** What identifies the version of a file that was read (from fstat of the descriptor read). */
export interface FileStamp {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

export interface InputFile {
  /** The name as given on the command line (`<stdin>` for `-`). */
  name: string;
  /** Where the bytes came from, symlinks resolved (null for standard input). */
  path: string | null;
  /** The bytes exactly as read. */
  bytes: Buffer;
  /** The decoded text, without the BOM. */
  text: string;
  bom: boolean;
  /** What the bytes were decoded as (io.ts `decodeText`); a fix is written back in it. */
  encoding: TextEncoding;
  stamp: FileStamp | null;
}

export const STDIN_NAME = '<stdin>';

function stampOf(st: fs.BigIntStats): FileStamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs };
}

/** Why `now` is not the version `read` describes (a different file, size or modification time), or null. */
export function changedSinceRead(read: FileStamp, now: FileStamp): 'file' | 'size' | 'mtime' | null {
  if (read.dev !== now.dev || read.ino !== now.ino) return 'file';
  if (read.size !== now.size) return 'size';
  if (read.mtimeNs !== now.mtimeNs) return 'mtime';
  return null;
}

function kindOf(st: fs.BigIntStats | fs.Stats): { zh: string; en: string } {
  if (st.isDirectory()) return { zh: '目录', en: 'a directory' };
  if (st.isFIFO()) return { zh: '命名管道', en: 'a FIFO' };
  if (st.isCharacterDevice()) return { zh: '字符设备', en: 'a character device' };
  if (st.isBlockDevice()) return { zh: '块设备', en: 'a block device' };
  if (st.isSocket()) return { zh: '套接字', en: 'a socket' };
  return { zh: '特殊文件', en: 'a special file' };
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

const tooBig = (name: string) =>
  new CliError(`文件太大（超过 ${MAX_INPUT_BYTES / 1024 / 1024} MiB），未读取 file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; not read: ${name}`);

/**
 * Reads a regular file. It is stat'ed before it is opened (opening a FIFO blocks), opened
 * non-blocking (in case it was swapped for a FIFO meanwhile), checked again on the descriptor,
 * and read up to the size bound.
 */
export function readInputFile(name: string): InputFile {
  let real: string;
  let st: fs.BigIntStats;
  try {
    real = fs.realpathSync(name);
    st = fs.statSync(real, { bigint: true });
  } catch (e) {
    const code = errCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`文件不存在 file not found: ${name}`);
    if (code === 'ELOOP') throw new CliError(`符号链接循环 symbolic link loop: ${name}`);
    throw new CliError(`无法读取 cannot read ${name}: ${code}`);
  }
  if (st.isDirectory()) throw new CliError(`这是目录，不是文件 is a directory, not a file: ${name}`);
  if (!st.isFile()) {
    const k = kindOf(st);
    throw new CliError(`不是普通文件（${k.zh}），未读取 not a regular file (${k.en}); not read: ${name}`);
  }
  if (st.size > BigInt(MAX_INPUT_BYTES)) throw tooBig(name);
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    throw new CliError(`无法读取 cannot read ${name}: ${errCode(e)}`);
  }
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    const fst = fs.fstatSync(fd, { bigint: true });
    if (!fst.isFile()) {
      const k = kindOf(fst);
      throw new CliError(`不是普通文件（${k.zh}），未读取 not a regular file (${k.en}); not read: ${name}`);
    }
    stamp = stampOf(fst);
    bytes = readBounded(fd, Number(fst.size), name);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取 cannot read ${name}: ${errCode(e)}`);
  } finally {
    fs.closeSync(fd);
  }
  return { name, path: real, bytes, stamp, ...decodeText(bytes, name) };
}

/** Reads a descriptor to its end (it may have grown since fstat), refusing more than the bound. */
function readBounded(fd: number, size: number, name: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buf = Buffer.allocUnsafe(Math.max(size, 0) + 1);
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooBig(name);
    chunks.push(buf.subarray(0, n));
    buf = Buffer.allocUnsafe(1 << 20);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * Reads standard input (`-`) with the same bound. A terminal is refused (a checker that waits
 * silently for typing looks hung), and so is a device: standard input must be a file or a pipe.
 */
export async function readStdin(): Promise<InputFile> {
  if (tty.isatty(0)) {
    throw new CliError(
      '标准输入是终端：请用管道或重定向传入文件，或给出文件名 standard input is a terminal: pipe or redirect a file in, or name a file',
      EXIT.usage,
    );
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.fstatSync(0);
  } catch {
    // closed standard input: read gives nothing
  }
  if (st && !st.isFile() && !st.isFIFO() && !st.isSocket()) {
    const k = kindOf(st);
    throw new CliError(`标准输入不是文件或管道（${k.zh}），未读取 standard input is not a file or a pipe (${k.en}); not read`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_INPUT_BYTES) {
        process.stdin.destroy();
        throw tooBig(STDIN_NAME);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取标准输入 cannot read standard input: ${errCode(e)}`);
  }
  const bytes = Buffer.concat(chunks, total);
  return { name: STDIN_NAME, path: null, bytes, stamp: null, ...decodeText(bytes, STDIN_NAME) };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The encodings a file is read in: UTF-8 (Word's "UTF-8" and every modern tool), UTF-16 LE/BE with
 * a BOM (Word's "Unicode text"), and GB18030 (a superset of GBK and GB2312: what Chinese Windows
 * tools write by default). A fix is written back in the file's own encoding.
 */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** How an encoding is named to the user (`UTF-16 LE`, as Word and Notepad say it). */
export function encodingLabel(encoding: TextEncoding): string {
  return encoding === 'UTF-16LE' ? 'UTF-16 LE' : encoding === 'UTF-16BE' ? 'UTF-16 BE' : encoding;
}

/** The most CJK characters the valid UTF-8 before a file's first invalid byte may hold for the file to be read as GB18030. */
const MIXED_UTF8_CJK = 4;

/**
 * Decodes a file's bytes, trying in this order: a BOM (UTF-8, UTF-16 LE, UTF-16 BE); UTF-16 without
 * a BOM is recognised by its NULs and refused (no BOM, no certainty of the byte order); NUL bytes
 * (binary data) are refused; then strict UTF-8 over the whole file; then, when that fails, strict
 * GB18030 over the whole file when it decodes to mostly Chinese text. A file that is UTF-8 up to
 * some line and GB18030 after it (two exports pasted together) is refused, naming the line: reading
 * it either way would garble half of it. Every accepted text encodes back to exactly the bytes read
 * (checked again before a GB18030 write), so a fix keeps every byte it does not edit.
 */
export function decodeText(bytes: Buffer, name: string): { text: string; bom: boolean; encoding: TextEncoding } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return decodeUtf16(bytes, bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE', name);
  }
  const utf16 = utf16Kind(bytes);
  if (utf16)
    throw new CliError(
      `文件是没有 BOM 的 ${utf16} 编码，无法确定字节序，未做任何修改（请另存为 UTF-8 或带 BOM 的 Unicode 文本） file is ${utf16} without a BOM; nothing was changed (save it as UTF-8 or as Unicode text with a BOM): ${name}`,
    );
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new CliError(
      `不是文本文件（二进制数据，第 ${lineAt(bytes, nul)} 行有 NUL 字节） not a text file (binary data: a NUL byte on line ${lineAt(bytes, nul)}): ${name}`,
    );
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // isUtf8 and toString are Node's SIMD paths, several times faster than a fatal TextDecoder on a big file.
  if (isUtf8(body)) return { text: body.toString('utf8'), bom, encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom, encoding: 'UTF-8' };
  } catch {
    // not UTF-8: GB18030, mixed, or neither (below)
  }
  const bad = (bom ? 3 : 0) + firstInvalidUtf8(body);
  // Valid UTF-8 Chinese before the first invalid byte: a UTF-8 file with something else pasted in (or a stray byte).
  const utf8Before = bom || cjkCount(new TextDecoder('utf-8').decode(bytes.subarray(0, bad))) > MIXED_UTF8_CJK;
  if (!utf8Before) {
    const gb = decodeGb18030(bytes);
    if (gb !== null) return { text: gb, bom: false, encoding: 'GB18030' };
  }
  const line = lineAt(bytes, bad);
  const guess = guessEncoding(bytes, lineStart(bytes, bad));
  const zh = guess ? `第 ${line} 行起，可能是 ${guess} 编码` : `第 ${line} 行起`;
  const en = guess ? `from line ${line} (likely ${guess})` : `from line ${line}`;
  if (utf8Before) throw new CliError(`文件不是有效的 UTF-8（${zh}），未做任何修改 file is not valid UTF-8 ${en}; nothing was changed: ${name}`);
  throw new CliError(
    `文件既不是有效的 UTF-8 也不是 GB18030（${zh}），未做任何修改 file is neither valid UTF-8 nor GB18030 ${en}; nothing was changed: ${name}`,
  );
}

/** UTF-16 after its BOM: every code unit kept as it is (a lone surrogate too), so it encodes back to the same bytes. */
function decodeUtf16(bytes: Buffer, encoding: 'UTF-16LE' | 'UTF-16BE', name: string): { text: string; bom: boolean; encoding: TextEncoding } {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0)
    throw new CliError(
      `文件以 ${encodingLabel(encoding)} 的 BOM 开头，但字节数是奇数（文件不完整或不是文本），未做任何修改 file starts with a ${encodingLabel(encoding)} BOM but has an odd number of bytes (cut short, or not text); nothing was changed: ${name}`,
    );
  const text = (encoding === 'UTF-16LE' ? body : Buffer.from(body).swap16()).toString('utf16le');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new CliError(`不是文本文件（二进制数据，第 ${line} 行有 NUL 字符） not a text file (binary data: a NUL character on line ${line}): ${name}`);
  }
  return { text, bom: true, encoding };
}

/** The whole buffer strictly as GB18030 when it decodes to mostly Chinese text (see `looksChinese`), else null. */
function decodeGb18030(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return looksChinese(text) ? text : null;
}

/** The bytes of a text in an encoding, with its BOM when the file had one. */
export function encodeText(text: string, bom: boolean, encoding: TextEncoding = 'UTF-8'): Buffer {
  if (encoding === 'UTF-8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([UTF8_BOM, body]) : body;
  }
  if (encoding === 'GB18030') return iconv.encode(text, 'gb18030');
  const le = Buffer.from(text, 'utf16le');
  const body = encoding === 'UTF-16LE' ? le : le.swap16();
  return Buffer.concat([Buffer.from(encoding === 'UTF-16LE' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/**
 * The first character of `text` that the encoding cannot hold (written as something else, e.g. `?`),
 * as its line and the character, or null when every character round-trips. UTF-8 and UTF-16 hold
 * every code point (a lone surrogate is written by UTF-16 as the code unit it is); GB18030 holds
 * every code point too, but not a lone surrogate.
 */
export function unencodable(text: string, encoding: TextEncoding): { line: number; char: string } | null {
  if (encoding !== 'GB18030') return null;
  const back = new TextDecoder('gb18030').decode(iconv.encode(text, 'gb18030'));
  if (back === text) return null;
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === back.charCodeAt(i)) i++;
  return { line: text.slice(0, i).split(/\r\n|\r|\n/).length, char: text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0') };
}

/** UTF-16 by its BOM, or by NULs in every other byte of the start (ASCII-heavy UTF-16 text). */
function utf16Kind(bytes: Buffer): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 LE';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'UTF-16 LE';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'UTF-16 BE';
  return null;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // cut short at the end
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return n;
}

/** 1-based line of a byte offset, counting \r\n, \n and a lone \r as LSP does. */
export function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) {
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function lineStart(b: Uint8Array, offset: number): number {
  let i = offset;
  while (i > 0 && b[i - 1] !== 0x0a && b[i - 1] !== 0x0d) i--;
  return i;
}

/**
 * The likely encoding of the text from `from` on: GB18030 (GBK, GB2312) when 64 KB of it decode
 * strictly as GB18030 to mostly Chinese characters; null when it cannot tell. (The two other
 * encodings a Windows export can have, UTF-16 LE and BE, are recognised before UTF-8 is tried.)
 */
export function guessEncoding(b: Uint8Array, from: number): string | null {
  let end = Math.min(b.length, from + 65536);
  if (end < b.length) {
    let cut = end;
    while (cut > from && b[cut - 1] !== 0x0a) cut--;
    if (cut > from) end = cut;
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(b.subarray(from, end));
  } catch {
    return null;
  }
  return looksChinese(text) ? 'GB18030' : null;
}

/** Whether a text's non-ASCII characters are mostly Chinese (CJK ideographs, CJK and full-width punctuation). */
function looksChinese(text: string): boolean {
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (isCjk(c)) cjk++;
    else other++;
  }
  return cjk > 0 && cjk >= 4 * other;
}

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

function cjkCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isCjk(text.charCodeAt(i))) n++;
  return n;
}

/** Where two buffers first differ (the shorter's length when one is a prefix of the other). */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  const step = 65536;
  let i = 0;
  while (i + step <= n && a.subarray(i, i + step).equals(b.subarray(i, i + step))) i += step;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function writeAll(fd: number, data: Buffer, from: number): void {
  let pos = from;
  while (pos < data.length) pos += fs.writeSync(fd, data, pos, data.length - pos, pos);
}

function readAt(fd: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let pos = 0;
  while (pos < length) {
    const n = fs.readSync(fd, buf, pos, length - pos, pos);
    if (n === 0) break;
    pos += n;
  }
  return pos === length ? buf : buf.subarray(0, pos);
}

function modeString(mode: bigint): string {
  return '0' + (mode & 0o7777n).toString(8).padStart(3, '0');
}

/**
 * The bytes a fixed text is written as: the file's own encoding and BOM. Refused (nothing written)
 * when a character of the fixed text cannot be written in that encoding, or when the file's own text
 * would not encode back to the bytes read (a GB18030 mapping the encoder does not share with the
 * decoder): then bytes the fix did not touch would change.
 */
function encodeForWrite(input: InputFile, text: string): Buffer {
  const label = encodingLabel(input.encoding);
  const lost = unencodable(text, input.encoding);
  if (lost)
    throw new CliError(
      `修复后第 ${lost.line} 行的字符 U+${lost.char} 无法用 ${label} 编码写回，未修改 the fixed text's character U+${lost.char} on line ${lost.line} cannot be written in ${label}; not changed: ${input.name}`,
    );
  if (input.encoding === 'GB18030' && !encodeText(input.text, input.bom, input.encoding).equals(input.bytes))
    throw new CliError(
      `文件的 GB18030 字节无法原样写回（编码表不一致），未修改 the file's GB18030 bytes would not be written back as they were (an unusual mapping); not changed: ${input.name}`,
    );
  return encodeText(text, input.bom, input.encoding);
}

/**
 * Writes a fixed text back into the file it was read from, in place: the same inode (owner,
 * group, mode, hard links and the symlink pointing at it all stay), only from the first byte that
 * changed. Refused, with nothing written, when the file has no write permission (for anyone: a
 * mode without any write bit is refused even for root, as `rm` asks before removing such a file)
 * or when it is not the version read (inode, size, modification time, then the bytes compared).
 * A write that fails midway puts the original bytes back and the original length, then reports.
 * Returns whether anything was written.
 */
export function writeInPlace(input: InputFile, text: string): boolean {
  if (!input.path || !input.stamp) throw new Error('internal: writeInPlace on standard input');
  const name = input.name;
  const data = encodeForWrite(input, text);
  if (data.equals(input.bytes)) return false;
  const file = input.path;
  let st: fs.BigIntStats;
  try {
    st = fs.statSync(file, { bigint: true });
  } catch (e) {
    throw new CliError(`无法写入（${errCode(e)}），未修改 cannot write (${errCode(e)}); not changed: ${name}`);
  }
  if ((st.mode & 0o222n) === 0n) {
    throw new CliError(
      `文件是只读的（权限 ${modeString(st.mode)}，没有写权限位），未修改 file is read-only (mode ${modeString(st.mode)}, no write bit); not changed: ${name}`,
    );
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new CliError(`没有写权限，未修改 no permission to write; not changed: ${name}`);
  }
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    throw new CliError(`无法打开以写入（${errCode(e)}），未修改 cannot open for writing (${errCode(e)}); not changed: ${name}`);
  }
  try {
    const now = fs.fstatSync(fd, { bigint: true });
    const why = now.isFile() ? changedSinceRead(input.stamp, stampOf(now)) : 'file';
    const changed = (what: string) => new CliError(`文件在读取后被改动（${what}），未覆盖 file changed since it was read (${what}); not overwritten: ${name}`);
    if (why) throw changed(why === 'file' ? 'file replaced' : why);
    if (!readAt(fd, input.bytes.length).equals(input.bytes)) throw changed('content');
    const from = firstDifference(input.bytes, data);
    try {
      writeAll(fd, data, from);
      if (data.length < input.bytes.length) fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
    } catch (e) {
      let restored = false;
      try {
        writeAll(fd, input.bytes, from);
        fs.ftruncateSync(fd, input.bytes.length);
        fs.fsyncSync(fd);
        restored = true;
      } catch {
        // reported below
      }
      throw new CliError(
        restored
          ? `写入失败（${errCode(e)}），已恢复原内容 write failed (${errCode(e)}); the original content was restored: ${name}`
          : `写入失败（${errCode(e)}），原内容也未能恢复，文件可能不完整 write failed (${errCode(e)}) and restoring the original failed too; the file may be incomplete: ${name}`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
  return true;
}
