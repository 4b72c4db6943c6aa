import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import { SignOutButton } from '@/app/_components/sign-out-button';
import { getActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { db } from '@/db/client';
import { countUnread } from '@/lib/notifications/queries';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const t = await getTranslations();
  const links = [
    can(actor, 'school.view_home') && { href: '/school', label: t('nav.school') },
    can(actor, 'office.view_home') && { href: '/office', label: t('nav.office') },
    can(actor, 'committee.manage_members') && { href: '/committee', label: t('nav.committee') },
    can(actor, 'audit.view_dashboard') && { href: '/audit', label: t('nav.audit') },
    can(actor, 'admin.manage_users') && { href: '/admin', label: t('nav.admin') },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  const unread = can(actor, 'notifications.view_own') ? await countUnread(db, actor.userId) : null;
  return (
    <>
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('common.appName')}
        </Link>
        <nav aria-label={t('nav.mainNav')}>
          {links.map((l) => (
            <Link key={l.href} href={l.href}>
              {l.label}
            </Link>
          ))}
          {unread !== null ? (
            <Link
              href="/notifications"
              aria-label={unread > 0 ? `${t('nav.notifications')} (${t('notifications.unreadBadge', { count: unread })})` : undefined}
            >
              {t('nav.notifications')}
              {unread > 0 ? (
                <span className="count-badge" data-testid="unread-count">
                  {unread > 99 ? '99+' : unread}
                </span>
              ) : null}
            </Link>
          ) : null}
        </nav>
        <span className="who" data-testid="signed-in-as">
          {t('common.signedInAs', { name: actor.name })}
        </span>
        <LocaleSwitch />
        <SignOutButton />
      </header>
      <main id="main">{children}</main>
    </>
  );
}
