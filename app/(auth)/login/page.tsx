import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import { getActor } from '@/lib/auth/session';
import { homePath } from '@/lib/auth/roles';
import { env, oidcConfigured } from '@/lib/env';
import { LoginForm } from './login-form';

const searchParamsSchema = z.object({
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s]*$/)
    .optional()
    .catch(undefined),
  error: z.string().max(64).optional().catch(undefined),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = searchParamsSchema.parse(await searchParams);
  const actor = await getActor();
  if (actor) redirect(params.callbackUrl ?? homePath(actor.grants));
  const t = await getTranslations('auth');
  const e = env();
  return (
    <main className="center-box">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong style={{ fontSize: '1.3rem' }}>{(await getTranslations('common'))('appName')}</strong>
        <LocaleSwitch />
      </div>
      <div className="card" style={{ marginTop: 16 }}>
        <h1>{t('title')}</h1>
        <LoginForm
          callbackUrl={params.callbackUrl ?? null}
          initialError={params.error === 'oidc' ? 'oidcFailed' : null}
          oidcName={oidcConfigured(e) ? e.OIDC_NAME : null}
        />
      </div>
      {e.DOLBOM_DEMO === '1' ? <p className="muted">{t('demoHint')}</p> : null}
    </main>
  );
}
