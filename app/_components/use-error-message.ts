'use client';
import { useTranslations } from 'next-intl';
import { resolveErrorMessage, type ErrorArea } from '@/lib/i18n/error-message';

/**
 * An error key in the user's language, the area's own message first
 * (lib/i18n/error-message.ts). `params` fill the messages that name a value,
 * such as the evidence vault's size limit.
 */
export function useErrorMessage(area?: ErrorArea | null, params?: Record<string, string>) {
  const t = useTranslations();
  return (key: string): string => resolveErrorMessage(key, area, (path) => (t.has(path as never) ? t(path as never, params as never) : undefined));
}
