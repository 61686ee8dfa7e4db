/**
 * `check`'s use of the review config (core/config): the options `--config FILE`, `--no-config`,
 * `--report-unused-suppressions` and `--include-suppressed`, the config that applies to each file (the
 * nearest `.target-table.json` above it, or the one `--config` names for all), its ignores, its
 * settings, and its suppressions, counted apart and listed when unused. check.ts calls the hooks here.
 *
 * Output (README "审核配置 Review config"): the text summary adds `，N 个已忽略` / `; N suppressed`. The JSON
 * array keeps its items; with `--include-suppressed` the suppressed problems are items too, with
 * `"suppressed": true` and the suppression that took them. An unused suppression is reported as an
 * error-level item of the config file (code `unused-suppression`), so it fails a CI run (exit 1) as
 * ESLint's `--report-unused-disable-directives` does. A config's own problems are lines on stderr; broken
 * JSON in it exits 2, as a bad option does, since the review did not run as configured.
 */
import * as path from 'node:path';
import { applySuppressions, findConfigFile, isIgnored, loadConfig, settingsFor, unusedSuppressions, type LoadedConfig, type Suppression } from '../core/config';
import { msg, type Locale } from '../core/locale';
import type { DocumentProblem } from '../core/rules/index';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { CliError, EXIT } from './io';
import { outcomeProblems, type FileOutcome, type SuppressedOutcome } from './output';

export const REVIEW_USAGE = '[--config FILE | --no-config] [--report-unused-suppressions] [--include-suppressed]';

export interface ReviewOptions {
  /** `--config FILE`: this config for every file; null: the nearest one of each file. */
  config: string | null;
  /** `--no-config`: no config at all (the defaults). */
  noConfig: boolean;
  reportUnused: boolean;
  includeSuppressed: boolean;
}

/** Takes this file's options out of `args` (the rest is check's); throws a usage error for a bad one. */
export function takeReviewArgs(args: string[]): { review: ReviewOptions; rest: string[] } {
  const review: ReviewOptions = { config: null, noConfig: false, reportUnused: false, includeSuppressed: false };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--config') {
      if (i + 1 >= args.length) throw new CliError('--config 缺少取值 needs a value (a .target-table.json file)', EXIT.usage);
      review.config = args[++i];
    } else if (a.startsWith('--config=')) review.config = a.slice('--config='.length);
    else if (a === '--no-config') review.noConfig = true;
    else if (a === '--report-unused-suppressions') review.reportUnused = true;
    else if (a === '--include-suppressed') review.includeSuppressed = true;
    else rest.push(a);
  }
  if (review.config !== null && review.noConfig)
    throw new CliError('--config 与 --no-config 不能同时使用 --config and --no-config exclude each other', EXIT.usage);
  if (review.config === '') throw new CliError('--config 缺少取值 needs a value (a .target-table.json file)', EXIT.usage);
  return { review, rest };
}

/** Each file's nearest config, nothing reported unused: what `report` uses. */
export const NEAREST_CONFIG: ReviewOptions = { config: null, noConfig: false, reportUnused: false, includeSuppressed: false };

/** No config at all: what library callers (tests, the report) get unless they ask for one. */
export const NO_REVIEW_OPTIONS: ReviewOptions = { config: null, noConfig: true, reportUnused: false, includeSuppressed: false };

/** A problem a suppression took, with it. */
export interface SuppressedProblem {
  problem: DocumentProblem;
  suppression: Suppression;
  config: LoadedConfig;
}

/** What one `check` run knows of the configs: each one read once, which were used, and their problems said once. */
export class ReviewRun {
  readonly #configs = new Map<string, LoadedConfig>();
  /** The config file found for each folder asked about (null: none above it). */
  readonly #foundIn = new Map<string, string | null>();
  readonly #used = new Map<LoadedConfig, Set<Suppression>>();
  readonly #forced: LoadedConfig | null;
  /** Exit codes the configs gave (broken JSON: usage). */
  readonly codes: number[] = [];

  constructor(
    readonly options: ReviewOptions,
    private readonly complain: (line: string) => void,
    private readonly locale: Locale,
  ) {
    if (options.config !== null) {
      const file = path.resolve(options.config);
      const config = loadConfig(file);
      this.#forced = config;
      this.#configs.set(file, config);
      this.#used.set(config, new Set());
      this.reportProblems(config);
    } else this.#forced = null;
  }

  /** The config for a file as named on the command line (`-` and `<stdin>`: the working folder's). */
  configOf(name: string): LoadedConfig | null {
    if (this.options.noConfig) return null;
    if (this.#forced) return this.#forced;
    // A folder's files share their config: looked for once per folder, not at every question about a file.
    const dir = path.dirname(this.pathOf(name));
    let found = this.#foundIn.get(dir);
    if (found === undefined) {
      found = findConfigFile(this.pathOf(name));
      this.#foundIn.set(dir, found);
    }
    if (found === null) return null;
    let config = this.#configs.get(found);
    if (!config) {
      config = loadConfig(found);
      this.#configs.set(found, config);
      this.reportProblems(config);
    }
    if (!this.#used.has(config)) this.#used.set(config, new Set());
    return config;
  }

  private pathOf(name: string): string {
    return name === '-' || name === '<stdin>' ? path.resolve('-') : path.resolve(name);
  }

  /** Whether the config leaves the file out (`ignores`); the folder walk (inputs.ts) says so for a file named. */
  ignored(name: string): boolean {
    return isIgnored(this.configOf(name), this.pathOf(name));
  }

  /** The note on stderr for a file named on the command line that the config leaves out. */
  ignoredNote(name: string): string {
    const config = this.configOf(name);
    return `已按审核配置忽略 ignored by the review config${config ? ` ${shownPath(config.path)}` : ''}: ${name}`;
  }

  /** The config file that applies to a file, by path (what a worker thread is told), or null. */
  configPathOf(name: string): string | null {
    return this.configOf(name)?.path ?? null;
  }

  /** The settings the file is checked with: the defaults, with its config over them. */
  settingsOf(name: string, base: Settings = DEFAULT_SETTINGS): Settings {
    return settingsFor(this.configOf(name), base);
  }

  /**
   * The settings `--fix` fixes with: the same, and the config's suppressions left unfixed (a problem the
   * reviewer accepted is not changed behind their back).
   */
  fixSettingsOf(name: string, base: Settings = DEFAULT_SETTINGS): Settings {
    return settingsFor(this.configOf(name), base, this.pathOf(name));
  }

  /** Splits a file's problems into shown and suppressed, and remembers which suppressions were used. */
  split(name: string, problems: DocumentProblem[]): { shown: DocumentProblem[]; suppressed: SuppressedProblem[] } {
    const config = this.configOf(name);
    if (!config) return { shown: problems, suppressed: [] };
    const r = applySuppressions(config, this.pathOf(name), problems);
    const used = this.#used.get(config) ?? new Set<Suppression>();
    this.#used.set(config, used);
    for (const s of r.used) used.add(s);
    const suppressed = r.suppressed.map((problem) => ({
      problem,
      suppression: r.used.find((s) => takesProblem(config, this.pathOf(name), s, problem))!,
      config,
    }));
    return { shown: r.shown, suppressed };
  }

  /**
   * A file's problems as the reports take them: shown and suppressed in plain data, and which
   * suppressions were used, by config and place (what a worker thread sends back).
   */
  outcomeParts(name: string, problems: DocumentProblem[]): { shown: DocumentProblem[]; suppressed: SuppressedOutcome[]; used: FileOutcome['used'] } {
    const r = this.split(name, problems);
    const used = new Map<string, { config: string; index: number }>();
    const suppressed = r.suppressed.map((s): SuppressedOutcome => {
      used.set(`${s.config.path}#${s.suppression.index}`, { config: s.config.path, index: s.suppression.index });
      return { ...outcomeProblems([s.problem], this.locale)[0], suppression: suppressionOf(s) };
    });
    return { shown: r.shown, suppressed, used: [...used.values()] };
  }

  /** A suppression another thread found used. */
  markUsed(config: string, index: number): void {
    const c = this.#configs.get(config);
    const s = c?.suppressions.find((x) => x.index === index);
    if (!c || !s) return;
    const used = this.#used.get(c) ?? new Set<Suppression>();
    this.#used.set(c, used);
    used.add(s);
  }

  /** The suppressions no checked file used, per config (`--report-unused-suppressions`), in config order. */
  unused(): { config: LoadedConfig; suppression: Suppression }[] {
    if (!this.options.reportUnused) return [];
    const out: { config: LoadedConfig; suppression: Suppression }[] = [];
    for (const [config, used] of this.#used) for (const s of unusedSuppressions(config, [{ used: [...used] }])) out.push({ config, suppression: s });
    return out;
  }

  private reportProblems(config: LoadedConfig): void {
    for (const p of config.problems) {
      this.complain(`${shownPath(config.path)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${msg(p.message, this.locale)}`);
      if (p.severity === 'error') this.codes.push(EXIT.usage);
    }
  }
}

/** Whether `s` alone takes `problem` (which suppression of those used took it, for the JSON item). */
function takesProblem(config: LoadedConfig, filePath: string, s: Suppression, problem: DocumentProblem): boolean {
  return applySuppressions({ ...config, suppressions: [s] }, filePath, [problem]).suppressed.length === 1;
}

/** A config's path as the user would type it: relative to the working folder when under it. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** What the suppression names, for the unused list: `TT101 培训场次`. */
function named(s: Suppression): string {
  return [s.rule, s.file, s.section, s.level1, s.level2, s.indicator, s.goal, s.field, s.text].filter((x) => x !== undefined).join(' ');
}

/** The unused suppressions as text lines (`config:line:col: error unused-suppression …`). */
export function unusedLines(unused: ReturnType<ReviewRun['unused']>, locale: Locale): string[] {
  return unused.map(({ config, suppression: s }) => {
    const what = named(s);
    const text = locale === 'en' ? `suppression matches no problem: ${what}` : `忽略规则未匹配任何问题：${what}`;
    return `${shownPath(config.path)}:${s.range.start.line + 1}:${s.range.start.character + 1}: error unused-suppression ${text}`;
  });
}

/** The unused suppressions as items of check's JSON array. */
export function unusedJson(unused: ReturnType<ReviewRun['unused']>, locale: Locale) {
  return unused.map(({ config, suppression: s }) => ({
    file: shownPath(config.path),
    line: s.range.start.line + 1,
    column: s.range.start.character + 1,
    endLine: s.range.end.line + 1,
    endColumn: s.range.end.character + 1,
    severity: 'error' as const,
    code: 'unused-suppression',
    message: locale === 'en' ? `Suppression matches no problem: ${named(s)}` : `忽略规则未匹配任何问题：${named(s)}`,
    section: '',
  }));
}

/** Which suppression took a problem, as the JSON item says it. */
function suppressionOf(s: SuppressedProblem): SuppressedOutcome['suppression'] {
  return {
    config: shownPath(s.config.path),
    line: s.suppression.range.start.line + 1,
    ...(s.suppression.reason !== undefined ? { reason: s.suppression.reason } : {}),
  };
}

/** A run with no config (`--no-config`), for callers that check files without one. */
export const NO_REVIEW = new ReviewRun(NO_REVIEW_OPTIONS, () => undefined, 'zh');
