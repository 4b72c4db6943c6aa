import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/locale-action';
import { LOCALES } from '@/lib/i18n/config';

const LABELS = { ko: '한국어', en: 'English' } as const;

export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    <form action={setLocaleAction} className="lang-switch row" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} className="secondary" aria-pressed={l === locale} data-testid={`locale-${l}`} lang={l}>
          {LABELS[l]}
        </button>
      ))}
    </form>
  );
}
