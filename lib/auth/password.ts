import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, t=2), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps the response time of an unknown e-mail equal to a wrong password. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$xmCvlW95gv836coeSfsTaA$sgyrv3DcOFdOgwffRy0boSAkeI2fuUDleRXB67+0s08';
