'use client';
import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useWatch, type DefaultValues } from 'react-hook-form';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { EMERGENCY_MEASURES, GUARDIAN_NOTICE_METHODS, SCHOOL_BODY_DECISIONS, SEPARATION_METHODS } from '@/lib/cases/constants';
import { caseStepInput, sexualCaseStepInput, type CaseStepInput } from '@/lib/cases/schemas';
import type { SchoolStepAction } from '@/lib/cases/workflow';
import { addCalendarDays } from '@/lib/rules/time';
import { SEPARATION_EXEMPTION_REASONS } from '@/lib/rules/types';
import { recordStepAction } from './actions';
import { errorProps, kstNowLocal, useCaseFieldErrors } from './form-helpers';

export type StepParty = { id: string; role: string; label: string; guardianName: string | null };

const BLANK = { note: '', guardianPartyId: '', method: '', plannedEnd: '', reason: '', decision: '', measure: '', perpetratorPartyId: '', station: '', reportNumber: '', officer: '' };

/** `sexual`: a sexual case, whose police report must name the officer too. */
type StepProps = { name: SchoolStepAction; caseId: string; parties: StepParty[]; separationCapDays: number; serverNow: number; sexual: boolean };

/** One compact form per step the actor may take now; the server decides which (view.actions). */
export function StepForms({ actions, ...rest }: { actions: SchoolStepAction[] } & Omit<StepProps, 'name'>) {
  return (
    <div className="step-grid">
      {actions.map((name) => (
        <StepForm key={name} name={name} {...rest} />
      ))}
    </div>
  );
}

function StepForm({ name, caseId, parties, separationCapDays, serverNow, sexual }: StepProps) {
  const t = useTranslations('cases');
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // Every step field starts empty (the schema strips the ones this step does not use), so a reset after success clears them all.
  const defaults = (now?: number): DefaultValues<CaseStepInput> => ({ ...BLANK, type: name, caseId, occurredAt: kstNowLocal(now) }) as DefaultValues<CaseStepInput>;
  // The server's render time first, so the server and the browser render the same cap hint.
  const [initial] = useState(() => defaults(serverNow));
  const autoTime = useRef(initial.occurredAt);
  const { form, onSubmit, result, errorFor, formError, pending } = useActionForm(sexual ? sexualCaseStepInput : caseStepInput, recordStepAction, {
    defaultValues: initial,
    onSuccess: () => {
      // A fresh "now" for the next entry; the page's clocks, chronology and available steps come from the server.
      const next = defaults();
      autoTime.current = next.occurredAt;
      form.reset(next);
      startRefresh(() => router.refresh());
    },
  });
  const err = useCaseFieldErrors(errorFor);
  const occurredAt = useWatch({ control: form.control, name: 'occurredAt' });
  const id = (field: string) => `${name}-${field}`;
  const control = (field: string) => errorProps(id(field), err(field));
  const busy = pending || refreshing;
  /** Until someone types a time, "when" follows the clock, so a page left open for hours does not record a stale time. */
  const freshen = () => {
    if (form.getValues('occurredAt') !== autoTime.current) return;
    const now = kstNowLocal();
    autoTime.current = now;
    form.setValue('occurredAt', now);
  };

  const select = (field: 'method' | 'reason' | 'decision' | 'measure' | 'guardianPartyId' | 'perpetratorPartyId', label: string, options: { value: string; label: string }[]) => (
    // Party names and exemption reasons are long; they get the whole row.
    <div className={field === 'guardianPartyId' || field === 'perpetratorPartyId' || field === 'reason' ? 'full' : undefined}>
      <Field id={id(field)} label={label} error={err(field)}>
        <select {...form.register(field)} {...control(field)}>
          <option value="">{t('select')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );

  let specific: React.ReactNode = null;
  switch (name) {
    case 'record_guardian_notice': {
      const withGuardian = parties.filter((p) => p.guardianName);
      const options = (withGuardian.length ? withGuardian : parties).map((p) => ({
        value: p.id,
        label: p.guardianName ? t('steps.guardianOf', { guardian: p.guardianName, student: p.label }) : t('steps.guardianOfUnnamed', { student: p.label }),
      }));
      specific = (
        <>
          {select('guardianPartyId', t('steps.guardianPartyId'), options)}
          {select('method', t('steps.method'), GUARDIAN_NOTICE_METHODS.map((m) => ({ value: m, label: t(`guardianMethod.${m}`) })))}
        </>
      );
      break;
    }
    case 'start_separation': {
      // Act 16①: the cap counts the start day itself (7 days from 2023-09-01, 3 before).
      const startDay = /^\d{4}-\d{2}-\d{2}/.test(occurredAt ?? '') ? occurredAt!.slice(0, 10) : kstNowLocal().slice(0, 10);
      const lastDay = addCalendarDays(startDay, separationCapDays - 1);
      specific = (
        <>
          {select('method', t('steps.method'), SEPARATION_METHODS.map((m) => ({ value: m, label: t(`separationMethod.${m}`) })))}
          <Field id={id('plannedEnd')} label={t('steps.plannedEnd')} error={err('plannedEnd')} hint={t('steps.capHint', { days: separationCapDays, lastDay })}>
            <input type="date" min={startDay} max={lastDay} {...form.register('plannedEnd')} {...control('plannedEnd')} />
          </Field>
        </>
      );
      break;
    }
    case 'exempt_separation':
      specific = select('reason', t('steps.reason'), SEPARATION_EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`exemptionReason.${r}`) })));
      break;
    case 'record_separation_review':
      specific = select('decision', t('steps.decision'), SCHOOL_BODY_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })));
      break;
    case 'take_emergency_measure': {
      const perpetrators = parties.filter((p) => p.role === 'alleged_perpetrator' || p.role === 'both');
      specific = (
        <>
          <p className="muted small full">{t('steps.ratificationNote')}</p>
          {select('measure', t('steps.measure'), EMERGENCY_MEASURES.map((m) => ({ value: m, label: t(`emergencyMeasure.${m}`) })))}
          {perpetrators.length ? (
            select('perpetratorPartyId', t('steps.perpetratorPartyId'), perpetrators.map((p) => ({ value: p.id, label: p.label })))
          ) : (
            <p className="muted">{t('steps.noPerpetrator')}</p>
          )}
        </>
      );
      break;
    }
    case 'record_police_report':
      specific = (
        <>
          <Field id={id('station')} label={t('steps.station')} error={err('station')}>
            <input {...form.register('station')} {...control('station')} maxLength={100} />
          </Field>
          <Field id={id('reportNumber')} label={t('steps.reportNumber')} error={err('reportNumber')}>
            <input {...form.register('reportNumber')} {...control('reportNumber')} maxLength={60} />
          </Field>
          <Field id={id('officer')} label={sexual ? t('steps.officerRequired') : t('steps.officer')} error={err('officer')}>
            <input {...form.register('officer')} {...control('officer')} aria-required={sexual} maxLength={60} />
          </Field>
        </>
      );
      break;
  }

  const noteRequired = name === 'exempt_separation';
  return (
    <section className="card step-form" data-testid={`step-${name}`} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t(`steps.${name}.title`)}</h3>
      <form
        onSubmit={(e) => {
          freshen();
          return onSubmit(e);
        }}
        onFocusCapture={freshen}
        noValidate
        className="step-fields"
      >
        <div className="full">
          <Field id={id('occurredAt')} label={t('steps.occurredAt')} error={err('occurredAt')}>
            <input type="datetime-local" {...form.register('occurredAt')} {...control('occurredAt')} />
          </Field>
        </div>
        {specific}
        <div className="full">
          <Field id={id('note')} label={noteRequired ? t('steps.noteRequired') : t('steps.note')} error={err('note')}>
            <textarea rows={noteRequired ? 3 : 2} maxLength={2000} {...form.register('note')} {...control('note')} />
          </Field>
        </div>
        <div className="full" aria-live="polite">
          {formError ? <p className="alert error">{formError}</p> : null}
          {result?.ok ? (
            <p className="alert success" data-testid={`step-${name}-done`}>
              {name === 'take_emergency_measure' ? t('steps.ratificationDone') : t('steps.done')}
            </p>
          ) : null}
        </div>
        <div className="full">
          <button type="submit" disabled={busy} aria-busy={busy} data-testid={`step-${name}-submit`}>
            {busy ? t('steps.saving') : t(`steps.${name}.submit`)}
          </button>
        </div>
      </form>
    </section>
  );
}
