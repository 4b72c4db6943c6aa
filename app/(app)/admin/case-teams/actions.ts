'use server';
import { caseAction } from '@/lib/actions/case-action';
import { addTeamMemberInput, removeTeamMemberInput } from '@/lib/cases/schemas';
import { addCaseTeamMember, removeCaseTeamMember } from '@/lib/cases/team-admin';

/**
 * A change of the case's team is revalidated like a workflow step: the team
 * decides who may see a restricted case in the lists, and the case-team admin
 * shows the team's size (lib/actions/revalidation.ts).
 */
export const addTeamMemberAction = caseAction(addTeamMemberInput, addCaseTeamMember);
export const removeTeamMemberAction = caseAction(removeTeamMemberInput, removeCaseTeamMember);
