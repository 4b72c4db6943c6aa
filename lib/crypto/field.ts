import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Field encryption: AES-256-GCM with a random 96-bit IV per value. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so a dump shows no plaintext and
 * a tampered value fails to decrypt instead of reading as something else.
 */
const VERSION = 'v1';

export function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  return key;
}

export function encryptField(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptField(key: Buffer, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not an encrypted field');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A stable pseudonym for a student, e.g. 학생-7F3A9C: a keyed hash, so the same
 * student gets the same label in every case and export, and the label cannot
 * be reversed or recomputed without the key.
 */
export function pseudonymFor(key: Buffer, identity: { name: string; birthDate?: string | null; school: string }, prefix = '학생'): string {
  const normalised = [identity.name.replace(/\s+/g, '').toLowerCase(), identity.birthDate ?? '', identity.school.trim()].join('|');
  const digest = createHmac('sha256', key).update('pseudonym:').update(normalised).digest('hex');
  return `${prefix}-${digest.slice(0, 6).toUpperCase()}`;
}
