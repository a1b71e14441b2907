import { Fragment, lazy, Suspense, useEffect, useState } from 'react';
import {
  Body1,
  Card,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Contact, Meldpunt, Regeling, Tekst } from '@shared/config/schema';
import { SITUATIES, type Situatie } from '@shared/lists/situaties';
import { api } from '../api';
import { useTab } from '../context';

/** `GET /api/portal` (tab/api/router.ts). */
export interface PortalData {
  organisatie: string;
  meldpunten: Meldpunt[];
  contacten: Contact[];
  routes: {
    situatie: Situatie;
    naar: Situatie;
    eerst: string[];
    ook: string[];
    anoniem: string[];
    stappen: Tekst[];
    beslisser: Tekst | null;
    wbk: boolean;
    regelingen: string[];
  }[];
  regelingen: Regeling[];
  faq: { vraag: Tekst; antwoord: Tekst; trefwoorden: string[] }[];
  ambtseed: { afnemer: Tekst; eedTekst: string; belofteTekst: string; verklaringTekst: string | null };
  sessies: { sessieId: string; start: string; eind: string; soort: string; locatie: string | null; online: boolean }[];
}

// Headings break inside a word only when it does not fit on a line at all (a long Dutch compound in a dilemma
// title at 375 px); otherwise they wrap between words as usual.
export const usePaginaStyles = makeStyles({
  sectie: { marginTop: tokens.spacingVerticalXXL },
  h1: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  },
  h2: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    overflowWrap: 'anywhere',
  },
  h3: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0`,
    overflowWrap: 'anywhere',
  },
  // Cards at least 300 px wide where there is room (three per row at 1280 px), so an e-mail address such as
  // vertrouwenspersoon@extern.example stays on one line; narrower screens get one full-width card per row.
  raster: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    overflowWrap: 'anywhere',
  },
  alinea: { margin: `${tokens.spacingVerticalS} 0` },
  /** A heading below a row of cards: clear space above it, so it reads as the start of the next group. */
  naKaarten: { marginTop: tokens.spacingVerticalXL },
  // In em, so the numbers of a list in large podium text (a session on the big screen) stay inside the card too.
  lijst: { margin: 0, paddingLeft: '1.5em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  kaal: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  tekst: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  zacht: { color: tokens.colorNeutralForeground2 },
  /** A link in a list is at least 24 px high (WCAG 2.2 2.5.8 target size); the list bullet stays on its first line. */
  doel: { display: 'inline-block', minHeight: '24px', lineHeight: '24px', verticalAlign: 'top' },
});

/**
 * An e-mail address or web address as link text that is kept whole while it fits, and that wraps only where there
 * is no room: first after the "@" or a "/" (a `<wbr>` there), and only as a last resort inside a word.
 */
function Adres({ tekst }: { tekst: string }) {
  const delen = tekst.split(/(?<=[@/])/);
  return (
    <>
      {delen.map((d, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {d}
        </Fragment>
      ))}
    </>
  );
}

/** One contact with its ways to reach them (e-mail, phone, Teams chat, website), each link ≥ 24 px high. */
export function ContactRegels({ contact }: { contact: Contact }) {
  const s = usePaginaStyles();
  const { t, tekst } = useTab();
  const c = contact.contact;
  return (
    <li>
      <Text weight="semibold">{tekst(contact.naam)}</Text>
      <ul aria-label={t('portal.contactVia', { naam: tekst(contact.naam) })} style={{ margin: 0, paddingLeft: '1.2em' }}>
        {c.email && (
          <li>
            <Link className={s.doel} href={`mailto:${c.email}`}>
              <Adres tekst={c.email} />
            </Link>
          </li>
        )}
        {c.telefoon && (
          <li>
            <Link className={s.doel} href={`tel:${c.telefoon.replace(/[^0-9+]/g, '')}`}>
              {c.telefoon}
            </Link>
          </li>
        )}
        {c.teams && (
          <li>
            <Link
              className={s.doel}
              href={`https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(c.teams)}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('portal.chatInTeams')}
            </Link>
          </li>
        )}
        {c.url && (
          <li>
            <Link className={s.doel} href={c.url} target="_blank" rel="noopener noreferrer">
              <Adres tekst={c.url.replace(/^https?:\/\//, '')} />
            </Link>
          </li>
        )}
      </ul>
    </li>
  );
}

/** "Waar kan ik terecht?": the route per situation from the shared `meldroute` (via the API). */
function WaarKanIkTerecht({ data }: { data: PortalData }) {
  const s = usePaginaStyles();
  const { t, tekst } = useTab();
  const [situatie, setSituatie] = useState<Situatie>('dilemma');
  const route = data.routes.find((r) => r.situatie === situatie)!;
  const mp = (id: string) => data.meldpunten.find((m) => m.id === id);
  const contacten = (m: Meldpunt) => m.contacten.map((id) => data.contacten.find((c) => c.id === id)).filter((c): c is Contact => !!c);
  const blok = (ids: string[], kop: string) =>
    ids.length > 0 && (
      <>
        <h3 className={mergeClasses(s.h3, s.naKaarten)}>{kop}</h3>
        <div className={s.raster}>
          {ids.map((id) => {
            const m = mp(id);
            if (!m) return null;
            return (
              <Card key={id} appearance="filled-alternative">
                <Text weight="semibold" as="p" block style={{ margin: 0 }}>
                  {tekst(m.naam)}
                </Text>
                <Body1 as="p" block style={{ margin: 0 }}>
                  {tekst(m.uitleg)}
                </Body1>
                {contacten(m).length > 0 && (
                  <ul className={s.kaal}>
                    {contacten(m).map((c) => (
                      <ContactRegels key={c.id} contact={c} />
                    ))}
                  </ul>
                )}
              </Card>
            );
          })}
        </div>
      </>
    );
  return (
    <section className={s.sectie} aria-labelledby="kop-waar">
      <h2 id="kop-waar" className={s.h2}>
        {t('portal.waar.titel')}
      </h2>
      <Field label={t('portal.waar.kies')}>
        <Select value={situatie} onChange={(_, d) => setSituatie(d.value as Situatie)}>
          {SITUATIES.map((x) => (
            <option key={x} value={x}>
              {t(`situatie.${x}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div aria-live="polite">
        {route.naar !== route.situatie && (
          <Body1 as="p" block>
            {t('portal.waar.doorverwezen', { situatie: t(`situatie.${route.naar}`) })}
          </Body1>
        )}
        {blok(route.eerst, t('portal.waar.eerst'))}
        {blok(route.anoniem, t('portal.waar.anoniem'))}
        {blok(route.ook, t('portal.waar.ook'))}
        {route.stappen.length > 0 && (
          <>
            <h3 className={mergeClasses(s.h3, s.naKaarten)}>{t('portal.waar.stappen')}</h3>
            <ol className={s.lijst}>
              {route.stappen.map((st, i) => (
                <li key={i}>{tekst(st)}</li>
              ))}
            </ol>
          </>
        )}
        {route.beslisser && (
          <Body1 as="p" block>
            {tekst(route.beslisser)}
          </Body1>
        )}
        {route.wbk && (
          <Body1 as="p" block>
            {t('portal.waar.wbk')}
          </Body1>
        )}
        {route.regelingen.length > 0 && (
          <Body1 as="p" block>
            {t('portal.waar.regelingen')}{' '}
            {route.regelingen.map((id, i) => {
              const r = data.regelingen.find((x) => x.id === id);
              return r ? (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link href={r.url} target="_blank" rel="noopener noreferrer" inline>
                    {tekst(r.titel)}
                  </Link>
                </span>
              ) : null;
            })}
          </Body1>
        )}
      </div>
    </section>
  );
}

// The two folding sections (Fluent Accordion and its motion) load after the first screen: they are below
// "Waar kan ik terecht?", and leaving them out of the first chunk keeps the portal's initial JS small (bench/tab).
const Meldpunten = lazy(() => import('./PortalUitklap').then((m) => ({ default: m.Meldpunten })));
const Faq = lazy(() => import('./PortalUitklap').then((m) => ({ default: m.Faq })));

/** The Integriteitsplein portal page (`/`). */
export function Portal() {
  const s = usePaginaStyles();
  const { t, tekst, locale, aanmelding } = useTab();
  const [data, setData] = useState<PortalData | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  useEffect(() => {
    api<PortalData>(aanmelding, '/portal').then(setData, (e: Error) => setFout(e.message));
  }, [aanmelding]);
  if (fout)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{fout}</MessageBarBody>
      </MessageBar>
    );
  if (!data) return <Spinner label={t('laden')} />;
  const datumTijd = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso));
  return (
    <>
      <h1 className={s.h1}>{t('portal.titel')}</h1>
      <Body1 as="p" block>
        {t('portal.intro', { organisatie: data.organisatie })}
      </Body1>

      <WaarKanIkTerecht data={data} />

      <Suspense fallback={<Spinner label={t('laden')} />}>
        <Meldpunten data={data} />
      </Suspense>

      <section className={s.sectie} aria-labelledby="kop-regelingen">
        <h2 id="kop-regelingen" className={s.h2}>
          {t('portal.regelingen.titel')}
        </h2>
        <ul className={s.lijst}>
          {data.regelingen.map((r) => (
            <li key={r.id}>
              <Link href={r.url} target="_blank" rel="noopener noreferrer">
                {tekst(r.titel)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <Suspense fallback={<Spinner label={t('laden')} />}>
        <Faq data={data} />
      </Suspense>

      <section className={s.sectie} aria-labelledby="kop-eed">
        <h2 id="kop-eed" className={s.h2}>
          {t('portal.eed.titel')}
        </h2>
        <Body1 as="p" block>
          {t('portal.eed.intro', { afnemer: tekst(data.ambtseed.afnemer) })}
        </Body1>
        <div className={s.raster}>
          <Card>
            <h3 className={s.h3}>{t('portal.eed.eed')}</h3>
            <Body1 as="p" block className={s.tekst}>
              {data.ambtseed.eedTekst}
            </Body1>
          </Card>
          <Card>
            <h3 className={s.h3}>{t('portal.eed.belofte')}</h3>
            <Body1 as="p" block className={s.tekst}>
              {data.ambtseed.belofteTekst}
            </Body1>
          </Card>
          {data.ambtseed.verklaringTekst && (
            <Card>
              <h3 className={s.h3}>{t('portal.eed.verklaring')}</h3>
              <Body1 as="p" block className={s.tekst}>
                {data.ambtseed.verklaringTekst}
              </Body1>
            </Card>
          )}
        </div>
        <h3 className={mergeClasses(s.h3, s.naKaarten)}>{t('portal.eed.sessies')}</h3>
        {data.sessies.length === 0 ? (
          <Body1 as="p" block>
            {t('portal.eed.geenSessies')}
          </Body1>
        ) : (
          <ul className={s.lijst}>
            {data.sessies.map((x) => (
              <li key={x.sessieId}>
                {datumTijd(x.start)} · {t(`sessiesoort.${x.soort}`)} · {x.online ? t('portal.eed.online') : (x.locatie ?? '')}
              </li>
            ))}
          </ul>
        )}
        <Body1 as="p" block>
          {t('portal.eed.aanmelden')}
        </Body1>
      </section>
    </>
  );
}
