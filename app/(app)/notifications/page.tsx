import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/app/_components/pagination';
import { db } from '@/db/client';
import { requirePageActor } from '@/lib/auth/session';
import { countUnread, listNotifications } from '@/lib/notifications/queries';
import { NOTICE_TIME_FORMAT, noticeSentence } from '@/lib/notifications/render';
import { notificationListQuery } from '@/lib/notifications/schemas';
import { MarkAllReadButton, MarkReadButton } from './mark-read-buttons';

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('notifications.view_own');
  const { page } = notificationListQuery.parse(await searchParams);
  const [t, format, locale, inbox, unread] = await Promise.all([
    getTranslations('notifications'),
    getFormatter(),
    getLocale(),
    listNotifications(db, actor.userId, page),
    countUnread(db, actor.userId),
  ]);

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('title')}</h1>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      {inbox.total === 0 ? (
        <div className="card empty" data-testid="notifications-empty">
          {t('empty')}
        </div>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="notification-list">
          {inbox.rows.map((n) => {
            const isUnread = n.readAt === null;
            const sentence = noticeSentence(locale, n);
            return (
              <li key={n.id} className="card row" style={{ marginBottom: 0 }} data-testid="notification-item" data-unread={isUnread}>
                <div style={{ flex: 1 }}>
                  {isUnread ? (
                    <span className="badge" style={{ marginRight: 8 }}>
                      {t('unread')}
                    </span>
                  ) : null}
                  {n.caseId ? (
                    <Link href={`/cases/${n.caseId}`}>{isUnread ? <strong>{sentence}</strong> : sentence}</Link>
                  ) : isUnread ? (
                    <strong>{sentence}</strong>
                  ) : (
                    sentence
                  )}
                  <div className="muted" style={{ fontSize: '0.85rem' }}>
                    {t('receivedAt', { at: format.dateTime(n.createdAt, NOTICE_TIME_FORMAT) })}
                  </div>
                </div>
                {isUnread ? <MarkReadButton notificationId={n.id} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination basePath="/notifications" params={{}} page={page} pageCount={inbox.pageCount} />
    </>
  );
}
