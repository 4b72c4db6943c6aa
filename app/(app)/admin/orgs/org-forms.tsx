'use client';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { createOfficeInput, createSchoolInput } from '@/lib/admin/schemas';
import { createOfficeAction, createSchoolAction } from '../actions';

export function CreateOfficeForm() {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(createOfficeInput, createOfficeAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="create-office-form">
      <Field id="office-name" label={t('officeName')} error={errorFor('name')}>
        <input id="office-name" {...form.register('name')} aria-invalid={Boolean(errorFor('name'))} />
      </Field>
      <Field id="office-short" label={t('shortName')} error={errorFor('shortName')}>
        <input id="office-short" {...form.register('shortName')} aria-invalid={Boolean(errorFor('shortName'))} />
      </Field>
      <Field id="office-region" label={t('region')} error={errorFor('region')}>
        <input id="office-region" {...form.register('region')} aria-invalid={Boolean(errorFor('region'))} />
      </Field>
      <Field id="office-phone" label={t('phone')} error={errorFor('phone')}>
        <input id="office-phone" {...form.register('phone')} />
      </Field>
      <div aria-live="polite">
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('officeCreated')}</p> : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('createOffice')}
        </button>
      </div>
    </form>
  );
}

export function CreateSchoolForm({ offices }: { offices: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(createSchoolInput, createSchoolAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="create-school-form">
      <Field id="school-office" label={t('office')} error={errorFor('officeId')}>
        <select id="school-office" {...form.register('officeId')} aria-invalid={Boolean(errorFor('officeId'))}>
          <option value="">—</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="school-name" label={t('name')} error={errorFor('name')}>
        <input id="school-name" {...form.register('name')} aria-invalid={Boolean(errorFor('name'))} />
      </Field>
      <Field id="school-level" label={t('level')} error={errorFor('level')}>
        <select id="school-level" {...form.register('level')} aria-invalid={Boolean(errorFor('level'))}>
          <option value="">—</option>
          {(['elementary', 'middle', 'high', 'special'] as const).map((l) => (
            <option key={l} value={l}>
              {tc(`levels.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="school-phone" label={t('phone')} error={errorFor('phone')}>
        <input id="school-phone" {...form.register('phone')} />
      </Field>
      <div aria-live="polite">
        {formError ? <p className="alert error">{formError}</p> : null}
        {result?.ok ? <p className="alert success">{t('schoolCreated')}</p> : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? tc('saving') : t('createSchool')}
        </button>
      </div>
    </form>
  );
}
