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
  target-table check PATH... [--format text|json|sarif] [--fix] [--workers N]
        [--config FILE | --no-config] [--report-unused-suppressions] [--include-suppressed]
  target-table export FILE [--format json|csv]
  target-table report PATH... -o FILE [--format html|xlsx|csv]   审核报告 review report (format from FILE's extension)
FILE 为 - 时读标准输入（--fix 除外） FILE - reads standard input (not with --fix)
审核配置 Review config: 每个文件用其上最近的 .target-table.json the nearest .target-table.json above each file
  (--config FILE 对所有文件用此配置 for all files; --no-config 不用配置 none)

check 的 PATH PATH for check:
  文件 a file          按原样检查，不论文件名 checked whatever its name
  目录 a folder        递归查找绩效目标表文件 searched recursively for target-table files: *.ttable and
                       *绩效目标表*.txt, *绩效目标*.txt, *绩效自评*.txt… (node_modules, .git 除外 skipped)
  glob '2026/**/*.txt' 加引号时由本程序展开 expanded here when quoted (the shell expands it otherwise)
  -j N, --workers N    并行检查的线程数，默认为 CPU 核数，1 为单线程 worker threads (default: one per core; 1: none);
                       --fix 总在单线程中进行 --fix always runs in one thread
  --format sarif       SARIF 2.1.0，供代码扫描工具使用 for code-scanning tools
文件可以是 UTF-8（可带 BOM）、带 BOM 的 UTF-16 或 GB18030/GBK；--fix 按原编码写回
Files may be UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK; --fix writes back in the same encoding
终端中在标准错误上显示进度 progress is shown on stderr when it is a terminal

退出码 Exit codes:
  0   没有错误级问题 no error-level problem
  1   有错误级问题 error-level problems found (--report-unused-suppressions: 或有未使用的忽略规则 or an unused suppression)
  2   用法错误 usage error (bad option or argument; 审核配置的 JSON 有误 the review config's JSON is broken)
  3   文件无法读取或写入 a file could not be read or written (missing, not a regular file, over 500 MiB,
      neither UTF-8, UTF-16 nor GB18030, read-only, changed since it was read, a fixed character
      its encoding cannot hold…)
  4   文件中没有绩效目标表 a file has no target table, or a folder or glob gave no file to check
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
