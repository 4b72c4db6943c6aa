import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateFileKey, openFile, sealFile, sha256Hex, unwrapFileKey, wrapFileKey } from './crypto';

const master = randomBytes(32);

/** Flips one bit of a base64url body, leaving the prefix alone. */
function tamperWrapped(wrapped: string, at: number): string {
  const [prefix, body] = wrapped.split('.') as [string, string];
  const raw = Buffer.from(body, 'base64url');
  raw[at % raw.length]! ^= 0x01;
  return `${prefix}.${raw.toString('base64url')}`;
}

describe('file keys wrapped by the master key', () => {
  it('a wrapped key unwraps to the same 32 bytes', () => {
    const key = generateFileKey();
    expect(key).toHaveLength(32);
    const wrapped = wrapFileKey(master, key);
    expect(unwrapFileKey(master, wrapped).equals(key)).toBe(true);
  });

  it('every file gets its own key, and the same key wraps differently each time', () => {
    const key = generateFileKey();
    expect(generateFileKey().equals(key)).toBe(false);
    expect(wrapFileKey(master, key)).not.toBe(wrapFileKey(master, key));
  });

  it('the wrapped form does not contain the key', () => {
    const key = generateFileKey();
    const wrapped = wrapFileKey(master, key);
    expect(Buffer.from(wrapped.split('.')[1]!, 'base64url').includes(key)).toBe(false);
    expect(wrapped).not.toContain(key.toString('base64url'));
  });

  it('a wrong master key cannot unwrap it', () => {
    const wrapped = wrapFileKey(master, generateFileKey());
    expect(() => unwrapFileKey(randomBytes(32), wrapped)).toThrow();
  });

  it('a tampered wrapped key is refused, wherever the bit flips (iv, tag or ciphertext)', () => {
    const wrapped = wrapFileKey(master, generateFileKey());
    for (const at of [0, 12, 30, 59]) expect(() => unwrapFileKey(master, tamperWrapped(wrapped, at))).toThrow();
  });

  it('a malformed wrapped key is refused', () => {
    const wrapped = wrapFileKey(master, generateFileKey());
    expect(() => unwrapFileKey(master, wrapped.replace(/^k1/, 'k2'))).toThrow(/not a wrapped file key/);
    expect(() => unwrapFileKey(master, wrapped.slice(0, -4))).toThrow();
    expect(() => unwrapFileKey(master, `${wrapped}.x`)).toThrow(/not a wrapped file key/);
  });
});

describe('sealing file bytes', () => {
  const original = Buffer.from('증거 사진의 바이트 '.repeat(200));

  it('round-trips the bytes exactly', () => {
    const key = generateFileKey();
    expect(openFile(key, sealFile(key, original)).equals(original)).toBe(true);
  });

  it('the sealed bytes contain no 16-byte run of the original', () => {
    const sealed = sealFile(generateFileKey(), original);
    for (let i = 0; i + 16 <= original.length; i += 16) expect(sealed.includes(original.subarray(i, i + 16))).toBe(false);
  });

  it('opens only with its own key', () => {
    const sealed = sealFile(generateFileKey(), original);
    expect(() => openFile(generateFileKey(), sealed)).toThrow();
  });

  it('any altered byte is detected, not decrypted to something else', () => {
    const key = generateFileKey();
    const sealed = sealFile(key, original);
    for (const at of [1, 14, 40, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x80;
      expect(() => openFile(key, bad)).toThrow();
    }
  });

  it('an empty or foreign blob is not taken for a sealed file', () => {
    expect(() => openFile(generateFileKey(), Buffer.alloc(0))).toThrow(/not a sealed evidence file/);
    expect(() => openFile(generateFileKey(), Buffer.from('plain text that was never sealed'))).toThrow(/not a sealed evidence file/);
  });

  it('hashes are hex SHA-256 of the original', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
