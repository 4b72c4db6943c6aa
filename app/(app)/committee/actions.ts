'use server';
import { serverAction } from '@/lib/actions/case-action';
import { EVERY_CASE_PAGE } from '@/lib/actions/revalidation';
import { addMember, setMemberActive } from '@/lib/committee/members';
import { addMemberInput, setMemberActiveInput } from '@/lib/committee/schemas';

/**
 * The member pool shows on the committee page and in the hearing forms of
 * every case page (lib/committee/committee-view.ts lists the active members).
 */
const revalidate = () => ['/committee', EVERY_CASE_PAGE] as const;

export const addMemberAction = serverAction(addMemberInput, addMember, { revalidate });
export const setMemberActiveAction = serverAction(setMemberActiveInput, setMemberActive, { revalidate });
