/**
 * Which config applies to a file, and the globs in it. The nearest `.target-table.json` in the file's
 * folder or a folder above wins, whole: configs are not merged, as in ESLint's flat config, so a
 * reviewer reads one file to know what applies to a submission (a folder's config that should share
 * a parent's rules copies them).
 */
import * as path from 'node:path';
import { relativeToConfig } from './globs';
import { FILE_SYSTEM_READER, loadConfig } from './load';
import { CONFIG_FILE_NAME, type ConfigReader, type LoadedConfig } from './types';

/** The nearest config file at or above the folder of `filePath` (a file's path, not a folder's), or null. */
export function findConfigFile(filePath: string, reader: ConfigReader = FILE_SYSTEM_READER): string | null {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (reader.exists ? reader.exists(candidate) : reader.read(candidate) !== undefined) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Whether the config's `ignores` leave `filePath` out (a file outside the config's folder is never ignored by it). */
export function isIgnored(config: LoadedConfig | null, filePath: string): boolean {
  if (!config || config.ignores.length === 0) return false;
  const rel = relativeToConfig(config, filePath);
  return rel !== null && config.ignored(rel);
}

/**
 * `ignored(filePath)` for a whole run (a folder of files, the editor's workspace check): each file's
 * nearest config, each config read once per predicate. What the folder walkers take, so they need not
 * know the config.
 */
export function ignoredPredicate(reader: ConfigReader = FILE_SYSTEM_READER): (filePath: string) => boolean {
  const configs = new Map<string, LoadedConfig>();
  return (filePath) => {
    const found = findConfigFile(filePath, reader);
    if (found === null) return false;
    let config = configs.get(found);
    if (!config) configs.set(found, (config = loadConfig(found, reader)));
    return isIgnored(config, filePath);
  };
}
