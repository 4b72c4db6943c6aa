'use client';
import { useMemo, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFieldArray, useWatch, type FieldErrors } from 'react-hook-form';
import { Field } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { LEARNED_VIA, PARTY_ROLES, REPORTER_TYPES } from '@/lib/cases/constants';
import { fileCaseInput, type PartyInput } from '@/lib/cases/schemas';
import { CATEGORIES, SEXUAL_CATEGORIES } from '@/lib/rules/types';
import { fileCaseAction } from '../actions';
import { errorProps, kstNowLocal, newIdempotencyKey } from '@/app/_components/form-helpers';

export type SchoolOption = { id: string; name: string; officeId: string; officeName: string };

const PARTY_FIELDS = ['name', 'role', 'schoolMode', 'schoolId', 'otherSchoolName', 'grade', 'classNo', 'birthDate', 'guardianName', 'guardianContact'] as const;
const LABELLED_FIELDS = ['occurredAt', 'reportedAt', 'location', 'learnedVia', 'reporterType', 'categories', 'summary'] as const;
type TopField = 'schoolId' | (typeof LABELLED_FIELDS)[number];

/** Dotted paths of every error in react-hook-form's error tree, for the summary above the submit button. */
function errorPaths(errors: FieldErrors, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || !value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === 'string') out.push(path);
    out.push(...errorPaths(value as FieldErrors, path));
  }
  return out;
}

const domId = (path: string) => (path === 'parties' || path === 'parties.root' ? 'parties-section' : path.replaceAll('.', '-'));

export function IntakeForm({ filingSchools, allSchools }: { filingSchools: SchoolOption[]; allSchools: SchoolOption[] }) {
  const t = useTranslations('cases');
  const tv = useTranslations('vocab');
  const router = useRouter();
  // One key per mount: a double click or a resubmit after a lost response returns the same case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [now] = useState(() => kstNowLocal());
  const [navigating, startNavigation] = useTransition();
  const inFlight = useRef(false);
  const {
    form,
    onSubmit,
    result,
    errorFor: err,
    formError,
    pending,
  } = useActionForm(fileCaseInput, fileCaseAction, {
    area: 'cases',
    defaultValues: {
      idempotencyKey,
      schoolId: filingSchools.length === 1 ? filingSchools[0]!.id : '',
      occurredAt: '',
      reportedAt: now,
      location: '',
      categories: [],
      summary: '',
      parties: [{ name: '', role: 'victim', schoolMode: 'own' }],
    },
    onSuccess: (data) => {
      if (data) startNavigation(() => router.push(`/cases/${data.id}`));
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'parties' });
  const [categories, parties, schoolId] = useWatch({ control: form.control, name: ['categories', 'parties', 'schoolId'] });
  const sexual = (categories ?? []).some((c) => (SEXUAL_CATEGORIES as readonly string[]).includes(c));
  const ownSchoolName = filingSchools.find((s) => s.id === schoolId)?.name;
  const byOffice = useMemo(() => {
    const groups = new Map<string, { officeName: string; schools: SchoolOption[] }>();
    for (const s of allSchools) {
      const g = groups.get(s.officeId) ?? { officeName: s.officeName, schools: [] };
      g.schools.push(s);
      groups.set(s.officeId, g);
    }
    return [...groups.values()];
  }, [allSchools]);

  const busy = pending || navigating || Boolean(result?.ok);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      e.preventDefault();
      return;
    }
    inFlight.current = true;
    try {
      await onSubmit(e);
    } finally {
      inFlight.current = false;
    }
  };

  const labelFor = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'parties' && parts.length >= 3 && /^\d+$/.test(parts[1]!)) {
      const field = parts[2] as (typeof PARTY_FIELDS)[number];
      const row = t('party.rowTitle', { n: Number(parts[1]) + 1 });
      return (PARTY_FIELDS as readonly string[]).includes(field) ? `${row} · ${t(`party.${field}`)}` : row;
    }
    if (parts[0] === 'parties') return t('intake.sectionParties');
    if (parts[0] === 'schoolId') return t('intake.school');
    const field = parts[0] as (typeof LABELLED_FIELDS)[number];
    return (LABELLED_FIELDS as readonly string[]).includes(field) ? t(`intake.${field}`) : path;
  };
  const problems = errorPaths(form.formState.errors);
  const partiesError = err('parties.root') ?? err('parties');

  const top = (name: TopField) => errorProps(name, err(name));

  return (
    <form onSubmit={submit} noValidate className="stack intake" data-testid="intake-form">
      <section className="card">
        <h2>{t('intake.sectionIncident')}</h2>
        <div className="grid2">
          {filingSchools.length > 1 ? (
            <Field id="schoolId" label={t('intake.school')} error={err('schoolId')}>
              <select {...form.register('schoolId')} {...top('schoolId')} data-testid="intake-school">
                <option value="">{t('select')}</option>
                {filingSchools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} · {s.officeName}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field id="schoolId" label={t('intake.school')} error={err('schoolId')}>
              <p className="static-value" id="schoolId" aria-describedby="schoolId-error">
                {filingSchools[0]!.name} · {filingSchools[0]!.officeName}
              </p>
            </Field>
          )}
          <Field id="occurredAt" label={t('intake.occurredAt')} error={err('occurredAt')}>
            <input type="datetime-local" {...form.register('occurredAt')} {...top('occurredAt')} />
          </Field>
          <Field id="reportedAt" label={t('intake.reportedAt')} error={err('reportedAt')} hint={t('intake.reportedAtHint')}>
            <input type="datetime-local" {...form.register('reportedAt')} {...top('reportedAt')} />
          </Field>
          <Field id="location" label={t('intake.location')} error={err('location')}>
            <input {...form.register('location')} {...top('location')} maxLength={200} />
          </Field>
          <Field id="learnedVia" label={t('intake.learnedVia')} error={err('learnedVia')}>
            <select {...form.register('learnedVia')} {...top('learnedVia')}>
              <option value="">{t('select')}</option>
              {LEARNED_VIA.map((v) => (
                <option key={v} value={v}>
                  {t(`learnedVia.${v}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="reporterType" label={t('intake.reporterType')} error={err('reporterType')}>
            <select {...form.register('reporterType')} {...top('reporterType')}>
              <option value="">{t('select')}</option>
              {REPORTER_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`reporterType.${v}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className="card">
        <fieldset id="categories" className="plain" aria-invalid={Boolean(err('categories'))} aria-describedby="categories-error">
          <legend>
            <h2>{t('intake.categories')}</h2>
          </legend>
          <div className="check-grid">
            {CATEGORIES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" value={c} {...form.register('categories')} data-testid={`category-${c}`} />
                <span>
                  {tv(`category.${c}`)}
                  {c === 'digital_sex_offence' ? <span className="muted hint"> {tv('categoryHint.digital_sex_offence')}</span> : null}
                </span>
              </label>
            ))}
          </div>
          <p className="field-error" id="categories-error" aria-live="polite">
            {err('categories') ?? ''}
          </p>
        </fieldset>
        <div aria-live="polite">
          {sexual ? (
            <p className="alert info" data-testid="intake-sexual-alert">
              {t('intake.sexualAlert')}
            </p>
          ) : null}
        </div>
        <Field id="summary" label={t('intake.summary')} error={err('summary')} hint={t('intake.summaryHint')}>
          <textarea rows={6} maxLength={5000} {...form.register('summary')} {...top('summary')} />
        </Field>
      </section>

      <section className="card" id="parties-section" aria-describedby="parties-error">
        <h2>{t('intake.sectionParties')}</h2>
        <p className="muted">{t('intake.partiesHint')}</p>
        <p className="field-error" id="parties-error" aria-live="polite" data-testid="parties-error">
          {partiesError ?? ''}
        </p>
        <div className="stack">
          {fields.map((f, i) => {
            const p = (name: (typeof PARTY_FIELDS)[number]) => errorProps(`parties-${i}-${name}`, err(`parties.${i}.${name}`));
            const mode = parties?.[i]?.schoolMode ?? 'own';
            return (
              <fieldset key={f.id} className="party-row" data-testid={`party-row-${i}`}>
                <legend>{t('party.rowTitle', { n: i + 1 })}</legend>
                <div className="grid3">
                  <Field id={`parties-${i}-name`} label={t('party.name')} error={err(`parties.${i}.name`)}>
                    <input {...form.register(`parties.${i}.name`)} {...p('name')} maxLength={60} autoComplete="off" />
                  </Field>
                  <Field id={`parties-${i}-role`} label={t('party.role')} error={err(`parties.${i}.role`)}>
                    <select {...form.register(`parties.${i}.role`)} {...p('role')}>
                      <option value="">{t('select')}</option>
                      {PARTY_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {tv(`partyRole.${r}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <div>
                    <span className="label" id={`parties-${i}-schoolMode-label`}>
                      {t('party.schoolMode')}
                    </span>
                    <div className="row" role="radiogroup" aria-labelledby={`parties-${i}-schoolMode-label`}>
                      {(['own', 'listed', 'other'] as const).map((m) => (
                        <label key={m} className="check">
                          <input type="radio" value={m} {...form.register(`parties.${i}.schoolMode`)} />
                          <span>{m === 'own' && ownSchoolName ? `${t('party.own')} (${ownSchoolName})` : t(`party.${m}`)}</span>
                        </label>
                      ))}
                    </div>
                  </div>
                  {mode === 'listed' ? (
                    <Field id={`parties-${i}-schoolId`} label={t('party.schoolId')} error={err(`parties.${i}.schoolId`)}>
                      <select {...form.register(`parties.${i}.schoolId`)} {...p('schoolId')}>
                        <option value="">{t('select')}</option>
                        {byOffice.map((g) => (
                          <optgroup key={g.officeName} label={g.officeName}>
                            {g.schools.map((s) => (
                              <option key={s.id} value={s.id}>
                                {s.name}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </Field>
                  ) : null}
                  {mode === 'other' ? (
                    <Field id={`parties-${i}-otherSchoolName`} label={t('party.otherSchoolName')} error={err(`parties.${i}.otherSchoolName`)}>
                      <input {...form.register(`parties.${i}.otherSchoolName`)} {...p('otherSchoolName')} maxLength={100} />
                    </Field>
                  ) : null}
                  <Field id={`parties-${i}-grade`} label={t('party.grade')} error={err(`parties.${i}.grade`)}>
                    <input type="number" inputMode="numeric" min={1} max={12} {...form.register(`parties.${i}.grade`)} {...p('grade')} />
                  </Field>
                  <Field id={`parties-${i}-classNo`} label={t('party.classNo')} error={err(`parties.${i}.classNo`)}>
                    <input {...form.register(`parties.${i}.classNo`)} {...p('classNo')} maxLength={10} />
                  </Field>
                  <Field id={`parties-${i}-birthDate`} label={t('party.birthDate')} error={err(`parties.${i}.birthDate`)}>
                    <input type="date" {...form.register(`parties.${i}.birthDate`)} {...p('birthDate')} />
                  </Field>
                  <Field id={`parties-${i}-guardianName`} label={t('party.guardianName')} error={err(`parties.${i}.guardianName`)}>
                    <input {...form.register(`parties.${i}.guardianName`)} {...p('guardianName')} maxLength={60} autoComplete="off" />
                  </Field>
                  <Field id={`parties-${i}-guardianContact`} label={t('party.guardianContact')} error={err(`parties.${i}.guardianContact`)}>
                    <input type="tel" {...form.register(`parties.${i}.guardianContact`)} {...p('guardianContact')} maxLength={100} autoComplete="off" />
                  </Field>
                </div>
                {fields.length > 1 ? (
                  <div>
                    <button type="button" className="secondary" onClick={() => remove(i)} data-testid={`remove-party-${i}`}>
                      {t('party.remove')}
                    </button>
                  </div>
                ) : null}
              </fieldset>
            );
          })}
        </div>
        <div>
          <button type="button" className="secondary" onClick={() => append({ name: '', schoolMode: 'own' } as PartyInput)} data-testid="add-party">
            + {t('party.add')}
          </button>
        </div>
      </section>

      <div aria-live="polite" data-testid="intake-errors">
        {formError || problems.length > 0 ? (
          <div className="alert error">
            <p style={{ margin: 0 }}>{problems.length > 0 ? t('intake.errorSummary') : formError}</p>
            {problems.length > 0 ? (
              <ul>
                {problems.map((path) => (
                  <li key={path}>
                    <a href={`#${domId(path)}`}>{labelFor(path)}</a>: {err(path)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={busy} aria-busy={busy} data-testid="intake-submit">
          {busy ? t('intake.submitting') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}
