import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { getCaseEvents, getCaseHeader, getCaseParties, getSchoolWithOffice, loadExtraHolidays } from '@/db/queries/cases';
import { caseCounters, caseEvents, caseParties, cases, schools } from '@/db/schema';
import { appendAudit } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { decrypt, decryptOptional, encrypt, encryptOptional, masterKey } from '@/lib/crypto/keys';
import { pseudonymFor } from '@/lib/crypto/field';
import { DomainError } from '@/lib/errors';
import { isSexualCase, kstDateOf, rulebookFor, type Category } from '@/lib/rules';
import { canSeeIdentities, canViewCase } from './access';
import type { Ctx } from './ctx';
import { caseDeadlines } from './deadlines';
import { activeTeam, seedTeamAtIntake } from './team';
import type { CaseStepData, FileCaseData } from './schemas';
import { applyStep, caseSnapshot, refreshDeadlines } from './step-engine';
import { availableActions, type CaseActionInput } from './workflow';

/**
 * Files a report. The idempotency key makes a double submit return the first
 * case: the key is locked, checked, and only then is a number drawn, so a
 * retried submit neither duplicates the case nor burns a case number.
 */
export async function fileCase(input: FileCaseData, { actor, ip, now = new Date() }: Ctx): Promise<{ id: string; caseNumber: string; created: boolean }> {
  if (new Date(input.reportedAt).getTime() > now.getTime() + 60_000)
    throw new DomainError('invalid_input', 'reported in the future', { reportedAt: ['futureDate'] });
  if (new Date(input.occurredAt).getTime() > now.getTime() + 60_000)
    throw new DomainError('invalid_input', 'occurred in the future', { occurredAt: ['futureDate'] });

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case-idem:${input.idempotencyKey}`}))`);
    const [existing] = await tx
      .select({ id: cases.id, caseNumber: cases.caseNumber, createdBy: cases.createdBy })
      .from(cases)
      .where(eq(cases.idempotencyKey, input.idempotencyKey));
    if (existing) {
      if (existing.createdBy !== actor.userId) throw new DomainError('conflict');
      return { id: existing.id, caseNumber: existing.caseNumber, created: false };
    }

    const place = await getSchoolWithOffice(tx, input.schoolId);
    if (!place) throw new DomainError('invalid_input', 'unknown school', { schoolId: ['required'] });
    if (!can(actor, 'case.file', { kind: 'school', schoolId: place.school.id, officeId: place.office.id })) throw new DomainError('forbidden');

    const partySchoolIds = [...new Set(input.parties.flatMap((p) => (p.schoolMode === 'listed' && p.schoolId ? [p.schoolId] : [])))];
    const partySchools = partySchoolIds.length
      ? await tx
          .select({ id: schools.id, name: schools.name })
          .from(schools)
          .where(sql`${schools.id} in ${partySchoolIds}`)
      : [];
    if (partySchools.length !== partySchoolIds.length) throw new DomainError('invalid_input', 'unknown party school', { parties: ['unknownSchool'] });

    const year = Number(kstDateOf(input.reportedAt).slice(0, 4));
    const [counter] = await tx
      .insert(caseCounters)
      .values({ officeId: place.office.id, year, lastSeq: 1 })
      .onConflictDoUpdate({ target: [caseCounters.officeId, caseCounters.year], set: { lastSeq: sql`${caseCounters.lastSeq} + 1` } })
      .returning({ seq: caseCounters.lastSeq });
    const seq = counter!.seq;
    const caseNumber = `${place.office.shortName}-${year}-${String(seq).padStart(4, '0')}`;

    const [created] = await tx
      .insert(cases)
      .values({
        caseNumber,
        officeId: place.office.id,
        schoolId: place.school.id,
        year,
        seq,
        reportedAt: new Date(input.reportedAt),
        occurredAt: new Date(input.occurredAt),
        location: input.location,
        learnedVia: input.learnedVia,
        reporterType: input.reporterType,
        categories: input.categories,
        summaryEnc: encrypt(input.summary),
        restricted: isSexualCase(input.categories as Category[]),
        createdBy: actor.userId,
        idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: cases.id });
    const caseId = created!.id;

    const key = masterKey();
    await tx.insert(caseParties).values(
      input.parties.map((p, position) => {
        const schoolId = p.schoolMode === 'own' ? place.school.id : p.schoolMode === 'listed' ? p.schoolId! : null;
        const schoolLabel = schoolId ?? `other:${p.otherSchoolName ?? ''}`;
        return {
          caseId,
          role: p.role,
          nameEnc: encrypt(p.name),
          pseudonym: pseudonymFor(key, { name: p.name, birthDate: p.birthDate ?? null, school: schoolLabel }),
          schoolId,
          otherSchoolName: p.schoolMode === 'other' ? (p.otherSchoolName ?? null) : null,
          grade: p.grade ?? null,
          classNo: p.classNo ?? null,
          birthDateEnc: encryptOptional(p.birthDate),
          guardianNameEnc: encryptOptional(p.guardianName),
          guardianContactEnc: encryptOptional(p.guardianContact),
          position,
        };
      }),
    );

    const reportedAt = new Date(input.reportedAt);
    const filed: (typeof caseEvents.$inferInsert)[] = [
      { caseId, type: 'case_filed', occurredAt: reportedAt, recordedAt: now, actorId: actor.userId, data: {} },
    ];
    // Act 17 (2023 amendment): from 2024-03-01 the no-contact/no-retaliation order stands from the report itself.
    if (rulebookFor(input.reportedAt).contactBanAutomatic) {
      filed.push({ caseId, type: 'contact_ban_in_force', occurredAt: reportedAt, recordedAt: now, actorId: actor.userId, data: { automatic: true } });
    }
    await tx.insert(caseEvents).values(filed);
    await refreshDeadlines(tx, caseId, now);
    await appendAudit(
      tx,
      {
        action: 'case.filed',
        actorId: actor.userId,
        targetType: 'case',
        targetId: caseId,
        ip,
        detail: { caseNumber, categories: input.categories, parties: input.parties.length },
      },
      now,
    );
    if (isSexualCase(input.categories as Category[]))
      await seedTeamAtIntake(
        tx,
        { id: caseId, schoolId: place.school.id, officeId: place.office.id, createdBy: actor.userId },
        { actorId: actor.userId, now, ip },
      );
    return { id: caseId, caseNumber, created: true };
  });
}

/** Records one school-stage step from the generic step form. */
export async function recordStep(input: CaseStepData, ctx: Ctx): Promise<{ status: string }> {
  return db.transaction(async (tx) => {
    const { caseId, ...action } = input;
    const { status } = await applyStep(tx, caseId, action as CaseActionInput, ctx, async (row) => {
      if (input.type !== 'record_guardian_notice' && input.type !== 'take_emergency_measure') return;
      const partyId = input.type === 'record_guardian_notice' ? input.guardianPartyId : input.perpetratorPartyId;
      const field = input.type === 'record_guardian_notice' ? 'guardianPartyId' : 'perpetratorPartyId';
      const [party] = await tx
        .select({ role: caseParties.role })
        .from(caseParties)
        .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, row.id)));
      if (!party) throw new DomainError('invalid_input', 'party not on case', { [field]: ['required'] });
      if (input.type === 'take_emergency_measure' && party.role !== 'alleged_perpetrator' && party.role !== 'both')
        throw new DomainError('invalid_input', 'not a perpetrator', { perpetratorPartyId: ['notPerpetrator'] });
    });
    return { status };
  });
}

/**
 * Everything the case page shows. Opening a case is itself audited, in the
 * same transaction as the read; auditors get pseudonyms, never names.
 */
export async function viewCase(caseId: string, { actor, ip, now = new Date() }: Ctx) {
  return db.transaction(async (tx) => {
    const header = await getCaseHeader(tx, caseId);
    if (!header || !canViewCase(actor, header.c)) throw new DomainError('not_found');
    const identities = canSeeIdentities(actor, header.c);
    const [events, partyRows, extra, team] = await Promise.all([
      getCaseEvents(tx, caseId),
      getCaseParties(tx, caseId),
      loadExtraHolidays(tx),
      header.c.restricted ? activeTeam(tx, caseId) : null,
    ]);
    await appendAudit(tx, { action: 'case.viewed', actorId: actor.userId, targetType: 'case', targetId: caseId, ip, detail: { identities } }, now);

    const c = header.c;
    const deadlines = caseDeadlines({ reportedAt: c.reportedAt, categories: c.categories, events, extraHolidays: extra }, now);
    const snapshot = caseSnapshot(c, events);
    return {
      case: {
        id: c.id,
        caseNumber: c.caseNumber,
        status: c.status,
        reportedAt: c.reportedAt,
        occurredAt: c.occurredAt,
        location: c.location,
        learnedVia: c.learnedVia,
        reporterType: c.reporterType,
        categories: c.categories,
        restricted: c.restricted,
        summary: identities ? decrypt(c.summaryEnc) : null,
        schoolName: header.schoolName,
        schoolLevel: header.schoolLevel,
        officeName: header.officeName,
        version: c.version,
      },
      identities,
      parties: partyRows.map(({ party: p, schoolName }) => ({
        id: p.id,
        role: p.role,
        label: identities ? decrypt(p.nameEnc) : p.pseudonym,
        pseudonym: p.pseudonym,
        school: schoolName ?? p.otherSchoolName ?? null,
        grade: p.grade,
        classNo: p.classNo,
        birthDate: identities ? decryptOptional(p.birthDateEnc) : null,
        guardianName: identities ? decryptOptional(p.guardianNameEnc) : null,
        guardianContact: identities ? decryptOptional(p.guardianContactEnc) : null,
      })),
      // Free-text notes can name students: pseudonym-only viewers get the facts without them.
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actorName: e.actorName,
        data: identities ? openNote(e.data) : withoutNote(e.data),
      })),
      deadlines,
      actions: availableActions(snapshot, actor),
      /** A restricted case's named team; null for an ordinary case. */
      team,
    };
  });
}

function openNote(data: Record<string, unknown>): Record<string, unknown> {
  const { noteEnc, ...rest } = data;
  return typeof noteEnc === 'string' ? { ...rest, note: decrypt(noteEnc) } : rest;
}

function withoutNote(data: Record<string, unknown>): Record<string, unknown> {
  const { note: _note, noteEnc: _noteEnc, ...rest } = data;
  return rest;
}

export type CaseView = Awaited<ReturnType<typeof viewCase>>;
