/**
 * Where department sections start (docs/format.md §3 "Section start").
 *
 * A title is a line whose text ends with 绩效目标表 or 绩效目标申报表. When the text is only the
 * bare suffix (`整体支出绩效目标表`, `绩效目标表`) Word wrapped the title and the department name is
 * on the line before, so the section starts there. Whether line i starts a section depends only
 * on lines i-1, i and i+1: the incremental parser relies on that locality.
 */

import { isSpace } from './cell';

const TITLE_END = /(绩效目标表|绩效目标申报表)$/;
const BARE_TITLE = /^(部门)?(整体支出)?(部门)?绩效目标(申报)?表$/;
const NAME_SUFFIX = /(部门)?(整体支出)?(部门)?绩效目标(申报)?表$/;
/** A title is a short line; a long paragraph that happens to end with the words is text. */
const MAX_TITLE_LENGTH = 80;

export function lineText(line: string | undefined): string {
  return line === undefined ? '' : line.trim();
}

/**
 * Whether a line's text ends with 表, the last character of every title: a line can start a section
 * only if it or the next line does (see `isSectionStart`). Runs for every line of a full parse, so
 * the common case is rejected without trimming.
 */
export function endsWithBiao(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isSpace(line.charCodeAt(i))) i--;
  return i >= 0 && line.charCodeAt(i) === 0x8868; /* 表 */
}

export function isTitleLine(line: string | undefined): boolean {
  if (line === undefined || !endsWithBiao(line)) return false;
  const t = lineText(line);
  return t.length > 0 && t.length <= MAX_TITLE_LENGTH && TITLE_END.test(t);
}

export function isBareTitle(line: string | undefined): boolean {
  return line !== undefined && endsWithBiao(line) && BARE_TITLE.test(lineText(line));
}

/** Whether `line` could hold the first half of a split title (a department name). */
function isNameLine(line: string | undefined): boolean {
  const t = lineText(line);
  return t.length > 0 && t.length <= MAX_TITLE_LENGTH && !isTitleLine(line);
}

/**
 * Does a section start at the line `cur`, given its neighbours?
 * `prev`/`next` are undefined at the document's edges.
 */
export function isSectionStart(prev: string | undefined, cur: string, next: string | undefined): boolean {
  if (isTitleLine(cur)) {
    // A bare title whose name sits on the line before: the section starts at the name line.
    return !(isBareTitle(cur) && isNameLine(prev));
  }
  return isBareTitle(next) && isTitleLine(next) && isNameLine(cur);
}

/** Department name from the title text: the title minus its (部门)整体支出绩效目标(申报)表 suffix. */
export function departmentName(title: string): string {
  return title.replace(NAME_SUFFIX, '').trim();
}
