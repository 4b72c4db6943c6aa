import { useTranslations } from 'next-intl';
import type { SelfResolutionFailure } from '@/lib/cases/self-resolution';

/**
 * The self-resolution verdict in words: possible, or each reason it is not.
 * Hook-only (no async, no server APIs), so the section renders the saved
 * verdict on the server and the review form renders a live preview with it.
 */
export function ReviewVerdict({
  eligible,
  failures,
  partyLabels,
  testId = 'review-verdict',
  failureTestId = 'review-failure',
  heading,
}: {
  eligible: boolean;
  failures: readonly SelfResolutionFailure[];
  partyLabels: Readonly<Record<string, string>>;
  testId?: string;
  failureTestId?: string;
  heading?: string;
}) {
  const t = useTranslations('investigation.verdict');
  const tc = useTranslations('investigation.conditions');
  const student = (id: string) => partyLabels[id] ?? t('unknownStudent');
  const reason = (f: SelfResolutionFailure) => {
    switch (f.kind) {
      case 'condition':
        return tc(`${f.condition}.failed`);
      case 'consent':
        return f.missing === 'victim'
          ? t('consentVictimMissing', { student: student(f.perpetratorPartyId) })
          : t('consentGuardianMissing', { student: student(f.perpetratorPartyId) });
      case 'no_perpetrator':
        return t('noPerpetrator');
    }
  };
  return (
    <div className={`alert ${eligible ? 'success' : 'warn'}`} data-testid={testId} data-eligible={String(eligible)} role="status">
      {heading ? <strong className="label">{heading}</strong> : null}
      <p style={{ margin: 0 }}>{eligible ? t('eligible') : t('notEligible')}</p>
      {eligible ? null : (
        <ul style={{ margin: '6px 0 0' }}>
          {failures.map((f) => {
            const key = f.kind === 'condition' ? f.condition : f.kind === 'consent' ? `${f.perpetratorPartyId}-${f.missing}` : f.kind;
            return (
              <li
                key={key}
                data-testid={failureTestId}
                data-kind={f.kind}
                data-detail={f.kind === 'condition' ? f.condition : f.kind === 'consent' ? f.missing : undefined}
              >
                {reason(f)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
