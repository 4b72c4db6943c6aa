import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, pseudonymFor } from './field';

const key = randomBytes(32);

describe('field encryption', () => {
  it('round-trips Korean text and never stores the plaintext', () => {
    const stored = encryptField(key, '김민준 010-1234-5678');
    expect(stored).not.toContain('김민준');
    expect(Buffer.from(stored).toString('utf8')).not.toContain('010-1234');
    expect(decryptField(key, stored)).toBe('김민준 010-1234-5678');
  });

  it('encrypts the same value differently each time', () => {
    expect(encryptField(key, '같은 이름')).not.toBe(encryptField(key, '같은 이름'));
  });

  it('a tampered ciphertext fails instead of decrypting to something else', () => {
    const stored = encryptField(key, 'abc');
    const parts = stored.split('.');
    parts[3] = Buffer.from('abd').toString('base64url');
    expect(() => decryptField(key, parts.join('.'))).toThrow();
  });

  it('another key cannot decrypt', () => {
    expect(() => decryptField(randomBytes(32), encryptField(key, 'abc'))).toThrow();
  });
});

describe('pseudonyms', () => {
  it('are stable for the same student and differ between students', () => {
    const a = pseudonymFor(key, { name: '김 민준', birthDate: '2012-03-04', school: 's1' });
    expect(pseudonymFor(key, { name: '김민준', birthDate: '2012-03-04', school: 's1' })).toBe(a);
    expect(pseudonymFor(key, { name: '이서연', birthDate: '2012-03-04', school: 's1' })).not.toBe(a);
    expect(a).toMatch(/^학생-[0-9A-F]{6}$/);
  });
});
