import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for evidence files: each file has its own random
 * 256-bit data key, the bytes are sealed with AES-256-GCM under it, and the
 * data key is itself sealed under the master key. Purging a file then only
 * needs its wrapped key and ciphertext gone, and rotating the master key
 * rewraps 32-byte keys instead of re-encrypting every file. Keys are passed
 * in, so this module has no configuration and tests need no environment.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of a sealed file, so a later format can be told apart. */
const FILE_FORMAT_V1 = 0x01;
const WRAP_PREFIX = 'k1';

export function generateFileKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function gcmSeal(key: Buffer, plaintext: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  if (key.length !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** The data key sealed under the master key, as text for `evidence_files.wrapped_key`: `k1.<iv|tag|ciphertext in base64url>`. */
export function wrapFileKey(master: Buffer, fileKey: Buffer): string {
  if (fileKey.length !== KEY_BYTES) throw new Error('a file key is 32 bytes');
  const { iv, tag, ciphertext } = gcmSeal(master, fileKey);
  return `${WRAP_PREFIX}.${Buffer.concat([iv, tag, ciphertext]).toString('base64url')}`;
}

/** Throws if the master key is wrong or the wrapped key was altered: GCM authenticates, it never yields a wrong key. */
export function unwrapFileKey(master: Buffer, wrapped: string): Buffer {
  const [prefix, body, extra] = wrapped.split('.');
  if (prefix !== WRAP_PREFIX || !body || extra !== undefined) throw new Error('not a wrapped file key');
  const raw = Buffer.from(body, 'base64url');
  if (raw.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) throw new Error('not a wrapped file key');
  return gcmOpen(master, raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), raw.subarray(IV_BYTES + TAG_BYTES));
}

/** What the store receives: `0x01 | iv (12) | tag (16) | ciphertext`. */
export function sealFile(fileKey: Buffer, plaintext: Buffer): Buffer {
  const { iv, tag, ciphertext } = gcmSeal(fileKey, plaintext);
  return Buffer.concat([Buffer.of(FILE_FORMAT_V1), iv, tag, ciphertext]);
}

/** Throws on a wrong key or any altered byte. */
export function openFile(fileKey: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FILE_FORMAT_V1) throw new Error('not a sealed evidence file');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  return gcmOpen(fileKey, iv, tag, sealed.subarray(1 + IV_BYTES + TAG_BYTES));
}

export function sha256Hex(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
