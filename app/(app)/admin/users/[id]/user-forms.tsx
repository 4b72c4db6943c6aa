'use client';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { grantRoleInput, resetPasswordInput } from '@/lib/admin/schemas';
import { grantRoleAction, resetPasswordAction, revokeRoleAction, setUserActiveAction } from '../../actions';
import { RoleScopeFields } from '../../role-scope-fields';

type Org = { id: string; name: string };

export function GrantRoleForm({ userId, offices, schools }: { userId: string; offices: Org[]; schools: Org[] }) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(grantRoleInput, grantRoleAction, {
    defaultValues: { userId },
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="grant-role-form">
      <input type="hidden" {...form.register('userId')} />
      <RoleScopeFields role={form.watch('role')} register={(n) => form.register(n)} offices={offices} schools={schools} errorFor={errorFor} />
      <div aria-live="polite">
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('roleGranted')}</p> : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('grantRole')}
        </button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(resetPasswordInput, resetPasswordAction, {
    defaultValues: { userId, password: '' },
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="reset-password-form">
      <input type="hidden" {...form.register('userId')} />
      <Field id="new-password" label={t('newPassword')} error={errorFor('password')}>
        <input id="new-password" type="password" autoComplete="new-password" {...form.register('password')} aria-invalid={Boolean(errorFor('password'))} />
      </Field>
      <div aria-live="polite">
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('passwordReset')}</p> : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('resetPassword')}
        </button>
      </div>
    </form>
  );
}

export function RevokeGrantButton({ grantId, roleLabel }: { grantId: string; roleLabel: string }) {
  const t = useTranslations('admin');
  return (
    <ConfirmButton
      label={t('revoke')}
      question={t('revokeConfirm', { role: roleLabel })}
      onConfirm={() => revokeRoleAction({ grantId })}
      testId="revoke-grant"
    />
  );
}

export function ActiveToggle({ userId, active }: { userId: string; active: boolean }) {
  const t = useTranslations('admin');
  if (active) {
    return (
      <ConfirmButton
        label={t('deactivate')}
        question={t('deactivateConfirm')}
        onConfirm={() => setUserActiveAction({ userId, active: 'false' })}
        testId="deactivate-user"
      />
    );
  }
  return (
    <button type="button" className="secondary" onClick={() => void setUserActiveAction({ userId, active: 'true' })}>
      {t('activate')}
    </button>
  );
}
