// Writes the TextMate grammar (syntaxes/target-table.tmLanguage.json) and package.json's firstLine
// from the table families, as scripts/grammar.ts generates them: scripts/build.mjs runs this before
// bundling, so a label added to server/src/core/templates is coloured after the next build.
// `node scripts/grammar.mjs` writes; `node scripts/grammar.mjs --check` only says whether they are
// up to date (exit 1 if not). test/unit/grammar.test.ts checks the committed files the same way.
import { loadGenerator, runAsScript, updateFiles } from './generated-files.mjs';

/** Brings the generated files up to date (or, with `check`, only compares); returns those that were not. */
export async function updateGrammar({ check = false } = {}) {
  const gen = await loadGenerator('grammar');
  return updateFiles(
    [
      ['syntaxes/target-table.tmLanguage.json', () => gen.grammarText()],
      ['package.json', (text) => gen.withFirstLine(text)],
    ],
    check,
  );
}

await runAsScript(import.meta, updateGrammar, 'scripts/grammar.mjs', 'regenerated from server/src/core/templates');
