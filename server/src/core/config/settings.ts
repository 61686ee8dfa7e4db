/**
 * A review config over the editor's or the command line's settings: what the config sets wins, what it
 * leaves out keeps the settings' value (README "审核配置 Review config"). The config is about the
 * submissions under its folder, and shared by everyone who reviews them; the settings are one user's.
 */
import type { Settings } from '../settings';
import { suppressionFilter } from './suppressions';
import type { LoadedConfig } from './types';

/**
 * `base` with the config's rule severities, framework and minimum satisfaction; with `filePath`, also
 * the filter of the suppressions that can apply to that file (the editor's way: suppressed problems are
 * never produced). The command line leaves `filePath` out and calls `applySuppressions`, to count them.
 */
export function settingsFor(config: LoadedConfig | null, base: Settings, filePath?: string): Settings {
  if (!config) return base;
  return {
    ...base,
    severity: { ...base.severity, ...config.rules },
    rules: {
      framework: config.framework ?? base.rules.framework,
      minSatisfaction: config.minSatisfaction ?? base.rules.minSatisfaction,
    },
    suppressed: filePath === undefined ? base.suppressed : suppressionFilter(config, filePath),
  };
}
