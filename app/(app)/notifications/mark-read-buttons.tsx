'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/errors';
import { markAllNotificationsReadAction, markNotificationReadAction } from './actions';

function ActionButton({ label, run, testId }: { label: string; run: () => Promise<ActionState>; testId: string }) {
  const t = useTranslations('notifications');
  const te = useTranslations('errors');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="row">
      <button
        type="button"
        className="secondary"
        disabled={pending}
        data-testid={testId}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await run();
            if (result && !result.ok) setError(te(result.error));
          })
        }
      >
        {pending ? t('marking') : label}
      </button>
      <span className="field-error" aria-live="polite">
        {error}
      </span>
    </span>
  );
}

export function MarkReadButton({ notificationId }: { notificationId: string }) {
  const t = useTranslations('notifications');
  return <ActionButton label={t('markRead')} run={() => markNotificationReadAction({ notificationId })} testId="mark-read" />;
}

export function MarkAllReadButton() {
  const t = useTranslations('notifications');
  return <ActionButton label={t('markAllRead')} run={() => markAllNotificationsReadAction()} testId="mark-all-read" />;
}
