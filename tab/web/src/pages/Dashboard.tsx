import { lazy, Suspense, useEffect, useState } from 'react';
import {
  Body1,
  Button,
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
} from '@fluentui/react-components';
import { t as vertaalRapport, type Locale } from '@shared/i18n';
import { tabDashboard } from '@shared/i18n/messages/tab-dashboard';
import type { JaarCijfers, JaarSectie, Jaarverslag } from '@shared/report/jaarverslag';
import { jaarverslagSecties, label, onderdruk, toonCel, type Cel, type Tabel } from '@shared/report/tabellen';
import { lijstTekst } from '@shared/i18n/formaat';
import { CATEGORIEEN, MELDING_SOORTEN, ONDERWERPEN, SITUATIES, UITKOMSTEN } from '@shared/lists/definitions';
import type { DashboardJaren } from '../../../api/routes/dashboard';
import { magPagina } from '../../../api/pagina-rollen';
import { api } from '../api';
import type { StaafGroep } from '../charts/Staafdiagram';
import { laadBerichten } from '../berichten';
import { useTab } from '../context';
import { usePaginaStyles } from './Portal';

// This page's texts come with its chunk (the portal does not load them).
laadBerichten(tabDashboard);

const Staafdiagram = lazy(() => import('../charts/Staafdiagram').then((m) => ({ default: m.Staafdiagram })));

const useStyles = makeStyles({
  tabel: {
    borderCollapse: 'collapse',
    width: '100%',
    marginTop: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'right',
    },
    '& th[scope="row"]': { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} 0` },
    // Wide enough: the same column widths in every table (labels half the width), so the years line up down the page.
    '@media (min-width: 481px)': { tableLayout: 'fixed', '& thead th:first-child': { width: '50%' } },
    '@media (max-width: 480px)': { '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` } },
  },
  rij: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  // The download buttons stay together: when the row is full (a year "(nog geen cijfers)" widens its select) the pair
  // moves to the next line as one, never one button alone; only a line narrower than the pair (375 px) stacks them.
  downloads: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, flex: '0 0 auto', maxWidth: '100%' },
  leeg: { marginTop: tokens.spacingVerticalL },
  inhoud: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  grafieken: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(420px, 100%), 1fr))', gap: tokens.spacingHorizontalXL },
});

/** Thresholds offered for small-number suppression (the CLI's --suppress-below N), on the page and in the Word download. */
const ONDERDRUK_DREMPELS = [3, 5, 10] as const;

/** How a count is shown: after the report's small-number suppression (`toonCel`: "<N"), in the reader's number notation. */
type ToonAantal = (n: number) => string;

/** Translate a key of the tab (`t` of the tab context) or of the report (`report.*`, the jaarverslag's own names). */
type Vertaal = (k: string, p?: Record<string, string | number>) => string;

/**
 * One row of a table with a column per year: a ready label, the report section the figure belongs to (a year
 * whose section has no data, `JaarCijfers.zonderGegevens`, shows "geen gegevens" instead of a count) and the
 * figure of a year.
 */
type JaarRij = { label: string; sectie: JaarSectie; waarde: (c: JaarCijfers) => Cel };

/**
 * The rows of the core table. A figure the report names on its own row carries the report's name (`rapport`,
 * e.g. "Ontvangstbevestiging binnen 7 dagen"); the others are the report's chapter totals in a short name of the
 * tab's. A Wbk share is "92% (11/12)"; under suppression a share whose count or total is suppressed shows only the
 * two (suppressed) counts, so no percentage betrays a small number.
 */
function kerncijfers(t: Vertaal, rapport: Vertaal, toon: ToonAantal, drempel?: number): JaarRij[] {
  const pct = (a: { aantal: number; van: number }) => {
    if (!a.van) return '–';
    const verborgen = typeof onderdruk(a.aantal, drempel) === 'string' || typeof onderdruk(a.van, drempel) === 'string';
    return verborgen ? `${toon(a.aantal)}/${toon(a.van)}` : `${Math.round((100 * a.aantal) / a.van)}% (${toon(a.aantal)}/${toon(a.van)})`;
  };
  return [
    { label: t('dash.gesprekken'), sectie: 'gesprekken', waarde: (c) => toon(c.gesprekken.totaal) },
    { label: t('dash.gesprekkenMelding'), sectie: 'gesprekken', waarde: (c) => toon(c.gesprekken.meldingen) },
    { label: t('dash.meldingen'), sectie: 'meldingen', waarde: (c) => toon(c.meldingen.totaal) },
    { label: t('dash.anoniem'), sectie: 'meldingen', waarde: (c) => toon(c.meldingen.anoniem) },
    { label: rapport('rij.ontvangstbevestigd'), sectie: 'wbk', waarde: (c) => pct(c.wbk.ontvangstbevestigdBinnen7Dagen) },
    { label: rapport('rij.terugkoppeling'), sectie: 'wbk', waarde: (c) => pct(c.wbk.terugkoppelingBinnen3Maanden) },
    { label: rapport('rij.afgelegd'), sectie: 'ambtseed', waarde: (c) => toon(c.ambtseed.afgelegd) },
    { label: rapport('rij.integriteitsverklaring'), sectie: 'ambtseed', waarde: (c) => toon(c.ambtseed.integriteitsverklaring) },
    { label: rapport('rij.nieuweMedewerkers'), sectie: 'onboarding', waarde: (c) => toon(c.onboarding.nieuweMedewerkers) },
    { label: rapport('rij.workshopDeelnemers'), sectie: 'onboarding', waarde: (c) => toon(c.onboarding.workshopDeelnemers) },
    { label: t('dash.sessies'), sectie: 'dilemma', waarde: (c) => toon(c.dilemma.sessies) },
    { label: t('dash.bereik'), sectie: 'dilemma', waarde: (c) => toon(c.dilemma.bereik) },
    { label: t('dash.agressie'), sectie: 'agressie', waarde: (c) => toon(c.agressie.incidenten) },
    { label: t('dash.meldwijzer'), sectie: 'meldwijzer', waarde: (c) => toon(c.meldwijzer.raadplegingen) },
  ];
}

/**
 * The registers next to the jaarverslag's core figures, as the report has them: VOG renewal in kwetsbare functies
 * (requested in the year, received, not received, still open) and anonymous meldingen (received, per soort, per
 * uitkomst). Same keys as the report JSON (`vog`, `anoniemeMeldingen`).
 */
function registerTabellen(t: Vertaal, rapport: Vertaal, locale: Locale): { id: string; titel: string; rijen: JaarRij[] }[] {
  const vog = (key: string, waarde: (c: JaarCijfers) => number): JaarRij => ({ label: rapport(key), sectie: 'vog', waarde });
  const anoniem = (lbl: string, waarde: (c: JaarCijfers) => number): JaarRij => ({ label: lbl, sectie: 'anoniemeMeldingen', waarde });
  return [
    {
      id: 'vog',
      titel: t('dash.vog.titel'),
      rijen: [
        vog('rij.vogGevraagd', (c) => c.vog.gevraagd),
        vog('rij.vogOntvangen', (c) => c.vog.ontvangen),
        vog('rij.vogNietOntvangen', (c) => c.vog.nietOntvangen),
        vog('rij.vogOpenstaand', (c) => c.vog.openstaand),
      ],
    },
    {
      id: 'anoniem',
      titel: t('dash.anoniemTabel.titel'),
      rijen: [
        anoniem(t('dash.anoniemTabel.ontvangen'), (c) => c.anoniemeMeldingen.ontvangen),
        ...MELDING_SOORTEN.map((k) => anoniem(label(locale, 'soort', k), (c) => c.anoniemeMeldingen.perSoort[k])),
        ...UITKOMSTEN.map((k) =>
          anoniem(t('dash.anoniemTabel.uitkomst', { uitkomst: label(locale, 'uitkomst', k) }), (c) => c.anoniemeMeldingen.perUitkomst[k]),
        ),
      ],
    },
  ];
}

/** Whether year `c` has no data for `sectie` (nothing registered yet: not a measured 0; the report's `zonderGegevens`). */
function zonderGegevens(c: JaarCijfers, sectie: JaarSectie): boolean {
  return (c.zonderGegevens ?? []).includes(sectie);
}

/**
 * A table of `rijen` with one column per year (oldest first), in the report's table shape (`Tabel`); a year without
 * data for a row's section gets `geen` (the report's "geen gegevens" / "no data") instead of a count.
 */
function jaarTabel(id: string, titel: string, kop: string, jaren: JaarCijfers[], rijen: JaarRij[], geen: string): Tabel {
  return {
    id,
    titel,
    kolommen: [kop, ...jaren.map((j) => String(j.jaar))],
    rijen: rijen.map((r) => [r.label, ...jaren.map((j) => (zonderGegevens(j, r.sectie) ? geen : r.waarde(j)))]),
  };
}

/**
 * True when every cell of `tabellen` is 0 or `geen` (no data): a register not in use yet shows one sentence instead
 * of tables of zeros.
 */
function alleNul(tabellen: Tabel[], geen: string): boolean {
  return tabellen.every((tb) => tb.rijen.every((r) => r.slice(1).every((c) => c === 0 || c === geen)));
}

/**
 * One table of figures as the report draws it (`Tabel` of `@shared/report/tabellen`): caption, column headings, a
 * row heading per row, counts through `toon` (suppression, number notation); a total row is bold, a cell `geen`
 * ("geen gegevens") italic, as in the Word report.
 */
function CijferTabel({ tabel, className, toon, geen }: { tabel: Tabel; className: string; toon: ToonAantal; geen: string }) {
  return (
    <table id={`tabel-${tabel.id}`} className={className}>
      <caption>{tabel.titel}</caption>
      <thead>
        <tr>
          {tabel.kolommen.map((k, i) => (
            <th key={i} scope="col" style={i === 0 ? { textAlign: 'left' } : undefined}>
              {k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tabel.rijen.map((r, i) => (
          <tr key={i} style={tabel.totaalRij && i === tabel.rijen.length - 1 ? { fontWeight: 600 } : undefined}>
            <th scope="row" style={tabel.totaalRij && i === tabel.rijen.length - 1 ? { fontWeight: 600 } : undefined}>
              {r[0]}
            </th>
            {r.slice(1).map((c, k) => (
              <td key={k} style={c === geen ? { fontStyle: 'italic' } : undefined}>
                {typeof c === 'number' ? toon(c) : c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Dashboard (`/dashboard`, HR and integriteitscoördinator): the jaarverslag figures with previous years, the
 * registers (VOG, anonymous meldingen) and the report's own nevenwerk section. It opens on the most recent year
 * with figures (`/api/dashboard/jaren`, else this year); a year without figures says so instead of showing zeros,
 * and earlier years without figures are left out of the tables and charts. The chosen small-number suppression
 * applies to the page and to the Word download alike.
 */
export function Dashboard() {
  const p = usePaginaStyles();
  const s = useStyles();
  const { t, aanmelding, rollen, locale } = useTab();
  const mag = magPagina(rollen, '/dashboard');
  const [info, setInfo] = useState<DashboardJaren | null>(null);
  const [jaar, setJaar] = useState<number | null>(null);
  const [verslag, setVerslag] = useState<Jaarverslag | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [downloadFout, setDownloadFout] = useState<string | null>(null);
  const [drempel, setDrempel] = useState('');

  useEffect(() => {
    if (!mag) return;
    api<DashboardJaren>(aanmelding, '/dashboard/jaren').then(
      (r) => {
        setInfo(r);
        setJaar(r.metCijfers[0] ?? r.huidig);
      },
      (e: Error) => setFout(e.message),
    );
  }, [aanmelding, mag]);

  const leeg = info !== null && jaar !== null && !info.metCijfers.includes(jaar);
  useEffect(() => {
    if (!mag || jaar === null || leeg) return;
    setVerslag(null);
    // A late answer for a year no longer chosen is dropped (switching years quickly).
    let actueel = true;
    api<Jaarverslag>(aanmelding, `/dashboard?jaar=${jaar}&jaren=3`).then(
      (v) => actueel && setVerslag(v),
      (e: Error) => actueel && setFout(e.message),
    );
    return () => {
      actueel = false;
    };
  }, [aanmelding, jaar, leeg, mag]);

  if (!mag)
    return (
      <>
        <h1 className={p.h1}>{t('dash.titel')}</h1>
        <MessageBar intent="info">
          <MessageBarBody>{t('dash.alleenHr')}</MessageBarBody>
        </MessageBar>
      </>
    );

  const download = async (formaat: 'docx' | 'xlsx') => {
    setDownloadFout(null);
    try {
      const q = new URLSearchParams({ lang: locale });
      if (formaat === 'docx' && drempel) q.set('suppressBelow', drempel);
      const blob = await api<Blob>(aanmelding, `/rapport/${jaar}.${formaat}?${q}`, { blob: true });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `jaarverslag-integriteit-${jaar}.${formaat}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setDownloadFout((e as Error).message);
    }
  };

  const onderDrempel = drempel ? Number(drempel) : undefined;
  const toon: ToonAantal = (n) => toonCel(n, onderDrempel, locale);
  // The report's own names and "geen gegevens" (one source: the report's messages, `report.*`).
  const rapport: Vertaal = (key, params) => vertaalRapport(locale, `report.${key}`, params);
  const geen = rapport('geenGegevensCel');
  const heeftCijfers = (j: number) => info?.metCijfers.includes(j) ?? false;
  // Earlier years without any record are left out: a column of zeros would read as "nothing happened".
  const alleJaren: JaarCijfers[] = verslag ? [...Object.values(verslag.vorigeJaren).sort((a, b) => a.jaar - b.jaar), verslag] : [];
  const jaren = alleJaren.filter((j) => j === verslag || heeftCijfers(j.jaar));
  /** Chart values of `jaren` for `sectie`: a year without data shows "geen gegevens" (no bar), not 0. */
  const waarden = (sectie: JaarSectie, waarde: (j: JaarCijfers) => number) =>
    jaren.map((j) => (zonderGegevens(j, sectie) ? geen : waarde(j)));
  /** The charts: per choice value of a section, a bar per year, named as in the report (`label`). */
  const grafieken: { id: string; titel: string; sectie: JaarSectie; groepen: StaafGroep[] }[] = [
    {
      id: 'g-soort',
      titel: t('dash.g.soort'),
      sectie: 'meldingen',
      groepen: MELDING_SOORTEN.map((k) => ({
        label: label(locale, 'soort', k),
        waarden: waarden('meldingen', (j) => j.meldingen.perSoort[k]),
      })),
    },
    {
      id: 'g-onderwerp',
      titel: t('dash.g.onderwerp'),
      sectie: 'gesprekken',
      groepen: ONDERWERPEN.map((k) => ({
        label: label(locale, 'onderwerp', k),
        waarden: waarden('gesprekken', (j) => j.gesprekken.perOnderwerp[k]),
      })),
    },
    {
      id: 'g-categorie',
      titel: t('dash.g.categorie'),
      sectie: 'meldingen',
      groepen: CATEGORIEEN.map((k) => ({
        label: label(locale, 'categorie', k),
        waarden: waarden('meldingen', (j) => j.meldingen.perCategorie[k]),
      })),
    },
    {
      id: 'g-meldwijzer',
      titel: t('dash.g.meldwijzer'),
      sectie: 'meldwijzer',
      groepen: SITUATIES.map((k) => ({
        label: label(locale, 'situatie', k),
        waarden: waarden('meldwijzer', (j) => j.meldwijzer.perSituatie[k]),
      })),
    },
  ];
  const zonderCijfers = alleJaren.filter((j) => !jaren.includes(j)).map((j) => String(j.jaar));
  const reeks = jaren.map((j) => String(j.jaar));
  const nietsGeregistreerd = t('dash.registerLeeg', { jaren: lijstTekst(locale, reeks) });
  const recent = info?.metCijfers[0];
  const nevenwerk =
    verslag &&
    jaarverslagSecties(
      { ...verslag, vorigeJaren: Object.fromEntries(jaren.filter((j) => j !== verslag).map((j) => [String(j.jaar), j])) },
      locale,
      { onderDrempel, geenGegevens: true },
    ).find((x) => x.id === 'nevenwerk');

  return (
    <>
      <h1 className={p.h1}>{t('dash.titel')}</h1>
      {info && jaar !== null && (
        <div className={s.rij}>
          <Field label={t('dash.jaar')}>
            <Select value={String(jaar)} onChange={(_, d) => setJaar(Number(d.value))}>
              {info.jaren.map((j) => (
                <option key={j} value={j}>
                  {heeftCijfers(j) ? String(j) : t('dash.jaar.leeg', { jaar: String(j) })}
                </option>
              ))}
            </Select>
          </Field>
          {!leeg && (
            <>
              <Field
                label={t('dash.onderdrukken')}
                hint={drempel ? t('dash.onderdrukken.hint', { n: drempel, max: Number(drempel) - 1 }) : undefined}
              >
                <Select value={drempel} onChange={(_, d) => setDrempel(d.value)}>
                  <option value="">{t('dash.onderdrukken.geen')}</option>
                  {ONDERDRUK_DREMPELS.map((n) => (
                    <option key={n} value={String(n)}>
                      {t('dash.onderdrukken.onder', { n })}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={s.downloads}>
                <Button onClick={() => download('docx')}>{t('dash.downloadDocx')}</Button>
                <Button onClick={() => download('xlsx')}>{t('dash.downloadXlsx')}</Button>
              </div>
            </>
          )}
        </div>
      )}
      <div role="status">
        {downloadFout && (
          <MessageBar intent="warning">
            <MessageBarBody>{downloadFout}</MessageBarBody>
          </MessageBar>
        )}
        {leeg && jaar !== null && (
          <MessageBar intent="info" layout="multiline" className={s.leeg}>
            <MessageBarBody>
              <MessageBarTitle>{t('dash.geenCijfers.titel', { jaar: String(jaar) })}</MessageBarTitle>
              {recent !== undefined
                ? `${t('dash.geenCijfers.tekst', { jaar: String(jaar) })} ${t('dash.geenCijfers.recent', { jaar: String(recent) })}`
                : t('dash.geenCijfers.nooit')}
            </MessageBarBody>
            {recent !== undefined && (
              <MessageBarActions>
                <Button onClick={() => setJaar(recent)}>{t('dash.geenCijfers.toon', { jaar: String(recent) })}</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
      {fout && (
        <MessageBar intent="error">
          <MessageBarBody>{fout}</MessageBarBody>
        </MessageBar>
      )}
      {!fout && !leeg && !verslag && <Spinner label={t('laden')} />}
      {verslag && !leeg && (
        <>
          <nav aria-labelledby="kop-inhoud" className={p.sectie}>
            <Text id="kop-inhoud" weight="semibold" as="p" block className={p.alinea}>
              {t('dash.inhoud')}
            </Text>
            <ul className={s.inhoud}>
              {[
                ['kop-cijfers', t('dash.kerncijfers', { jaar: verslag.jaar })],
                ['kop-registers', t('dash.registers')],
                ...(nevenwerk ? [['kop-nevenwerk', nevenwerk.titel]] : []),
                ['kop-grafieken', t('dash.grafieken')],
              ].map(([id, tekst]) => (
                <li key={id}>
                  <Link href={`#${id}`} className={p.doel}>
                    {tekst}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <section className={p.sectie} aria-labelledby="kop-cijfers">
            <h2 id="kop-cijfers" className={p.h2}>
              {t('dash.kerncijfers', { jaar: verslag.jaar })}
            </h2>
            {verslag.jaar === info?.huidig && (
              <Body1 as="p" block className={p.zacht}>
                {t('dash.jaar.lopend')}
              </Body1>
            )}
            {zonderCijfers.length > 0 && (
              <Body1 as="p" block className={p.zacht}>
                {t('dash.jarenZonderCijfers', { jaren: lijstTekst(locale, zonderCijfers), n: zonderCijfers.length })}
              </Body1>
            )}
            <CijferTabel
              className={s.tabel}
              toon={toon}
              geen={geen}
              tabel={jaarTabel(
                'kerncijfers',
                t('dash.tabelBijschrift', { organisatie: verslag.organisatie }),
                t('dash.cijfer'),
                jaren,
                kerncijfers(t, rapport, toon, onderDrempel),
                geen,
              )}
            />
          </section>
          <section className={p.sectie} aria-labelledby="kop-registers">
            <h2 id="kop-registers" className={p.h2}>
              {t('dash.registers')}
            </h2>
            {registerTabellen(t, rapport, locale).map((tb) => {
              const tabel = jaarTabel(tb.id, tb.titel, t('dash.cijfer'), jaren, tb.rijen, geen);
              return alleNul([tabel], geen) ? (
                <Body1 key={tb.id} as="p" block id={`leeg-${tb.id}`} className={p.alinea}>
                  <Text weight="semibold" block>
                    {tb.titel}
                  </Text>
                  {nietsGeregistreerd}
                </Body1>
              ) : (
                <CijferTabel key={tb.id} className={s.tabel} toon={toon} geen={geen} tabel={tabel} />
              );
            })}
          </section>
          {nevenwerk && (
            <section className={p.sectie} aria-labelledby="kop-nevenwerk">
              <h2 id="kop-nevenwerk" className={p.h2}>
                {nevenwerk.titel}
              </h2>
              {alleNul(
                nevenwerk.blokken.flatMap((b) => (b.soort === 'tabel' ? [b.tabel] : [])),
                geen,
              ) ? (
                <Body1 as="p" block id="leeg-nevenwerk" className={p.alinea}>
                  {nietsGeregistreerd}
                </Body1>
              ) : (
                nevenwerk.blokken.map((b, i) =>
                  b.soort === 'tabel' ? (
                    <CijferTabel key={i} className={s.tabel} toon={toon} geen={geen} tabel={b.tabel} />
                  ) : b.soort === 'tekst' ? (
                    <Body1 key={i} as="p" block className={p.alinea}>
                      {b.tekst}
                    </Body1>
                  ) : null,
                )
              )}
            </section>
          )}
          <section className={p.sectie} aria-labelledby="kop-grafieken">
            <h2 id="kop-grafieken" className={p.h2}>
              {t('dash.grafieken')}
            </h2>
            <Suspense fallback={<Spinner label={t('laden')} />}>
              <div className={s.grafieken}>
                {grafieken.map((g) =>
                  jaren.every((j) => zonderGegevens(j, g.sectie)) ? (
                    // No year has data for this chart: one sentence, not a chart of "geen gegevens".
                    <div key={g.id} id={`leeg-${g.id}`}>
                      <Text as="h3" id={`${g.id}-kop`} weight="semibold" size={400} block>
                        {g.titel}
                      </Text>
                      <Body1 as="p" block className={p.alinea}>
                        {nietsGeregistreerd}
                      </Body1>
                    </div>
                  ) : (
                    <Staafdiagram
                      key={g.id}
                      id={g.id}
                      titel={g.titel}
                      series={reeks}
                      toon={(n) => onderdruk(n, onderDrempel)}
                      groepen={g.groepen}
                    />
                  ),
                )}
              </div>
            </Suspense>
            <Body1 as="p" block className={p.zacht}>
              {t('dash.bron')}
            </Body1>
          </section>
        </>
      )}
    </>
  );
}
