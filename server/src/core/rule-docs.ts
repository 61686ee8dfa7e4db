/**
 * Where each rule's page (docs/rules/TTxxx.md) is on this machine. The pages ship with the package
 * (the .vsix and the npm package both carry docs/rules), so a diagnostic's link opens offline, in the
 * editor, and matches the version that reported it; there is no web site to link to.
 *
 * The folder is found from this code's own location: the bundles are dist/server.js and dist/cli.js
 * (→ ../docs/rules); compiled for the tests this file is out/server/src/core/rule-docs.js, a few
 * folders further down. The first folder up that holds both package.json and docs/rules is the
 * package's root. Worked out once when the module loads: the pages do not move while it runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** How far up from this file the package root may be (out/server/src/core → the root is 4 up). */
const MAX_LEVELS_UP = 5;

function findRuleDocs(from: string): string | null {
  let dir = from;
  for (let i = 0; i <= MAX_LEVELS_UP; i++) {
    const docs = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(docs)) return docs;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** The folder of the rule pages, or null when this code runs without them (a bundle copied on its own). */
export const RULE_DOCS_DIR: string | null = findRuleDocs(__dirname);

/** code → the page's file: URI, for the codes that have a page. */
const PAGE_URIS: ReadonlyMap<string, string> = pageUris(RULE_DOCS_DIR);

function pageUris(dir: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (dir === null) return out;
  for (const name of fs.readdirSync(dir)) {
    const m = /^(TT\d{3})\.md$/.exec(name);
    if (m) out.set(m[1], pathToFileURL(path.join(dir, name)).href);
  }
  return out;
}

/** The path of the page of the rule `code` (`…/docs/rules/TT101.md`), or null if it has none here. */
export function ruleDocPath(code: string): string | null {
  return PAGE_URIS.has(code) && RULE_DOCS_DIR !== null ? path.join(RULE_DOCS_DIR, `${code}.md`) : null;
}

/** The `file:` URI of the page of the rule `code`, or undefined if it has none here. */
export function ruleDocUri(code: string): string | undefined {
  return PAGE_URIS.get(code);
}
