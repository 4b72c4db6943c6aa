/**
 * Where each area keeps the messages for its own error keys. A form names its
 * area; keys the area does not define come from the shared `errors` namespace.
 */
export const ERROR_AREAS = {
  cases: 'cases.fieldErrors',
  committee: 'committee.fieldErrors',
  decision: 'decision.fieldErrors',
  evidence: 'evidence.fieldErrors',
  execution: 'execution.errors',
  holidays: 'home.holidays.errors',
  investigation: 'investigation.fieldErrors',
  takedowns: 'takedowns.fieldErrors',
  team: 'team.errors',
} as const;

export type ErrorArea = keyof typeof ERROR_AREAS;

/**
 * The message paths tried for an error key, most specific first: the area's
 * own wording (it knows the rule behind the key, e.g. `cases.fieldErrors.tooEarly`
 * names the one-year limit), then the generic `errors` text.
 */
export function errorMessagePaths(key: string, area: ErrorArea | null | undefined): string[] {
  return area ? [`${ERROR_AREAS[area]}.${key}`, `errors.${key}`] : [`errors.${key}`];
}

/**
 * The text for an error key: the first path `translate` knows, or else the key
 * as given (a zod default message, which is already text). `translate`
 * returns undefined for a path without a message.
 */
export function resolveErrorMessage(key: string, area: ErrorArea | null | undefined, translate: (path: string) => string | undefined): string {
  for (const path of errorMessagePaths(key, area)) {
    const text = translate(path);
    if (text !== undefined) return text;
  }
  return key;
}
