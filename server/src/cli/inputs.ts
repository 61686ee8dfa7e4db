/**
 * What `target-table check` (and `report`) is given on its command line, expanded to the files to
 * read. Each argument is, in this order:
 *
 * * `-`: standard input;
 * * an existing file: that file, whatever its name (it was named);
 * * an existing directory: walked recursively for target-table files, by the language's file
 *   patterns (package.json `contributes.languages[0]`: the `.ttable` extension and the
 *   `filenamePatterns`), never descending into node_modules or a version-control folder, nor
 *   following a symlink to a directory (a link loop cannot trap the walk);
 * * a glob (picomatch), when no file of that name exists and it has glob characters: the shell
 *   expands an unquoted `*.txt` itself, a quoted `'2026/**\/*.txt'` reaches us as it is, and we
 *   expand it the same way, as markdownlint-cli2 and ESLint do. A glob selects files by their
 *   names, so every file it matches is checked, target-table name or not;
 * * anything else: a file, whose reading then says why it cannot be read.
 *
 * The `ignored` predicate (the config file's ignores) drops walked and globbed files, and a file
 * named explicitly, with a note. Within an argument files are sorted by path; across arguments they
 * keep the command line's order, and a file reached twice is kept once (its first place).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CliError, EXIT } from './io';
import { NEVER_DESCEND, TARGET_TABLE_EXTENSIONS, TARGET_TABLE_FILENAME_PATTERNS, TARGET_TABLE_FILE_PATTERNS } from '../core/file-patterns';

export { TARGET_TABLE_EXTENSIONS, TARGET_TABLE_FILENAME_PATTERNS };

const nameMatchers = TARGET_TABLE_FILENAME_PATTERNS.map((p) => picomatch(p, { dot: true }));

/** Whether a file's base name makes it a target-table file (what VS Code would open in the language). */
export function isTargetTableName(baseName: string): boolean {
  const lower = baseName.toLowerCase();
  return TARGET_TABLE_EXTENSIONS.some((e) => lower.endsWith(e)) || nameMatchers.some((m) => m(baseName));
}

export interface InputSpec {
  /** The name shown in reports: as written for a named file, the directory or glob's base joined with the path found. */
  name: string;
  /** null for standard input. */
  path: string | null;
}

export interface ExpandOptions {
  /** Relative arguments and glob bases are resolved against it (default: the process's). */
  cwd?: string;
  /** Whether a file is to be left out (the config's ignores); given the file's absolute path. */
  ignored?: (absolutePath: string) => boolean;
}

export interface Expansion {
  files: InputSpec[];
  /** Arguments that gave nothing to check (an empty folder, a glob without a match): one line each for stderr. */
  errors: CliError[];
  /** Explicitly named files left out as ignored: for a note on stderr. */
  ignoredNamed: string[];
}

/** Expands the command line's file arguments (see the file's comment). Never throws for a path; usage errors are the caller's. */
export function expandInputs(args: readonly string[], options: ExpandOptions = {}): Expansion {
  const cwd = options.cwd ?? process.cwd();
  const ignored = options.ignored ?? (() => false);
  const files: InputSpec[] = [];
  const errors: CliError[] = [];
  const ignoredNamed: string[] = [];
  const seen = new Set<string>();
  const add = (spec: InputSpec) => {
    const key = spec.path === null ? '-' : identity(spec.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(spec);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ name: arg, path: null });
      continue;
    }
    const abs = path.resolve(cwd, arg);
    const st = statOrNull(abs);
    if (st?.isDirectory()) {
      const found: InputSpec[] = [];
      let skipped = 0;
      walk(abs, (file) => {
        if (!isTargetTableName(path.basename(file))) return;
        if (ignored(file)) skipped++;
        else found.push({ name: path.join(arg, path.relative(abs, file)), path: file });
      });
      if (found.length === 0) errors.push(emptyFolder(arg, skipped));
      for (const f of sortByName(found)) add(f);
    } else if (st === null && picomatch.scan(arg).isGlob) {
      const found = expandGlob(arg, cwd, ignored);
      if (found.files.length === 0) errors.push(noMatch(arg, found.skipped));
      for (const f of found.files) add(f);
    } else if (st !== null && ignored(abs)) {
      ignoredNamed.push(arg);
    } else {
      add({ name: arg, path: abs });
    }
  }
  return { files, errors, ignoredNamed };
}

/** The same file reached by two names (`a/x.txt`, `./a/x.txt`, a symlink) counts once. */
function identity(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** Every regular file under `dir` (symlinks to files followed, to directories not), in no particular order. */
function walk(dir: string, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable subfolder: its files cannot be named, let alone read
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!NEVER_DESCEND.has(e.name)) walk(p, visit);
    } else if (e.isFile()) visit(p);
    else if (e.isSymbolicLink() && statOrNull(p)?.isFile()) visit(p);
  }
}

/** A glob's matches: the folder before its first glob character is walked and each file's path from the cwd is matched. */
function expandGlob(pattern: string, cwd: string, ignored: (file: string) => boolean): { files: InputSpec[]; skipped: number } {
  const posix = pattern.split(path.sep).join('/');
  const scan = picomatch.scan(posix);
  const base = path.resolve(cwd, scan.base === '' ? '.' : scan.base);
  const isMatch = picomatch(scan.glob, { dot: false });
  const files: InputSpec[] = [];
  let skipped = 0;
  if (!statOrNull(base)?.isDirectory()) return { files, skipped };
  walk(base, (file) => {
    const rel = path.relative(base, file).split(path.sep).join('/');
    if (!isMatch(rel)) return;
    if (ignored(file)) skipped++;
    else files.push({ name: scan.base === '' ? rel : path.join(scan.base, rel), path: file });
  });
  return { files: sortByName(files), skipped };
}

/** By name, code unit order, so the order is the same on every machine and locale. */
function sortByName(files: InputSpec[]): InputSpec[] {
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const PATTERNS_TEXT = TARGET_TABLE_FILE_PATTERNS.join(' ');

function emptyFolder(arg: string, skipped: number): CliError {
  const zh = skipped > 0 ? `（${skipped} 个被配置忽略）` : '';
  const en = skipped > 0 ? ` (${skipped} ignored by the config)` : '';
  return new CliError(
    `目录中没有绩效目标表文件${zh} no target-table file in the folder${en}: ${arg} (文件名 names: ${PATTERNS_TEXT}; 其他文件请直接给出文件名或用 glob, name other files or use a glob)`,
    EXIT.noTable,
  );
}

function noMatch(pattern: string, skipped: number): CliError {
  const zh = skipped > 0 ? `（${skipped} 个被配置忽略）` : '';
  const en = skipped > 0 ? ` (${skipped} ignored by the config)` : '';
  return new CliError(`没有文件匹配${zh} no file matches${en}: ${pattern}`, EXIT.noTable);
}
