'use client';
import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { Field } from '@/app/_components/field';
import { SELF_RESOLUTION_CONDITIONS, selfResolutionEligibility } from '@/lib/cases/self-resolution';
import { recordSchoolReviewInput, type RecordSchoolReviewInput } from '@/lib/proceedings/investigation-schemas';
import { kstNowLocal } from '@/app/_components/form-helpers';
import { recordSchoolReviewAction } from './investigation-actions';
import { StepCard, useStepForm, WIDE_FIELDS } from '@/app/_components/step-form';
import type { PartyOption } from './investigation-forms';
import { ReviewVerdict } from './investigation-verdict';

/**
 * The school body's review (docs/domain-process.md §4): the four conditions as yes/no
 * questions with a note, and per alleged perpetrator the file names of the
 * victim's and the guardian's written confirmations. The verdict is
 * previewed as the form is filled and decided again on the server.
 */
export function SchoolReviewForm({ caseId, serverNow, perpetrators }: { caseId: string; serverNow: number; perpetrators: PartyOption[] }) {
  const t = useTranslations('investigation.steps.record_school_review');
  const tc = useTranslations('investigation.conditions');
  const tf = useTranslations('investigation.form');
  const kit = useStepForm('record_school_review', recordSchoolReviewInput, recordSchoolReviewAction, {
    area: 'investigation',
    serverNow,
    keepValues: true,
    defaults: (now): RecordSchoolReviewInput =>
      ({
        caseId,
        occurredAt: kstNowLocal(now),
        conditions: Object.fromEntries(SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: '', note: '' }])),
        consents: perpetrators.map((p) => ({ perpetratorPartyId: p.id, victimConsentFile: '', guardianConsentFile: '' })),
      }) as unknown as RecordSchoolReviewInput,
  });
  const [conditions, consents] = useWatch({ control: kit.form.control, name: ['conditions', 'consents'] });
  const answered = SELF_RESOLUTION_CONDITIONS.every((c) => conditions?.[c]?.holds === 'yes' || conditions?.[c]?.holds === 'no');
  const preview = selfResolutionEligibility(
    {
      conditions: Object.fromEntries(SELF_RESOLUTION_CONDITIONS.map((c) => [c, { holds: conditions?.[c]?.holds === 'yes' }])) as Parameters<
        typeof selfResolutionEligibility
      >[0]['conditions'],
      consents: (consents ?? []).map((c) => ({
        perpetratorPartyId: c.perpetratorPartyId,
        victimConsentFile: c.victimConsentFile ?? null,
        guardianConsentFile: c.guardianConsentFile ?? null,
      })),
    },
    perpetrators.map((p) => p.id),
  );
  const labels = Object.fromEntries(perpetrators.map((p) => [p.id, p.label]));

  return (
    <StepCard kit={kit} title={t('title')} hint={t('hint')} submitLabel={t('submit')} wide>
      <fieldset className="full party-row">
        <legend>{t('conditionsTitle')}</legend>
        {SELF_RESOLUTION_CONDITIONS.map((c) => {
          const field = `conditions.${c}.holds` as const;
          const error = kit.err(field);
          return (
            <div key={c} className="step-fields" data-testid={`condition-${c}`} style={{ ...WIDE_FIELDS, marginBottom: 8 }}>
              <div role="radiogroup" aria-labelledby={kit.id(`${field}-q`)} aria-describedby={`${kit.id(field)}-error`} aria-invalid={Boolean(error)}>
                <span id={kit.id(`${field}-q`)} className="label">
                  {tc(`${c}.question`)}
                </span>
                <label className="row" style={{ display: 'inline-flex', marginRight: 16 }}>
                  <input type="radio" value="yes" {...kit.form.register(field)} data-testid={`condition-${c}-yes`} /> {tf('yes')}
                </label>
                <label className="row" style={{ display: 'inline-flex' }}>
                  <input type="radio" value="no" {...kit.form.register(field)} data-testid={`condition-${c}-no`} /> {tf('no')}
                </label>
                <p className="field-error" id={`${kit.id(field)}-error`} aria-live="polite">
                  {error ?? ''}
                </p>
              </div>
              <Field id={kit.id(`conditions.${c}.note`)} label={tf('noteOptional')} error={kit.err(`conditions.${c}.note`)}>
                <input {...kit.form.register(`conditions.${c}.note`)} {...kit.control(`conditions.${c}.note`)} maxLength={1000} />
              </Field>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="full party-row">
        <legend>{t('consentsTitle')}</legend>
        <p className="muted small">{t('consentsHint')}</p>
        {perpetrators.length === 0 ? <p className="muted">{t('noPerpetrators')}</p> : null}
        {perpetrators.map((p, i) => (
          <div key={p.id} className="step-fields" data-testid={`consent-${p.id}`} style={WIDE_FIELDS}>
            <p className="full" style={{ margin: '4px 0' }}>
              <strong>{p.label}</strong>
            </p>
            <Field id={kit.id(`consents.${i}.victimConsentFile`)} label={t('victimConsentFile')} error={kit.err(`consents.${i}.victimConsentFile`)}>
              <input
                {...kit.form.register(`consents.${i}.victimConsentFile`)}
                {...kit.control(`consents.${i}.victimConsentFile`)}
                maxLength={255}
                placeholder="consent-victim.pdf"
              />
            </Field>
            <Field id={kit.id(`consents.${i}.guardianConsentFile`)} label={t('guardianConsentFile')} error={kit.err(`consents.${i}.guardianConsentFile`)}>
              <input
                {...kit.form.register(`consents.${i}.guardianConsentFile`)}
                {...kit.control(`consents.${i}.guardianConsentFile`)}
                maxLength={255}
                placeholder="consent-guardian.pdf"
              />
            </Field>
          </div>
        ))}
        <p className="field-error" aria-live="polite">
          {kit.err('consents') ?? ''}
        </p>
      </fieldset>

      <div className="full" aria-live="polite">
        {answered ? (
          <ReviewVerdict
            eligible={preview.eligible}
            failures={preview.failures}
            partyLabels={labels}
            testId="review-preview"
            failureTestId="review-preview-failure"
            heading={t('previewTitle')}
          />
        ) : (
          <p className="muted small">{t('previewPending')}</p>
        )}
      </div>
    </StepCard>
  );
}
