import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db, type Tx } from '@/db/client';
import { getCaseRow } from '@/db/queries/cases';
import { onlineLocations, takedownRequests, takedownStatus, takedownTarget, takedownUpdates, users } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import type { Actor } from '@/lib/auth/roles';
import { canViewCase } from '@/lib/cases/access';
import type { Ctx } from '@/lib/cases/ctx';
import { decrypt, decryptOptional, encrypt, encryptOptional } from '@/lib/crypto/keys';
import { DomainError } from '@/lib/errors';
import { mayManageTakedowns, maySeeTakedownDetails } from './access';
import type { ChangeTakedownStatusData, RecordLocationData, RequestTakedownData } from './schemas';
import {
  canTransition,
  nextReminderAt,
  nextStatuses,
  reminderIntervalDays,
  summarizeTakedowns,
  TAKEDOWN_STATUSES,
  TAKEDOWN_TARGETS,
  type TakedownStatus,
  type TakedownSummary,
  type TakedownTarget,
} from './status';

/**
 * Online locations of abuse material and the takedown requests that chase
 * them. Each use-case authorizes against the case, writes its rows
 * and its audit row in one transaction, and keeps the address and every free
 * text encrypted: the URL points at the imagery itself.
 */

// The pure status module and the database enums must name the same values.
const _statusesMatch: readonly (typeof takedownStatus.enumValues)[number][] = TAKEDOWN_STATUSES;
const _statusesMatchBack: readonly TakedownStatus[] = takedownStatus.enumValues;
const _targetsMatch: readonly (typeof takedownTarget.enumValues)[number][] = TAKEDOWN_TARGETS;
const _targetsMatchBack: readonly TakedownTarget[] = takedownTarget.enumValues;

type Conn = Db | Tx;

/** Clocks of two machines disagree by seconds; a minute of slack keeps "now" from reading as the future. */
const CLOCK_SLACK_MS = 60_000;

type CaseRow = NonNullable<Awaited<ReturnType<typeof getCaseRow>>>;

/** The case, if the actor may act on its takedowns: a case they cannot open does not exist for them. */
async function caseToManage(tx: Tx, caseId: string, actor: Actor): Promise<CaseRow> {
  const row = await getCaseRow(tx, caseId);
  if (!row || !canViewCase(actor, row)) throw new DomainError('not_found');
  if (!mayManageTakedowns(actor, row)) throw new DomainError('forbidden');
  return row;
}

function notInFuture(at: string, now: Date, field: string): void {
  if (new Date(at).getTime() > now.getTime() + CLOCK_SLACK_MS) throw new DomainError('invalid_input', 'in the future', { [field]: ['futureDate'] });
}

export async function recordLocation(input: RecordLocationData, { actor, ip, now = new Date() }: Ctx): Promise<{ locationId: string }> {
  notInFuture(input.firstSeenAt, now, 'firstSeenAt');
  return db.transaction(async (tx) => {
    await caseToManage(tx, input.caseId, actor);
    const locationId = randomUUID();
    await tx.insert(onlineLocations).values({
      id: locationId,
      caseId: input.caseId,
      platform: input.platform,
      urlEnc: encrypt(input.url),
      firstSeenAt: new Date(input.firstSeenAt),
      firstSeenByEnc: encrypt(input.firstSeenBy),
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await appendAudit(
      tx,
      {
        action: 'takedown.location_recorded',
        actorId: actor.userId,
        targetType: 'case',
        targetId: input.caseId,
        ip,
        detail: { locationId, platform: input.platform },
      },
      now,
    );
    return { locationId };
  });
}

/**
 * A request to one body for one location. A second open request to the same
 * body for the same location is refused (a double submit, or a follow-up
 * that belongs on the existing request); a closed one may be followed by a
 * fresh request.
 */
export async function requestTakedown(input: RequestTakedownData, { actor, ip, now = new Date() }: Ctx): Promise<{ requestId: string }> {
  notInFuture(input.requestedAt, now, 'requestedAt');
  return db.transaction(async (tx) => {
    const c = await caseToManage(tx, input.caseId, actor);
    // The location row is the lock that serializes two submits of the same request.
    const [location] = await tx
      .select({ id: onlineLocations.id, firstSeenAt: onlineLocations.firstSeenAt })
      .from(onlineLocations)
      .where(and(eq(onlineLocations.id, input.locationId), eq(onlineLocations.caseId, c.id)))
      .for('update');
    if (!location) throw new DomainError('invalid_input', 'location not on case', { locationId: ['required'] });
    if (new Date(input.requestedAt).getTime() < location.firstSeenAt.getTime()) {
      throw new DomainError('invalid_input', 'requested before first seen', { requestedAt: ['beforeFirstSeen'] });
    }
    const [open] = await tx
      .select({ id: takedownRequests.id })
      .from(takedownRequests)
      .where(and(eq(takedownRequests.locationId, location.id), eq(takedownRequests.target, input.target), ne(takedownRequests.status, 'closed')));
    if (open) throw new DomainError('conflict', 'an open request to this body exists', { target: ['duplicateRequest'] });

    const requestId = randomUUID();
    const requestedAt = new Date(input.requestedAt);
    await tx.insert(takedownRequests).values({
      id: requestId,
      caseId: c.id,
      locationId: location.id,
      target: input.target,
      requestedAt,
      referenceNo: input.referenceNo ?? null,
      status: 'requested',
      statusAt: requestedAt,
      nextReminderAt: nextReminderAt('requested', requestedAt, reminderIntervalDays(c.reportedAt)),
      createdBy: actor.userId,
    });
    await tx.insert(takedownUpdates).values({ requestId, status: 'requested', at: requestedAt, noteEnc: encryptOptional(input.note), actorId: actor.userId });
    await appendAudit(
      tx,
      {
        action: 'takedown.requested',
        actorId: actor.userId,
        targetType: 'case',
        targetId: c.id,
        ip,
        detail: { requestId, locationId: location.id, target: input.target },
      },
      now,
    );
    return { requestId };
  });
}

/**
 * A status change, against the version the form showed. The next reminder is
 * counted from the change: N days on while follow-up continues, none once
 * removed or closed, and a re-upload starts it again.
 */
export async function changeTakedownStatus(
  input: ChangeTakedownStatusData,
  { actor, ip, now = new Date() }: Ctx,
): Promise<{ status: TakedownStatus; version: number; nextReminderAt: Date | null }> {
  const at = input.at ?? now.toISOString();
  notInFuture(at, now, 'at');
  return db.transaction(async (tx) => {
    const c = await caseToManage(tx, input.caseId, actor);
    const [request] = await tx
      .select()
      .from(takedownRequests)
      .where(and(eq(takedownRequests.id, input.requestId), eq(takedownRequests.caseId, c.id)))
      .for('update');
    if (!request) throw new DomainError('not_found');
    if (request.version !== input.version) throw new DomainError('conflict', 'changed since the form was loaded');
    if (!canTransition(request.status, input.status))
      throw new DomainError('invalid_transition', `${request.status} → ${input.status}`, { status: ['notAllowed'] });
    const when = new Date(at);
    if (when.getTime() < request.statusAt.getTime()) throw new DomainError('invalid_input', 'before the last change', { at: ['beforeLastChange'] });
    // A reference number identifies the request to the body; once recorded it is not rewritten.
    if (input.referenceNo && request.referenceNo && input.referenceNo !== request.referenceNo) {
      throw new DomainError('invalid_input', 'reference already recorded', { referenceNo: ['referenceFixed'] });
    }

    const next = nextReminderAt(input.status, when, reminderIntervalDays(c.reportedAt));
    const [updated] = await tx
      .update(takedownRequests)
      .set({
        status: input.status,
        statusAt: when,
        nextReminderAt: next,
        referenceNo: request.referenceNo ?? input.referenceNo ?? null,
        version: sql`${takedownRequests.version} + 1`,
      })
      .where(eq(takedownRequests.id, request.id))
      .returning({ version: takedownRequests.version });
    await tx
      .insert(takedownUpdates)
      .values({ requestId: request.id, status: input.status, at: when, noteEnc: encryptOptional(input.note), actorId: actor.userId });
    await appendAudit(
      tx,
      {
        action: 'takedown.status_changed',
        actorId: actor.userId,
        targetType: 'case',
        targetId: c.id,
        ip,
        detail: { requestId: request.id, from: request.status, to: input.status },
      },
      now,
    );
    return { status: input.status, version: updated!.version, nextReminderAt: next };
  });
}

export type TakedownUpdateView = { status: TakedownStatus; at: Date; note: string | null; actorId: string | null; actorName: string | null };
export type TakedownRequestView = {
  id: string;
  target: TakedownTarget;
  requestedAt: Date;
  referenceNo: string | null;
  status: TakedownStatus;
  statusAt: Date;
  nextReminderAt: Date | null;
  version: number;
  createdBy: string;
  updates: TakedownUpdateView[];
};
export type TakedownLocationView = {
  id: string;
  platform: string;
  url: string;
  firstSeenAt: Date;
  firstSeenBy: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  requests: TakedownRequestView[];
};

/**
 * Every location of a case with its address and who first saw it decrypted,
 * and every request with its full status history, oldest first. No access
 * check: the caller (the case page's loader, the custody report) decides who
 * may see this, and runs it in its own transaction or on the pool.
 */
export async function loadTakedownHistory(conn: Conn, caseId: string): Promise<TakedownLocationView[]> {
  const recorder = alias(users, 'recorder');
  const locations = await conn
    .select({ l: onlineLocations, recordedByName: recorder.name })
    .from(onlineLocations)
    .innerJoin(recorder, eq(recorder.id, onlineLocations.recordedBy))
    .where(eq(onlineLocations.caseId, caseId))
    .orderBy(asc(onlineLocations.firstSeenAt), asc(onlineLocations.recordedAt), asc(onlineLocations.id));
  if (locations.length === 0) return [];
  const requests = await conn
    .select()
    .from(takedownRequests)
    .where(eq(takedownRequests.caseId, caseId))
    .orderBy(asc(takedownRequests.requestedAt), asc(takedownRequests.id));
  const updates = requests.length
    ? await conn
        .select({ u: takedownUpdates, actorName: users.name })
        .from(takedownUpdates)
        .leftJoin(users, eq(users.id, takedownUpdates.actorId))
        .where(
          inArray(
            takedownUpdates.requestId,
            requests.map((r) => r.id),
          ),
        )
        .orderBy(asc(takedownUpdates.at), asc(takedownUpdates.id))
    : [];

  const updatesOf = new Map<string, TakedownUpdateView[]>();
  for (const { u, actorName } of updates) {
    const list = updatesOf.get(u.requestId) ?? [];
    list.push({ status: u.status, at: u.at, note: decryptOptional(u.noteEnc), actorId: u.actorId, actorName });
    updatesOf.set(u.requestId, list);
  }
  const requestsOf = new Map<string, TakedownRequestView[]>();
  for (const r of requests) {
    const list = requestsOf.get(r.locationId) ?? [];
    list.push({
      id: r.id,
      target: r.target,
      requestedAt: r.requestedAt,
      referenceNo: r.referenceNo,
      status: r.status,
      statusAt: r.statusAt,
      nextReminderAt: r.nextReminderAt,
      version: r.version,
      createdBy: r.createdBy,
      updates: updatesOf.get(r.id) ?? [],
    });
    requestsOf.set(r.locationId, list);
  }
  return locations.map(({ l, recordedByName }) => ({
    id: l.id,
    platform: l.platform,
    url: decrypt(l.urlEnc),
    firstSeenAt: l.firstSeenAt,
    firstSeenBy: decrypt(l.firstSeenByEnc),
    recordedBy: l.recordedBy,
    recordedByName,
    recordedAt: l.recordedAt,
    requests: requestsOf.get(l.id) ?? [],
  }));
}

/** What the case page shows of a location: the address and free texts only to those who act on it. */
export type TakedownPanelLocation = Omit<TakedownLocationView, 'url' | 'firstSeenBy' | 'requests'> & {
  url: string | null;
  firstSeenBy: string | null;
  /** `allowed`: the statuses this actor may move the request to now (none for those who only read). */
  requests: (TakedownRequestView & { allowed: readonly TakedownStatus[] })[];
};
/** `asOf`: when it was read, which the forms' "now" starts from so the server and the browser render the same value. */
export type TakedownPanel = { summary: TakedownSummary; locations: TakedownPanelLocation[]; mayManage: boolean; reminderDays: number; asOf: Date };

/** The case page's takedown section. A case the actor cannot open is not found. */
export async function loadTakedownPanel(caseId: string, actor: Actor, now: Date = new Date()): Promise<TakedownPanel> {
  const c = await getCaseRow(db, caseId);
  if (!c || !canViewCase(actor, c)) throw new DomainError('not_found');
  const mayManage = mayManageTakedowns(actor, c);
  const details = maySeeTakedownDetails(actor, c);
  const history = await loadTakedownHistory(db, caseId);
  return {
    summary: summarizeTakedowns(history),
    asOf: now,
    mayManage,
    reminderDays: reminderIntervalDays(c.reportedAt),
    locations: history.map((l) => ({
      ...l,
      url: details ? l.url : null,
      firstSeenBy: details ? l.firstSeenBy : null,
      requests: l.requests.map((r) => ({
        ...r,
        allowed: mayManage ? nextStatuses(r.status) : [],
        updates: r.updates.map((u) => ({ ...u, note: details ? u.note : null })),
      })),
    })),
  };
}
