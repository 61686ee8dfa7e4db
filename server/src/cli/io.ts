/** Reading input files for the command line, with one-line messages for everything that can go wrong. */
import * as fs from 'node:fs';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Reads a text file as UTF-8; refuses directories, missing files and binary data with a clear message. */
export function readTextFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`文件不存在 file not found: ${file}`);
  }
  if (stat.isDirectory()) throw new CliError(`这是目录，不是文件 is a directory, not a file: ${file}`);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`无法读取 cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (looksBinary(data)) throw new CliError(`不是文本文件（二进制数据） not a text file (binary data): ${file}`);
  let text = data.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** NUL bytes or many invalid UTF-8 sequences in the first 8 KB: not a text export. */
export function looksBinary(data: Buffer): boolean {
  const head = data.subarray(0, 8192);
  if (head.includes(0)) return true;
  const decoded = head.toString('utf8');
  let bad = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad > decoded.length / 100;
}
