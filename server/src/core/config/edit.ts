/**
 * Writing a suppression into a config's text, as the editor's code actions do: jsonc-parser's `modify`
 * appends it to `suppressions`, so the file's comments, order and formatting stay as the reviewer
 * wrote them; a config that does not exist yet gets a small file of its own.
 */
import { applyEdits, modify, parseTree } from 'jsonc-parser';
import type { Range } from '../model';
import { TextPositions } from './load';
import type { SuppressionEntry } from './types';

export interface ConfigTextEdit {
  range: Range;
  newText: string;
}

/** The text of a new config holding one suppression. */
export function newConfigText(entry: SuppressionEntry): string {
  return JSON.stringify({ suppressions: [entry] }, null, 2) + '\n';
}

/**
 * The edits that append `entry` to the `suppressions` of the config `text`, and the text they give; null
 * when the text cannot take it (it is not an object, or its `suppressions` is not an array): the
 * reviewer must mend the file first, and its problems say where.
 */
export function addSuppressionEdits(text: string, entry: SuppressionEntry): { edits: ConfigTextEdit[]; text: string } | null {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (root && root.type !== 'object') return null;
  const list = root?.children?.find((p) => p.children?.[0]?.value === 'suppressions')?.children?.[1];
  if (list && list.type !== 'array') return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  const result = modify(text, list ? ['suppressions', -1] : ['suppressions'], list ? entry : [entry], { formattingOptions });
  const at = new TextPositions(text);
  return {
    edits: result.map((e) => ({ range: at.range(e.offset, e.length), newText: e.content })),
    text: applyEdits(text, result),
  };
}
