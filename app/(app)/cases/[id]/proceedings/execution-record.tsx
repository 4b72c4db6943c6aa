'use client';
import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, SelectField } from '@/app/_components/field';
import type { RecordField } from '@/lib/execution/rules';
import { DELETION_OUTCOMES, reviewRecordDeletionInput } from '@/lib/execution/schemas';
import { recordRetention } from '@/lib/rules/retention';
import { isDate, kstDateOf } from '@/lib/rules/time';
import type { MeasureNumber } from '@/lib/rules/types';
import { reviewRecordDeletionAction } from './execution-actions';
import { StepCard, useStepForm, withNow } from '@/app/_components/step-form';

export type RecordStudent = {
  decisionId: string;
  label: string;
  graduationEstimate: string | null;
  measures: {
    measure: number;
    field: RecordField;
    reviewable: boolean;
    annulled: boolean;
    deleted: boolean;
    reviews: { outcome: string; reviewedAt: string }[];
  }[];
};

type PanelProps = { caseId: string; reportedAt: string; students: RecordStudent[]; canReview: boolean; litigationPending: boolean; serverNow: number };

/**
 * docs/domain-process.md §5.3, docs/rules-contract.md §3: where each decided measure is written and when it
 * is deleted. The deletion date runs from graduation, which the school
 * confirms here (a first guess from the school level and grade); it is kept
 * with a deletion review and nowhere else.
 */
export function RecordPanel({ students, ...rest }: PanelProps) {
  const t = useTranslations('execution.record');
  return (
    <div data-testid="record-panel" className="stack">
      <p className="muted small">{t('intro')}</p>
      {students.map((s) => (
        <StudentRecord key={s.decisionId} student={s} {...rest} />
      ))}
    </div>
  );
}

function StudentRecord({ student, caseId, reportedAt, canReview, litigationPending, serverNow }: { student: RecordStudent } & Omit<PanelProps, 'students'>) {
  const t = useTranslations('execution');
  const [graduationDate, setGraduationDate] = useState(student.graduationEstimate ?? '');
  const validDate = isDate(graduationDate);
  const inputId = `graduation-${student.decisionId}`;
  const reviewable = student.measures.filter((m) => m.reviewable && !m.annulled && !m.deleted);
  return (
    <section className="card" aria-label={student.label} data-testid={`record-${student.decisionId}`}>
      <h4 style={{ marginTop: 0 }}>{student.label}</h4>
      <div style={{ maxWidth: 260 }}>
        <Field
          id={inputId}
          label={t('record.graduationDate')}
          hint={student.graduationEstimate ? t('record.graduationEstimated') : t('record.graduationUnknown')}
        >
          <input id={inputId} type="date" value={graduationDate} onChange={(e) => setGraduationDate(e.target.value)} />
        </Field>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('record.measure')}</th>
              <th scope="col">{t('record.field')}</th>
              <th scope="col">{t('record.deleteAt')}</th>
              <th scope="col">{t('record.review')}</th>
            </tr>
          </thead>
          <tbody>
            {student.measures.map((m) => {
              const deleteAt = validDate ? recordRetention({ measure: m.measure as MeasureNumber, reportedAt, graduationDate }).deleteAt : null;
              const last = m.reviews.at(-1);
              return (
                <tr key={m.measure} data-testid={`record-measure-${m.measure}`}>
                  <th scope="row">{t(`measures.${m.measure}` as never)}</th>
                  <td>{t(`record.fields.${m.field}`)}</td>
                  <td data-testid="record-delete-at">
                    {m.annulled
                      ? t('record.annulled')
                      : m.deleted
                        ? validDate
                          ? t('record.deletedAtGraduation', { date: graduationDate })
                          : t('record.needsGraduation')
                        : deleteAt === 'never'
                          ? t('record.never')
                          : (deleteAt ?? t('record.needsGraduation'))}
                  </td>
                  <td>
                    {m.reviewable ? t('record.reviewAllowed') : t('record.reviewNotAllowed')}
                    {last ? (
                      <div className="muted small">
                        {t('record.reviewed', { outcome: t(`record.outcomes.${last.outcome}` as never), date: kstDateOf(last.reviewedAt) })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canReview && reviewable.length ? (
        <DeletionReviewForm
          caseId={caseId}
          decisionId={student.decisionId}
          measures={reviewable.map((m) => m.measure)}
          graduationDate={graduationDate}
          litigationPending={litigationPending}
          serverNow={serverNow}
        />
      ) : null}
    </section>
  );
}

function DeletionReviewForm({
  caseId,
  decisionId,
  measures,
  graduationDate,
  litigationPending,
  serverNow,
}: {
  caseId: string;
  decisionId: string;
  measures: number[];
  graduationDate: string;
  litigationPending: boolean;
  serverNow: number;
}) {
  const t = useTranslations('execution');
  const prefix = `deletion-${decisionId}`;
  const step = useStepForm('review_record_deletion', reviewRecordDeletionInput, reviewRecordDeletionAction, {
    area: 'execution',
    idPrefix: prefix,
    defaults: withNow({
      caseId,
      decisionId,
      measure: measures.length === 1 ? String(measures[0]) : '',
      graduationDate,
      victimConsent: '',
      litigationPending: litigationPending ? 'yes' : 'no',
      outcome: '',
      note: '',
    }),
    serverNow,
  });
  const { setValue } = step.form;
  // The date is edited above the table; the review keeps the one it was judged on.
  useEffect(() => setValue('graduationDate', graduationDate), [setValue, graduationDate]);
  const yesNo = [
    { value: 'yes', label: t('form.yes') },
    { value: 'no', label: t('form.no') },
  ];
  return (
    <StepCard frame="inline" kit={step} note={{ label: t('form.note') }} title={t('record.reviewTitle')} submitLabel={t('record.reviewSubmit')}>
      <p className="muted small full">{t('record.reviewHint')}</p>
      <SelectField
        kit={step}
        field="measure"
        label={t('record.measure')}
        placeholder={t('form.select')}
        options={measures.map((m) => ({ value: String(m), label: t(`measures.${m}` as never) }))}
      />
      <SelectField kit={step} field="victimConsent" label={t('record.victimConsent')} placeholder={t('form.select')} options={yesNo} />
      <SelectField kit={step} field="litigationPending" label={t('record.litigationPending')} placeholder={t('form.select')} options={yesNo} />
      <SelectField
        kit={step}
        field="outcome"
        label={t('record.outcome')}
        placeholder={t('form.select')}
        options={DELETION_OUTCOMES.map((o) => ({ value: o, label: t(`record.outcomes.${o}`) }))}
      />
      {step.err('graduationDate') ? <p className="field-error full">{t('record.needsGraduation')}</p> : null}
    </StepCard>
  );
}
