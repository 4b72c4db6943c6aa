import { describe, expect, it } from 'vitest';
import { configEnv, oidcConfigured, parseEnv } from './env';

const KEY = 'A'.repeat(43) + '=';
const SECRET = 's'.repeat(32);
const base = { DATABASE_URL: 'postgres://dolbom@127.0.0.1:5432/dolbom' };

describe('parseEnv', () => {
  it('fills in the documented defaults (README, "Secrets and configuration")', () => {
    const e = parseEnv(base);
    expect(e).toMatchObject({
      NODE_ENV: 'development',
      OIDC_NAME: 'SSO',
      MAIL_FROM: 'Dolbom <no-reply@dolbom.local>',
      DOLBOM_DEMO: '0',
      DB_POOL_MAX: 10,
      EVIDENCE_DIR: '.data/evidence',
      EVIDENCE_MAX_BYTES: 52_428_800,
    });
    expect(e.AUTH_SECRET).toBeUndefined();
    expect(e.CRON_SECRET).toBeUndefined();
    expect(oidcConfigured(e)).toBe(false);
  });

  it('coerces numbers and keeps given values', () => {
    const e = parseEnv({ ...base, DB_POOL_MAX: '3', EVIDENCE_MAX_BYTES: '1048576', EVIDENCE_DIR: '/srv/evidence', DOLBOM_DEMO: '1' });
    expect(e).toMatchObject({ DB_POOL_MAX: 3, EVIDENCE_MAX_BYTES: 1_048_576, EVIDENCE_DIR: '/srv/evidence', DOLBOM_DEMO: '1' });
  });

  it('needs DATABASE_URL, with an error that says so', () => {
    expect(() => parseEnv({})).toThrow(/^Invalid environment:\n {2}DATABASE_URL must be set/);
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow('DATABASE_URL must be a postgres:// URL');
  });

  it('refuses to start in production without the session secret and the encryption key', () => {
    expect(() => parseEnv({ ...base, NODE_ENV: 'production' })).toThrow(
      'Invalid environment:\n  AUTH_SECRET must be set in production\n  DOLBOM_ENCRYPTION_KEY must be set in production',
    );
    expect(parseEnv({ ...base, NODE_ENV: 'production', AUTH_SECRET: SECRET, DOLBOM_ENCRYPTION_KEY: KEY }).NODE_ENV).toBe('production');
  });

  it('names every bad variable at once', () => {
    let message = '';
    try {
      parseEnv({
        ...base,
        AUTH_SECRET: 'short',
        DOLBOM_ENCRYPTION_KEY: 'abc',
        DB_POOL_MAX: '0',
        EVIDENCE_MAX_BYTES: 'lots',
        NODE_ENV: 'staging',
        NEXTAUTH_URL: 'dolbom.kr',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid environment:',
      '  NODE_ENV must be development, production or test',
      '  AUTH_SECRET must be at least 32 characters',
      '  NEXTAUTH_URL must be a URL such as https://dolbom.example.kr',
      '  DOLBOM_ENCRYPTION_KEY must be 32 bytes in base64',
      '  DB_POOL_MAX must be a positive whole number',
      '  EVIDENCE_MAX_BYTES must be a positive whole number',
    ]);
  });

  it('rejects a fractional or negative size', () => {
    expect(() => parseEnv({ ...base, EVIDENCE_MAX_BYTES: '1.5' })).toThrow('EVIDENCE_MAX_BYTES must be a positive whole number');
    expect(() => parseEnv({ ...base, EVIDENCE_MAX_BYTES: '-1' })).toThrow('EVIDENCE_MAX_BYTES must be a positive whole number');
  });

  it('treats an empty CRON_SECRET as unset, and a short one as an error', () => {
    expect(parseEnv({ ...base, CRON_SECRET: '' }).CRON_SECRET).toBeUndefined();
    expect(parseEnv({ ...base, CRON_SECRET: 'x'.repeat(16) }).CRON_SECRET).toBe('x'.repeat(16));
    expect(() => parseEnv({ ...base, CRON_SECRET: 'short' })).toThrow('CRON_SECRET must be at least 16 characters');
  });

  it('turns single sign-on on only with issuer, client id and client secret', () => {
    const sso = { OIDC_ISSUER: 'https://sso.example.kr', OIDC_CLIENT_ID: 'dolbom', OIDC_CLIENT_SECRET: 'shh' };
    expect(oidcConfigured(parseEnv({ ...base, ...sso }))).toBe(true);
    expect(oidcConfigured(parseEnv({ ...base, ...sso, OIDC_CLIENT_SECRET: undefined }))).toBe(false);
  });
});

describe('configEnv (next.config.js)', () => {
  it('needs neither the database nor the production secrets, so `next build` runs without them', () => {
    expect(configEnv({ NODE_ENV: 'production' })).toEqual({ NODE_ENV: 'production', EVIDENCE_MAX_BYTES: 52_428_800 });
  });

  it('checks the values it reads with the same rules as the server', () => {
    expect(configEnv({ NEXTAUTH_URL: 'https://dolbom.example.kr', EVIDENCE_MAX_BYTES: '1000' })).toEqual({
      NODE_ENV: 'development',
      NEXTAUTH_URL: 'https://dolbom.example.kr',
      EVIDENCE_MAX_BYTES: 1000,
    });
    expect(() => configEnv({ EVIDENCE_MAX_BYTES: 'lots' })).toThrow('EVIDENCE_MAX_BYTES must be a positive whole number');
  });
});
