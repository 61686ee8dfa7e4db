/**
 * The extension's manifest (package.json contributes): a menu item whose command is not among the
 * contributed commands shows no title and VS Code logs a warning at every start, and a `%key%` title
 * without its key in package.nls*.json shows the raw key. A merge once dropped 生成审核报告 from the
 * commands this way while its menu items stayed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));

interface Contributes {
  commands: { command: string; title: string; category?: string }[];
  menus: Record<string, { command?: string; submenu?: string }[]>;
  submenus?: { id: string; label: string }[];
}
const manifest = readJson('package.json') as { contributes: Contributes; capabilities?: Record<string, { description?: string }> };
const contributes = manifest.contributes;

describe('the extension manifest', () => {
  const commands = new Set(contributes.commands.map((c) => c.command));

  it('contributes every command a menu lists', () => {
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) {
        if (item.command) assert.ok(commands.has(item.command), `menu ${menu} lists ${item.command}, which is not among contributes.commands`);
      }
    }
  });

  it('declares every submenu a menu lists', () => {
    const submenus = new Set((contributes.submenus ?? []).map((s) => s.id));
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) {
        if (item.submenu) assert.ok(submenus.has(item.submenu), `menu ${menu} lists submenu ${item.submenu}, which is not declared`);
      }
    }
  });

  it('contributes only commands the client defines', () => {
    // The client names each command as a string literal (at registerCommand, in a table of them, or in the
    // protocol module when the server sends it too).
    const named = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/'(targetTable\.[A-Za-z]+)'/g)) named.add(m[1]);
      }
    };
    walk(path.join(ROOT, 'client', 'src'));
    walk(path.join(ROOT, 'protocol'));
    for (const c of commands) assert.ok(named.has(c), `${c} is contributed but the client never names it`);
  });

  it('has every title, label and capability description in both languages', () => {
    const en = readJson('package.nls.json') as Record<string, string>;
    const zh = readJson('package.nls.zh-cn.json') as Record<string, string>;
    const texts = [
      ...contributes.commands.flatMap((c) => [c.title, c.category ?? '']),
      ...(contributes.submenus ?? []).map((s) => s.label),
      ...Object.values(manifest.capabilities ?? {}).map((c) => c.description ?? ''),
    ];
    for (const t of texts) {
      const key = /^%(.+)%$/.exec(t)?.[1];
      if (!key) continue;
      assert.ok(key in en, `${key} missing from package.nls.json`);
      assert.ok(key in zh, `${key} missing from package.nls.zh-cn.json`);
    }
  });
});
