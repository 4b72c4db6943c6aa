'use server';
import { caseAction } from '@/lib/actions/case-action';
import { extendCommittee } from '@/lib/committee/extend-committee';
import { recordHearing } from '@/lib/committee/record-hearing';
import { recordMemberConflict } from '@/lib/committee/record-member-conflict';
import { scheduleHearing } from '@/lib/committee/schedule-hearing';
import { extendCommitteeInput, recordHearingInput, recordMemberConflictInput, scheduleHearingInput, sendHearingNoticeInput } from '@/lib/committee/schemas';
import { sendHearingNotice } from '@/lib/committee/send-hearing-notice';

/** The committee's steps (lib/actions/case-action.ts: parse, authenticate, run the use-case, revalidate the case and its lists). */
export const scheduleHearingAction = caseAction(scheduleHearingInput, scheduleHearing);
export const extendCommitteeAction = caseAction(extendCommitteeInput, extendCommittee);
export const recordMemberConflictAction = caseAction(recordMemberConflictInput, recordMemberConflict);
export const sendHearingNoticeAction = caseAction(sendHearingNoticeInput, sendHearingNotice);
export const recordHearingAction = caseAction(recordHearingInput, recordHearing);
