'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { CheckList, Field, SelectField, TextAreaField } from '@/app/_components/field';
import { errorProps, kstNowLocal } from '@/app/_components/form-helpers';
import { StepCard, useStepForm } from '@/app/_components/step-form';
import { ATTENDANCE_MODES, type AttendanceMode } from '@/lib/committee/constants';
import { quorumMet, quorumSize, requiredStatements } from '@/lib/committee/rules';
import { recordHearingInput } from '@/lib/committee/schemas';
import { recordHearingAction } from './committee-actions';
import type { HearingParty, PanelMember } from './committee-forms';

/**
 * The hearing record: members present (a strict majority of the sitting
 * panel opens it), how each party took part, each side's statement, the
 * expert opinion when the victim side asked for one (Act 16②), the minutes.
 */
export function RecordHearingForm({
  caseId,
  scheduledAt,
  sitting,
  excluded,
  parties,
  serverNow,
}: {
  caseId: string;
  scheduledAt: string;
  sitting: PanelMember[];
  excluded: PanelMember[];
  parties: HearingParty[];
  serverNow: number;
}) {
  const t = useTranslations('committee');
  const [defaults] = useState(() => {
    // The hearing usually is recorded the same day: its scheduled start, unless that is still ahead.
    const start = Date.parse(scheduledAt);
    return {
      caseId,
      occurredAt: kstNowLocal(start <= serverNow ? start : serverNow),
      presentMemberIds: [] as string[],
      parties: parties.map((p) => ({ partyId: p.id, mode: 'in_person' as AttendanceMode })),
      victimRequestedExpert: false,
      victimStatement: '',
      perpetratorStatement: '',
      expertOpinion: '',
      minutes: '',
    };
  });
  const kit = useStepForm('record_hearing', recordHearingInput, recordHearingAction, {
    area: 'committee',
    defaults: () => defaults,
    timeField: null,
    keepValues: true,
  });
  const { form, err } = kit;
  const present = (useWatch({ control: form.control, name: 'presentMemberIds' }) as string[] | undefined) ?? [];
  const modes = useWatch({ control: form.control, name: 'parties' }) ?? [];
  const expertRequested = useWatch({ control: form.control, name: 'victimRequestedExpert' }) === true;
  const sittingIds = sitting.map((m) => m.id);
  const needs = requiredStatements(parties.map((p, i) => ({ role: p.role, mode: (modes[i]?.mode ?? 'absent') as AttendanceMode })));
  const id = (f: string) => `record_hearing-${f}`;
  const quorumError = err('presentMemberIds');
  const quorumKey = (form.formState.errors.presentMemberIds as { message?: string } | undefined)?.message;

  const submit = (e?: React.BaseSyntheticEvent) => {
    if (!quorumMet(sittingIds, present)) {
      e?.preventDefault();
      form.setError('presentMemberIds', { type: 'client', message: 'quorumNotMet' });
      return Promise.resolve();
    }
    return kit.submit(e);
  };

  return (
    <StepCard
      kit={kit}
      frame="section"
      wide
      wideFields={false}
      title={t('steps.record_hearing.title')}
      submitLabel={t('steps.record_hearing.submit')}
      doneLabel={t('steps.done')}
      onSubmit={submit}
    >
      <div className="full">
        <Field id={id('occurredAt')} label={t('hearing.heldAt')} error={err('occurredAt')}>
          <input type="datetime-local" {...form.register('occurredAt')} {...errorProps(id('occurredAt'), err('occurredAt'))} />
        </Field>
      </div>

      <CheckList
        id={id('presentMemberIds')}
        legend={t('hearing.members')}
        error={quorumError ? <span data-testid={quorumKey === 'quorumNotMet' ? 'quorum-error' : 'present-members-error'}>{quorumError}</span> : undefined}
        registration={form.register('presentMemberIds', { onChange: () => form.clearErrors('presentMemberIds') })}
        items={[
          ...sitting.map((m) => ({ value: m.id, label: m.name ?? t(`category.${m.category}`), hint: t(`category.${m.category}`) })),
          ...excluded.map((m) => ({ value: m.id, label: m.name ?? t(`category.${m.category}`), hint: t('panel.excluded'), disabled: true })),
        ]}
        testIdPrefix="present-member-"
      >
        <p className="muted small" data-testid="quorum-count">
          {t('hearing.quorumCount', {
            present: present.filter((x) => sittingIds.includes(x)).length,
            sitting: sitting.length,
            needed: quorumSize(sitting.length),
          })}
        </p>
      </CheckList>

      <fieldset className="full plain" aria-describedby={`${id('parties')}-error`}>
        <legend className="label">{t('hearing.parties')}</legend>
        <div className="grid3">
          {parties.map((p, i) => (
            <div key={p.id}>
              <input type="hidden" {...form.register(`parties.${i}.partyId`)} />
              <SelectField
                id={id(`party-${i}`)}
                label={p.guardianName ? t('hearing.partyWithGuardian', { party: p.label, guardian: p.guardianName }) : p.label}
                error={err(`parties.${i}.mode`)}
                registration={form.register(`parties.${i}.mode`)}
                options={ATTENDANCE_MODES.map((m) => ({ value: m, label: t(`attendanceMode.${m}`) }))}
                testId={`attendance-${p.id}`}
              />
            </div>
          ))}
        </div>
        <p className="field-error" id={`${id('parties')}-error`} aria-live="polite">
          {err('parties') ?? ''}
        </p>
      </fieldset>

      <TextAreaField
        id={id('victimStatement')}
        label={needs.victim ? t('hearing.victimStatementRequired') : t('hearing.victimStatement')}
        error={err('victimStatement')}
        registration={form.register('victimStatement')}
        rows={4}
        maxLength={20_000}
      />
      <TextAreaField
        id={id('perpetratorStatement')}
        label={needs.perpetrator ? t('hearing.perpetratorStatementRequired') : t('hearing.perpetratorStatement')}
        error={err('perpetratorStatement')}
        registration={form.register('perpetratorStatement')}
        rows={4}
        maxLength={20_000}
      />
      <div className="full">
        <label className="check">
          <input type="checkbox" {...form.register('victimRequestedExpert')} data-testid="victim-requested-expert" />
          <span>{t('hearing.victimRequestedExpert')}</span>
        </label>
      </div>
      <TextAreaField
        id={id('expertOpinion')}
        label={expertRequested ? t('hearing.expertOpinionRequired') : t('hearing.expertOpinion')}
        error={err('expertOpinion')}
        registration={form.register('expertOpinion')}
        rows={3}
        maxLength={20_000}
      />
      <TextAreaField
        id={id('minutes')}
        label={t('hearing.minutes')}
        error={err('minutes')}
        registration={form.register('minutes')}
        rows={6}
        maxLength={50_000}
        hint={t('hearing.minutesHint')}
      />
    </StepCard>
  );
}
