/**
 * The product's two languages. The users are Chinese budget staff, so Chinese is the default;
 * English is used when the client (or the command line's environment) says its locale starts with `en`.
 */
import type { Message } from './rules/types';

export type Locale = 'zh' | 'en';

/** `en`, `en-US`, `en_GB.UTF-8` → English; anything else (or nothing) → Chinese. */
export function pickLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const c of candidates) {
    if (typeof c === 'string' && c.trim() !== '') return c.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  return 'zh';
}

/** A bilingual message in one language. */
export function msg(m: Message, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}
