'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { addTeamMemberInput, removeTeamMemberInput } from '@/lib/cases/schemas';
import { addTeamMemberAction, removeTeamMemberAction } from '../actions';

export function AddTeamMemberForm({ caseId, candidates }: { caseId: string; candidates: { id: string; label: string }[] }) {
  const t = useTranslations('team');
  const tc = useTranslations('cases');
  const router = useRouter();
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(addTeamMemberInput, addTeamMemberAction, {
    area: 'team',
    defaultValues: { caseId, userId: '', reason: '' },
    resetOnSuccess: true,
    onSuccess: () => router.refresh(),
  });
  const err = errorFor;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="add-team-member-form">
      <input type="hidden" {...form.register('caseId')} />
      <Field id="team-add-user" label={t('add.user')} error={err('userId')}>
        <select id="team-add-user" {...form.register('userId')} aria-invalid={Boolean(err('userId'))} aria-describedby="team-add-user-error">
          <option value="">{tc('select')}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="team-add-reason" label={t('add.reason')} error={err('reason')}>
        <input
          id="team-add-reason"
          {...form.register('reason')}
          maxLength={500}
          aria-invalid={Boolean(err('reason'))}
          aria-describedby="team-add-reason-error"
        />
      </Field>
      <div aria-live="polite">
        {formError ? <p className="alert error">{err('_form') ?? formError}</p> : null}
        {result?.ok ? (
          <p className="alert success" data-testid="team-member-added">
            {t('add.done')}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={pending} aria-busy={pending} data-testid="add-team-member-submit">
          {pending ? tc('steps.saving') : t('add.submit')}
        </button>
      </div>
    </form>
  );
}

/** Removal asks first, inline: the reason is written in the confirmation step, and the server checks both again. */
export function RemoveTeamMemberButton({ caseId, userId, name }: { caseId: string; userId: string; name: string }) {
  const t = useTranslations('team');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)} data-testid="remove-team-member">
        {t('remove.button')}
      </button>
    );
  }
  return <RemoveTeamMemberConfirm caseId={caseId} userId={userId} name={name} onCancel={() => setAsking(false)} />;
}

function RemoveTeamMemberConfirm({ caseId, userId, name, onCancel }: { caseId: string; userId: string; name: string; onCancel: () => void }) {
  const t = useTranslations('team');
  const tc = useTranslations('cases');
  const router = useRouter();
  const { form, onSubmit, errorFor, formError, pending } = useActionForm(removeTeamMemberInput, removeTeamMemberAction, {
    area: 'team',
    defaultValues: { caseId, userId, reason: '', confirmed: true },
    onSuccess: () => router.refresh(),
  });
  const err = errorFor;
  const id = `team-remove-${userId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" role="group" aria-label={t('remove.question', { name })} data-testid="remove-team-member-form">
      <p>{t('remove.question', { name })}</p>
      <Field id={`${id}-reason`} label={t('remove.reason')} error={err('reason')}>
        <input
          id={`${id}-reason`}
          {...form.register('reason')}
          maxLength={500}
          aria-invalid={Boolean(err('reason'))}
          aria-describedby={`${id}-reason-error`}
          aria-required
        />
      </Field>
      <div aria-live="polite">{formError ? <p className="alert error">{err('_form') ?? err('userId') ?? formError}</p> : null}</div>
      <div className="row">
        <button type="submit" className="danger" disabled={pending} aria-busy={pending} data-testid="remove-team-member-confirm">
          {pending ? tc('steps.saving') : t('remove.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
          {t('remove.cancel')}
        </button>
      </div>
    </form>
  );
}
