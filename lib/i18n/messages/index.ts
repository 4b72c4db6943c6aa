import koAdmin from './ko/admin.json';
import koAuth from './ko/auth.json';
import koCases from './ko/cases.json';
import koCommon from './ko/common.json';
import koHome from './ko/home.json';
import koNotifications from './ko/notifications.json';
import koVocab from './ko/vocab.json';
import koExecution from './ko/execution.json';
import koDecision from './ko/decision.json';
import koCommittee from './ko/committee.json';
import koInvestigation from './ko/investigation.json';
import koAudit from './ko/audit.json';
import koEvidence from './ko/evidence.json';
import koTakedowns from './ko/takedowns.json';
import koTeam from './ko/team.json';
import koRetention from './ko/retention.json';
import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enCases from './en/cases.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enNotifications from './en/notifications.json';
import enVocab from './en/vocab.json';
import enExecution from './en/execution.json';
import enDecision from './en/decision.json';
import enCommittee from './en/committee.json';
import enInvestigation from './en/investigation.json';
import enAudit from './en/audit.json';
import enEvidence from './en/evidence.json';
import enTakedowns from './en/takedowns.json';
import enTeam from './en/team.json';
import enRetention from './en/retention.json';

/** One file per area, so features add messages without touching each other's files. */
export const messages = {
  ko: {
    ...koCommon,
    ...koAuth,
    ...koAdmin,
    ...koHome,
    ...koVocab,
    ...koCases,
    ...koNotifications,
    ...koInvestigation,
    ...koCommittee,
    ...koDecision,
    ...koExecution,
    ...koAudit,
    ...koEvidence,
    ...koTakedowns,
    ...koTeam,
    ...koRetention,
  },
  en: {
    ...enCommon,
    ...enAuth,
    ...enAdmin,
    ...enHome,
    ...enVocab,
    ...enCases,
    ...enNotifications,
    ...enInvestigation,
    ...enCommittee,
    ...enDecision,
    ...enExecution,
    ...enAudit,
    ...enEvidence,
    ...enTakedowns,
    ...enTeam,
    ...enRetention,
  },
};

export type Messages = (typeof messages)['ko'];
