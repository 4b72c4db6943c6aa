import { useTranslations } from 'next-intl';
import type { DeadlineStatus } from '@/lib/rules';

/** A clock's status in colour and in words; `data-status` carries the raw value for tests and styling. */
export function DeadlineBadge({ status, testId }: { status: DeadlineStatus; testId?: string }) {
  const t = useTranslations('vocab.deadlineStatus');
  return (
    <span className={`badge ${status}`} data-status={status} data-testid={testId}>
      {t(status)}
    </span>
  );
}
