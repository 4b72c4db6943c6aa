'use client';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { Field, TextAreaField } from '@/app/_components/field';
import {
  assignInvestigatorInput,
  extendInvestigationInput,
  MAX_ATTACHMENTS,
  recordStatementInput,
  submitInvestigationReportInput,
  type AssignInvestigatorInput,
  type ExtendInvestigationInput,
  type RecordStatementInput,
  type SubmitInvestigationReportInput,
} from '@/lib/proceedings/investigation-schemas';
import { kstNowLocal } from '@/app/_components/form-helpers';
import { assignInvestigatorAction, extendInvestigationAction, recordStatementAction, submitInvestigationReportAction } from './investigation-actions';
import { StepCard, useStepForm } from '@/app/_components/step-form';

export type PartyOption = { id: string; label: string; role: string };
type Common = { caseId: string; serverNow: number };

export function AssignInvestigatorForm({ caseId, serverNow, options, current }: Common & { options: { id: string; name: string }[]; current: string | null }) {
  const t = useTranslations('investigation.steps.assign_investigator');
  const tf = useTranslations('investigation.form');
  const only = options.length === 1 ? options[0]!.id : '';
  const kit = useStepForm('assign_investigator', assignInvestigatorInput, assignInvestigatorAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): AssignInvestigatorInput => ({ caseId, investigatorId: only, occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={current ? t('titleReassign') : t('title')} hint={t('hint')} submitLabel={current ? t('submitReassign') : t('submit')}>
      <div className="full">
        <Field id={kit.id('investigatorId')} label={t('investigatorId')} error={kit.err('investigatorId')}>
          <select {...kit.form.register('investigatorId')} {...kit.control('investigatorId')}>
            <option value="">{tf('select')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </StepCard>
  );
}

const blankAttachment = { description: '', fileName: '' };
const ATTACHMENT_ROW = { gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr) auto', alignItems: 'start' } as const;

export function StatementForm({ caseId, serverNow, parties }: Common & { parties: PartyOption[] }) {
  const t = useTranslations('investigation.steps.record_statement');
  const tf = useTranslations('investigation.form');
  const tv = useTranslations('vocab.partyRole');
  const kit = useStepForm('record_statement', recordStatementInput, recordStatementAction, {
    area: 'investigation',
    serverNow,
    timeField: 'takenAt',
    defaults: (now): RecordStatementInput => ({ caseId, partyId: '', speaker: '', takenAt: kstNowLocal(now), summary: '', attachments: [] }),
  });
  const { fields, append, remove } = useFieldArray({ control: kit.form.control, name: 'attachments' });
  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')} wide>
      <Field id={kit.id('partyId')} label={t('partyId')} error={kit.err('partyId')}>
        <select {...kit.form.register('partyId')} {...kit.control('partyId')}>
          <option value="">{t('partyNone')}</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({tv.has(p.role as never) ? tv(p.role as never) : p.role})
            </option>
          ))}
        </select>
      </Field>
      <Field id={kit.id('speaker')} label={t('speaker')} error={kit.err('speaker')} hint={t('speakerHint')}>
        <input {...kit.form.register('speaker')} {...kit.control('speaker')} maxLength={100} />
      </Field>
      <TextAreaField kit={kit} field="summary" label={t('summary')} registration={kit.form.register('summary')} rows={5} maxLength={10_000} />
      <fieldset className="full party-row" data-testid="statement-attachments">
        <legend>{t('attachments')}</legend>
        <p className="muted small">{t('attachmentsHint')}</p>
        {fields.map((f, i) => (
          <div key={f.id} className="step-fields" style={ATTACHMENT_ROW} data-testid={`attachment-${i}`}>
            <Field id={kit.id(`attachments.${i}.description`)} label={t('attachmentDescription')} error={kit.err(`attachments.${i}.description`)}>
              <input {...kit.form.register(`attachments.${i}.description`)} {...kit.control(`attachments.${i}.description`)} maxLength={200} />
            </Field>
            <Field id={kit.id(`attachments.${i}.fileName`)} label={t('attachmentFileName')} error={kit.err(`attachments.${i}.fileName`)}>
              <input
                {...kit.form.register(`attachments.${i}.fileName`)}
                {...kit.control(`attachments.${i}.fileName`)}
                maxLength={255}
                placeholder="scan-0001.pdf"
              />
            </Field>
            <div style={{ paddingTop: 22 }}>
              <button type="button" className="secondary" onClick={() => remove(i)} data-testid={`remove-attachment-${i}`}>
                {tf('remove')}
              </button>
            </div>
          </div>
        ))}
        {fields.length < MAX_ATTACHMENTS ? (
          <button type="button" className="secondary" onClick={() => append({ ...blankAttachment })} data-testid="add-attachment">
            {t('addAttachment')}
          </button>
        ) : null}
        <p className="field-error" aria-live="polite">
          {kit.err('attachments') ?? ''}
        </p>
      </fieldset>
    </StepCard>
  );
}

export function ExtendInvestigationForm({ caseId, serverNow, dueLabel }: Common & { dueLabel: string | null }) {
  const t = useTranslations('investigation.steps.extend_investigation');
  const kit = useStepForm('extend_investigation', extendInvestigationInput, extendInvestigationAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): ExtendInvestigationInput => ({ caseId, reason: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={dueLabel ? t('hintDue', { due: dueLabel }) : t('hint')} submitLabel={t('submit')}>
      <TextAreaField kit={kit} field="reason" label={t('reason')} registration={kit.form.register('reason')} />
    </StepCard>
  );
}

export function ReportForm({ caseId, serverNow, statementCount }: Common & { statementCount: number }) {
  const t = useTranslations('investigation.steps.submit_investigation_report');
  const kit = useStepForm('submit_investigation_report', submitInvestigationReportInput, submitInvestigationReportAction, {
    area: 'investigation',
    serverNow,
    defaults: (now): SubmitInvestigationReportInput => ({ caseId, report: '', occurredAt: kstNowLocal(now) }),
  });
  return (
    <StepCard kit={kit} title={t('title')} hint={statementCount ? t('hint') : t('hintNoStatements')} submitLabel={t('submit')} wide>
      <TextAreaField kit={kit} field="report" label={t('report')} registration={kit.form.register('report')} rows={10} maxLength={50_000} />
    </StepCard>
  );
}
