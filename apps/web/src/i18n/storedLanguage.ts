import { type Language, type MessageKey, translate } from './messages.ts';

/** The language the person chose (kept in localStorage by the workspace), Swedish by default. */
export const storedLanguage = (): Language =>
  globalThis.localStorage?.getItem('samplan.language') === 'en' ? 'en' : 'sv';

/** Translates in the stored language: for the screens outside a workspace (login, plans, opening a plan). */
export const st = (key: MessageKey, values?: Record<string, string | number>): string =>
  translate(storedLanguage(), key, values);
