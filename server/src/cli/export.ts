/**
 * `target-table export FILE|- [--format json|csv]`: the parsed tables as JSON or CSV on stdout,
 * written one department at a time (a big export is never one string).
 */
import { parseDocument } from '../core/parse/document';
import { hasExportableTable, jsonChunks } from '../core/export/json';
import { csvChunks } from '../core/export/csv';
import { CliError, EXIT, readInputFile, readStdin } from './io';

const USAGE = '用法 usage: target-table export FILE [--format json|csv]   (FILE 为 - 时读标准输入 - reads standard input)';

export async function runExport(args: string[]): Promise<number> {
  let format = 'json';
  const files: string[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (options && a === '--') options = false;
    else if (options && (a === '--format' || a === '-f')) {
      if (i + 1 >= args.length) throw new CliError(`--format 缺少取值 needs a value\n${USAGE}`, EXIT.usage);
      format = args[++i];
    } else if (options && a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (options && a.startsWith('-') && a !== '-') throw new CliError(`未知选项 unknown option: ${a}`, EXIT.usage);
    else files.push(a);
  }
  if (format !== 'json' && format !== 'csv') throw new CliError(`--format 只能是 json 或 csv (must be json or csv): ${format}`, EXIT.usage);
  if (files.length !== 1) throw new CliError(USAGE, EXIT.usage);
  const { name, model } = await readModel(files[0]);
  if (!hasExportableTable(model)) throw new CliError(`文件中没有绩效目标表 no target table found in ${name}`, EXIT.noTable);
  for (const chunk of format === 'csv' ? csvChunks(model) : jsonChunks(model)) await writeOut(chunk);
  return EXIT.ok;
}

/** The parsed file; its bytes (kept by `InputFile` for --fix) are not held while the export is written. */
async function readModel(file: string): Promise<{ name: string; model: ReturnType<typeof parseDocument> }> {
  const input = file === '-' ? await readStdin() : readInputFile(file);
  return { name: input.name, model: parseDocument(input.text) };
}

/** Writes to stdout, waiting while its buffer is full (so memory holds one department's piece). */
function writeOut(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(chunk, (e) => e && reject(e))) resolve();
    else process.stdout.once('drain', resolve);
  });
}
