'use client';
import { useTranslations } from 'next-intl';
import { useWatch, type DefaultValues } from 'react-hook-form';
import { Field } from '@/app/_components/field';
import { kstNowLocal } from '@/app/_components/form-helpers';
import { StepCard, useStepForm } from '@/app/_components/step-form';
import { EMERGENCY_MEASURES, GUARDIAN_NOTICE_METHODS, SCHOOL_BODY_DECISIONS, SEPARATION_METHODS } from '@/lib/cases/constants';
import { caseStepInput, sexualCaseStepInput, type CaseStepInput } from '@/lib/cases/schemas';
import type { SchoolStepAction } from '@/lib/cases/workflow';
import { addCalendarDays } from '@/lib/rules/time';
import { SEPARATION_EXEMPTION_REASONS } from '@/lib/rules/types';
import { recordStepAction } from './actions';

export type StepParty = { id: string; role: string; label: string; guardianName: string | null };

const BLANK = {
  note: '',
  guardianPartyId: '',
  method: '',
  plannedEnd: '',
  reason: '',
  decision: '',
  measure: '',
  perpetratorPartyId: '',
  station: '',
  reportNumber: '',
  officer: '',
};

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
  // Every step field starts empty (the schema strips the ones this step does not use), so a reset after success clears them all.
  const kit = useStepForm(name, sexual ? sexualCaseStepInput : caseStepInput, recordStepAction, {
    area: 'cases',
    defaults: (now) => ({ ...BLANK, type: name, caseId, occurredAt: kstNowLocal(now) }) as DefaultValues<CaseStepInput>,
    serverNow,
  });
  const { form, err, id, control } = kit;
  const occurredAt = useWatch({ control: form.control, name: 'occurredAt' });

  const select = (
    field: 'method' | 'reason' | 'decision' | 'measure' | 'guardianPartyId' | 'perpetratorPartyId',
    label: string,
    options: { value: string; label: string }[],
  ) => (
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
          {select(
            'method',
            t('steps.method'),
            GUARDIAN_NOTICE_METHODS.map((m) => ({ value: m, label: t(`guardianMethod.${m}`) })),
          )}
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
          {select(
            'method',
            t('steps.method'),
            SEPARATION_METHODS.map((m) => ({ value: m, label: t(`separationMethod.${m}`) })),
          )}
          <Field id={id('plannedEnd')} label={t('steps.plannedEnd')} error={err('plannedEnd')} hint={t('steps.capHint', { days: separationCapDays, lastDay })}>
            <input type="date" min={startDay} max={lastDay} {...form.register('plannedEnd')} {...control('plannedEnd')} />
          </Field>
        </>
      );
      break;
    }
    case 'exempt_separation':
      specific = select(
        'reason',
        t('steps.reason'),
        SEPARATION_EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`exemptionReason.${r}`) })),
      );
      break;
    case 'record_separation_review':
      specific = select(
        'decision',
        t('steps.decision'),
        SCHOOL_BODY_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })),
      );
      break;
    case 'take_emergency_measure': {
      const perpetrators = parties.filter((p) => p.role === 'alleged_perpetrator' || p.role === 'both');
      specific = (
        <>
          <p className="muted small full">{t('steps.ratificationNote')}</p>
          {select(
            'measure',
            t('steps.measure'),
            EMERGENCY_MEASURES.map((m) => ({ value: m, label: t(`emergencyMeasure.${m}`) })),
          )}
          {perpetrators.length ? (
            select(
              'perpetratorPartyId',
              t('steps.perpetratorPartyId'),
              perpetrators.map((p) => ({ value: p.id, label: p.label })),
            )
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
    <StepCard
      kit={kit}
      frame="section"
      testId={`step-${name}`}
      title={t(`steps.${name}.title`)}
      submitLabel={t(`steps.${name}.submit`)}
      doneLabel={name === 'take_emergency_measure' ? t('steps.ratificationDone') : t('steps.done')}
      note={{ label: noteRequired ? t('steps.noteRequired') : t('steps.note'), rows: noteRequired ? 3 : 2 }}
    >
      {specific}
    </StepCard>
  );
}
