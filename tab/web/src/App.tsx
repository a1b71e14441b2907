import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Button,
  FluentProvider,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import type { TabRol } from '../../api/auth';
import { magPagina } from '../../api/pagina-rollen';
import { api, ApiFout, tokenFoutSoort, TOKEN_FOUT_TEKST, type TokenFoutSoort } from './api';
import { maakContext, TabCtx } from './context';
import { devRol, type Omgeving } from './omgeving';
import { laadThema } from './thema';
import { Portal } from './pages/Portal';

const Dilemma = lazy(() => import('./pages/Dilemma').then((m) => ({ default: m.Dilemma })));
const Sessie = lazy(() => import('./pages/Sessie').then((m) => ({ default: m.Sessie })));
const Dashboard = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.Dashboard })));

/** The pages: path → title key. Each path is a static tab's contentUrl. */
export const PAGINAS = [
  { pad: '/', titel: 'nav.portal' },
  { pad: '/dilemma', titel: 'nav.dilemma' },
  { pad: '/sessie', titel: 'nav.sessie' },
  { pad: '/dashboard', titel: 'nav.dashboard' },
] as const;

const DEV_ROLLEN: TabRol[] = ['medewerker', 'manager', 'hr', 'integriteitscoordinator', 'vertrouwenspersoon', 'adviseurVpt'];

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    // A field or select never grows wider than its column (a long dilemma title made the page scroll sideways at 375 px).
    '& .fui-Field': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select__select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  },
  kop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  merk: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none' },
  actief: { fontWeight: tokens.fontWeightBold, textDecorationLine: 'underline' },
  main: {
    // A word longer than the line (a Dutch compound in a dilemma title, an address) breaks instead of pushing the
    // page sideways at 375 px; break-word leaves the layout's min-content sizes alone, so tables keep their columns.
    overflowWrap: 'break-word',
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}` },
  },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  dev: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** Keep `theme`, `lang` and `rol` when moving between pages outside Teams. */
function href(pad: string, search: string): string {
  const q = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const k of ['theme', 'lang', 'rol']) {
    const v = q.get(k);
    if (v) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `${pad}?${s}` : pad;
}

/** App shell: theme (`thema` from laadThema, then following Teams live), language, banners, navigation and the page for `pad`. */
export function App({ omgeving, pad, search, thema: beginThema }: { omgeving: Omgeving; pad: string; search: string; thema: Theme }) {
  const s = useStyles();
  const [thema, setThema] = useState<Theme>(beginThema);
  const [rol, setRol] = useState<TabRol>(() => devRol(search));
  const [rollen, setRollen] = useState<TabRol[] | null>(null);
  const [modus, setModus] = useState<'sso' | 'lokaal' | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  // Sign-in in a real tenant: a consent button when Teams needs consent, a new /ik attempt after it.
  const [aanmeldFout, setAanmeldFout] = useState<TokenFoutSoort | null>(null);
  const [poging, setPoging] = useState(0);
  const [toestemmingBezig, setToestemmingBezig] = useState(false);
  const [nogGeenToestemming, setNogGeenToestemming] = useState(false);
  const [aanmeldInfo, setAanmeldInfo] = useState<{ modus: 'sso' | 'lokaal'; teamsAppId?: string } | null>(null);

  useEffect(() => omgeving.opThemaWissel?.((naam) => void laadThema(naam).then(setThema)), [omgeving]);
  useEffect(() => {
    document.documentElement.lang = omgeving.locale;
  }, [omgeving.locale]);

  const aanmelding = useMemo(
    () => (omgeving.token ? { token: omgeving.token, locale: omgeving.locale } : { devRol: rol, locale: omgeving.locale }),
    [omgeving, rol],
  );
  useEffect(() => {
    api<{ modus: 'sso' | 'lokaal'; rollen: TabRol[] }>(aanmelding, '/ik').then(
      (ik) => {
        setRollen(ik.rollen);
        setModus(ik.modus);
        setFout(null);
        setAanmeldFout(null);
      },
      (e: Error) => {
        if (poging > 0 && e instanceof ApiFout && e.aanmelding === 'toestemming') setNogGeenToestemming(true);
        setAanmeldFout(e instanceof ApiFout ? (e.aanmelding ?? null) : null);
        setFout(e.message);
      },
    );
  }, [aanmelding, poging]);
  useEffect(() => {
    if (omgeving.inTeams) return;
    api<{ modus: 'sso' | 'lokaal'; teamsAppId?: string }>({ locale: omgeving.locale }, '/aanmelding').then(setAanmeldInfo, () =>
      setAanmeldInfo(null),
    );
  }, [omgeving]);

  /** The consent button (a user gesture): one interactive flow, then /ik again. */
  const geefToestemming = () => {
    if (!omgeving.toestemming || toestemmingBezig) return;
    setToestemmingBezig(true);
    omgeving.toestemming().then(
      () => {
        setToestemmingBezig(false);
        setPoging((p) => p + 1);
      },
      (e: unknown) => {
        setToestemmingBezig(false);
        const soort = tokenFoutSoort(e);
        setNogGeenToestemming(soort === 'toestemming');
        setAanmeldFout(soort === 'anders' ? 'toestemming' : soort);
        if (soort !== 'toestemming' && soort !== 'anders') setFout(vertaalTab(soort));
      },
    );
  };

  const ctx = useMemo(
    () => maakContext(omgeving.locale, aanmelding, rollen ?? ['medewerker'], modus !== 'sso'),
    [omgeving.locale, aanmelding, rollen, modus],
  );
  const { t } = ctx;
  const vertaalTab = (soort: TokenFoutSoort) => t(TOKEN_FOUT_TEKST[soort]);
  const buitenTeams = !omgeving.inTeams && aanmeldInfo?.modus === 'sso';
  const pagina = PAGINAS.find((p) => p.pad === pad.replace(/\/+$/, '') || (p.pad === '/' && (pad === '' || pad === '/')));

  useEffect(() => {
    document.title = `${t(pagina?.titel ?? 'nav.portal')} · Integriteitsplein`;
  }, [t, pagina]);

  const kiesRol = (r: TabRol) => {
    setRol(r);
    try {
      window.localStorage.setItem('integriteitsplein.devRol', r);
    } catch {
      /* ignore */
    }
  };

  let inhoud: ReactNode;
  if (buitenTeams) {
    // Outside Teams with SSO on there is no token: say where it works and offer the deep link.
    inhoud = (
      <MessageBar intent="info">
        <MessageBarBody>
          {t('aanmelding.buitenTeams')}{' '}
          {aanmeldInfo?.teamsAppId && (
            <Link href={`https://teams.microsoft.com/l/app/${encodeURIComponent(aanmeldInfo.teamsAppId)}`} target="_top">
              {t('aanmelding.openInTeams')}
            </Link>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (aanmeldFout && ['toestemming', 'geannuleerd', 'popupGeblokkeerd'].includes(aanmeldFout) && omgeving.toestemming) {
    inhoud = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('aanmelding.toestemmingTitel')}</MessageBarTitle>
          <Text>
            {toestemmingBezig
              ? t('aanmelding.bezig')
              : nogGeenToestemming
                ? t('aanmelding.nogGeenToestemming')
                : aanmeldFout === 'toestemming'
                  ? t('aanmelding.toestemmingUitleg')
                  : vertaalTab(aanmeldFout)}
          </Text>
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={geefToestemming} disabled={toestemmingBezig}>
            {t('aanmelding.toestemmingKnop')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (fout) {
    inhoud = (
      <MessageBar intent="error">
        <MessageBarBody>{fout}</MessageBarBody>
      </MessageBar>
    );
  } else if (!rollen) {
    inhoud = <Spinner label={t('laden')} />;
  } else if (!pagina) {
    inhoud = <Text>{t('nietGevonden')}</Text>;
  } else {
    inhoud = (
      <Suspense fallback={<Spinner label={t('laden')} />}>
        {pagina.pad === '/' && <Portal />}
        {pagina.pad === '/dilemma' && <Dilemma />}
        {pagina.pad === '/sessie' && <Sessie />}
        {pagina.pad === '/dashboard' && <Dashboard />}
      </Suspense>
    );
  }

  return (
    <FluentProvider theme={thema} className={s.root} dir="ltr" lang={omgeving.locale}>
      <TabCtx.Provider value={ctx}>
        <header className={s.kop}>
          <span className={s.merk}>Integriteitsplein</span>
          <nav aria-label={t('nav.label')}>
            <ul className={s.nav}>
              {/* Only the pages the caller's roles can use (the API's rule); a direct URL still gets the page's notice. */}
              {PAGINAS.filter((p) => magPagina(rollen ?? ['medewerker'], p.pad)).map((p) => (
                <li key={p.pad}>
                  <Link
                    href={href(p.pad, search)}
                    aria-current={p === pagina ? 'page' : undefined}
                    className={p === pagina ? s.actief : undefined}
                  >
                    {t(p.titel)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main className={s.main}>
          <div className={s.banners}>
            {!omgeving.inTeams && !buitenTeams && (
              <MessageBar intent="info">
                <MessageBarBody>{t('losseModus')}</MessageBarBody>
              </MessageBar>
            )}
            {modus === 'lokaal' && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>{t('dev.titel')}</MessageBarTitle>
                  <div className={s.dev}>
                    <Text>{t('dev.uitleg')}</Text>
                    <Field label={t('dev.rol')}>
                      <Select value={rol} onChange={(_, d) => kiesRol(d.value as TabRol)}>
                        {DEV_ROLLEN.map((r) => (
                          <option key={r} value={r}>
                            {t(`rol.${r}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {inhoud}
        </main>
      </TabCtx.Provider>
    </FluentProvider>
  );
}
