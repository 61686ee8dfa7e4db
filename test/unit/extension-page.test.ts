/**
 * The extension's page, as the .vsix carries it: an icon, the user README (README.extension.md, packed
 * as the package's readme.md by `npm run package`) whose every image and link points at a file that is
 * packaged (.vscodeignore), and the rule list with a page per rule. `npm run package` and a look into
 * the .vsix (a zip) check the same by hand; this keeps it true between packagings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (name: string) => fs.readFileSync(path.join(ROOT, name), 'utf8');
const pkg = JSON.parse(read('package.json')) as { icon: string; scripts: Record<string, string> };

/** What .vscodeignore packs: it ignores everything (`**`) and lists what ships as `!` globs (`*` within a folder). */
function packaged(file: string): boolean {
  const globs = read('.vscodeignore')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map(
      (l) =>
        new RegExp(
          '^' +
            l
              .slice(1)
              .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*') +
            '$',
        ),
    );
  return globs.some((g) => g.test(file));
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(path.join(ROOT, file));
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('the extension’s page', () => {
  it('has a packaged square icon of 128 or 256 pixels, rendered from its SVG source', () => {
    assert.equal(pkg.icon, 'images/icon.png');
    assert.ok(packaged(pkg.icon));
    const [w, h] = pngSize(pkg.icon);
    assert.ok(w === h && (w === 128 || w === 256), `${w}×${h}`);
    assert.ok(fs.existsSync(path.join(ROOT, 'images', 'icon.svg')));
  });

  it('packs the user README, not the developer one', () => {
    assert.match(pkg.scripts.package, /vsce package .*--readme-path README\.extension\.md/);
    assert.ok(!packaged('README.md'), 'README.md is the developer README: it stays in the repository');
  });

  it('every image and link of the user README is a packaged file', () => {
    const readme = read('README.extension.md');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^\w+:/.test(t));
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'screenshots');
    for (const t of targets) {
      assert.ok(fs.existsSync(path.join(ROOT, t)), `${t} exists`);
      assert.ok(packaged(t), `${t} is packaged`);
    }
    for (const i of images) assert.ok(pngSize(i)[0] > 0);
  });

  it('packs the command-line checker with what it loads beside it, and the page says how to run it', () => {
    for (const f of ['dist/cli.js', 'dist/check-worker.js', 'dist/exceljs.js']) assert.ok(packaged(f), `${f} is packaged`);
    // What cli.js loads at run time, found beside it (scripts/build.mjs): the worker threads' script and exceljs.
    const cli = read('server/src/cli/workers.ts');
    assert.match(cli, /path\.join\(__dirname, 'check-worker\.js'\)/);
    const readme = read('README.extension.md');
    for (const usage of ['dist/cli.js check', 'dist/cli.js report']) assert.ok(readme.split(usage).length >= 3, `${usage} in both languages`);
  });

  it('lists every rule with its title and page', () => {
    const readme = read('README.extension.md');
    for (const r of RULES) assert.ok(readme.includes(`| [${r.code}](docs/rules/${r.code}.md) | ${r.title.zh} | ${r.title.en} |`), r.code);
  });
});
