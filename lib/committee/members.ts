import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { committeeMembers, offices } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import type { AuditEvent } from '@/lib/audit/events';
import type { Actor } from '@/lib/auth/roles';
import type { Ctx } from '@/lib/cases/ctx';
import { DomainError } from '@/lib/errors';
import { canManageMembers, managedOffices } from './access';
import type { AddMemberData, SetMemberActiveData } from './schemas';

type MemberAudit = Extract<AuditEvent, { action: 'committee.member_added' | 'committee.member_updated' }>;

/** Member-pool changes are not case steps: their audit rows target the member. */
function memberAudit(actor: Actor, ip: string | null, memberId: string, e: Pick<MemberAudit, 'action' | 'detail'>): AuditEvent {
  return { ...e, actorId: actor.userId, targetType: 'committee_member', targetId: memberId, ip } as MemberAudit;
}

/** The offices whose pool the actor manages, by name. */
export async function listManagedOffices(actor: Actor) {
  const scope = managedOffices(actor);
  if (!scope.all && scope.officeIds.length === 0) return [];
  const q = db.select({ id: offices.id, name: offices.name, shortName: offices.shortName }).from(offices).orderBy(asc(offices.name));
  return scope.all ? q : q.where(inArray(offices.id, scope.officeIds));
}

/** One office's pool, active members first. */
export async function listMembers(actor: Actor, officeId: string) {
  if (!canManageMembers(actor, officeId)) throw new DomainError('not_found');
  return db
    .select({
      id: committeeMembers.id,
      name: committeeMembers.name,
      category: committeeMembers.category,
      active: committeeMembers.active,
      createdAt: committeeMembers.createdAt,
    })
    .from(committeeMembers)
    .where(eq(committeeMembers.officeId, officeId))
    .orderBy(asc(committeeMembers.name), asc(committeeMembers.createdAt));
}

export async function addMember(input: AddMemberData, { actor, ip, now = new Date() }: Ctx): Promise<{ id: string }> {
  if (!canManageMembers(actor, input.officeId)) throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, input.officeId));
    if (!office) throw new DomainError('not_found');
    const [member] = await tx
      .insert(committeeMembers)
      .values({ officeId: input.officeId, name: input.name, category: input.category, active: true, createdAt: now })
      .returning({ id: committeeMembers.id });
    const id = member!.id;
    await appendAudit(
      tx,
      memberAudit(actor, ip, id, { action: 'committee.member_added', detail: { officeId: input.officeId, category: input.category } }),
      now,
    );
    return { id };
  });
}

/** Deactivating keeps the member on past panels; they are only no longer offered for new ones. */
export async function setMemberActive(input: SetMemberActiveData, { actor, ip, now = new Date() }: Ctx): Promise<void> {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ officeId: committeeMembers.officeId, active: committeeMembers.active })
      .from(committeeMembers)
      .where(eq(committeeMembers.id, input.memberId))
      .for('update');
    // Another office's member is as invisible as one that does not exist.
    if (!member || !canManageMembers(actor, member.officeId)) throw new DomainError('not_found');
    if (member.active === input.active) return;
    await tx.update(committeeMembers).set({ active: input.active }).where(eq(committeeMembers.id, input.memberId));
    await appendAudit(
      tx,
      memberAudit(actor, ip, input.memberId, { action: 'committee.member_updated', detail: { officeId: member.officeId, active: input.active } }),
      now,
    );
  });
}
