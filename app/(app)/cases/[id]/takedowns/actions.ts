'use server';
import { caseRecordAction } from '@/lib/actions/case-action';
import { changeTakedownStatusInput, recordLocationInput, requestTakedownInput } from '@/lib/takedowns/schemas';
import { changeTakedownStatus, recordLocation, requestTakedown } from '@/lib/takedowns/service';

/** Locations and takedown requests show on the case page only (lib/actions/case-action.ts). */
export const recordLocationAction = caseRecordAction(recordLocationInput, recordLocation);
export const requestTakedownAction = caseRecordAction(requestTakedownInput, requestTakedown);
export const changeTakedownStatusAction = caseRecordAction(changeTakedownStatusInput, changeTakedownStatus);
