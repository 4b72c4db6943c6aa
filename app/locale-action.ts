'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Public on purpose: choosing a language needs no session and touches no data. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleInput.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}
