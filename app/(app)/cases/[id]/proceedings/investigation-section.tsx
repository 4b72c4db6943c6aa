import type { SectionProps } from './types';

/** Placeholder until the investigation steps land. */
export async function InvestigationSection(_props: SectionProps) {
  return null;
}
