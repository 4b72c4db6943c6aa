import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/db/client';
import { loadGrants } from '@/db/queries/actors';
import { appendAudit } from '@/lib/audit/append';
import { env, oidcConfigured } from '@/lib/env';
import { clientIp } from '@/lib/request-ip';
import { signInWithOidc, signInWithPassword } from './sign-in';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const result = await signInWithPassword(credentials, clientIp(req?.headers));
        if (result.ok) return result.user;
        // A thrown error's message becomes the client's error code: 'locked' is shown as such,
        // every other failure stays the generic CredentialsSignin.
        if (result.reason === 'locked') throw new Error('locked');
        return null;
      },
    }),
  ];
  const e = env();
  if (oidcConfigured(e)) {
    list.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    });
  }
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  cached = {
    secret: e.AUTH_SECRET,
    useSecureCookies: (e.NEXTAUTH_URL ?? '').startsWith('https://'),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: providers(),
    events: {
      async signOut({ token }) {
        const userId = typeof token?.userId === 'string' ? token.userId : null;
        if (!userId) return;
        await db.transaction((tx) =>
          appendAudit(tx, { action: 'auth.signed_out', actorId: userId, targetType: 'user', targetId: userId, ip: null, detail: {} }),
        );
      },
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        const result = await signInWithOidc(user.email, null);
        if (!result.ok) return '/login?error=oidc';
        // From here on the session names our user, not the identity provider's subject.
        user.id = result.user.id;
        user.name = result.user.name;
        return true;
      },
      async jwt({ token, user }) {
        // Grants ride along for display; every check re-reads them (lib/auth/session.ts).
        if (user) {
          token.userId = user.id;
          token.grants = await loadGrants(db, user.id);
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.userId === 'string') session.user.id = token.userId;
        session.grants = token.grants ?? [];
        return session;
      },
    },
  };
  return cached;
}
