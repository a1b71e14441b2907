import { useCallback, useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { volgendeWeek } from '@shared/domain/dilemma-van-de-week';
import { weekTekst } from '@shared/i18n/formaat';
import { tabDilemma } from '@shared/i18n/messages/tab-dilemma';
import type { TabDilemma } from '../../../api/router';
import { api, ApiFout } from '../api';
import { laadBerichten } from '../berichten';
import { useTab } from '../context';
import { usePaginaStyles } from './Portal';

// This page's texts come with its chunk (the portal does not load them).
laadBerichten(tabDilemma);

interface Resultaten {
  totaal: number;
  perOptie: number[];
}
interface WeekData {
  week: string;
  dilemma: TabDilemma | null;
  gestemd: boolean;
  resultaten: Resultaten | null;
}

const useStyles = makeStyles({
  kaart: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  uitslag: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  knoppen: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

/** `lang="nl"` for a dilemma's own texts when they are Dutch on an English page (screen readers switch voice). */
const taalVan = (d: TabDilemma): 'nl' | undefined => (d.alleenNl ? 'nl' : undefined);

/**
 * The results per option. `eigen` is the option this browser just voted for: marked "jouw keuze" on this page only
 * (it is never sent back or stored; after a reload the vote stays anonymous even to the voter's own screen).
 */
function Uitslag({ dilemma, resultaten, eigen }: { dilemma: TabDilemma; resultaten: Resultaten; eigen?: number }) {
  const s = useStyles();
  const { t } = useTab();
  return (
    <>
      <h3 className={usePaginaStyles().h3}>{t('dilemma.uitslag', { n: resultaten.totaal })}</h3>
      <ul className={s.uitslag}>
        {dilemma.opties.map((o, i) => {
          const n = resultaten.perOptie[i] ?? 0;
          const pct = resultaten.totaal ? Math.round((100 * n) / resultaten.totaal) : 0;
          const uitslag = t('dilemma.optieUitslag', { optie: o, n, pct });
          const label = i === eigen ? t('dilemma.jouwKeuze', { uitslag }) : uitslag;
          return (
            <li key={i}>
              <Field label={label} validationState="none">
                <ProgressBar value={resultaten.totaal ? n / resultaten.totaal : 0} thickness="large" aria-label={label} />
              </Field>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** HR / integriteitscoördinator: choose the dilemma of next week (override of the rotation). */
function Keuze({ week }: { week: string }) {
  const p = usePaginaStyles();
  const s = useStyles();
  const { t, aanmelding, locale } = useTab();
  const [dilemmas, setDilemmas] = useState<TabDilemma[]>([]);
  const [doelWeek] = useState(() => volgendeWeek(week));
  const [keuze, setKeuze] = useState('');
  const [melding, setMelding] = useState<{ intent: 'success' | 'error'; tekst: string } | null>(null);
  useEffect(() => {
    api<{ dilemmas: TabDilemma[] }>(aanmelding, '/dilemmas').then(
      (r) => {
        setDilemmas(r.dilemmas);
        setKeuze(r.dilemmas[0]?.dilemmaId ?? '');
      },
      () => undefined,
    );
  }, [aanmelding]);
  const opslaan = async () => {
    try {
      await api(aanmelding, '/dilemma/keuze', { method: 'PUT', body: { week: doelWeek, dilemmaId: keuze } });
      setMelding({ intent: 'success', tekst: t('dilemma.keuze.opgeslagen', { week: weekTekst(locale, doelWeek) }) });
    } catch (e) {
      setMelding({ intent: 'error', tekst: (e as Error).message });
    }
  };
  return (
    <section className={p.sectie} aria-labelledby="kop-keuze">
      <h2 id="kop-keuze" className={p.h2}>
        {t('dilemma.keuze.titel')}
      </h2>
      <Body1 as="p" block>
        {t('dilemma.keuze.uitleg', { week: weekTekst(locale, doelWeek) })}
      </Body1>
      <div className={s.knoppen}>
        <Field label={t('dilemma.keuze.label', { week: weekTekst(locale, doelWeek) })}>
          <Select value={keuze} onChange={(_, d) => setKeuze(d.value)}>
            {dilemmas.map((d) => (
              <option key={d.dilemmaId} value={d.dilemmaId}>
                {d.titel}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={opslaan} disabled={!keuze}>
          {t('dilemma.keuze.opslaan')}
        </Button>
      </div>
      <div role="status">
        {melding && (
          <MessageBar intent={melding.intent}>
            <MessageBarBody>{melding.tekst}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

/** Dilemma van de week (`/dilemma`): the dilemma as plain text, an anonymous poll, results and the config's `toelichting` after voting. */
export function Dilemma() {
  const p = usePaginaStyles();
  const s = useStyles();
  const { t, aanmelding, rollen, locale } = useTab();
  const [data, setData] = useState<WeekData | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [keuze, setKeuze] = useState<string>('');
  const [bezig, setBezig] = useState(false);
  const [stemFout, setStemFout] = useState<string | null>(null);

  const laad = useCallback(() => {
    api<WeekData>(aanmelding, '/dilemma').then(setData, (e: Error) => setFout(e.message));
  }, [aanmelding]);
  useEffect(laad, [laad]);

  const stem = async () => {
    if (!data?.dilemma || keuze === '') return;
    setBezig(true);
    setStemFout(null);
    try {
      const r = await api<{ resultaten: Resultaten; toelichting: string | null }>(aanmelding, '/dilemma/stem', {
        method: 'POST',
        body: { week: data.week, dilemmaId: data.dilemma.dilemmaId, optie: Number(keuze) },
      });
      setData({ ...data, gestemd: true, resultaten: r.resultaten, dilemma: { ...data.dilemma, toelichting: r.toelichting } });
    } catch (e) {
      setStemFout(e instanceof ApiFout && e.status === 409 ? t('dilemma.alGestemd') : (e as Error).message);
    } finally {
      setBezig(false);
    }
  };

  if (fout)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{fout}</MessageBarBody>
      </MessageBar>
    );
  if (!data) return <Spinner label={t('laden')} />;
  const d = data.dilemma;
  return (
    <>
      <h1 className={p.h1}>{t('dilemma.titel')}</h1>
      <Text as="p" block className={p.zacht}>
        {t('dilemma.week', { week: weekTekst(locale, data.week, { begin: true }) })}
      </Text>
      {!d ? (
        <Body1 as="p" block>
          {t('dilemma.geen')}
        </Body1>
      ) : (
        <Card className={s.kaart}>
          {/* List text is rendered as text (React escapes it), never as HTML or markdown. */}
          <h2 className={p.h2} lang={taalVan(d)}>
            {d.titel}
          </h2>
          {/* English asked for, but this organisation wrote the dilemma in Dutch only: say so (in the page's language). */}
          {d.alleenNl && (
            <Text as="p" block className={p.zacht}>
              {t('dilemma.alleenNl')}
            </Text>
          )}
          <Body1 as="p" block className={p.tekst} lang={taalVan(d)}>
            {d.tekst}
          </Body1>
          {data.gestemd && data.resultaten ? (
            <>
              <MessageBar intent="success">
                <MessageBarBody>{t('dilemma.bedankt')}</MessageBarBody>
              </MessageBar>
              <Uitslag dilemma={d} resultaten={data.resultaten} eigen={keuze === '' ? undefined : Number(keuze)} />
              {d.toelichting && (
                <section aria-labelledby="kop-toelichting">
                  <h3 id="kop-toelichting" className={p.h3}>
                    {t('dilemma.toelichting')}
                  </h3>
                  <Body1 as="p" block className={p.tekst} lang={taalVan(d)}>
                    {d.toelichting}
                  </Body1>
                </section>
              )}
            </>
          ) : (
            <>
              <Field label={t('dilemma.vraag')}>
                <RadioGroup value={keuze} onChange={(_, v) => setKeuze(v.value)} lang={taalVan(d)}>
                  {d.opties.map((o, i) => (
                    <Radio key={i} value={String(i)} label={o} />
                  ))}
                </RadioGroup>
              </Field>
              <div className={s.knoppen}>
                <Button appearance="primary" onClick={stem} disabled={keuze === '' || bezig}>
                  {t('dilemma.stem')}
                </Button>
              </div>
              <Text as="p" block className={p.zacht}>
                {t('dilemma.anoniem')}
              </Text>
            </>
          )}
          <div role="status">
            {stemFout && (
              <MessageBar intent="warning">
                <MessageBarBody>{stemFout}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </Card>
      )}
      {d && d.gespreksvragen.length > 0 && (
        <section className={p.sectie} aria-labelledby="kop-vragen">
          <h2 id="kop-vragen" className={p.h2}>
            {t('dilemma.gespreksvragen')}
          </h2>
          <ul className={p.lijst} lang={taalVan(d)}>
            {d.gespreksvragen.map((v, i) => (
              <li key={i} className={p.tekst}>
                {v}
              </li>
            ))}
          </ul>
        </section>
      )}
      {rollen.some((r) => r === 'hr' || r === 'integriteitscoordinator') && <Keuze week={data.week} />}
    </>
  );
}
