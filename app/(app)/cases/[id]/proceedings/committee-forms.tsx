'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { CheckList, Field, SelectField, TextAreaField } from '@/app/_components/field';
import { errorProps, kstNowLocal, localToInstant } from '@/app/_components/form-helpers';
import { StepCard, useStepForm } from '@/app/_components/step-form';
import { CHALLENGE_OUTCOMES, CONFLICT_KINDS, EXTENSION_REASONS, NOTICE_METHODS, type MemberCategory } from '@/lib/committee/constants';
import { hearingDateWarning, parentShareOk } from '@/lib/committee/rules';
import { extendCommitteeInput, recordMemberConflictInput, scheduleHearingInput, sendHearingNoticeInput } from '@/lib/committee/schemas';
import { extendCommitteeAction, recordMemberConflictAction, scheduleHearingAction, sendHearingNoticeAction } from './committee-actions';

export type PanelMember = { id: string; name: string | null; category: MemberCategory };
export type HearingParty = { id: string; role: string; label: string; guardianName: string | null };

/** When a proposal is picked, the time already typed is kept; otherwise the hearing starts at 14:00. */
const DEFAULT_HEARING_TIME = '14:00';

export function ScheduleHearingForm({
  caseId,
  dueAt,
  dueLabel,
  proposals,
  members,
  current,
}: {
  caseId: string;
  dueAt: string | null;
  dueLabel: string | null;
  proposals: { date: string; label: string }[];
  members: PanelMember[];
  current: { scheduledAt: string; location: string; panel: string[] } | null;
}) {
  const t = useTranslations('committee');
  const [defaults] = useState(() => ({
    caseId,
    scheduledAt: current ? kstNowLocal(Date.parse(current.scheduledAt)) : '',
    location: current?.location ?? '',
    panel: current?.panel.filter((id) => members.some((m) => m.id === id)) ?? [],
    acknowledgeLate: false,
  }));
  const kit = useStepForm('schedule_hearing', scheduleHearingInput, scheduleHearingAction, {
    area: 'committee',
    defaults: () => defaults,
    timeField: null,
    keepValues: true,
  });
  const { form, err } = kit;
  const scheduledAt = useWatch({ control: form.control, name: 'scheduledAt' }) as string | undefined;
  const panel = (useWatch({ control: form.control, name: 'panel' }) as string[] | undefined) ?? [];
  const acknowledged = useWatch({ control: form.control, name: 'acknowledgeLate' }) === true;
  const instant = localToInstant(scheduledAt);
  const late = instant !== null && hearingDateWarning(instant, dueAt) === 'after_deadline';
  const chosen = members.filter((m) => panel.includes(m.id));
  const id = (f: string) => `schedule_hearing-${f}`;

  const submit = (e?: React.BaseSyntheticEvent) => {
    // A late date is the secretary's call, but never by accident: the server refuses it unconfirmed too.
    if (late && !acknowledged) {
      e?.preventDefault();
      form.setError('acknowledgeLate', { type: 'client', message: 'acknowledgeRequired' });
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
      title={t('steps.schedule_hearing.title')}
      submitLabel={t('steps.schedule_hearing.submit')}
      doneLabel={t('steps.done')}
      onSubmit={submit}
      hint={current ? t('schedule.rescheduleHint') : undefined}
    >
      <div className="full">
        <p className="label">{t('schedule.proposals')}</p>
        {proposals.length ? (
          <>
            <div className="row" data-testid="hearing-proposals">
              {proposals.map((p) => (
                <button
                  key={p.date}
                  type="button"
                  className="secondary"
                  data-testid={`hearing-proposal-${p.date}`}
                  onClick={() => {
                    const time = scheduledAt && scheduledAt.length >= 16 ? scheduledAt.slice(11, 16) : DEFAULT_HEARING_TIME;
                    form.setValue('scheduledAt', `${p.date}T${time}`, { shouldValidate: true });
                  }}
                >
                  {p.label}
                </button>
              ))}
            </div>
            {dueLabel ? <p className="muted small">{t('schedule.proposalsHint', { due: dueLabel })}</p> : null}
          </>
        ) : (
          <p className="muted small">{t('schedule.noProposals')}</p>
        )}
      </div>
      <Field id={id('scheduledAt')} label={t('schedule.scheduledAt')} error={err('scheduledAt')}>
        <input type="datetime-local" {...form.register('scheduledAt')} {...errorProps(id('scheduledAt'), err('scheduledAt'))} />
      </Field>
      <Field id={id('location')} label={t('schedule.location')} error={err('location')}>
        <input {...form.register('location')} {...errorProps(id('location'), err('location'))} maxLength={200} />
      </Field>
      {late ? (
        <div className="full alert warn" role="alert" data-testid="hearing-date-warning">
          <p style={{ margin: '0 0 6px' }}>{t('schedule.lateWarning', { due: dueLabel ?? '' })}</p>
          <label className="check">
            <input
              type="checkbox"
              {...form.register('acknowledgeLate', { onChange: () => form.clearErrors('acknowledgeLate') })}
              data-testid="hearing-acknowledge-late"
              aria-describedby={`${id('acknowledgeLate')}-error`}
            />
            <span>{t('schedule.acknowledgeLate')}</span>
          </label>
          <p className="field-error" id={`${id('acknowledgeLate')}-error`} aria-live="polite">
            {err('acknowledgeLate') ?? ''}
          </p>
        </div>
      ) : null}
      <CheckList
        id={id('panel')}
        legend={t('schedule.panel')}
        error={err('panel')}
        registration={form.register('panel')}
        items={members.map((m) => ({ value: m.id, label: m.name ?? t(`category.${m.category}`), hint: t(`category.${m.category}`) }))}
        testIdPrefix="panel-member-"
      >
        {members.length === 0 ? (
          <p className="muted small" data-testid="no-active-members">
            {t('schedule.noMembers')}
          </p>
        ) : null}
        {chosen.length > 0 && !parentShareOk(chosen.map((m) => ({ category: m.category, active: true }))) ? (
          <p className="alert warn small" data-testid="panel-parent-share-warning">
            {t('schedule.panelParentShare')}
          </p>
        ) : null}
      </CheckList>
    </StepCard>
  );
}

export function ExtendCommitteeForm({ caseId, dueLabel }: { caseId: string; dueLabel: string | null }) {
  const t = useTranslations('committee');
  const [defaults] = useState(() => ({ caseId, reason: '' as never, note: '' }));
  const kit = useStepForm('extend_committee', extendCommitteeInput, extendCommitteeAction, { area: 'committee', defaults: () => defaults, timeField: null });
  const { form, err } = kit;
  const reason = useWatch({ control: form.control, name: 'reason' });
  const id = (f: string) => `extend_committee-${f}`;
  return (
    <StepCard
      kit={kit}
      frame="section"
      title={t('steps.extend_committee.title')}
      submitLabel={t('steps.extend_committee.submit')}
      doneLabel={t('steps.done')}
      hint={t('extend.hint', { due: dueLabel ?? '—' })}
    >
      <div className="full">
        <SelectField
          id={id('reason')}
          label={t('extend.reason')}
          error={err('reason')}
          registration={form.register('reason')}
          placeholder={t('select')}
          options={EXTENSION_REASONS.map((r) => ({ value: r, label: t(`extensionReason.${r}`) }))}
        />
      </div>
      <TextAreaField
        id={id('note')}
        label={reason === 'other' ? t('noteRequired') : t('note')}
        error={err('note')}
        registration={form.register('note')}
        rows={2}
        maxLength={2000}
      />
    </StepCard>
  );
}

export function MemberConflictForm({
  caseId,
  panel,
  parties,
  serverNow,
}: {
  caseId: string;
  panel: PanelMember[];
  parties: HearingParty[];
  serverNow: number;
}) {
  const t = useTranslations('committee');
  const [defaults] = useState(() => ({
    caseId,
    occurredAt: kstNowLocal(serverNow),
    memberId: '',
    kind: '' as never,
    raisedByPartyId: '',
    outcome: '',
    note: '',
  }));
  const kit = useStepForm('record_member_conflict', recordMemberConflictInput, recordMemberConflictAction, {
    area: 'committee',
    defaults: () => defaults,
    timeField: null,
  });
  const { form, err } = kit;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const id = (f: string) => `record_member_conflict-${f}`;
  return (
    <StepCard
      kit={kit}
      frame="section"
      title={t('steps.record_member_conflict.title')}
      submitLabel={t('steps.record_member_conflict.submit')}
      doneLabel={t('steps.done')}
      hint={t('conflict.hint')}
    >
      <Field id={id('occurredAt')} label={t('occurredAt')} error={err('occurredAt')}>
        <input type="datetime-local" {...form.register('occurredAt')} {...errorProps(id('occurredAt'), err('occurredAt'))} />
      </Field>
      <SelectField
        id={id('memberId')}
        label={t('conflict.member')}
        error={err('memberId')}
        registration={form.register('memberId')}
        placeholder={t('select')}
        options={panel.map((m) => ({ value: m.id, label: m.name ?? t(`category.${m.category}`) }))}
      />
      <div className="full">
        <SelectField
          id={id('kind')}
          label={t('conflict.kind')}
          error={err('kind')}
          registration={form.register('kind')}
          placeholder={t('select')}
          options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflictKind.${k}`) }))}
        />
      </div>
      {kind === 'challenge' ? (
        <>
          <SelectField
            id={id('raisedByPartyId')}
            label={t('conflict.raisedBy')}
            error={err('raisedByPartyId')}
            registration={form.register('raisedByPartyId')}
            placeholder={t('select')}
            options={parties.map((p) => ({ value: p.id, label: p.label }))}
          />
          <SelectField
            id={id('outcome')}
            label={t('conflict.outcome')}
            error={err('outcome')}
            registration={form.register('outcome')}
            placeholder={t('select')}
            options={CHALLENGE_OUTCOMES.map((o) => ({ value: o, label: t(`conflictOutcome.${o}`) }))}
          />
        </>
      ) : null}
      <TextAreaField id={id('note')} label={t('note')} error={err('note')} registration={form.register('note')} rows={2} maxLength={2000} />
    </StepCard>
  );
}

export function HearingNoticeForm({ caseId, parties, serverNow }: { caseId: string; parties: HearingParty[]; serverNow: number }) {
  const t = useTranslations('committee');
  const [defaults] = useState(() => ({ caseId, occurredAt: kstNowLocal(serverNow), partyIds: parties.map((p) => p.id), method: '' as never, note: '' }));
  const kit = useStepForm('send_hearing_notice', sendHearingNoticeInput, sendHearingNoticeAction, {
    area: 'committee',
    defaults: () => defaults,
    timeField: null,
  });
  const { form, err } = kit;
  const id = (f: string) => `send_hearing_notice-${f}`;
  return (
    <StepCard
      kit={kit}
      frame="section"
      title={t('steps.send_hearing_notice.title')}
      submitLabel={t('steps.send_hearing_notice.submit')}
      doneLabel={t('steps.done')}
      hint={t('notice.hint')}
    >
      <Field id={id('occurredAt')} label={t('notice.sentAt')} error={err('occurredAt')}>
        <input type="datetime-local" {...form.register('occurredAt')} {...errorProps(id('occurredAt'), err('occurredAt'))} />
      </Field>
      <SelectField
        id={id('method')}
        label={t('notice.method')}
        error={err('method')}
        registration={form.register('method')}
        placeholder={t('select')}
        options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`noticeMethod.${m}`) }))}
      />
      <CheckList
        id={id('partyIds')}
        legend={t('notice.parties')}
        error={err('partyIds')}
        registration={form.register('partyIds')}
        items={parties.map((p) => ({
          value: p.id,
          label: p.label,
          ...(p.guardianName ? { hint: t('notice.withGuardian', { guardian: p.guardianName }) } : {}),
        }))}
      />
      <TextAreaField id={id('note')} label={t('note')} error={err('note')} registration={form.register('note')} rows={2} maxLength={2000} />
    </StepCard>
  );
}
