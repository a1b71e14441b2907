import { lazy, Suspense, useEffect, useState } from 'react';
import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import type { JaarCijfers, Jaarverslag } from '@shared/report/jaarverslag';
import { CATEGORIEEN, MELDING_SOORTEN, ONDERWERPEN, SITUATIES, UITKOMSTEN } from '@shared/lists/definitions';
import { api } from '../api';
import { useTab } from '../context';
import { usePaginaStyles } from './Portal';

const Staafdiagram = lazy(() => import('../charts/Staafdiagram').then((m) => ({ default: m.Staafdiagram })));

const useStyles = makeStyles({
  tabel: {
    borderCollapse: 'collapse',
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'right',
    },
    '& th[scope="row"]': { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} 0` },
    '@media (max-width: 480px)': { '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` } },
  },
  rij: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  grafieken: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(420px, 100%), 1fr))', gap: tokens.spacingHorizontalXL },
});

/** Thresholds offered for small-number suppression of the Word download (the CLI's --suppress-below N). */
const ONDERDRUK_DREMPELS = [3, 5, 10] as const;

/** Figures of one year shown in the table: [message key, value]. */
function kerncijfers(c: JaarCijfers): [string, number | string][] {
  const pct = (a: { aantal: number; van: number }) => (a.van ? `${Math.round((100 * a.aantal) / a.van)}% (${a.aantal}/${a.van})` : '–');
  return [
    ['dash.gesprekken', c.gesprekken.totaal],
    ['dash.gesprekkenMelding', c.gesprekken.meldingen],
    ['dash.meldingen', c.meldingen.totaal],
    ['dash.anoniem', c.meldingen.anoniem],
    ['dash.wbk7', pct(c.wbk.ontvangstbevestigdBinnen7Dagen)],
    ['dash.wbk3', pct(c.wbk.terugkoppelingBinnen3Maanden)],
    ['dash.ambtseed', c.ambtseed.afgelegd],
    ['dash.verklaring', c.ambtseed.integriteitsverklaring],
    ['dash.nieuw', c.onboarding.nieuweMedewerkers],
    ['dash.workshop', c.onboarding.workshopDeelnemers],
    ['dash.sessies', c.dilemma.sessies],
    ['dash.bereik', c.dilemma.bereik],
    ['dash.agressie', c.agressie.incidenten],
    ['dash.meldwijzer', c.meldwijzer.raadplegingen],
  ];
}

/** One row of a register table: a message key (or a ready label) and the figure of a year. */
type RegisterRij = { label: string; waarde: (c: JaarCijfers) => number };

/**
 * The registers next to the jaarverslag's core figures, as the report has them: VOG renewal in kwetsbare functies
 * (requested in the year, received, not received, still open) and anonymous meldingen (received, per soort, per
 * uitkomst). Same keys as the report JSON (`vog`, `anoniemeMeldingen`).
 */
function registerTabellen(
  t: (k: string, p?: Record<string, string | number>) => string,
): { id: string; titel: string; rijen: RegisterRij[] }[] {
  return [
    {
      id: 'vog',
      titel: t('dash.vog.titel'),
      rijen: [
        { label: t('dash.vog.gevraagd'), waarde: (c) => c.vog.gevraagd },
        { label: t('dash.vog.ontvangen'), waarde: (c) => c.vog.ontvangen },
        { label: t('dash.vog.nietOntvangen'), waarde: (c) => c.vog.nietOntvangen },
        { label: t('dash.vog.openstaand'), waarde: (c) => c.vog.openstaand },
      ],
    },
    {
      id: 'anoniem',
      titel: t('dash.anoniemTabel.titel'),
      rijen: [
        { label: t('dash.anoniemTabel.ontvangen'), waarde: (c) => c.anoniemeMeldingen.ontvangen },
        ...MELDING_SOORTEN.map((k) => ({ label: t(`meldingsoort.${k}`), waarde: (c: JaarCijfers) => c.anoniemeMeldingen.perSoort[k] })),
        ...UITKOMSTEN.map((k) => ({
          label: t('dash.anoniemTabel.uitkomst', { uitkomst: t(`dash.uitkomst.${k}`) }),
          waarde: (c: JaarCijfers) => c.anoniemeMeldingen.perUitkomst[k],
        })),
      ],
    },
  ];
}

/** One table of figures per year (columns: the years, oldest first; rows: `rijen`), as the core figures and the registers show them. */
function JaarTabel(props: {
  id?: string;
  className: string;
  bijschrift: string;
  /** Heading of the label column. */
  kop: string;
  jaren: JaarCijfers[];
  rijen: { label: string; waarde: (c: JaarCijfers) => number | string }[];
}) {
  return (
    <table id={props.id} className={props.className}>
      <caption>{props.bijschrift}</caption>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'left' }}>
            {props.kop}
          </th>
          {props.jaren.map((j) => (
            <th key={j.jaar} scope="col">
              {j.jaar}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rijen.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.label}</th>
            {props.jaren.map((j) => (
              <td key={j.jaar}>{r.waarde(j)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Dashboard (`/dashboard`, HR and integriteitscoördinator): the jaarverslag figures with previous years. */
export function Dashboard() {
  const p = usePaginaStyles();
  const s = useStyles();
  const { t, aanmelding, rollen, locale } = useTab();
  const mag = rollen.some((r) => r === 'hr' || r === 'integriteitscoordinator');
  const huidig = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date()));
  const [jaar, setJaar] = useState(huidig - 1);
  const [verslag, setVerslag] = useState<Jaarverslag | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [downloadFout, setDownloadFout] = useState<string | null>(null);
  const [drempel, setDrempel] = useState('');

  useEffect(() => {
    if (!mag) return;
    setVerslag(null);
    api<Jaarverslag>(aanmelding, `/dashboard?jaar=${jaar}&jaren=3`).then(setVerslag, (e: Error) => setFout(e.message));
  }, [aanmelding, jaar, mag]);

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

  const jaren: JaarCijfers[] = verslag ? [...Object.values(verslag.vorigeJaren).sort((a, b) => a.jaar - b.jaar), verslag] : [];
  const reeks = jaren.map((j) => String(j.jaar));

  return (
    <>
      <h1 className={p.h1}>{t('dash.titel')}</h1>
      <div className={s.rij}>
        <Field label={t('dash.jaar')}>
          <Select value={String(jaar)} onChange={(_, d) => setJaar(Number(d.value))}>
            {Array.from({ length: 6 }, (_, i) => huidig - i).map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </Select>
        </Field>
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
        <Button onClick={() => download('docx')}>{t('dash.downloadDocx')}</Button>
        <Button onClick={() => download('xlsx')}>{t('dash.downloadXlsx')}</Button>
      </div>
      <div role="status">
        {downloadFout && (
          <MessageBar intent="warning">
            <MessageBarBody>{downloadFout}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {fout && (
        <MessageBar intent="error">
          <MessageBarBody>{fout}</MessageBarBody>
        </MessageBar>
      )}
      {!verslag && !fout && <Spinner label={t('laden')} />}
      {verslag && (
        <>
          <section className={p.sectie} aria-labelledby="kop-cijfers">
            <h2 id="kop-cijfers" className={p.h2}>
              {t('dash.kerncijfers', { jaar: verslag.jaar })}
            </h2>
            <JaarTabel
              className={s.tabel}
              bijschrift={t('dash.tabelBijschrift', { organisatie: verslag.organisatie })}
              kop={t('dash.cijfer')}
              jaren={jaren}
              rijen={kerncijfers(verslag).map(([key], rij) => ({ label: t(key), waarde: (j: JaarCijfers) => kerncijfers(j)[rij][1] }))}
            />
          </section>
          <section className={p.sectie} aria-labelledby="kop-registers">
            <h2 id="kop-registers" className={p.h2}>
              {t('dash.registers')}
            </h2>
            {registerTabellen(t).map((tb) => (
              <JaarTabel
                key={tb.id}
                id={`tabel-${tb.id}`}
                className={s.tabel}
                bijschrift={tb.titel}
                kop={t('dash.cijfer')}
                jaren={jaren}
                rijen={tb.rijen}
              />
            ))}
          </section>
          <section className={p.sectie} aria-labelledby="kop-grafieken">
            <h2 id="kop-grafieken" className={p.h2}>
              {t('dash.grafieken')}
            </h2>
            <Suspense fallback={<Spinner label={t('laden')} />}>
              <div className={s.grafieken}>
                <Staafdiagram
                  id="g-soort"
                  titel={t('dash.g.soort')}
                  series={reeks}
                  groepen={MELDING_SOORTEN.map((k) => ({
                    label: t(`meldingsoort.${k}`),
                    waarden: jaren.map((j) => j.meldingen.perSoort[k]),
                  }))}
                />
                <Staafdiagram
                  id="g-onderwerp"
                  titel={t('dash.g.onderwerp')}
                  series={reeks}
                  groepen={ONDERWERPEN.map((k) => ({
                    label: t(`onderwerp.${k}`),
                    waarden: jaren.map((j) => j.gesprekken.perOnderwerp[k]),
                  }))}
                />
                <Staafdiagram
                  id="g-categorie"
                  titel={t('dash.g.categorie')}
                  series={reeks}
                  groepen={CATEGORIEEN.map((k) => ({ label: t(`categorie.${k}`), waarden: jaren.map((j) => j.meldingen.perCategorie[k]) }))}
                />
                <Staafdiagram
                  id="g-meldwijzer"
                  titel={t('dash.g.meldwijzer')}
                  series={reeks}
                  groepen={SITUATIES.map((k) => ({ label: t(`situatie.${k}`), waarden: jaren.map((j) => j.meldwijzer.perSituatie[k]) }))}
                />
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
