'use client';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { guardianEducation, progressFieldsFor, type Progress, type ProgressField } from '@/lib/execution/rules';
import { closeCaseInput, recordProgressInput, requestTransferInput } from '@/lib/execution/schemas';
import { closeCaseAction, recordProgressAction, requestTransferAction } from './execution-actions';
import { StepCard, useStepForm, withNow } from '@/app/_components/step-form';

const DATE_FIELDS = new Set<ProgressField>(['deliveredOn', 'startDate', 'endDate', 'changedOn', 'transferredOn', 'expelledOn']);
const HOUR_FIELDS = new Set<ProgressField>(['hoursRequired', 'hoursDone', 'guardianHoursRequired', 'guardianHoursDone']);

/** Service (3, 4) and special education (5) both count hours; the labels say which. */
function labelKey(field: ProgressField, measure: number) {
  if ((field === 'hoursRequired' || field === 'hoursDone') && measure === 5) return `${field}Education` as const;
  return field;
}

/** The fields of one measure, prefilled with what is recorded so far; empty fields change nothing. */
export function ProgressForm({
  caseId,
  executionId,
  measure,
  progress,
  today,
  serverNow,
}: {
  caseId: string;
  executionId: string;
  measure: number;
  progress: Progress;
  today: string;
  serverNow: number;
}) {
  const t = useTranslations('execution');
  // The move is recorded after the request (Decree 20); until then the form offers only what can be recorded.
  const fields = progressFieldsFor(measure).filter((f) => progress.transferRequestedAt || (f !== 'transferredOn' && f !== 'newSchool'));
  const defaults: Record<string, unknown> = { caseId, executionId, measure, note: '' };
  for (const f of fields) defaults[f] = progress[f] ?? '';
  const prefix = `progress-${executionId}`;
  const step = useStepForm('record_execution', recordProgressInput, recordProgressAction, {
    area: 'execution',
    idPrefix: prefix,
    defaults: withNow(defaults),
    serverNow,
    resetKey: JSON.stringify(progress),
  });
  const id = (f: string) => `${prefix}-${f}`;
  const guardian = guardianEducation(measure);
  return (
    <StepCard frame="inline" kit={step} note={{ label: t('form.note') }} submitLabel={t('progress.submit')} timeLabel={t('progress.occurredAt')}>
      {fields.map((f) => {
        const hint =
          f === 'guardianHoursRequired' && guardian
            ? guardian.maxHours === null
              ? t('progress.guardianAtLeast', { hours: guardian.minHours })
              : t('progress.guardianAtMost', { hours: guardian.maxHours })
            : undefined;
        const control = { ...step.register(f), ...step.control(f) };
        return (
          <Field key={f} id={id(f)} label={t(`fields.${labelKey(f, measure)}`)} error={step.err(f)} {...(hint ? { hint } : {})}>
            {DATE_FIELDS.has(f) ? (
              <input type="date" max={today} {...control} />
            ) : HOUR_FIELDS.has(f) ? (
              <input type="number" inputMode="decimal" min={0} step={0.5} {...control} />
            ) : (
              <input maxLength={f === 'newClass' ? 20 : 100} {...control} />
            )}
          </Field>
        );
      })}
    </StepCard>
  );
}

/** Decree 20: the head's request to the office for a new school, within 7 days of the notice. */
export function RequestTransferForm({ caseId, executionId, serverNow }: { caseId: string; executionId: string; serverNow: number }) {
  const t = useTranslations('execution');
  const step = useStepForm('request_transfer', requestTransferInput, requestTransferAction, {
    area: 'execution',
    idPrefix: `transfer-${executionId}`,
    defaults: withNow({ caseId, executionId, note: '' }),
    serverNow,
  });
  return <StepCard frame="inline" kit={step} note={{ label: t('form.note') }} title={t('transfer.title')} submitLabel={t('transfer.submit')} />;
}

export function CloseCaseForm({ caseId, blocked, serverNow }: { caseId: string; blocked: boolean; serverNow: number }) {
  const t = useTranslations('execution');
  const step = useStepForm('close_case', closeCaseInput, closeCaseAction, {
    area: 'execution',
    idPrefix: 'close-case',
    defaults: withNow({ caseId, note: '' }),
    serverNow,
  });
  return <StepCard frame="inline" kit={step} note={{ label: t('form.note') }} submitLabel={t('close.submit')} disabled={blocked} />;
}
