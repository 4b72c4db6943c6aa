import { DomainError, type DomainErrorCode } from '@/lib/errors';

/** A refusal with the message key on the field it concerns (`_form` for the form as a whole). */
export function refuse(code: DomainErrorCode, field: string, key: string): never {
  throw new DomainError(code, key, { [field]: [key] });
}
