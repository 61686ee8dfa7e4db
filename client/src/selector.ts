/**
 * Which documents the extension hands to the server: every document of the 绩效目标表 language,
 * whatever its URI scheme (file, untitled, vscode-vfs, vscode-remote, …). The server never reads a
 * file from disk: it works on the text the editor sends (didOpen / didChange), so it serves a
 * virtual workspace as well as a local one, which is what `capabilities.virtualWorkspaces` in
 * package.json declares. Kept free of the vscode module so the unit tests can check the two agree.
 */
export const LANGUAGE_ID = 'target-table';

export const DOCUMENT_SELECTOR: { language: string; scheme?: string }[] = [{ language: LANGUAGE_ID }];
