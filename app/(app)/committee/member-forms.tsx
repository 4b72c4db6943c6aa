'use client';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { MEMBER_CATEGORIES } from '@/lib/committee/constants';
import { addMemberInput } from '@/lib/committee/schemas';
import { addMemberAction, setMemberActiveAction } from './actions';

export function AddMemberForm({ officeId }: { officeId: string }) {
  const t = useTranslations('committee');
  const tc = useTranslations('common');
  const defaults = { officeId, name: '', category: '' as never };
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(addMemberInput, addMemberAction, {
    area: 'committee',
    defaultValues: defaults,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="row" style={{ alignItems: 'flex-start', gap: 12 }} data-testid="form-add_member">
      <input type="hidden" {...form.register('officeId')} />
      <div style={{ flex: '1 1 220px' }}>
        <Field id="member-name" label={t('pool.name')} error={errorFor('name')}>
          <input id="member-name" {...form.register('name')} maxLength={60} aria-invalid={Boolean(errorFor('name'))} aria-describedby="member-name-error" />
        </Field>
      </div>
      <div style={{ flex: '0 1 200px' }}>
        <Field id="member-category" label={t('pool.category')} error={errorFor('category')}>
          <select id="member-category" {...form.register('category')} aria-invalid={Boolean(errorFor('category'))} aria-describedby="member-category-error">
            <option value="">{t('select')}</option>
            {MEMBER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div style={{ paddingTop: 26 }}>
        <button type="submit" disabled={pending} aria-busy={pending} data-testid="form-add_member-submit">
          {pending ? tc('saving') : t('pool.add')}
        </button>
      </div>
      <div aria-live="polite" style={{ flexBasis: '100%' }}>
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('pool.added')}</p> : null}
      </div>
    </form>
  );
}

/** Deactivating asks first: the member leaves the pool offered for new panels. Reactivating does not. */
export function MemberActiveButton({ memberId, name, active }: { memberId: string; name: string; active: boolean }) {
  const t = useTranslations('committee');
  if (active) {
    return (
      <ConfirmButton
        label={t('pool.deactivate')}
        question={t('pool.deactivateConfirm', { name })}
        onConfirm={() => setMemberActiveAction({ memberId, active: false })}
        testId={`member-deactivate-${memberId}`}
      />
    );
  }
  return (
    <ConfirmButton
      label={t('pool.activate')}
      question={t('pool.activateConfirm', { name })}
      onConfirm={() => setMemberActiveAction({ memberId, active: true })}
      testId={`member-activate-${memberId}`}
    />
  );
}
