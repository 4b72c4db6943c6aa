import type { ReactNode } from 'react';

/** A labelled control with its error slot announced to screen readers. */
export function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string | undefined; children: ReactNode; hint?: string }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="muted" style={{ margin: '2px 0 0', fontSize: '0.85rem' }}>{hint}</p> : null}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}
