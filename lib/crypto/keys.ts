import 'server-only';
import { env } from '@/lib/env';
import { decryptField, encryptField, parseKey } from './field';

let cached: Buffer | undefined;

/** The master key from DOLBOM_ENCRYPTION_KEY (the launcher supplies a development key kept in .data/). */
export function masterKey(): Buffer {
  if (cached) return cached;
  const raw = env().DOLBOM_ENCRYPTION_KEY;
  if (!raw) throw new Error('DOLBOM_ENCRYPTION_KEY is not set');
  cached = parseKey(raw);
  return cached;
}

export const encrypt = (plaintext: string) => encryptField(masterKey(), plaintext);
export const decrypt = (stored: string) => decryptField(masterKey(), stored);
export const encryptOptional = (plaintext: string | null | undefined) => (plaintext ? encrypt(plaintext) : null);
export const decryptOptional = (stored: string | null | undefined) => (stored ? decrypt(stored) : null);
