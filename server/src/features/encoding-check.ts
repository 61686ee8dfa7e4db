/**
 * A document decoded with the wrong encoding: VS Code opened a GBK / GB18030 export as UTF-8 (its
 * default), and every Chinese character became U+FFFD (the replacement character). Each of the
 * rules would then report nonsense about a table it cannot read, so this says what is wrong once,
 * at the first U+FFFD, with an action that reopens the file as GB18030 (the extension's
 * `targetTable.reopenWithEncoding` command; the client checks the bytes on disk first).
 *
 * Not a rule of the registry (core/rules): rules see one section and report per section, and this
 * is one finding per file; the command line never sees it either, since it reads bytes and decodes
 * GB18030 itself (cli/io.ts). So it has a code of its own (`encoding`) and no severity setting.
 * Found per section body (a `BodyCache`), so a keystroke looks at the edited department only.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { BodyCache } from '../core/body-cache';
import type { DocumentModel, Position } from '../core/model';
import { msg, type Locale } from '../core/locale';
import type { Message } from '../core/rules/types';
import { REOPEN_WITH_ENCODING_COMMAND, type ReopenWithEncodingArguments } from '../../../protocol';
import { SOURCE } from './diagnostics';

export const ENCODING_CODE = 'encoding';

/** Where a body's first U+FFFD is (relative line and character), or NONE. */
const firstReplacement = new BodyCache<Position | typeof NONE>();
const NONE = { none: true } as const;

/** The absolute position of the document's first U+FFFD and how many lines hold one, or null when there is none. */
export function replacementCharacter(model: DocumentModel): Position | null {
  for (const ref of model.sections) {
    const at = firstReplacement.getOrCreate(ref.body, (body) => {
      const lines = body.lines;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        // indexOf is a fast scan; most lines hold no U+FFFD
        const c = l.indexOf('\uFFFD');
        if (c >= 0) return { line: i, character: c };
      }
      return NONE;
    });
    if (at !== NONE) return { line: ref.startLine + (at as Position).line, character: (at as Position).character };
  }
  return null;
}

const MESSAGE: Message = {
  zh: '文件中有无法解码的字符（U+FFFD）：文件多半是 GBK / GB18030 编码，却被当作 UTF-8 打开，表格内容无法检查。请以 GB18030 编码重新打开；若文件已以这种状态保存过，乱码处的原字符已丢失，需要取回原文件。',
  en: 'The text holds undecodable characters (U+FFFD): the file is most likely GBK / GB18030 but was opened as UTF-8, so its tables cannot be checked. Reopen it as GB18030; if it was saved in this state, the original characters are lost and the original file is needed.',
};

const ACTION_TITLE: Message = { zh: '以 GB18030 编码重新打开', en: 'Reopen with encoding GB18030' };

/** The one diagnostic of a wrongly decoded document, or null. */
export function encodingDiagnostic(model: DocumentModel, locale: Locale): Diagnostic | null {
  const at = replacementCharacter(model);
  if (!at) return null;
  return {
    range: { start: at, end: { line: at.line, character: at.character + 1 } },
    severity: DiagnosticSeverity.Error,
    code: ENCODING_CODE,
    source: SOURCE,
    message: msg(MESSAGE, locale),
  };
}

/** The diagnostic first, then the others: what the Problems panel lists at the top of the file. */
export function withEncodingDiagnostic<T extends { diagnostics: Diagnostic[]; pieces: Buffer[] }>(
  sent: T,
  model: DocumentModel,
  locale: Locale,
  encode = true,
): T {
  const d = encodingDiagnostic(model, locale);
  if (!d) return sent;
  const pieces = encode ? [Buffer.from(JSON.stringify(d), 'utf8'), ...sent.pieces] : sent.pieces;
  return { ...sent, diagnostics: [d, ...sent.diagnostics], pieces };
}

/** The quick fix of the encoding diagnostic among `diagnostics` (the code action request's context), if it is there. */
export function encodingActions(uri: string, diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const d = diagnostics.find((x) => x.code === ENCODING_CODE && x.source === SOURCE);
  if (!d) return [];
  const args: ReopenWithEncodingArguments = [uri, 'gb18030'];
  const title = msg(ACTION_TITLE, locale);
  return [
    { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title, command: REOPEN_WITH_ENCODING_COMMAND, arguments: args } },
  ];
}
