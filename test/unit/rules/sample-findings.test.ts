/**
 * The sample's whole finding list, pinned: every problem the rules report on the real sample (code and
 * exact range), against test/fixtures/sample-findings.txt. A change to the parser or a rule that adds,
 * drops or moves a finding fails here, with the difference listed. When the change is meant, the
 * fixture is updated with it, and the commit says why (the fixture's header: where the list came from).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sampleChecked } from './helpers';

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sample-findings.txt');

const key = (s: string): [number, number, number, number, string] => {
  const m = /^(\d+):(\d+)-(\d+):(\d+) (TT\d+)$/.exec(s);
  assert.ok(m, `a finding line: ${s}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]];
};

function byPosition(a: string, b: string): number {
  const x = key(a);
  const y = key(b);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x[4] < y[4] ? -1 : x[4] > y[4] ? 1 : 0;
}

describe('rules: the sample’s finding list', () => {
  it('is the pinned list (main’s 692 findings and the two TT207 on ≥1-2次)', () => {
    const expected = fs
      .readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const actual = sampleChecked()
      .problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.code}`)
      .sort(byPosition);
    const missing = expected.filter((l) => !actual.includes(l));
    const added = actual.filter((l) => !expected.includes(l));
    assert.deepEqual({ missing, added }, { missing: [], added: [] });
    assert.deepEqual(actual, expected);
    assert.equal(actual.length, 694);
    assert.deepEqual(
      actual.filter((l) => l.endsWith('TT207')),
      ['4999:2-4999:7 TT207', '6133:2-6133:7 TT207'],
    );
  });
});
