/**
 * What a review config (`.target-table.json`) holds once read (./load.ts). Positions are of the config
 * file's text (0-based line, UTF-16 character), so a problem in it can be shown where it is.
 */
import type { Range } from '../model';
import type { Message, SeveritySetting } from '../rules/types';
import type { FrameworkSetting } from '../templates/frameworks';

/** The file's name, looked for in a file's folder and each folder above it (./find.ts). */
export const CONFIG_FILE_NAME = '.target-table.json';

/** A rule's severity in `rules`: the values of the settings `targetTable.rules.TTxxx`. */
export const SEVERITY_VALUES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
export const FRAMEWORK_VALUES = ['auto', '2021', '2015'] as const;
/** The keys of a suppression that name what it silences (besides `rule`). */
export const SUPPRESSION_TARGET_KEYS = ['file', 'section', 'indicator', 'level1', 'level2', 'goal', 'field', 'text'] as const;

/** A mistake in the config file: it is reported there, and the rest of the file still applies. */
export interface ConfigProblem {
  /** Broken JSON is an error (the entries after it may be lost); a wrong key or value is a warning. */
  severity: 'error' | 'warning';
  message: Message;
  range: Range;
}

/**
 * One entry of `suppressions`: silences the problems of `rule` that it names by what they are about,
 * never by line, so it keeps matching while the file is edited (./suppressions.ts). Every key given
 * must match; a key left out matches anything.
 */
export interface SuppressionEntry {
  rule: string;
  /** Glob relative to the config file's folder (picomatch), e.g. `教育局.txt`, `2026/*.txt`. */
  file?: string;
  /** The department or project, as `sectionName` (core/locale.ts) names it. */
  section?: string;
  /** The indicator's 三级 name. */
  indicator?: string;
  /** The indicator's 一级 / 二级, to tell apart two indicators of one 三级 name. */
  level1?: string;
  level2?: string;
  /** The goal's text (the goal itself, or the goal a §3 table's indicator measures). */
  goal?: string;
  /** A header field's label (项目名称, 主管部门及代码 …). */
  field?: string;
  /** The text the problem is on, for a problem outside any indicator, goal or field. */
  text?: string;
  reason?: string;
}

/** A suppression as read from a config file. */
export interface Suppression extends SuppressionEntry {
  /** Place in the `suppressions` array. */
  index: number;
  /** The entry's range in the config file (for `--report-unused-suppressions`). */
  range: Range;
  /** Whether `file` takes a path relative to the config (null: a file outside its folder, which only an entry without `file` takes). */
  takesFile(rel: string | null): boolean;
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its folder: globs (`ignores`, a suppression's `file`) are relative to it. */
  dir: string;
  /** Code → severity, as `targetTable.rules.TTxxx`. */
  rules: Readonly<Record<string, SeveritySetting>>;
  framework: FrameworkSetting | undefined;
  minSatisfaction: number | undefined;
  ignores: readonly string[];
  /** Whether `ignores` leave out a path relative to the config's folder (compiled once). */
  ignored(rel: string): boolean;
  suppressions: readonly Suppression[];
  problems: readonly ConfigProblem[];
  /** Changes whenever the text does: caches of what was checked with a config key on it. */
  key: string;
}

/** How config files are read: the file system, or the editor's unsaved text first. `undefined`: no such file. */
export interface ConfigReader {
  read(path: string): string | undefined;
  /** Whether a file exists; defaults to `read(path) !== undefined`. */
  exists?(path: string): boolean;
}
