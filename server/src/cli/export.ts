/** `target-table export FILE [--format json|csv]`: the parsed tables as JSON or CSV on stdout. */
import { parseDocument } from '../core/parse/document';
import { exportDocument } from '../core/export/json';
import { toCsv } from '../core/export/csv';
import { CliError, readTextFile } from './io';

export async function runExport(args: string[]): Promise<number> {
  let format = 'json';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a === '-f') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('-') && a !== '-') throw new CliError(`未知选项 unknown option: ${a}`, 2);
    else files.push(a);
  }
  if (format !== 'json' && format !== 'csv') throw new CliError(`--format 只能是 json 或 csv (must be json or csv): ${format}`, 2);
  if (files.length !== 1) throw new CliError('用法 usage: target-table export FILE [--format json|csv]', 2);
  const file = files[0];
  const doc = exportDocument(parseDocument(readTextFile(file)));
  if (!doc.departments.some((d) => d.tables.length > 0)) {
    throw new CliError(`文件中没有绩效目标表 no target table found in ${file}`);
  }
  const out = format === 'csv' ? toCsv(doc) : JSON.stringify(doc, null, 2) + '\n';
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
  return 0;
}
