// Shared by the end-to-end runners: paths of the project and a throwaway workspace holding the sample.
import * as fs from 'fs';
import * as path from 'path';

/** The folder holding package.json (this file compiles to out/test/e2e/workspace.js). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** The compiled extension-host test module (exports run()). */
export const suitePath = path.join(projectRoot, 'out', 'test', 'e2e', 'suite', 'index.js');

export const fixturePath = path.join(projectRoot, 'test', 'fixtures', 'dongxihu-overall-targets.txt');

/** The name a user's file would have: the language must be recognised from it (or the first line). */
export const sampleFileName = '东西湖区2026年整体支出绩效目标表.txt';

/** Creates `dir` with a fresh copy of the sample and returns the copy's path. Tests may edit and save it. */
export function makeWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, sampleFileName);
  fs.copyFileSync(fixturePath, file);
  return file;
}
