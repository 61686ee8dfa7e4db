/**
 * The shape of the params each handled request and document notification needs, checked before
 * it is dispatched (./dispatch.ts): a request with missing, null or malformed params is answered
 * InvalidParams (-32602) instead of reaching a handler that would throw (InternalError), and such
 * a notification is dropped with a line in the log. Only what the handlers read is checked.
 */

type Check = (p: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUinteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function position(v: unknown, what: string): string | null {
  if (!isObject(v) || !isUinteger(v.line) || !isUinteger(v.character)) return `${what} must be a position {line, character}`;
  return null;
}

function range(v: unknown, what: string): string | null {
  if (!isObject(v)) return `${what} must be a range {start, end}`;
  return position(v.start, `${what}.start`) ?? position(v.end, `${what}.end`);
}

function textDocument(p: unknown): string | null {
  if (!isObject(p)) return 'params must be an object';
  if (!isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') return 'params.textDocument.uri must be a string';
  return null;
}

const all =
  (...checks: Check[]): Check =>
  (p) => {
    for (const c of checks) {
      const e = c(p);
      if (e) return e;
    }
    return null;
  };

const field =
  (name: string, check: (v: unknown, what: string) => string | null): Check =>
  (p) =>
    check((p as Record<string, unknown>)[name], `params.${name}`);

const REQUESTS: Record<string, Check> = {
  initialize: (p) => (isObject(p) && isObject(p.capabilities) ? null : 'params must be an object with capabilities'),
  'textDocument/hover': all(textDocument, field('position', position)),
  'textDocument/codeAction': all(textDocument, field('range', range), (p) => {
    const ctx = (p as { context?: unknown }).context;
    return isObject(ctx) && Array.isArray(ctx.diagnostics) ? null : 'params.context.diagnostics must be an array';
  }),
  'codeAction/resolve': (p) => (isObject(p) && typeof p.title === 'string' ? null : 'params must be a code action (with a title)'),
  'textDocument/documentSymbol': textDocument,
  'textDocument/foldingRange': textDocument,
  'textDocument/selectionRange': all(textDocument, (p) => {
    const ps = (p as { positions?: unknown }).positions;
    return Array.isArray(ps) && ps.every((x) => position(x, 'position') === null) ? null : 'params.positions must be an array of positions';
  }),
  'textDocument/inlayHint': all(textDocument, field('range', range)),
  'textDocument/diagnostic': textDocument,
  'textDocument/definition': all(textDocument, field('position', position)),
  'textDocument/references': all(textDocument, field('position', position)),
  'textDocument/documentHighlight': all(textDocument, field('position', position)),
  'textDocument/codeLens': textDocument,
  'codeLens/resolve': (p) => (isObject(p) ? range(p.range, 'params.range') : 'params must be a code lens (with a range)'),
  'workspace/symbol': (p) => (isObject(p) && typeof p.query === 'string' ? null : 'params.query must be a string'),
  'targetTable/stats': (p) => (isObject(p) && typeof p.uri === 'string' ? null : 'params.uri must be a string'),
  'targetTable/tableView': (p) => (isObject(p) && typeof p.uri === 'string' && isUinteger(p.line) ? null : 'params must be { uri: string, line: uinteger }'),
  'textDocument/completion': all(textDocument, field('position', position)),
  'targetTable/insertRow': (p) =>
    isObject(p) && typeof p.uri === 'string' && isUinteger(p.line) && (p.version === undefined || typeof p.version === 'number')
      ? null
      : 'params must be {uri, line, version?} with a line ≥ 0',
};

function contentChanges(p: unknown): string | null {
  const changes = (p as { contentChanges?: unknown }).contentChanges;
  if (!Array.isArray(changes)) return 'params.contentChanges must be an array';
  for (let i = 0; i < changes.length; i++) {
    const c: unknown = changes[i];
    if (!isObject(c) || typeof c.text !== 'string') return `params.contentChanges[${i}].text must be a string`;
    if (c.range !== undefined) {
      const e = range(c.range, `params.contentChanges[${i}].range`);
      if (e) return e;
    }
  }
  return null;
}

const NOTIFICATIONS: Record<string, Check> = {
  'textDocument/didOpen': all(textDocument, (p) => {
    const d = (p as { textDocument: Record<string, unknown> }).textDocument;
    return typeof d.text === 'string' && typeof d.version === 'number' ? null : 'params.textDocument needs text and version';
  }),
  'textDocument/didChange': all(
    textDocument,
    (p) => (typeof (p as { textDocument: Record<string, unknown> }).textDocument.version === 'number' ? null : 'params.textDocument.version must be a number'),
    contentChanges,
  ),
  'textDocument/didClose': textDocument,
};

/** Why the params of request `method` are unusable, or null when they are fine (or the method is not checked). */
export function requestParamsError(method: string, params: unknown): string | null {
  const check = Object.prototype.hasOwnProperty.call(REQUESTS, method) ? REQUESTS[method] : undefined;
  return check ? check(params) : null;
}

/** The same for notification `method`. */
export function notificationParamsError(method: string, params: unknown): string | null {
  const check = Object.prototype.hasOwnProperty.call(NOTIFICATIONS, method) ? NOTIFICATIONS[method] : undefined;
  return check ? check(params) : null;
}

/** The requests whose params are checked (for tests). */
export const CHECKED_REQUESTS = Object.keys(REQUESTS);
