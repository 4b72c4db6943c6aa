'use client';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { createUserInput } from '@/lib/admin/schemas';
import { createUserAction } from './actions';
import { RoleScopeFields } from './role-scope-fields';

type Org = { id: string; name: string };

export function CreateUserForm({ offices, schools }: { offices: Org[]; schools: Org[] }) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(createUserInput, createUserAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="create-user-form">
      <div className="grid2">
        <Field id="name" label={t('name')} error={errorFor('name')}>
          <input id="name" {...form.register('name')} aria-invalid={Boolean(errorFor('name'))} />
        </Field>
        <Field id="email" label={t('email')} error={errorFor('email')}>
          <input id="email" type="email" {...form.register('email')} aria-invalid={Boolean(errorFor('email'))} />
        </Field>
        <Field id="password" label={t('initialPassword')} error={errorFor('password')}>
          <input id="password" type="password" autoComplete="new-password" {...form.register('password')} aria-invalid={Boolean(errorFor('password'))} />
        </Field>
        <RoleScopeFields role={form.watch('role')} register={(n) => form.register(n)} offices={offices} schools={schools} errorFor={errorFor} />
      </div>
      <div aria-live="polite">
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? (
          <p className="alert success" data-testid="user-created">
            {t('userCreated')}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('createUser')}
        </button>
      </div>
    </form>
  );
}
