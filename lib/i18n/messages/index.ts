import koAdmin from './ko/admin.json';
import koAuth from './ko/auth.json';
import koCases from './ko/cases.json';
import koCommon from './ko/common.json';
import koHome from './ko/home.json';
import koNotifications from './ko/notifications.json';
import koVocab from './ko/vocab.json';
import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enCases from './en/cases.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enNotifications from './en/notifications.json';
import enVocab from './en/vocab.json';

/** One file per area, so features add messages without touching each other's files. */
export const messages = {
  ko: { ...koCommon, ...koAuth, ...koAdmin, ...koHome, ...koVocab, ...koCases, ...koNotifications },
  en: { ...enCommon, ...enAuth, ...enAdmin, ...enHome, ...enVocab, ...enCases, ...enNotifications },
};

export type Messages = (typeof messages)['ko'];
