import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '@/lib/auth/roles';
import { evidenceRights, isSensitive } from './access';

const SCHOOL = 'school-1';
const OFFICE = 'office-1';
const actor = (id: string, ...grants: Grant[]): Actor => ({ userId: id, name: id, email: `${id}@test`, grants });
const school = (role: Grant['role']): Grant => ({ role, schoolId: SCHOOL, officeId: null });
const office = (role: Grant['role'], officeId = OFFICE): Grant => ({ role, schoolId: null, officeId });
const open = { schoolId: SCHOOL, officeId: OFFICE, restricted: false, teamUserIds: [] as string[] };

describe('who may do what in the vault', () => {
  it('school staff and heads view and upload, but never download', () => {
    for (const role of ['school_staff', 'school_head'] as const) {
      expect(evidenceRights(actor('a', school(role)), open)).toEqual({ view: true, upload: true, download: false, markSensitive: true });
    }
  });

  it('the office investigator and committee secretary may also download', () => {
    for (const role of ['investigator', 'committee_secretary'] as const) {
      expect(evidenceRights(actor('a', office(role)), open)).toEqual({ view: true, upload: true, download: true, markSensitive: true });
    }
  });

  it('a committee member views only', () => {
    expect(evidenceRights(actor('a', office('committee_member')), open)).toEqual({ view: true, upload: false, download: false, markSensitive: false });
  });

  it('auditors and admins never see evidence', () => {
    expect(evidenceRights(actor('a', office('office_auditor')), open).view).toBe(false);
    expect(evidenceRights(actor('a', { role: 'admin', schoolId: null, officeId: null }), open).view).toBe(false);
  });

  it('another office or school has no reach', () => {
    expect(evidenceRights(actor('a', office('investigator', 'office-2')), open).view).toBe(false);
    expect(evidenceRights(actor('a', { role: 'school_staff', schoolId: 'school-2', officeId: null }), open).view).toBe(false);
  });

  it('a restricted case narrows to its team', () => {
    const restricted = { ...open, restricted: true, teamUserIds: ['member'] };
    expect(evidenceRights(actor('other', school('school_staff')), restricted).view).toBe(false);
    expect(evidenceRights(actor('member', school('school_staff')), restricted)).toMatchObject({ view: true, upload: true });
    expect(evidenceRights(actor('other', office('investigator')), restricted).download).toBe(false);
  });

  it('every file of a restricted case is sensitive, whatever its own flag', () => {
    expect(isSensitive({ sensitive: false }, { restricted: true })).toBe(true);
    expect(isSensitive({ sensitive: true }, { restricted: false })).toBe(true);
    expect(isSensitive({ sensitive: false }, { restricted: false })).toBe(false);
  });
});
