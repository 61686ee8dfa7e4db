// Writes schemas/target-table.schema.json, the JSON schema of the review config, from the rule registry
// as scripts/config-schema.ts generates it: scripts/build.mjs runs this before bundling, so a rule added
// to server/src/core/rules is in the schema after the next build. `node scripts/config-schema.mjs`
// writes; `--check` only says whether it is up to date (exit 1 if not).
import { loadGenerator, runAsScript, updateFiles } from './generated-files.mjs';

/** Brings the schema up to date (or, with `check`, only compares); returns the files that were not. */
export async function updateConfigSchema({ check = false } = {}) {
  const gen = await loadGenerator('config-schema');
  return updateFiles([[gen.SCHEMA_FILE, () => gen.configSchemaText()]], check);
}

await runAsScript(import.meta, updateConfigSchema, 'scripts/config-schema.mjs', 'review config schema regenerated from server/src/core/rules');
