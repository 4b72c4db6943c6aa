'use client';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { addHolidayInput } from '@/lib/calendar/schemas';
import { addHolidayAction, removeHolidayAction } from './actions';

export function AddHolidayForm() {
  const t = useTranslations('home.holidays');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(addHolidayInput, addHolidayAction, { area: 'holidays', resetOnSuccess: true });
  const dateError = errorFor('date');
  return (
    <form onSubmit={onSubmit} noValidate className="row" style={{ alignItems: 'flex-start', gap: 12 }} data-testid="add-holiday-form">
      <div style={{ flex: '0 1 200px' }}>
        <Field id="holiday-date" label={t('date')} error={dateError}>
          <input id="holiday-date" type="date" {...form.register('date')} aria-invalid={Boolean(dateError)} aria-describedby="holiday-date-error" />
        </Field>
      </div>
      <div style={{ flex: '1 1 260px' }}>
        <Field id="holiday-name" label={t('name')} error={errorFor('name')}>
          <input
            id="holiday-name"
            {...form.register('name')}
            placeholder={t('namePlaceholder')}
            aria-invalid={Boolean(errorFor('name'))}
            aria-describedby="holiday-name-error"
          />
        </Field>
      </div>
      <div style={{ paddingTop: 26 }}>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('add')}
        </button>
      </div>
      <div aria-live="polite" style={{ flexBasis: '100%' }}>
        {formError && !dateError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('addedOk')}</p> : null}
      </div>
    </form>
  );
}

export function RemoveHolidayButton({ date, name }: { date: string; name: string }) {
  const t = useTranslations('home.holidays');
  return (
    <ConfirmButton
      label={t('remove')}
      question={t('removeConfirm', { date, name })}
      onConfirm={() => removeHolidayAction({ date })}
      testId={`remove-holiday-${date}`}
    />
  );
}
