'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('common');
  return (
    <button type="button" className="secondary" onClick={() => void signOut({ callbackUrl: '/login' })} data-testid="sign-out">
      {t('signOut')}
    </button>
  );
}
