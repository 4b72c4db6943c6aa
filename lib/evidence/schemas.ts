import { z } from 'zod';

/**
 * The vault's inputs, shared by the forms (zodResolver) and the server
 * actions and route handlers (safeParse). Messages are keys under
 * `evidence.fieldErrors`.
 */

/** A reason has to say something: a few characters at least, and no more than a note. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

const reason = z.string().trim().min(REASON_MIN, 'reasonTooShort').max(REASON_MAX, 'reasonTooLong');
const description = z
  .string()
  .trim()
  .max(1000, 'descriptionTooLong')
  .optional()
  .transform((v) => (v ? v : undefined));

/** The text fields of an upload; the file itself is checked by `uploadEvidenceInput` and, by content, on the server. */
export const uploadEvidenceFields = z.object({
  caseId: z.string().uuid(),
  description,
  sensitive: z.boolean().default(false),
});

/** `maxBytes` is `env().EVIDENCE_MAX_BYTES`, which the page hands the form. */
export function uploadEvidenceInput(maxBytes: number) {
  return uploadEvidenceFields.extend({
    file: z
      .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, 'fileRequired')
      .refine((f) => f.size > 0, 'fileEmpty')
      .refine((f) => f.size <= maxBytes, 'fileTooLarge'),
  });
}
export type UploadEvidenceInput = z.input<ReturnType<typeof uploadEvidenceInput>>;

export const beginEvidenceViewInput = z.object({ evidenceId: z.string().uuid(), reason });
export type BeginEvidenceViewInput = z.input<typeof beginEvidenceViewInput>;

/** The second, explicit confirmation before the original of a sensitive file opens. */
export const confirmEvidenceViewInput = z.object({
  evidenceId: z.string().uuid(),
  reason,
  confirmed: z.literal(true, { message: 'confirmRequired' }),
});
export type ConfirmEvidenceViewInput = z.input<typeof confirmEvidenceViewInput>;

export const downloadEvidenceInput = z.object({ evidenceId: z.string().uuid(), reason });
export type DownloadEvidenceInput = z.input<typeof downloadEvidenceInput>;

export const markEvidenceSensitiveInput = z.object({ evidenceId: z.string().uuid() });
export type MarkEvidenceSensitiveInput = z.input<typeof markEvidenceSensitiveInput>;

/** The GET that streams what a view token allows. */
export const viewEvidenceQuery = z.object({ stage: z.enum(['preview', 'original']), token: z.string().min(10).max(1000) });
