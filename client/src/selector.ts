/**
 * Which documents the extension hands to the server: every document of the 绩效目标表 language,
 * whatever its URI scheme (file, untitled, vscode-vfs, vscode-remote, …). The server never reads a
 * file from disk: it works on the text the editor sends (didOpen / didChange), so it serves a
 * virtual workspace as well as a local one, which is what `capabilities.virtualWorkspaces` in
 * package.json declares. Kept free of the vscode module so the unit tests can check the two agree.
 */
export const LANGUAGE_ID = 'target-table';

/**
 * The review configs (`.target-table.json`), so the server reads an open config's unsaved text (an
 * edit, or the suppression code action's, applies at once) and shows its problems on it. Configs are
 * found by walking up a file's folders, so only file: documents have one (server/src/features/review-config.ts).
 */
export const CONFIG_DOCUMENT_FILTER = { scheme: 'file', pattern: '**/.target-table.json' } as const;

export const DOCUMENT_SELECTOR: ({ language: string; scheme?: string } | typeof CONFIG_DOCUMENT_FILTER)[] = [{ language: LANGUAGE_ID }, CONFIG_DOCUMENT_FILTER];
