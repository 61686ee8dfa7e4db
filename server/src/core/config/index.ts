/**
 * The review config, `.target-table.json`: found by walking up from a file (./find.ts), read without
 * ever throwing (./load.ts), laid over the settings (./settings.ts), its ignores (./globs.ts) and its
 * suppressions (./suppressions.ts), and the edit that adds a suppression (./edit.ts). Shared by the
 * command line and the language server; knows nothing of either.
 */
export { CONFIG_FILE_NAME, type ConfigProblem, type ConfigReader, type LoadedConfig, type Suppression, type SuppressionEntry } from './types';
export { FILE_SYSTEM_READER, fileStamp, loadConfig, parseConfig } from './load';
export { findConfigFile, ignoredPredicate, isIgnored } from './find';
export { relativeToConfig } from './globs';
export { settingsFor } from './settings';
export {
  applySuppressions,
  problemTarget,
  suppressionFilter,
  suppressionForFile,
  suppressionForProblem,
  unusedSuppressions,
  type ProblemTarget,
  type SuppressionFilter,
  type SuppressionResult,
} from './suppressions';
export { addSuppressionEdits, newConfigText, type ConfigTextEdit } from './edit';
