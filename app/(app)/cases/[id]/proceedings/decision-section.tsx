import type { SectionProps } from './types';

/** Placeholder until the decision steps land. */
export async function DecisionSection(_props: SectionProps) {
  return null;
}
