import { NOTICE_LANGS } from '@/lib/i18n/config';
import { z } from 'zod';
import { kstDateTime, optionalText } from '@/lib/schema-fields';
import type { RubricInput, SchoolLevel, Score } from '@/lib/rules/types';
import { ADJUSTMENTS, DELIVERY_METHODS, PERPETRATOR_MEASURES, RUBRIC_FACTORS, VICTIM_MEASURES, isPeriodMeasure } from './measures';
import { reviewDecision } from './review';

/**
 * The decision forms' schemas, shared by the browser (zodResolver) and the
 * server actions. Inputs are what the forms hold (checkbox values and selects
 * are strings); outputs are what the services store. Messages are keys,
 * translated under `errors` or `decision.fieldErrors`.
 */

const uuid = z.string().uuid('required');

/** A checkbox group: react-hook-form gives an array, a lone box a string, none `false`. */
const checkedNumbers = <T extends readonly number[]>(allowed: T) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : v === false || v === undefined || v === null || v === '' ? [] : [v]),
    z.array(z.coerce.number().refine((n): n is T[number] => allowed.includes(n), 'invalidNumber')),
  );

const score = z.enum(['0', '1', '2', '3', '4'], { message: 'required' }).transform((v) => Number(v) as Score);

/** Days, for measures 2, 5 and 6; the law sets no cap (suspension's was removed in 2012), three years is a sanity bound. */
export const MAX_PERIOD_DAYS = 1095;
const periodField = z.string().trim().optional();

/** The period of one measure from its text box: a whole number of days, or the error key. */
function parsePeriod(raw: string | undefined): number | 'periodRequired' | 'invalidNumber' {
  if (!raw) return 'periodRequired';
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PERIOD_DAYS ? n : 'invalidNumber';
}

export const RATIFICATION_OUTCOMES = ['', 'ratified', 'not_ratified'] as const;

export const saveDecisionInput = z
  .object({
    caseId: uuid,
    perpetratorPartyId: uuid,
    /** The version the form loaded; 0 when there is no saved decision yet. */
    version: z.coerce.number().int().min(0),
    notSchoolViolence: z.boolean(),
    scores: z.object(Object.fromEntries(RUBRIC_FACTORS.map((f) => [f, score])) as Record<(typeof RUBRIC_FACTORS)[number], typeof score>),
    adjustment: z.enum(ADJUSTMENTS),
    protectionNeeded: z.boolean(),
    guidanceNeeded: z.boolean(),
    measures: checkedNumbers(PERPETRATOR_MEASURES),
    periodDays: z.object({ m2: periodField, m5: periodField, m6: periodField }),
    overrideReason: optionalText(2000),
    ratifications: z
      .array(z.object({ eventId: z.string().regex(/^\d+$/, 'required'), outcome: z.enum(RATIFICATION_OUTCOMES), note: optionalText(1000) }))
      .max(50),
  })
  .superRefine((d, ctx) => {
    if (d.notSchoolViolence && d.measures.length > 0) ctx.addIssue({ code: 'custom', path: ['measures'], message: 'noMeasuresWhenNotViolence' });
    for (const m of d.measures) {
      if (!isPeriodMeasure(m)) continue;
      const period = parsePeriod(d.periodDays[`m${m}` as 'm2' | 'm5' | 'm6']);
      if (typeof period === 'string') ctx.addIssue({ code: 'custom', path: ['periodDays', `m${m}`], message: period });
    }
  })
  .transform((d) => ({
    caseId: d.caseId,
    perpetratorPartyId: d.perpetratorPartyId,
    version: d.version,
    notSchoolViolence: d.notSchoolViolence,
    rubric: {
      scores: d.scores,
      adjustment: d.adjustment === 'none' ? null : d.adjustment,
      protectionNeeded: d.protectionNeeded,
      guidanceNeeded: d.guidanceNeeded,
    } satisfies Omit<RubricInput, 'schoolLevel'>,
    measures: [...new Set(d.measures)]
      .sort((a, b) => a - b)
      .map((measure) =>
        isPeriodMeasure(measure) ? { measure, periodDays: parsePeriod(d.periodDays[`m${measure}` as 'm2' | 'm5' | 'm6']) as number } : { measure },
      ),
    overrideReason: d.overrideReason,
    /** Only answered ratifications are stored; an unanswered one blocks finalising, not saving. */
    ratifications: d.ratifications.flatMap((r) =>
      r.outcome ? [{ eventId: r.eventId, ratified: r.outcome === 'ratified', ...(r.note ? { note: r.note } : {}) }] : [],
    ),
  }));
export type SaveDecisionInput = z.input<typeof saveDecisionInput>;
export type SaveDecisionData = z.output<typeof saveDecisionInput>;
export type DecidedMeasure = SaveDecisionData['measures'][number];
export type Ratification = SaveDecisionData['ratifications'][number];

export const saveVictimMeasuresInput = z.object({
  caseId: uuid,
  victimPartyId: uuid,
  measures: checkedNumbers(VICTIM_MEASURES),
  note: optionalText(1000),
});
export type SaveVictimMeasuresInput = z.input<typeof saveVictimMeasuresInput>;
export type SaveVictimMeasuresData = z.output<typeof saveVictimMeasuresInput>;

const partyIds = z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(uuid).min(1, 'recipientRequired').max(50));

export const finaliseDecisionInput = z.object({ caseId: uuid, occurredAt: kstDateTime });
export type FinaliseDecisionInput = z.input<typeof finaliseDecisionInput>;
export type FinaliseDecisionData = z.output<typeof finaliseDecisionInput>;

/** Act 16③: the office carries out victim measures with the guardian's consent. */
export const recordVictimMeasuresTakenInput = z.object({
  caseId: uuid,
  occurredAt: kstDateTime,
  guardianConsent: z.boolean().refine((v) => v, 'guardianConsentRequired'),
  note: optionalText(2000),
});
export type RecordVictimMeasuresTakenInput = z.input<typeof recordVictimMeasuresTakenInput>;
export type RecordVictimMeasuresTakenData = z.output<typeof recordVictimMeasuresTakenInput>;

export const recordDispositionNoticeInput = z.object({
  caseId: uuid,
  occurredAt: kstDateTime,
  recipientPartyIds: partyIds,
  method: z.enum(DELIVERY_METHODS, { message: 'required' }),
  note: optionalText(2000),
});
export type RecordDispositionNoticeInput = z.input<typeof recordDispositionNoticeInput>;
export type RecordDispositionNoticeData = z.output<typeof recordDispositionNoticeInput>;

export const noticeQuery = z.object({ party: z.string().uuid(), lang: z.enum(NOTICE_LANGS).catch('ko') });

/**
 * The decision form's schema for one student's school level: the shared
 * shape plus the review the server repeats (expulsion bar, override reason).
 */
export function saveDecisionInputFor(schoolLevel: SchoolLevel) {
  return saveDecisionInput.superRefine((d, ctx) => {
    for (const issue of reviewDecision(d, schoolLevel).issues) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
}
