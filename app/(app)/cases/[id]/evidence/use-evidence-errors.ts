'use client';
import { useTranslations } from 'next-intl';

/**
 * The vault's own error keys ('fileTypeRefused', 'previewFirst', …) in the
 * user's language; `errors` codes and unknown keys pass through as given.
 * `max` fills the size limit into the one message that names it.
 */
export function useEvidenceErrors(params: { max?: string } = {}) {
  const t = useTranslations('evidence.fieldErrors');
  return (message: string | null | undefined): string | undefined => {
    if (!message) return undefined;
    if (message === 'fileTooLarge') return t('fileTooLarge', { max: params.max ?? '' });
    return t.has(message as never) ? t(message as never) : message;
  };
}
