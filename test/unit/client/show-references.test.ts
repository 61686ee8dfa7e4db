/**
 * The client command behind the code lenses (client/src/commands/show-references.ts), outside VS
 * Code: a stand-in `vscode` module records what it registers and executes, and a stand-in converter
 * marks what it converted. The real workbench runs it in the e2e suite.
 */
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from '../../../protocol';

type Handler = (...args: unknown[]) => Promise<void>;

describe('client command targetTable.showReferences', () => {
  const registered = new Map<string, Handler>();
  const executed: unknown[][] = [];
  const fakeVscode = {
    commands: {
      registerCommand: (id: string, h: Handler) => {
        registered.set(id, h);
        return { dispose: () => registered.delete(id) };
      },
      executeCommand: async (...args: unknown[]) => void executed.push(args),
    },
  };
  const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;

  before(() => {
    // `require('vscode')` of the command's module gets the stand-in.
    (Module as unknown as { _resolveFilename: unknown })._resolveFilename = (request: string, ...rest: unknown[]) =>
      request === 'vscode' ? 'vscode' : resolve(request, ...rest);
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode } as unknown as NodeJS.Module;
  });

  after(() => {
    (Module as unknown as { _resolveFilename: unknown })._resolveFilename = resolve;
    delete require.cache.vscode;
  });

  it('converts the LSP JSON arguments and opens the references peek at the lens', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { registerShowReferences } = require('../../../client/src/commands/show-references') as typeof import('../../../client/src/commands/show-references');
    const subscriptions: { dispose(): void }[] = [];
    const converter = {
      asUri: (u: string) => ({ uri: u }),
      asPosition: (p: unknown) => ({ position: p }),
      asLocation: (l: unknown) => ({ location: l }),
    };
    registerShowReferences({ subscriptions } as never, { protocol2CodeConverter: converter } as never);
    assert.equal(subscriptions.length, 1);
    const handler = registered.get(SHOW_REFERENCES_COMMAND);
    assert.ok(handler);
    const range = { start: { line: 36, character: 1 }, end: { line: 36, character: 7 } };
    const args: ShowReferencesArguments = ['file:///a.txt', { line: 11, character: 1 }, [{ uri: 'file:///a.txt', range }]];
    await handler(...args);
    assert.deepEqual(executed, [
      ['editor.action.showReferences', { uri: 'file:///a.txt' }, { position: { line: 11, character: 1 } }, [{ location: { uri: 'file:///a.txt', range } }]],
    ]);
    subscriptions[0].dispose();
    assert.equal(registered.size, 0);
  });
});
