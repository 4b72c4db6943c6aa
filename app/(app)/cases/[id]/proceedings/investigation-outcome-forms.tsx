'use client';
import { useTranslations } from 'next-intl';
import { Field, TextAreaField } from '@/app/_components/field';
import {
  closeNotViolenceInput,
  REOPEN_REASONS,
  reopenCaseInput,
  requestCommitteeInput,
  selfResolveInput,
  type CloseNotViolenceInput,
  type ReopenCaseInput,
  type RequestCommitteeInput,
  type SelfResolveInput,
} from '@/lib/proceedings/investigation-schemas';
import { kstNowLocal } from '@/app/_components/form-helpers';
import { closeNotViolenceAction, reopenCaseAction, requestCommitteeAction, selfResolveAction } from './investigation-actions';
import { StepCard, useStepForm } from '@/app/_components/step-form';

/** The head's ways out of the school body's review (docs/domain-process.md §2): self-resolve, the committee, reopen, or not school violence. */
type Common = { caseId: string; serverNow: number };

export function SelfResolveForm({ caseId, serverNow }: Common) {
  const t = useTranslations('investigation.steps.self_resolve');
  const tf = useTranslations('investigation.form');
  const kit = useStepForm('self_resolve', selfResolveInput, selfResolveAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): SelfResolveInput => ({ caseId, note: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')}>
      <TextAreaField kit={kit} field="note" label={tf('noteOptional')} registration={kit.form.register('note')} rows={2} />
    </StepCard>
  );
}

export function RequestCommitteeForm({ caseId, serverNow }: Common) {
  const t = useTranslations('investigation.steps.request_committee');
  const kit = useStepForm('request_committee', requestCommitteeInput, requestCommitteeAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): RequestCommitteeInput => ({ caseId, reason: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')}>
      <TextAreaField kit={kit} field="reason" label={t('reason')} registration={kit.form.register('reason')} rows={2} />
    </StepCard>
  );
}

export function ReopenCaseForm({ caseId, serverNow }: Common) {
  const t = useTranslations('investigation.steps.reopen_case');
  const tr = useTranslations('investigation.reopenReason');
  const tf = useTranslations('investigation.form');
  const kit = useStepForm('reopen_case', reopenCaseInput, reopenCaseAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): ReopenCaseInput => ({ caseId, reason: '' as ReopenCaseInput['reason'], note: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')}>
      <div className="full">
        <Field id={kit.id('reason')} label={t('reason')} error={kit.err('reason')}>
          <select {...kit.form.register('reason')} {...kit.control('reason')}>
            <option value="">{tf('select')}</option>
            {REOPEN_REASONS.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <TextAreaField kit={kit} field="note" label={t('note')} registration={kit.form.register('note')} />
    </StepCard>
  );
}

export function CloseNotViolenceForm({ caseId, serverNow }: Common) {
  const t = useTranslations('investigation.steps.close_not_violence');
  const kit = useStepForm('close_not_violence', closeNotViolenceInput, closeNotViolenceAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): CloseNotViolenceInput => ({ caseId, reason: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')}>
      <TextAreaField kit={kit} field="reason" label={t('reason')} registration={kit.form.register('reason')} />
    </StepCard>
  );
}
