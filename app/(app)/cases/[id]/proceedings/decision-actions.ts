'use server';
import { caseAction } from '@/lib/actions/case-action';
import { finaliseDecision } from '@/lib/decisions/finalise-decision';
import { recordDispositionNotice } from '@/lib/decisions/record-disposition-notice';
import { recordVictimMeasuresTaken } from '@/lib/decisions/record-victim-measures-taken';
import { saveDecision } from '@/lib/decisions/save-decision';
import { saveVictimMeasures } from '@/lib/decisions/save-victim-measures';
import {
  finaliseDecisionInput,
  recordDispositionNoticeInput,
  recordVictimMeasuresTakenInput,
  saveDecisionInput,
  saveVictimMeasuresInput,
} from '@/lib/decisions/schemas';

/** The decision steps (lib/actions/case-action.ts: parse, authenticate, run the use-case, revalidate the case and its lists). */
export const saveDecisionAction = caseAction(saveDecisionInput, saveDecision);
export const saveVictimMeasuresAction = caseAction(saveVictimMeasuresInput, saveVictimMeasures);
export const finaliseDecisionAction = caseAction(finaliseDecisionInput, finaliseDecision);
export const recordVictimMeasuresTakenAction = caseAction(recordVictimMeasuresTakenInput, recordVictimMeasuresTaken);
export const recordDispositionNoticeAction = caseAction(recordDispositionNoticeInput, recordDispositionNotice);
