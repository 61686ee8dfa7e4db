// The command behind the goal navigation's code lenses (server/src/features/code-lens.ts): the
// server sends LSP JSON, VS Code's `editor.action.showReferences` wants its own Uri, Position and
// Location objects, so the arguments go through the language client's protocol converter.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from '../../../protocol';

export function registerShowReferences(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (...args: ShowReferencesArguments) => {
      const [uri, position, locations] = args;
      const c = client.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        c.asUri(uri),
        c.asPosition(position),
        locations.map((l) => c.asLocation(l)),
      );
    }),
  );
}
