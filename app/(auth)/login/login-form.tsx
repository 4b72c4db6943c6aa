'use client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { Field } from '@/app/_components/field';

const loginFormInput = z.object({ email: z.string().trim().email('email'), password: z.string().min(1, 'required') });
type LoginFormInput = z.infer<typeof loginFormInput>;

type Props = { callbackUrl: string | null; initialError: 'oidcFailed' | null; oidcName: string | null };

export function LoginForm({ callbackUrl, initialError, oidcName }: Props) {
  const t = useTranslations('auth');
  const te = useTranslations('errors');
  const [error, setError] = useState<'failed' | 'locked' | 'oidcFailed' | null>(initialError);
  const { register, handleSubmit, formState } = useForm<LoginFormInput>({ resolver: zodResolver(loginFormInput) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn('credentials', { ...values, redirect: false });
    if (!result || result.error) {
      setError(result?.error === 'locked' ? 'locked' : 'failed');
      return;
    }
    // A full navigation, so the server renders the next page with the new session cookie.
    window.location.assign(callbackUrl ?? '/');
  });

  const fieldError = (key: keyof LoginFormInput) => {
    const m = formState.errors[key]?.message;
    return m ? te(m as 'email' | 'required') : undefined;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="login-form">
      <div aria-live="assertive">
        {error ? (
          <p className="alert error" data-testid="login-error">
            {t(error)}
          </p>
        ) : null}
      </div>
      <Field id="email" label={t('email')} error={fieldError('email')}>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={Boolean(formState.errors.email)}
          aria-describedby="email-error"
          {...register('email')}
        />
      </Field>
      <Field id="password" label={t('password')} error={fieldError('password')}>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(formState.errors.password)}
          aria-describedby="password-error"
          {...register('password')}
        />
      </Field>
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('submitting') : t('submit')}
      </button>
      {oidcName ? (
        <button type="button" className="secondary" onClick={() => void signIn('oidc', { callbackUrl: callbackUrl ?? '/' })}>
          {t('oidc', { name: oidcName })}
        </button>
      ) : null}
    </form>
  );
}
