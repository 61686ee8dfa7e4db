/**
 * Property: the parser, the rules and the fixes are total on ANY string. parseDocument and
 * checkDocument never throw; the model covers every line, contiguously, and rebuilds the text;
 * every range lies inside the document; every fix is minimal and keeps line breaks; fix-all is
 * idempotent. Inputs: CRLF/CR/LF mixes, BOM, NUL, lone surrogates, emoji and CJK Extension B
 * (surrogate pairs), 100,000-character lines, random mixes of TABs, newlines and title
 * fragments, random bytes decoded as latin1/UTF-8, and garbage spliced into a real department.
 * `FUZZ_RUNS` scales the run counts; each property prints how many cases it ran.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES } from '../../helpers/export-rows';
import { parseDocument, updateDocument } from '../../../server/src/core/parse/document';
import { checkDocument } from '../../../server/src/core/rules/index';
import { department } from '../../helpers/fixtures';
import { SCALE, spliceArb, toChange } from '../../helpers/edits';
import { assertSameModel } from '../../helpers/model-equality';
import { assertModelInvariants, assertProblemsInside, assertRobust } from '../../helpers/invariants';
import { fragmentArb, hostileTextArb, longLineTextArb } from '../../helpers/text-arbs';

function report(name: string, n: number): void {
  console.log(`      ${name}: ${n} cases`);
}

describe('fuzz: parser, rules and fixes are total on any string', () => {
  it('hostile strings: parse, invariants, diagnostics inside, fixes minimal, fix-all idempotent', function () {
    this.timeout(60000 * SCALE);
    let n = 0;
    fc.assert(
      fc.property(hostileTextArb, fc.boolean(), fc.boolean(), (text, crlf, bom) => {
        n++;
        let t = crlf ? text.replace(/\r?\n/g, '\r\n') : text;
        if (bom) t = '\ufeff' + t;
        assertRobust(t);
      }),
      { numRuns: 1500 * SCALE },
    );
    report('hostile strings', n);
  });

  it('garbage spliced into a real department (so the rules see tables)', function () {
    this.timeout(60000 * SCALE);
    const base = department('武汉市东西湖区甲局') + department('武汉市东西湖区乙局');
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 30 }), insert: fragmentArb }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (splices, crlf) => {
          n++;
          let text = crlf ? base.replace(/\n/g, '\r\n') : base;
          for (const s of splices) text = toChange(text, s).text;
          assertRobust(text);
        },
      ),
      { numRuns: 600 * SCALE },
    );
    report('garbage in a department', n);
  });

  it('garbage spliced into the documents of every family (header-driven tables, fields, goals, footers)', function () {
    this.timeout(60000 * SCALE);
    const docs = fs
      .readdirSync(TEMPLATES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(TEMPLATES, f), 'utf8'));
    let n = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 30 }), insert: fragmentArb }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (which, splices, crlf) => {
          n++;
          let text = crlf ? docs[which].replace(/\n/g, '\r\n') : docs[which];
          for (const s of splices) text = toChange(text, s).text;
          assertRobust(text);
        },
      ),
      { numRuns: 600 * SCALE },
    );
    report('garbage in a template document', n);
  });

  it('100,000-character lines', function () {
    this.timeout(60000 * SCALE);
    let n = 0;
    fc.assert(
      fc.property(longLineTextArb, fc.constantFrom('', department()), (text, around) => {
        n++;
        const t = around + text + around;
        const model = parseDocument(t);
        assertModelInvariants(model, t);
        assertProblemsInside(checkDocument(model.sections, { framework: '2021', minSatisfaction: 90 }), t);
      }),
      { numRuns: 25 * SCALE },
    );
    report('long lines', n);
  });

  it('fixed inputs that once looked risky', () => {
    const cases = [
      '',
      '\ufeff',
      '\u0000',
      '\r',
      '\n',
      '\r\n',
      '\n\r',
      '\r\r\n\n',
      '\t',
      '\ud800',
      '\udc00\ud800',
      '𠀀',
      '😀\t😀\n',
      '\t整体支出绩效目标表',
      '整体支出绩效目标表\n',
      '\t武汉市东西湖区测试局\n\t整体支出绩效目标表\n',
      '\t长期目标1：\n\t\n\t\n',
      '\t产出指标\t数量指标\t\t≧\n\n',
      '\t\t\t\t≧１２３％％\n',
      department().replace(/\n/g, '\r'),
      department().replace(/\t/g, '\t\t'),
      department().replace(/\t/g, ''),
    ];
    for (const c of cases) assertRobust(c);
  });

  it('incremental edits of hostile text equal a full parse', function () {
    this.timeout(60000 * SCALE);
    let n = 0;
    fc.assert(
      fc.property(hostileTextArb, fc.array(fc.array(spliceArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (text, batches) => {
        n++;
        let t = text;
        let model = parseDocument(t);
        for (const batch of batches) {
          const changes = batch.map((s) => {
            const r = toChange(t, s);
            t = r.text;
            return r.change;
          });
          model = updateDocument(model, changes);
          assertSameModel(model, parseDocument(t));
        }
        assertModelInvariants(model, t);
      }),
      { numRuns: 500 * SCALE },
    );
    report('incremental on hostile text', n);
  });
});
