/**
 * Where sections start (docs/format.md §3 "Section start", §7.1).
 *
 * A title is a short line whose core (its compact text without a year or bracketed tail and
 * without a table number: `…申报表(2023年度)`, `…目标表3`) ends as a family's title rule says
 * (../templates). When the text is only the bare suffix (`整体支出绩效目标表`, `绩效目标表`) Word
 * wrapped the title and the department name is on the line before, so the section starts there. A
 * title that is also an ordinary phrase (`部门整体绩效目标`) counts only on a row of its own.
 * Whether line i starts a section depends only on lines i-1, i and i+1: the incremental parser
 * relies on that locality.
 */

import { family as familyById, ownRowTitleFamily, titleFamily, titleSuffix, type TableFamily } from '../templates';
import { compact } from '../text';
import { isSpace } from './cell';

const BARE_TITLE = /^(部门)?(整体支出)?(部门)?绩效目标(申报|批复)?表$/;
/** A title is a short line; a long paragraph that happens to end with the words is text. */
const MAX_TITLE_LENGTH = 80;
/** What may follow a title's last 表: a bracketed tail (`(2023年度)`, `(高标准农田建设)`) or a table number. */
const TAIL = /(\([^()]{0,30}\)|\d{1,2})$/;
const LEADING_YEAR = /^\d{4}年(度)?/;
/** What is left of a title without a name of its own (`2024年项目绩效目标表`, `部门预算项目支出绩效自评表`). */
const NO_NAME = /^(\d{4}年度?)?(部门预算|部门|单位|本级)?$/;

export function lineText(line: string | undefined): string {
  return line === undefined ? '' : line.trim();
}

/**
 * Whether a line could be a title: its last visible character is 表, a closing bracket, a digit
 * (after 表: `目标表3`) or 标 (`部门整体绩效目标`). A line can start a section only if it or the
 * next line could (see `isSectionStart`). Runs for every line of a full parse, so the common case
 * is rejected by a few character tests, without trimming.
 */
export function mayEndTitle(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isSpace(line.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = line.charCodeAt(i);
  if (c === 0x8868 /* 表 */) return true;
  if (c === 0x29 || c === 0xff09 /* ) ） */ || (c >= 0x30 && c <= 0x39)) return endsInTableAfterTails(line, i);
  return c === 0x6807 /* 标 */ && endsOwnRowTitle(line, i);
}

/** …整体绩效目标 / …整体支出绩效目标 ending at `i` (a title only on a row of its own): 体 or 出 before 绩效目标. */
function endsOwnRowTitle(line: string, i: number): boolean {
  if (i < 4 || line.charCodeAt(i) !== 0x6807 || line.charCodeAt(i - 2) !== 0x6548 /* 效 */ || line.charCodeAt(i - 3) !== 0x7ee9 /* 绩 */) return false;
  const d = line.charCodeAt(i - 4);
  return d === 0x4f53 /* 体 */ || d === 0x51fa; /* 出 */
}

/**
 * Whether 表 ends the line once at most two tails are taken off its end, as `titleCore` takes them:
 * a bracketed group (`(2023年度)`, up to 30 characters inside) or a table number (`3`). A number
 * counts only right after 表 (`目标表3`, `目标表3(2024年度)`; not `目标表(2024年度)3`); a bracket
 * may follow `部门整体绩效目标` too.
 */
function endsInTableAfterTails(line: string, last: number): boolean {
  let i = last;
  const digitsOnly = line.charCodeAt(last) >= 0x30 && line.charCodeAt(last) <= 0x39;
  for (let tails = 0; tails < 2 && i > 0; tails++) {
    const c = line.charCodeAt(i);
    if (!digitsOnly && (c === 0x29 || c === 0xff09)) {
      let j = i - 1;
      while (j > 0 && i - j <= 31 && line.charCodeAt(j) !== 0x28 && line.charCodeAt(j) !== 0xff08) {
        const d = line.charCodeAt(j);
        if (d === 0x29 || d === 0xff09) return false;
        j--;
      }
      if (line.charCodeAt(j) !== 0x28 && line.charCodeAt(j) !== 0xff08) return false;
      i = j - 1;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i - 1;
      if (j >= 0 && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x39) j--;
      i = j;
    } else break;
    if (i >= 0 && (line.charCodeAt(i) === 0x8868 || (!digitsOnly && endsOwnRowTitle(line, i)))) return true;
  }
  return false;
}

/** A title's year on a line of its own: `(2022年度)`, `2020年度)`, `2025年` (trimmed text). */
export function isYearLine(text: string): boolean {
  return YEAR_LINE.test(text);
}

const YEAR_LINE = /^[(（]?\d{4}年度?[)）]?$/;

/**
 * A title with nothing under it in lines[from, end) but blank lines and one year line: a heading
 * above the table's own title (`项目支出绩效目标表3` over `项目支出绩效目标表`), no section of its
 * own. A scan that stops at the first line of content.
 */
export function isHeadingLines(lines: readonly string[], from: number, end = lines.length): boolean {
  let years = 0;
  for (let i = from; i < end; i++) {
    const t = lineText(lines[i]);
    if (t === '') continue;
    if (years > 0 || !YEAR_LINE.test(t)) return false;
    years++;
  }
  return true;
}

/** A title's core: compact, half-width brackets, without a trailing bracket or number and a leading year. */
export function titleCore(text: string): { core: string; tail: string | null } {
  let core = compact(text).replace(/（/g, '(').replace(/）/g, ')');
  let tail: string | null = null;
  for (let k = 0; k < 2; k++) {
    const m = TAIL.exec(core);
    if (!m || m.index === 0) break;
    if (m[0].startsWith('(') && tail === null) tail = m[0].slice(1, -1);
    core = core.slice(0, m.index);
  }
  return { core: core.replace(LEADING_YEAR, ''), tail };
}

function shortText(line: string | undefined): string | null {
  if (line === undefined || !mayEndTitle(line)) return null;
  const t = lineText(line);
  return t.length > 0 && t.length <= MAX_TITLE_LENGTH ? t : null;
}

export function isTitleLine(line: string | undefined): boolean {
  const t = shortText(line);
  return t !== null && titleFamily(titleCore(t).core) !== null;
}

/** A title that starts a section only on a row of its own (`部门整体绩效目标`). */
function isOwnRowTitle(line: string | undefined): boolean {
  const t = shortText(line);
  return t !== null && ownRowTitleFamily(titleCore(t).core) !== null;
}

export function isBareTitle(line: string | undefined): boolean {
  return line !== undefined && mayEndTitle(line) && BARE_TITLE.test(lineText(line));
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

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
  if (isBlank(prev) && isBlank(next) && isOwnRowTitle(cur)) return true;
  return isBareTitle(next) && isTitleLine(next) && isNameLine(cur);
}

export interface TitleInfo {
  family: TableFamily;
  /** The name the title gives ('' for a bare title: the name is then in a 项目名称 / 部门名称 cell). */
  name: string;
  /** A bracketed tail that is not a year (`高标准农田建设`). */
  subtitle: string | null;
}

/** Family, name and tail of a title's text (split titles joined). */
export function readTitleText(text: string): TitleInfo {
  const { core, tail } = titleCore(text);
  const family = titleFamily(core) ?? ownRowTitleFamily(core) ?? familyById('overall');
  const m = titleSuffix(family, core);
  let name = m ? core.slice(0, m.index) : core;
  // What the suffix left may be only the rest of the title's words (部门预算项目支出…).
  if (NO_NAME.test(name)) name = '';
  const subtitle = tail !== null && !/^\d{4}年度?$/.test(tail) ? tail : null;
  return { family, name, subtitle };
}

/** Department name from the title text: the title minus its family's suffix and tails. */
export function departmentName(title: string): string {
  return readTitleText(title).name;
}
