/**
 * How the dashboard reads a set of clocks. Pure.
 *
 * For a task or cap key, every applicable clock is exactly one of:
 * - met: its meeting event came at or before the due time;
 * - met late: the event came after the due time;
 * - past due: no event and the due time has passed — "breached still open"
 *   while the case is open, "breached, closed" once it was closed unmet;
 * - pending: no event and the due time is still ahead.
 *
 * *Late* is met late plus past due. The *late share* is late over the clocks
 * that have been decided one way or the other (met + late); pending clocks
 * are not yet either, so they are left out. For the appeal window (a period,
 * not a task) only open and closed apply.
 */

export type ClockTally = {
  clocks: number;
  met: number;
  metLate: number;
  unmet: number;
  /** Unmet clocks whose due time has passed. */
  pastDue: number;
  /** Past due in a case that is not closed. */
  breachedOpen: number;
};

export type ClockFigures = ClockTally & {
  pending: number;
  breachedClosed: number;
  late: number;
  /** 0–1, or null when nothing is decided yet. */
  lateShare: number | null;
};

export const EMPTY_TALLY: ClockTally = { clocks: 0, met: 0, metLate: 0, unmet: 0, pastDue: 0, breachedOpen: 0 };

export function addTallies(a: ClockTally, b: Partial<ClockTally>): ClockTally {
  return {
    clocks: a.clocks + (b.clocks ?? 0),
    met: a.met + (b.met ?? 0),
    metLate: a.metLate + (b.metLate ?? 0),
    unmet: a.unmet + (b.unmet ?? 0),
    pastDue: a.pastDue + (b.pastDue ?? 0),
    breachedOpen: a.breachedOpen + (b.breachedOpen ?? 0),
  };
}

export function clockFigures(t: ClockTally): ClockFigures {
  const late = t.metLate + t.pastDue;
  const decided = t.met + late;
  return { ...t, pending: t.unmet - t.pastDue, breachedClosed: t.pastDue - t.breachedOpen, late, lateShare: decided > 0 ? late / decided : null };
}

/**
 * percentile_cont over a histogram, from the two neighbouring values and the
 * fraction between them (computed in SQL, see queries.ts): lo + frac × (hi − lo).
 */
export function interpolate(lo: number | null, hi: number | null, frac: number | null): number | null {
  if (lo === null || hi === null) return null;
  return lo + (frac ?? 0) * (hi - lo);
}

/** Hours as days, for display. */
export function hoursToDays(hours: number | null): number | null {
  return hours === null ? null : hours / 24;
}

/** Sorts table rows by a figure; equal (and missing) values fall back to the label, so the order is stable. */
export function sortRows<T extends { label: string; figures: ClockFigures }>(
  rows: readonly T[],
  by: 'late_share' | 'late' | 'breached_open' | 'clocks' | 'name',
  dir: 'asc' | 'desc',
): T[] {
  const value = (r: T): number | null => {
    switch (by) {
      case 'late_share':
        return r.figures.lateShare;
      case 'late':
        return r.figures.late;
      case 'breached_open':
        return r.figures.breachedOpen;
      case 'clocks':
        return r.figures.clocks;
      case 'name':
        return null;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (by !== 'name') {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb !== null) return 1;
      if (vb === null && va !== null) return -1;
      if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
      return a.label.localeCompare(b.label, 'ko');
    }
    return sign * a.label.localeCompare(b.label, 'ko');
  });
}
