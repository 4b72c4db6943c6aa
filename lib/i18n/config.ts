export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The languages a notice or report document is produced in: the app's own locales. */
export const NOTICE_LANGS = LOCALES;
export type NoticeLang = Locale;
export const DEFAULT_LOCALE: Locale = 'ko';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const TIME_ZONE = 'Asia/Seoul';

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}
