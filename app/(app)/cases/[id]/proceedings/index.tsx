import { CommitteeSection } from './committee-section';
import { DecisionSection } from './decision-section';
import { ExecutionSection } from './execution-section';
import { InvestigationSection } from './investigation-section';
import type { SectionProps } from './types';

/** The steps after the school's first ones, each area in its own section. */
export function Proceedings(props: SectionProps) {
  return (
    <>
      <InvestigationSection {...props} />
      <CommitteeSection {...props} />
      <DecisionSection {...props} />
      <ExecutionSection {...props} />
    </>
  );
}
