/**
 * Which files are 绩效目标表 files when a folder is walked (the CLI's folders, the editor's workspace
 * scope): the language's own patterns from package.json `contributes.languages[0]`
 * (test/unit/cli/inputs.test.ts and test/unit/features/workspace-files.test.ts keep them equal),
 * and the folders no walk enters.
 */

/** `extensions`. */
export const TARGET_TABLE_EXTENSIONS: readonly string[] = ['.ttable'];

/** `filenamePatterns`: VS Code matches them against the file's base name. */
export const TARGET_TABLE_FILENAME_PATTERNS: readonly string[] = [
  '*绩效目标表*.txt',
  '*绩效目标申报表*.txt',
  '*绩效目标*.txt',
  '*绩效目标批复*.txt',
  '*绩效自评*.txt',
];

/** Both as name globs (`*.ttable` first). */
export const TARGET_TABLE_FILE_PATTERNS: readonly string[] = [...TARGET_TABLE_EXTENSIONS.map((e) => `*${e}`), ...TARGET_TABLE_FILENAME_PATTERNS];

/** Folders a walk never enters, whatever the ignore globs say: packages and version control, never anyone's submissions. */
export const NEVER_DESCEND: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
