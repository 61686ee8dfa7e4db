/**
 * A GB18030 encoder for tests (Node encodes only UTF-8): the two-byte table read back from
 * Node's own strict GB18030 decoder, which covers every character of the sample (GBK).
 */
let table: Map<string, [number, number]> | undefined;

export function encodeGb18030(text: string): Buffer {
  if (!table) {
    table = new Map();
    const d = new TextDecoder('gb18030', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        let c: string;
        try {
          c = d.decode(Uint8Array.of(a, b));
        } catch {
          continue;
        }
        if (c.length === 1 && !table.has(c)) table.set(c, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for U+${cp.toString(16)}`);
      out.push(pair[0], pair[1]);
    }
  }
  return Buffer.from(out);
}
