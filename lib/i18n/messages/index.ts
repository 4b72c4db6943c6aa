import koAdmin from './ko/admin.json';
import koAuth from './ko/auth.json';
import koCommon from './ko/common.json';
import koHome from './ko/home.json';
import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';

/** One file per area, so features add messages without touching each other's files. */
export const messages = {
  ko: { ...koCommon, ...koAuth, ...koAdmin, ...koHome },
  en: { ...enCommon, ...enAuth, ...enAdmin, ...enHome },
};

export type Messages = (typeof messages)['ko'];
