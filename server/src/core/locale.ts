/**
 * The product's two languages. The users are Chinese budget staff, so Chinese is the default;
 * English is used when the client (or the command line's environment) says its locale starts with `en`.
 */
import type { SectionBody } from './model';
import type { Message } from './rules/types';

export type Locale = 'zh' | 'en';

/** `en`, `en-US`, `en_GB.UTF-8` → English; anything else (or nothing) → Chinese. */
export function pickLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const c of candidates) {
    if (typeof c === 'string' && c.trim() !== '') return c.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  return 'zh';
}

/**
 * The `targetTable.language` setting: `auto` follows the client (VS Code's display language, sent as
 * `initializationOptions.locale`); `zh` and `en` choose. A Chinese user of a VS Code without the
 * Chinese language pack (which reports `en`) needs the choice.
 */
export type LanguageSetting = 'auto' | Locale;

/** The locale a document's features speak: the setting when it chooses, else the client's. */
export function resolveLocale(setting: LanguageSetting, clientLocale: Locale): Locale {
  return setting === 'auto' ? clientLocale : setting;
}

/** A bilingual message in one language. */
export function msg(m: Message, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}

const UNNAMED: Record<Locale, { untitled: string; preamble: string }> = {
  zh: { untitled: '（无标题）', preamble: '（标题前的内容）' },
  en: { untitled: '(untitled)', preamble: '(text before the first title)' },
};

/**
 * The name a section goes by wherever the user must know which department or project something
 * belongs to (diagnostics, the CLI's lines, hover paths, outline and workspace symbols): its
 * department or project name as the document writes it, else its title; a table whose title was not
 * exported, and the text before the first title, by what they are.
 */
export function sectionName(body: SectionBody, locale: Locale): string {
  return body.department || body.title?.text || (body.layout === 'indicator-tables' ? UNNAMED[locale].untitled : UNNAMED[locale].preamble);
}

/**
 * A problem's message with the section it is in, `缺少单位。 — 武汉市东西湖区教育局`: VS Code's Problems
 * filter matches a diagnostic's message (and source and code), not its place, so the name must be in
 * the text for a filter by department to find all of its problems. The rule's own message comes first.
 */
export function inSection(message: string, body: SectionBody, locale: Locale): string {
  return `${message} — ${sectionName(body, locale)}`;
}
