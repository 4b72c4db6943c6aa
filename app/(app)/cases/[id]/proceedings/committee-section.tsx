import type { SectionProps } from './types';

/** Placeholder until the committee steps land. */
export async function CommitteeSection(_props: SectionProps) {
  return null;
}
