/**
 * The layering ARCHITECTURE.md states, checked on the sources and the bundles: the core imports
 * nothing of VS Code or the LSP and nothing outside the core; the command line imports only the core
 * (and Node), so its bundle carries no language-server code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'server', 'src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module a file imports (static `import … from`, `export … from`, `require(…)`), resolved when relative. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    const spec = m[1];
    out.push(spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec);
  }
  return out;
}

const PROTOCOL = path.join(ROOT, 'protocol');

/** Whether every import of `target` in `file` is `import type` (erased: nothing of it is bundled). */
function typeOnly(file: string, target: string): boolean {
  if (target !== PROTOCOL) return false;
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)].filter((m) => path.resolve(path.dirname(file), m[2]) === target);
  return specs.length > 0 && specs.every((m) => m[1] !== undefined);
}

const inside = (dir: string) => (p: string) => p === dir || p.startsWith(dir + path.sep);

/**
 * The packages the core may use, each bundled by esbuild (the .vsix ships no node_modules) and free of
 * VS Code: the review config's JSON with comments and its globs (server/src/core/config).
 */
const CORE_PACKAGES = new Set(['jsonc-parser', 'picomatch']);

describe('layering', () => {
  it('the core imports no vscode-* package and nothing outside server/src/core', () => {
    const core = path.join(SRC, 'core');
    const files = sources(core);
    assert.ok(files.length > 30);
    for (const f of files) {
      for (const i of imports(f)) {
        const where = path.relative(ROOT, f);
        assert.ok(!i.startsWith('vscode'), `${where} imports ${i}`);
        if (path.isAbsolute(i)) assert.ok(inside(core)(i) || typeOnly(f, i), `${where} imports ${path.relative(ROOT, i)}`);
        else assert.ok(i.startsWith('node:') || CORE_PACKAGES.has(i), `${where} imports the package ${i}`);
      }
    }
  });

  it('the core takes only types from protocol/ (the shapes the table layout fills in)', () => {
    const files = sources(path.join(SRC, 'core')).filter((f) => imports(f).includes(PROTOCOL));
    assert.ok(files.length > 0);
    for (const f of files) assert.ok(typeOnly(f, PROTOCOL), `${path.relative(ROOT, f)} imports values from protocol/`);
  });

  /** The packages the command line may use besides Node (bundled by esbuild): encodings, globs, SARIF's types. */
  const CLI_PACKAGES = new Set(['iconv-lite', 'picomatch', 'sarif']);

  it('the command line imports only the core, Node and its few packages', () => {
    const cli = path.join(SRC, 'cli');
    for (const f of sources(cli)) {
      for (const i of imports(f)) {
        const where = path.relative(ROOT, f);
        if (path.isAbsolute(i)) assert.ok(inside(cli)(i) || inside(path.join(SRC, 'core'))(i), `${where} imports ${path.relative(ROOT, i)}`);
        else assert.ok(i.startsWith('node:') || CLI_PACKAGES.has(i), `${where} imports the package ${i}`);
      }
    }
  });

  it('dist/cli.js bundles no language-server code', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
    for (const s of ['vscode-languageserver', 'vscode-jsonrpc', 'createConnection', 'publishDiagnostics'])
      assert.ok(!bundle.includes(s), `dist/cli.js contains ${s}`);
    // and it is the checker: the rules are in it
    assert.ok(bundle.includes('TT201'));
  });
});
