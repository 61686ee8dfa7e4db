/** The VS Code-free core: parse → model → rules/features. Used by the server, the CLI and the tests. */
export * from './model';
export { parseDocument, updateDocument, type TextChange } from './parse/document';
export { parseValue, valueDirection } from './parse/value';
export { splitLines } from './parse/lines';
