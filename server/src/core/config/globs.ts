/**
 * The globs of a review config (`ignores`, a suppression's `file`): picomatch patterns relative to the
 * config file's folder, with `/` between folders on every system, compiled once when the config is read.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LoadedConfig } from './types';

/** `filePath` relative to the config's folder with `/` separators; null when the file is not under it. */
export function relativeToConfig(config: Pick<LoadedConfig, 'dir'>, filePath: string): string | null {
  const rel = path.relative(config.dir, path.resolve(filePath));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/**
 * A glob as written, compiled for paths relative to the config: `草稿/` means everything under 草稿.
 * A backslash escapes (`\(` is a parenthesis) on every system, as the paths matched always use `/`.
 */
export function globMatcher(glob: string): (rel: string) => boolean {
  let g = glob.trim();
  if (g.startsWith('./')) g = g.slice(2);
  if (g.endsWith('/')) g += '**';
  return picomatch(g, { dot: true, windows: false });
}

/** A path relative to the config written as a glob that matches only it (`教育局(2026).txt` → `教育局\(2026\).txt`, in JSON `"教育局\\(2026\\).txt"`). */
export function literalGlob(rel: string): string {
  return rel.replace(/[\\*?[\]{}()!+@|^$]/g, (c) => '\\' + c);
}
