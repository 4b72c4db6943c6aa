import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '@/lib/auth/roles';
import { canDownloadHearingInvite, canManageMembers, canReadHearingRecord, managedOffices } from './access';

const OFFICE = 'office-1';
const OTHER_OFFICE = 'office-2';
const SCHOOL = 'school-1';
const actor = (...grants: Grant[]): Actor => ({ userId: 'u1', name: 'x', email: 'x@x', grants });
const office = (role: Grant['role'], officeId = OFFICE): Grant => ({ role, officeId, schoolId: null });
const school = (role: Grant['role'], schoolId = SCHOOL): Grant => ({ role, schoolId, officeId: null });
const theCase = { schoolId: SCHOOL, officeId: OFFICE, restricted: false, teamUserIds: [] };

describe('committee access', () => {
  it('the office secretary and admins manage the member pool; members and other offices do not', () => {
    expect(canManageMembers(actor(office('committee_secretary')), OFFICE)).toBe(true);
    expect(canManageMembers(actor({ role: 'admin', officeId: null, schoolId: null }), OTHER_OFFICE)).toBe(true);
    expect(canManageMembers(actor(office('committee_secretary', OTHER_OFFICE)), OFFICE)).toBe(false);
    expect(canManageMembers(actor(office('committee_member')), OFFICE)).toBe(false);
    expect(managedOffices(actor(office('committee_secretary'), office('investigator', OTHER_OFFICE)))).toEqual({ all: false, officeIds: [OFFICE] });
  });

  it('the invite needs the case and a school or office role there', () => {
    expect(canDownloadHearingInvite(actor(office('committee_secretary')), theCase)).toBe(true);
    expect(canDownloadHearingInvite(actor(school('school_staff')), theCase)).toBe(true);
    expect(canDownloadHearingInvite(actor(school('school_staff', 'school-2')), theCase)).toBe(false);
    expect(canDownloadHearingInvite(actor(office('committee_secretary', OTHER_OFFICE)), theCase)).toBe(false);
    expect(canDownloadHearingInvite(actor({ role: 'admin', officeId: null, schoolId: null }), theCase)).toBe(false);
  });

  it('a restricted case keeps the invite to its team: the secretary once on it, not school staff off it', () => {
    const offTeam = { ...theCase, restricted: true, teamUserIds: ['someone-else'] };
    expect(canDownloadHearingInvite(actor(school('school_staff')), offTeam)).toBe(false);
    expect(canDownloadHearingInvite(actor(office('committee_secretary')), offTeam)).toBe(false);
    const onTeam = { ...offTeam, teamUserIds: ['u1'] };
    expect(canDownloadHearingInvite(actor(office('committee_secretary')), onTeam)).toBe(true);
    expect(canDownloadHearingInvite(actor({ role: 'admin', officeId: null, schoolId: null }), onTeam)).toBe(false);
  });

  it('the hearing texts are for the committee: not the school, not auditors', () => {
    expect(canReadHearingRecord(actor(office('committee_member')), theCase)).toBe(true);
    expect(canReadHearingRecord(actor(school('school_head')), theCase)).toBe(false);
    expect(canReadHearingRecord(actor(office('office_auditor')), theCase)).toBe(false);
  });
});
