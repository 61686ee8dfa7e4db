/**
 * The globs of the 绩效目标表 language's files, for the server's workspace scope: the language's
 * `extensions` (as `*.ttable`), `filenames` and `filenamePatterns` from package.json, and the user's
 * `files.associations` entries that name the language. Kept free of the vscode module so the unit tests
 * check it against package.json (test/unit/features/workspace-files.test.ts).
 */
import { LANGUAGE_ID } from './selector';

interface LanguageContribution {
  id?: string;
  extensions?: string[];
  filenames?: string[];
  filenamePatterns?: string[];
}

/** The globs of the language's files: what package.json contributes plus the user's `files.associations` for it. */
export function languageFilePatterns(packageJSON: unknown, associations: Record<string, unknown> | undefined): string[] {
  const langs = ((packageJSON as { contributes?: { languages?: LanguageContribution[] } })?.contributes?.languages ?? []).filter((l) => l.id === LANGUAGE_ID);
  const out = new Set<string>();
  for (const l of langs) {
    for (const e of l.extensions ?? []) out.add(`*${e}`);
    for (const f of l.filenames ?? []) out.add(f);
    for (const p of l.filenamePatterns ?? []) out.add(p);
  }
  for (const [glob, language] of Object.entries(associations ?? {})) if (language === LANGUAGE_ID && glob.trim() !== '') out.add(glob);
  return [...out];
}
