import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/db/client';
import { recentAuditRows } from '@/db/queries/admin';
import { requirePageActor } from '@/lib/auth/session';
import { AdminTabs } from '../admin-tabs';

export default async function AdminAuditLogPage() {
  await requirePageActor('admin.view_audit_log');
  const [t, format, rows] = await Promise.all([getTranslations('admin'), getFormatter(), recentAuditRows(db)]);
  return (
    <>
      <h1>{t('auditLog')}</h1>
      <AdminTabs />
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('auditAt')}</th>
            <th>{t('auditActor')}</th>
            <th>{t('auditAction')}</th>
            <th>{t('auditTarget')}</th>
            <th>{t('auditIp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{format.dateTime(r.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
              <td>{r.actorName ?? '—'}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>
                {r.targetType} {r.targetId ? <code className="muted">{r.targetId.slice(0, 8)}</code> : null}
              </td>
              <td>{r.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
