/**
 * `target-table`: the command line. Subcommands live in files of their own; this file
 * parses nothing but the subcommand name and turns every failure into one line on stderr
 * and a non-zero exit (never a stack trace).
 */
import * as path from 'node:path';
import { runCheck } from './check';
import { runExport } from './export';
import { runReport } from './report';
import { CliError, EXIT } from './io';
import { RULE_DOCS_DIR } from '../core/rule-docs';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  export: runExport,
  check: runCheck,
  report: runReport,
};

const USAGE = `用法 Usage:
  target-table check FILE... [--format text|json] [--fix]
  target-table export FILE [--format json|csv]
  target-table report PATH... -o FILE [--format html|xlsx|csv]   审核报告 review report (format from FILE's extension)
FILE 为 - 时读标准输入（--fix 除外） FILE - reads standard input (not with --fix)

退出码 Exit codes:
  0   没有错误级问题 no error-level problem
  1   有错误级问题 error-level problems found
  2   用法错误 usage error (bad option or argument)
  3   文件无法读取或写入 a file could not be read or written (missing, not a regular file, over 500 MiB,
      not UTF-8, read-only, changed since it was read…)
  4   文件中没有绩效目标表 a file has no target table
  70  内部错误 internal error
多个文件时取最严重的 with several files the worst wins: 2 > 3 > 4 > 1 > 0`;

/** Where each code's page is in the installed package (core/rule-docs.ts), for --help. */
const RULE_PAGES = RULE_DOCS_DIR === null ? '' : `\n\n规则说明（每个代码一页） Rule pages, one per code:\n  ${path.join(RULE_DOCS_DIR, 'TTxxx.md')}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(USAGE + RULE_PAGES + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write('target-table 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`未知命令 unknown command: ${name}\n${USAGE}`, EXIT.usage);
  return command(rest);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`target-table: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`target-table: 内部错误 internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
