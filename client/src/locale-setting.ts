/**
 * The `targetTable.language` setting read the way the server reads it (server/src/core/settings.ts,
 * core/locale.ts): `auto` (or anything unknown) follows VS Code's display language, `zh-cn` and `en`
 * choose. Kept free of the vscode module so the unit tests can check the choice (./locale.ts reads it).
 */
export type UiLocale = 'zh' | 'en';

/** `zh-cn` → zh, `en` → en, else the display language: English only for an English UI (`en`, `en-GB` …). */
export function pickUiLocale(setting: unknown, displayLanguage: string): UiLocale {
  const s = typeof setting === 'string' ? setting.trim().toLowerCase() : '';
  if (s.startsWith('zh')) return 'zh';
  if (s.startsWith('en')) return 'en';
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
