type Org = { id: string; name: string };

/** The place a grant reaches, as a person reads it. */
export function scopeLabel(grant: { schoolId: string | null; officeId: string | null }, orgs: { offices: Org[]; schools: Org[] }, everywhere: string): string {
  if (grant.schoolId) return orgs.schools.find((s) => s.id === grant.schoolId)?.name ?? grant.schoolId;
  if (grant.officeId) return orgs.offices.find((o) => o.id === grant.officeId)?.name ?? grant.officeId;
  return everywhere;
}
