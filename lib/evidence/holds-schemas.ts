import { z } from 'zod';
import { required } from '@/lib/schema-fields';

/** Manual legal holds, shared by the browser forms and the server actions. Messages are keys under `errors`. */
export const setLegalHoldInput = z.object({ caseId: z.string().uuid(), reason: required(500) });
export type SetLegalHoldInput = z.input<typeof setLegalHoldInput>;
export type SetLegalHoldData = z.output<typeof setLegalHoldInput>;

export const releaseLegalHoldInput = z.object({ caseId: z.string().uuid(), holdId: z.string().uuid() });
export type ReleaseLegalHoldInput = z.input<typeof releaseLegalHoldInput>;
export type ReleaseLegalHoldData = z.output<typeof releaseLegalHoldInput>;
