import Form from 'next/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CLOCK_KEYS } from '@/lib/audit-dashboard/counters';
import type { DashboardQuery } from '@/lib/audit-dashboard/filters';
import type { OfficeOption, SchoolOption } from '@/lib/audit-dashboard/scope';
import { CATEGORIES, SCHOOL_LEVELS } from '@/lib/rules';

/**
 * Period and scope as a plain GET form, so every view of the dashboard is a
 * link that can be bookmarked, shared and opened without JavaScript.
 */
export function AuditFilters({
  action,
  q,
  offices,
  schools,
  showTableKey = true,
}: {
  action: string;
  q: DashboardQuery;
  offices: readonly OfficeOption[];
  schools: readonly SchoolOption[];
  showTableKey?: boolean;
}) {
  const t = useTranslations('audit.filters');
  const tv = useTranslations('vocab');
  const tc = useTranslations('common');
  return (
    <Form action={action} className="card audit-filters no-print" aria-label={t('label')} data-testid="audit-filters">
      <div className="audit-filter-grid">
        <div>
          <label htmlFor="audit-from">{t('from')}</label>
          <input id="audit-from" name="from" type="month" defaultValue={q.fromMonth.slice(0, 7)} />
        </div>
        <div>
          <label htmlFor="audit-to">{t('to')}</label>
          <input id="audit-to" name="to" type="month" defaultValue={q.toMonth.slice(0, 7)} />
        </div>
        <div>
          <label htmlFor="audit-office">{t('office')}</label>
          <select id="audit-office" name="office" defaultValue={q.office ?? ''} data-testid="filter-office">
            <option value="">{t('allOffices')}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-school">{t('school')}</label>
          <select id="audit-school" name="school" defaultValue={q.school ?? ''} disabled={schools.length === 0} aria-describedby="audit-school-hint">
            <option value="">{t('allSchools')}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {schools.length === 0 ? (
            <p id="audit-school-hint" className="muted small">
              {t('schoolNeedsOffice')}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="audit-level">{t('level')}</label>
          <select id="audit-level" name="level" defaultValue={q.level ?? ''}>
            <option value="">{t('allLevels')}</option>
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {tc(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {showTableKey ? (
          <div>
            <label htmlFor="audit-tkey">{t('tableKey')}</label>
            <select id="audit-tkey" name="tkey" defaultValue={q.tableKey}>
              <option value="all">{t('allKeys')}</option>
              {CLOCK_KEYS.map((k) => (
                <option key={k} value={k}>
                  {tv(`deadline.${k}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <fieldset className="plain">
        <legend className="label">{t('categories')}</legend>
        <div className="check-grid">
          {CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" name="cat" value={c} defaultChecked={q.categories.includes(c)} />
              {tv(`category.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" data-testid="audit-filters-apply">
          {t('apply')}
        </button>
        <Link href={action} className="button secondary">
          {t('reset')}
        </Link>
      </div>
    </Form>
  );
}
