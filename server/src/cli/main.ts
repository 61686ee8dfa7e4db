/**
 * `target-table`: the command line. Subcommands live in files of their own; this file
 * parses nothing but the subcommand name and turns every failure into one line on stderr
 * and a non-zero exit (never a stack trace).
 */
import { runCheck } from './check';
import { runExport } from './export';
import { CliError } from './io';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  export: runExport,
  check: runCheck,
};

const USAGE = `用法 Usage:
  target-table export FILE [--format json|csv]
  target-table check FILE... [--format text|json] [--fix]`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write('target-table 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`未知命令 unknown command: ${name}\n${USAGE}`, 2);
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
      process.exitCode = 70;
    }
  },
);
