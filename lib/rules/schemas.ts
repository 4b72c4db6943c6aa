/**
 * Runtime validation of the rules inputs, for callers receiving JSON (REST API,
 * forms, imports). The rules functions themselves only throw RangeError on
 * malformed instants, dates and scores.
 */
import { z } from 'zod';
import { isDate, isInstant } from './time';
import { CATEGORIES, EVENT_TYPES, SCHOOL_COURSES, SCHOOL_LEVELS, SEPARATION_EXEMPTION_REASONS } from './types';

export const instantSchema = z.string().refine(isInstant, { message: 'ISO-8601 instant with offset required' });
export const dateSchema = z.string().refine(isDate, { message: 'YYYY-MM-DD date required' });

export const categorySchema = z.enum(CATEGORIES);
export const eventTypeSchema = z.enum(EVENT_TYPES);
export const separationExemptionReasonSchema = z.enum(SEPARATION_EXEMPTION_REASONS);

const measureNumbers = z.array(z.number().int().min(1).max(9));

export const caseEventSchema = z
  .object({
    type: eventTypeSchema,
    at: instantSchema,
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.type === 'separation_exempted') {
      const r = separationExemptionReasonSchema.safeParse(e.data?.reason);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['data', 'reason'], message: 'unknown separation exemption reason' });
    }
    if (e.type === 'categories_changed' && !z.array(categorySchema).safeParse(e.data?.categories).success) {
      ctx.addIssue({ code: 'custom', path: ['data', 'categories'], message: 'categories required' });
    }
    if (e.type === 'stay_granted' && e.data?.measures !== undefined && !measureNumbers.safeParse(e.data.measures).success) {
      ctx.addIssue({ code: 'custom', path: ['data', 'measures'], message: 'measures 1–9 required' });
    }
    if (e.type === 'appeal_filed') {
      if (!z.enum(['victim', 'perpetrator']).safeParse(e.data?.side).success) {
        ctx.addIssue({ code: 'custom', path: ['data', 'side'], message: 'victim or perpetrator required' });
      }
      if (!z.enum(['administrative_appeal', 'lawsuit']).safeParse(e.data?.kind).success) {
        ctx.addIssue({ code: 'custom', path: ['data', 'kind'], message: 'administrative_appeal or lawsuit required' });
      }
    }
    if (e.type === 'decision_made') {
      const p = measureNumbers.safeParse(e.data?.perpetratorMeasures);
      const v = z.array(z.number().int().min(1).max(6)).safeParse(e.data?.victimMeasures);
      if (!p.success) ctx.addIssue({ code: 'custom', path: ['data', 'perpetratorMeasures'], message: 'measures 1–9 required' });
      if (!v.success) ctx.addIssue({ code: 'custom', path: ['data', 'victimMeasures'], message: 'measures 1–6 required' });
    }
  });

export const calendarSchema = z.object({ holidays: z.array(dateSchema) });

export const deadlineInputSchema = z.object({
  jurisdiction: z.literal('KR'),
  reportedAt: instantSchema,
  categories: z.array(categorySchema),
  events: z.array(caseEventSchema),
  now: instantSchema,
  calendar: calendarSchema.optional(),
});

const score = z.literal([0, 1, 2, 3, 4]);

export const rubricInputSchema = z.object({
  scores: z.object({ severity: score, persistence: score, intent: score, remorse: score, reconciliation: score }),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  course: z.enum(SCHOOL_COURSES).optional(),
  adjustment: z.enum(['aggravate', 'mitigate']).nullable().optional(),
  protectionNeeded: z.boolean().optional(),
  guidanceNeeded: z.boolean().optional(),
});

export const retentionInputSchema = z.object({
  measure: z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9]),
  reportedAt: instantSchema,
  graduationDate: dateSchema,
  entryYear: z.number().int().min(1900).max(9999).optional(),
  priorMeasureInLevel: z.boolean().optional(),
  fulfilled: z.boolean().optional(),
});
