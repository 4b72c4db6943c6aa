import type { Actor } from '@/lib/auth/roles';
import type { CaseView } from '@/lib/cases/service';

/** What every proceedings section receives from the case page. */
export type SectionProps = { view: CaseView; actor: Actor; now: Date };
