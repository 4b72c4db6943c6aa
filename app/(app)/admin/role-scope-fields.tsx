'use client';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/field';
import { ROLES, roleScope, type Role } from '@/lib/auth/roles';

type Org = { id: string; name: string };

/** Role, then the school or office the role needs; admin needs neither. */
export function RoleScopeFields({
  role,
  register,
  offices,
  schools,
  errorFor,
}: {
  role: Role | undefined;
  register: (name: 'role' | 'schoolId' | 'officeId') => UseFormRegisterReturn;
  offices: Org[];
  schools: Org[];
  errorFor: (f: string) => string | undefined;
}) {
  const t = useTranslations('admin');
  const tc = useTranslations('common');
  const scope = role ? roleScope(role) : null;
  return (
    <>
      <Field id="role" label={t('initialRole')} error={errorFor('role')}>
        <select id="role" {...register('role')} aria-invalid={Boolean(errorFor('role'))} data-testid="role-select">
          <option value="">—</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tc(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {scope === 'school' ? (
        <Field id="schoolId" label={t('school')} error={errorFor('schoolId')}>
          <select id="schoolId" {...register('schoolId')} aria-invalid={Boolean(errorFor('schoolId'))} data-testid="school-select">
            <option value="">—</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {scope === 'office' ? (
        <Field id="officeId" label={t('office')} error={errorFor('officeId')}>
          <select id="officeId" {...register('officeId')} aria-invalid={Boolean(errorFor('officeId'))} data-testid="office-select">
            <option value="">—</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
