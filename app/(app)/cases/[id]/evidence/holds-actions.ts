'use server';
import { caseRecordAction } from '@/lib/actions/case-action';
import { releaseLegalHold, setLegalHold } from '@/lib/evidence/holds';
import { releaseLegalHoldInput, setLegalHoldInput } from '@/lib/evidence/holds-schemas';

/** Manual legal holds show on the case page's retention panel only (lib/actions/case-action.ts). */
export const setLegalHoldAction = caseRecordAction(setLegalHoldInput, setLegalHold);
export const releaseLegalHoldAction = caseRecordAction(releaseLegalHoldInput, releaseLegalHold);
