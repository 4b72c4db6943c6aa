'use client';

/** Last resort when the root layout itself failed: no providers, so both languages inline. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ko">
      <body>
        <main style={{ maxWidth: 420, margin: '64px auto', fontFamily: 'system-ui, sans-serif' }}>
          <h1>문제가 발생했습니다 / Something went wrong</h1>
          <p>잠시 후 다시 시도해 주세요. / Please try again in a moment.</p>
          <button type="button" onClick={reset}>
            다시 시도 / Try again
          </button>
        </main>
      </body>
    </html>
  );
}
