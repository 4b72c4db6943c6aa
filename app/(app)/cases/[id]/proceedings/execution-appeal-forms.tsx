'use client';
import { useTranslations } from 'next-intl';
import { Field, SelectField } from '@/app/_components/field';
import { APPEAL_KINDS, APPEAL_RESULTS, APPEAL_SIDES } from '@/lib/execution/rules';
import { appealStepInput, fileAppealInput, recordAppealOutcomeInput, type AppealStep } from '@/lib/execution/schemas';
import { fileAppealAction, recordAppealOutcomeAction, recordAppealStepAction } from './execution-actions';
import { StepCard, useStepForm, withNow } from '@/app/_components/step-form';

/** Bodies that hear most appeals from a Seoul district office; any other can be typed. */
const COMMON_BODIES = ['서울특별시행정심판위원회', '서울행정법원', '중앙행정심판위원회'];

/** Act 17-2: who appealed, how, before which body, against which student's disposition. */
export function FileAppealForm({ caseId, decisions, serverNow }: { caseId: string; decisions: { id: string; label: string }[]; serverNow: number }) {
  const t = useTranslations('execution');
  const prefix = 'file-appeal';
  const step = useStepForm('file_appeal', fileAppealInput, fileAppealAction, {
    area: 'execution',
    idPrefix: prefix,
    defaults: withNow({ caseId, side: '', kind: '', body: '', decisionId: decisions.length === 1 ? decisions[0]!.id : '', note: '' }),
    serverNow,
  });
  return (
    <StepCard
      frame="inline"
      kit={step}
      note={{ label: t('form.note') }}
      title={t('appeals.fileTitle')}
      submitLabel={t('appeals.fileSubmit')}
      timeLabel={t('appeals.filedAt')}
    >
      <SelectField
        kit={step}
        field="side"
        label={t('appeals.side')}
        placeholder={t('form.select')}
        options={APPEAL_SIDES.map((s) => ({ value: s, label: t(`appeals.sides.${s}`) }))}
      />
      <SelectField
        kit={step}
        field="kind"
        label={t('appeals.kind')}
        placeholder={t('form.select')}
        options={APPEAL_KINDS.map((k) => ({ value: k, label: t(`appeals.kinds.${k}`) }))}
      />
      <div className="full">
        <Field id={`${prefix}-body`} label={t('appeals.body')} error={step.err('body')} hint={t('appeals.bodyHint')}>
          <input list={`${prefix}-bodies`} maxLength={100} {...step.register('body')} {...step.control('body')} />
        </Field>
        <datalist id={`${prefix}-bodies`}>
          {COMMON_BODIES.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      </div>
      <div className="full">
        <SelectField
          kit={step}
          field="decisionId"
          label={t('appeals.decision')}
          placeholder={t('form.select')}
          options={decisions.map((d) => ({ value: d.id, label: d.label }))}
        />
      </div>
    </StepCard>
  );
}

/** Telling the victim's side, granting a stay, lifting it: a date and a note each. */
export function AppealStepForm({ caseId, appealId, type, serverNow }: { caseId: string; appealId: string; type: AppealStep; serverNow: number }) {
  const t = useTranslations('execution');
  const step = useStepForm(type, appealStepInput, recordAppealStepAction, {
    area: 'execution',
    idPrefix: `${type}-${appealId}`,
    defaults: withNow({ caseId, appealId, type, note: '' }),
    serverNow,
  });
  return (
    <StepCard
      frame="inline"
      kit={step}
      note={{ label: t('form.note') }}
      title={t(`appeals.steps.${type}.title`)}
      submitLabel={t(`appeals.steps.${type}.submit`)}
    />
  );
}

export function AppealOutcomeForm({ caseId, appealId, serverNow }: { caseId: string; appealId: string; serverNow: number }) {
  const t = useTranslations('execution');
  const prefix = `outcome-${appealId}`;
  const step = useStepForm('record_appeal_outcome', recordAppealOutcomeInput, recordAppealOutcomeAction, {
    area: 'execution',
    idPrefix: prefix,
    defaults: withNow({ caseId, appealId, outcome: '', note: '' }),
    serverNow,
  });
  return (
    <StepCard frame="inline" kit={step} note={{ label: t('form.note') }} title={t('appeals.outcomeTitle')} submitLabel={t('appeals.outcomeSubmit')}>
      <div className="full">
        <SelectField
          kit={step}
          field="outcome"
          label={t('appeals.outcome')}
          placeholder={t('form.select')}
          options={APPEAL_RESULTS.map((o) => ({ value: o, label: t(`appeals.outcomes.${o}`) }))}
        />
        <p className="muted small">{t('appeals.outcomeHint')}</p>
      </div>
    </StepCard>
  );
}
