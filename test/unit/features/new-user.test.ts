/**
 * What a new user tripped over (issue 12 part 8), on the sample and a document of every family:
 * the language setting, problems and symbols that say which department or project they are in,
 * counts that agree everywhere, fix-all that touches only what is listed, outline kinds.
 */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Location } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentModel } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/document';
import { isListedSection } from '../../../server/src/core/parse/section';
import { isListed } from '../../../server/src/core/rules/index';
import { fixAll } from '../../../server/src/core/fixes';
import { resolveLocale, sectionName } from '../../../server/src/core/locale';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import { RULES } from '../../../server/src/core/rules/index';
import { checkText, formatText, toJson } from '../../../server/src/cli/check';
import { codeActions } from '../../../server/src/features/code-actions';
import { documentProblems } from '../../../server/src/features/diagnostics';
import { GOAL_KIND, HEADER_FIELD_KIND, INDICATOR_KIND, SECTION_KIND, TABLE_KIND, documentOutline } from '../../../server/src/features/document-symbols';
import { documentStats } from '../../../server/src/features/stats';
import { workspaceSymbols } from '../../../server/src/features/workspace-symbols';
import { hoverAt } from '../../../server/src/features/hover';
import { pickUiLocale } from '../../../client/src/locale-setting';
import { cachedDiagnostics } from '../../helpers/diagnostics';
import { readTemplate } from '../../helpers/export-rows';
import { sampleText } from '../../helpers/fixtures';

const TEMPLATES = [
  '01-huangshi-dangxiao-zhutiban.txt',
  '04-huaibei-wenlv-songxi.txt',
  '05-xiangtan-wupaoche-2024.txt',
  '07-qingshanqu-jiaoyu-jijian.txt',
  '10-fuliang-linye-zhengti.txt',
  '13-qingshen-fagai-gongzi-ziping.txt',
];
const URI = 'file:///new-user.txt';
const sample = parseDocument(sampleText());
const documents: [string, DocumentModel][] = [['the sample', sample], ...TEMPLATES.map((f): [string, DocumentModel] => [f, parseDocument(readTemplate(f))])];

/** The section whose lines hold `line`. */
function sectionOfLine(model: DocumentModel, line: number) {
  let ref = model.sections[0];
  for (const s of model.sections) if (s.startLine <= line) ref = s;
  return ref;
}

/** The outline flattened as VS Code's Go to Symbol (`@`) lists it: each symbol's name with its parent's name as description. */
function quickPickRows(symbols: readonly DocumentSymbol[], container = ''): { name: string; container: string; line: number }[] {
  const out: { name: string; container: string; line: number }[] = [];
  for (const s of symbols) {
    out.push({ name: s.name, container, line: s.range.start.line });
    out.push(...quickPickRows(s.children ?? [], s.name));
  }
  return out;
}

function names(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((s) => [s.name, names(s.children ?? [])]);
}

describe('new user: the language setting', () => {
  it('auto follows the client; zh-cn and en choose (server and client read it alike)', () => {
    assert.equal(resolveLocale(normalizeSettings({}).language, 'en'), 'en');
    assert.equal(resolveLocale(normalizeSettings({ language: 'auto' }).language, 'zh'), 'zh');
    assert.equal(resolveLocale(normalizeSettings({ language: 'zh-cn' }).language, 'en'), 'zh');
    assert.equal(resolveLocale(normalizeSettings({ language: 'en' }).language, 'zh'), 'en');
    assert.equal(pickUiLocale(undefined, 'en'), 'en');
    assert.equal(pickUiLocale('auto', 'zh-cn'), 'zh');
    assert.equal(pickUiLocale('auto', 'de'), 'zh', 'only an English UI is English');
    assert.equal(pickUiLocale('zh-cn', 'en-US'), 'zh');
    assert.equal(pickUiLocale('en', 'zh-cn'), 'en');
  });

  it('the diagnostics of the sample in each language: the rule message, then the department', () => {
    const zh = cachedDiagnostics(sample, URI, DEFAULT_SETTINGS, 'zh');
    const en = cachedDiagnostics(sample, `${URI}#en`, DEFAULT_SETTINGS, 'en');
    assert.equal(zh.length, en.length);
    const problems = documentProblems(sample, DEFAULT_SETTINGS);
    zh.forEach((d, i) => {
      const dept = sectionName(problems[i].section.body, 'zh');
      assert.equal(d.message, `${problems[i].message.zh} — ${dept}`);
      assert.equal(en[i].message, `${problems[i].message.en} — ${dept}`);
    });
  });
});

describe('new user: which department?', () => {
  for (const [what, model] of documents) {
    it(`${what}: every diagnostic names its section, so a filter by the name finds all of its problems`, () => {
      const diagnostics = cachedDiagnostics(model, `${URI}#${what}`, DEFAULT_SETTINGS, 'zh');
      assert.ok(diagnostics.length > 0, 'the document has problems');
      const bySection = new Map<string, number>();
      for (const d of diagnostics) {
        const name = sectionName(sectionOfLine(model, d.range.start.line).body, 'zh');
        assert.ok(String(d.message).endsWith(` — ${name}`), String(d.message));
        bySection.set(name, (bySection.get(name) ?? 0) + 1);
      }
      // The Problems panel's filter is a case-insensitive substring test of the message (VS Code's matchesFuzzy).
      for (const [name, n] of bySection) assert.ok(diagnostics.filter((d) => String(d.message).includes(name)).length >= n, name);
    });

    it(`${what}: Go to Symbol lists no two rows alike from different sections`, () => {
      const outline = documentOutline(model, 'zh').symbols;
      const seen = new Map<string, string>();
      for (const row of quickPickRows(outline)) {
        const key = `${row.name}\u0000${row.container}`;
        const section = sectionName(sectionOfLine(model, row.line).body, 'zh');
        const before = seen.get(key);
        assert.ok(before === undefined || before === section, `"${row.name}  ${row.container}" in ${before} and in ${section}`);
        seen.set(key, section);
        // Below a section, the description names the section.
        if (row.container !== '' && row.container !== section) assert.ok(row.container.endsWith(` — ${section}`), `${row.name}: ${row.container}`);
      }
    });
  }

  it('the sample: `@满意度` rows say which department and table (they were one identical row per department)', () => {
    const rows = quickPickRows(documentOutline(sample, 'zh').symbols).filter((r) => r.name.includes('满意度'));
    const expected = sample.sections.filter((s) => s.body.tables.some((t) => t.rows.some((r) => r.level3.text.includes('满意度'))));
    assert.equal(rows.length, 241, 'the issue’s 241 rows');
    assert.deepEqual(new Set(rows.map((r) => r.container.split(' — ')[1])), new Set(expected.map((s) => sectionName(s.body, 'zh'))));
  });

  it('workspace symbols: the section in every containerName, the document’s words in every name', () => {
    const found = workspaceSymbols([{ uri: URI, model: sample }], '');
    assert.ok(found.length > 300);
    for (const s of found) {
      const section = sectionName(sectionOfLine(sample, (s.location as Location).range.start.line).body, 'zh');
      if (s.kind === SECTION_KIND) assert.equal(s.name, section);
      else assert.ok(s.containerName?.startsWith(`${section} › `), `${s.name}: ${s.containerName}`);
    }
  });

  it('the CLI names the section on every line and in the JSON', () => {
    const r = checkText(sampleText(), false);
    const reports = [{ file: 'x.txt', problems: r.problems, fixed: 0 }];
    const lines = formatText(reports, 'zh').trimEnd().split('\n').slice(0, -1);
    const json = toJson(reports, 'en');
    assert.equal(lines.length, 694);
    r.problems.forEach((p, i) => {
      const name = sectionName(sectionOfLine(r.model, p.range.start.line).body, 'zh');
      assert.ok(lines[i].endsWith(` — ${name}`), lines[i]);
      assert.equal(json[i].section, name);
      assert.equal(json[i].message, p.message.en, 'the JSON message is the rule’s own');
    });
  });
});

describe('new user: symbol names are the document’s words in every language', () => {
  for (const [what, model] of documents) {
    it(`${what}: the same names in zh and en; the English in the detail`, () => {
      const zh = documentOutline(model, 'zh').symbols;
      const en = documentOutline(model, 'en').symbols;
      assert.deepEqual(names(en), names(zh));
      const flat = (ss: readonly DocumentSymbol[]): DocumentSymbol[] => ss.flatMap((s) => [s, ...flat(s.children ?? [])]);
      for (const s of flat(en)) assert.doesNotMatch(s.name, /Long-term|Annual goal|Overall targets|Header fields|indicators/, s.name);
      if (model === sample) {
        const table = en[0].children!.find((c) => c.name.startsWith('长期目标1 — '))!;
        assert.match(table.detail!, /^Long-term goal 1: /);
        assert.equal(
          zh[0].children!.find((c) => c.name.startsWith('长期目标1 — '))!.detail,
          sample.sections.find((s) => s.body.title)!.body.tables[0].goalText,
        );
      }
    });
  }

  it('hovers follow the language (they are read, not searched)', () => {
    const table = sample.sections.find((s) => s.body.title)!;
    const line = table.startLine + table.body.tables[0].rows[0].range.start.line;
    const zh = (hoverAt(sample, { line, character: 1 }, 'zh')!.contents as { value: string }).value;
    const en = (hoverAt(sample, { line, character: 1 }, 'en')!.contents as { value: string }).value;
    assert.match(zh, /^\*\*武汉市东西湖区行政审批局\*\* › 长期目标1：/);
    assert.match(en, /^\*\*武汉市东西湖区行政审批局\*\* › Long-term goal 1: /);
  });
});

describe('new user: counts that agree', () => {
  it('no rule defaults to hint (the Problems panel never lists hints); TT403 is information', () => {
    assert.deepEqual(
      RULES.filter((r) => r.defaultSeverity === 'hint').map((r) => r.code),
      [],
    );
    assert.equal(RULES.find((r) => r.code === 'TT403')!.defaultSeverity, 'information');
  });

  it('the sample: stats = the diagnostics sent = the CLI, TT403 included', () => {
    const diagnostics = cachedDiagnostics(sample, `${URI}#count`, DEFAULT_SETTINGS, 'zh');
    const stats = documentStats(sample, DEFAULT_SETTINGS);
    const cli = checkText(sampleText(), false).problems;
    assert.equal(stats.problems, diagnostics.length);
    assert.equal(cli.length, diagnostics.length);
    assert.equal(diagnostics.length, 694);
    assert.equal(diagnostics.filter((d) => d.code === 'TT403').length, 169);
    assert.ok(
      diagnostics.every((d) => d.severity !== 4),
      'no hint is sent by default',
    );
  });

  it('a rule set to hint: not counted, not fixed by fix-all nor fix-all-of-kind, its quick fix still offered at the cursor', () => {
    const settings = normalizeSettings({ severity: { TT403: 'hint' } });
    const problems = documentProblems(sample, settings);
    const hints = problems.filter((p) => p.code === 'TT403');
    assert.equal(hints.length, 169);
    assert.ok(hints.every((p) => !isListed(p.severity)));
    assert.equal(documentStats(sample, settings).problems, problems.length - 169);

    const fixed = fixAll(sample, settings);
    const left = documentProblems(fixed.model, settings).filter((p) => p.code === 'TT403');
    assert.equal(left.length, 169, 'fix-all left every hint alone');

    const at = hints[0];
    const actions = codeActions(sample, { uri: URI, range: at.range, diagnostics: [] }, settings, 'zh', problems);
    assert.ok(
      actions.some((a) => a.isPreferred && a.title.includes('指标')),
      'the quick fix of the hint under the cursor',
    );
    assert.ok(!actions.some((a) => a.title.includes('TT403') && !a.isPreferred), 'no "fix all TT403" over unlisted problems');
    const onSave = codeActions(sample, { uri: URI, range: at.range, diagnostics: [], only: ['source.fixAll'] }, settings, 'zh', problems);
    const edits = onSave.flatMap((a) => a.edit?.changes?.[URI] ?? []);
    assert.ok(edits.length > 0);
    for (const h of hints) {
      const end = h.fix!.edits[0].range.start;
      assert.ok(
        !edits.some((e) => e.range.start.line === end.line && e.range.start.character === end.character && e.newText === '指标'),
        `TT403 at line ${end.line + 1}`,
      );
    }
  });

  it('with the defaults, fix-on-save edits only lines with a listed problem', () => {
    const problems = documentProblems(sample, DEFAULT_SETTINGS);
    const listedLines = new Set<number>();
    for (const p of problems) if (isListed(p.severity)) for (let l = p.range.start.line; l <= p.range.end.line; l++) listedLines.add(l);
    const [action] = codeActions(sample, { uri: URI, range: problems[0].range, diagnostics: [], only: ['source.fixAll'] }, DEFAULT_SETTINGS, 'zh', problems);
    const edits = action.edit!.changes![URI];
    assert.ok(edits.length > 100);
    for (const e of edits) assert.ok(listedLines.has(e.range.start.line), `an edit at line ${e.range.start.line + 1} without a listed problem`);
  });
});

describe('new user: outline kinds', () => {
  it('section File, goals String, tables Struct, indicators Field, header fields Property (no Event)', () => {
    assert.deepEqual(
      [SECTION_KIND, GOAL_KIND, TABLE_KIND, INDICATOR_KIND, HEADER_FIELD_KIND],
      [SymbolKind.File, SymbolKind.String, SymbolKind.Struct, SymbolKind.Field, SymbolKind.Property],
    );
    const [dep] = documentOutline(sample, 'zh').symbols;
    assert.equal(dep.kind, SymbolKind.File);
    const overview = dep.children![0];
    assert.equal(overview.kind, SymbolKind.Namespace);
    assert.ok(overview.children!.every((g) => g.kind === SymbolKind.String));
    const tables = dep.children!.slice(1);
    assert.ok(tables.every((t) => t.kind === SymbolKind.Struct && t.children!.every((i) => i.kind === SymbolKind.Field)));
    const [project] = documentOutline(parseDocument(readTemplate('05-xiangtan-wupaoche-2024.txt')), 'zh').symbols.filter((s) => s.kind === SECTION_KIND);
    const fields = project.children!.find((c) => c.name.startsWith('基本信息'))!;
    assert.ok(fields.children!.every((f) => f.kind === SymbolKind.Property));
    assert.ok(project.children!.filter((c) => c.name.includes('目标 — ')).every((g) => g.kind === SymbolKind.String));
    const kinds = (ss: readonly DocumentSymbol[]): number[] => ss.flatMap((s) => [s.kind, ...kinds(s.children ?? [])]);
    for (const [, model] of documents) assert.ok(!kinds(documentOutline(model, 'zh').symbols).includes(SymbolKind.Event));
  });

  it('only listed sections are outlined (a heading above a table is not a project of its own)', () => {
    const model = parseDocument(readTemplate('05-xiangtan-wupaoche-2024.txt'));
    assert.equal(documentOutline(model, 'zh').symbols.length, model.sections.filter((s) => isListedSection(s.body)).length);
  });
});
