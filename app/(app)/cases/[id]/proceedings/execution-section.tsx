import type { SectionProps } from './types';

/** Placeholder until the execution steps land. */
export async function ExecutionSection(_props: SectionProps) {
  return null;
}
