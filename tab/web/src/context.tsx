import { createContext, useContext } from 'react';
import { tekstIn, type Locale } from '@shared/i18n/basis';
import { vertaal } from './berichten';
import type { TabRol } from '../../api/auth';
import type { Aanmelding } from './api';

/** What every page needs: language, translate function, the API credentials and the caller's roles. */
export interface TabContext {
  locale: Locale;
  t: (key: string, params?: Record<string, string | number>) => string;
  tekst: (x: { nl: string; en?: string }) => string;
  aanmelding: Aanmelding;
  rollen: TabRol[];
  lokaal: boolean;
}

export function maakContext(locale: Locale, aanmelding: Aanmelding, rollen: TabRol[], lokaal: boolean): TabContext {
  return {
    locale,
    t: (key, params) => vertaal(locale, `tab.${key}`, params),
    tekst: (x) => tekstIn(locale, x),
    aanmelding,
    rollen,
    lokaal,
  };
}

export const TabCtx = createContext<TabContext>(maakContext('nl', {}, ['medewerker'], true));

/** The tab context of the current page. */
export function useTab(): TabContext {
  return useContext(TabCtx);
}
