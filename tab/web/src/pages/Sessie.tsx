import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { deelDilemmas, formatTimer, MAX_PER_TAFEL, MOREEL_BERAAD_LIGHT_STAPPEN, verdeelTafels } from '@shared/domain/dilemmasessie';
import { DOELGROEPEN } from '@shared/lists/definitions';
import type { TabDilemma } from '../../../api/router';
import { api } from '../api';
import { useTab } from '../context';
import { usePaginaStyles } from './Portal';

type Werkvorm = 'dilemmaspel' | 'moreelBeraadLight';
type Fase = 'opzet' | 'bezig' | 'afronden' | 'klaar';

/** Most participants the form accepts (the API allows up to 10.000; a session in the tab is one group). */
export const MAX_DEELNEMERS = 500;

/** True when `waarde` (the input's text) is a whole number from 1 to MAX_DEELNEMERS. */
export function deelnemersGeldig(waarde: string): boolean {
  const getal = Number(waarde);
  return waarde.trim() !== '' && Number.isInteger(getal) && getal >= 1 && getal <= MAX_DEELNEMERS;
}

/** A fresh session id `DS-<year>-<12 hex>` (the API makes a repeated POST with the same id idempotent). */
function nieuwSessieId(): string {
  return `DS-${new Date().getFullYear()}-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const useStyles = makeStyles({
  formulier: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  rij: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  podium: {
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    overflowY: 'auto',
  },
  podiumKop: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  timer: { fontSize: tokens.fontSizeHero900, lineHeight: tokens.lineHeightHero900, fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  tafels: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  dilemmas: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** A countdown of `minuten`, started and paused by the facilitator; announces when time is up. */
function Timer({ minuten, sleutel }: { minuten: number; sleutel: string }) {
  const s = useStyles();
  const { t } = useTab();
  const [rest, setRest] = useState(minuten * 60);
  const [loopt, setLoopt] = useState(false);
  useEffect(() => {
    setRest(minuten * 60);
    setLoopt(false);
  }, [minuten, sleutel]);
  useEffect(() => {
    if (!loopt) return;
    const id = setInterval(() => setRest((r) => (r <= 1 ? (setLoopt(false), 0) : r - 1)), 1000);
    return () => clearInterval(id);
  }, [loopt]);
  return (
    <div className={s.rij}>
      <span className={s.timer} role="timer" aria-label={t('sessie.timerLabel', { tijd: formatTimer(rest) })}>
        {formatTimer(rest)}
      </span>
      <Button onClick={() => setLoopt(!loopt)} disabled={rest === 0}>
        {loopt ? t('sessie.pauze') : t('sessie.startTimer')}
      </Button>
      <Button onClick={() => (setRest(minuten * 60), setLoopt(false))}>{t('sessie.herstart')}</Button>
      <span role="status">{rest === 0 ? t('sessie.tijdOm') : ''}</span>
    </div>
  );
}

/** Full-screen toggle for the presentation view (projector). */
function VolledigScherm({ doel }: { doel: RefObject<HTMLDivElement | null> }) {
  const { t } = useTab();
  const [aan, setAan] = useState(false);
  useEffect(() => {
    const wissel = () => setAan(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', wissel);
    return () => document.removeEventListener('fullscreenchange', wissel);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <Button
      appearance="subtle"
      onClick={() => {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void doel.current?.requestFullscreen();
      }}
    >
      {aan ? t('sessie.vensterScherm') : t('sessie.volledigScherm')}
    </Button>
  );
}

/** Sessie leiden (`/sessie`): set up a dilemmaspel or moreel beraad light, present it, record it. */
export function Sessie() {
  const p = usePaginaStyles();
  const s = useStyles();
  const { t, aanmelding, rollen, locale } = useTab();
  const mag = rollen.some((r) => r === 'manager' || r === 'hr' || r === 'integriteitscoordinator');
  const [dilemmas, setDilemmas] = useState<TabDilemma[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [werkvorm, setWerkvorm] = useState<Werkvorm>('moreelBeraadLight');
  const [doelgroep, setDoelgroep] = useState<(typeof DOELGROEPEN)[number]>('afdeling');
  const [deelnemers, setDeelnemers] = useState('8');
  const [minutenPerRonde, setMinutenPerRonde] = useState('10');
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [fase, setFase] = useState<Fase>('opzet');
  const [stap, setStap] = useState(0);
  const [ronde, setRonde] = useState(0);
  const [datum, setDatum] = useState(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
  const [resultaat, setResultaat] = useState<{ intent: 'success' | 'error'; tekst: string } | null>(null);
  const sessieId = useRef(nieuwSessieId());
  const kop = useRef<HTMLHeadingElement>(null);
  const podium = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!mag) return;
    api<{ dilemmas: TabDilemma[] }>(aanmelding, '/dilemmas').then(
      (r) => {
        setDilemmas(r.dilemmas);
        setGekozen(r.dilemmas.slice(0, 1).map((d) => d.dilemmaId));
      },
      (e: Error) => setFout(e.message),
    );
  }, [aanmelding, mag]);
  useEffect(() => {
    kop.current?.focus();
  }, [fase, stap, ronde]);

  if (!mag)
    return (
      <>
        <h1 className={p.h1}>{t('sessie.titel')}</h1>
        <MessageBar intent="info">
          <MessageBarBody>{t('sessie.alleenManagers')}</MessageBarBody>
        </MessageBar>
      </>
    );
  if (fout)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{fout}</MessageBarBody>
      </MessageBar>
    );
  if (!dilemmas) return <Spinner label={t('laden')} />;

  const n = Math.max(0, Math.floor(Number(deelnemers) || 0));
  const deelnemersFout = deelnemersGeldig(deelnemers) ? undefined : t('sessie.deelnemersOngeldig', { max: MAX_DEELNEMERS });
  const gekozenDilemmas = gekozen.map((id) => dilemmas.find((d) => d.dilemmaId === id)).filter((d): d is TabDilemma => !!d);
  const casus = gekozenDilemmas[0];
  const tafels = verdeelTafels(n, MAX_PER_TAFEL);
  const geldig = !deelnemersFout && gekozenDilemmas.length >= 1;

  const vastleggen = async () => {
    try {
      await api(aanmelding, '/sessies', {
        method: 'POST',
        body: { sessieId: sessieId.current, datum, werkvorm, doelgroep, deelnemers: n, dilemmaIds: gekozen },
      });
      setResultaat({ intent: 'success', tekst: t('sessie.vastgelegd') });
      setFase('klaar');
    } catch (e) {
      setResultaat({ intent: 'error', tekst: (e as Error).message });
    }
  };

  if (fase === 'opzet') {
    return (
      <>
        <h1 className={p.h1} ref={kop} tabIndex={-1}>
          {t('sessie.titel')}
        </h1>
        <Body1 as="p" block>{t('sessie.intro')}</Body1>
        <div className={s.formulier}>
          <Field label={t('sessie.werkvorm')}>
            <RadioGroup
              value={werkvorm}
              onChange={(_, d) => {
                setWerkvorm(d.value as Werkvorm);
                if (d.value === 'moreelBeraadLight') setGekozen((g) => g.slice(0, 1));
              }}
            >
              <Radio value="moreelBeraadLight" label={t('werkvorm.moreelBeraadLight')} />
              <Radio value="dilemmaspel" label={t('werkvorm.dilemmaspel')} />
            </RadioGroup>
          </Field>
          <Field label={t('sessie.doelgroep')}>
            <Select value={doelgroep} onChange={(_, d) => setDoelgroep(d.value as (typeof DOELGROEPEN)[number])}>
              {DOELGROEPEN.map((g) => (
                <option key={g} value={g}>
                  {t(`doelgroep.${g}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('sessie.deelnemers')}
            validationState={deelnemersFout ? 'error' : 'none'}
            validationMessage={deelnemersFout}
            hint={werkvorm === 'dilemmaspel' && !deelnemersFout ? t(tafels.length === 1 ? 'sessie.tafelsHint.een' : 'sessie.tafelsHint', { tafels: tafels.length, max: MAX_PER_TAFEL }) : undefined}
          >
            <Input type="number" min={1} max={MAX_DEELNEMERS} value={deelnemers} onChange={(_, d) => setDeelnemers(d.value)} />
          </Field>
          {werkvorm === 'dilemmaspel' ? (
            <>
              <Field label={t('sessie.minutenPerRonde')}>
                <Input type="number" min={1} max={60} value={minutenPerRonde} onChange={(_, d) => setMinutenPerRonde(d.value)} />
              </Field>
              <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
                <legend>
                  <Text weight="semibold">{t('sessie.kiesDilemmas')}</Text>
                </legend>
                <div className={s.dilemmas}>
                  {dilemmas.map((d) => (
                    <Checkbox
                      key={d.dilemmaId}
                      label={d.titel}
                      checked={gekozen.includes(d.dilemmaId)}
                      onChange={(_, c) => setGekozen((g) => (c.checked ? [...g, d.dilemmaId] : g.filter((x) => x !== d.dilemmaId)))}
                    />
                  ))}
                </div>
              </fieldset>
            </>
          ) : (
            <Field label={t('sessie.kiesCasus')}>
              <Select value={gekozen[0] ?? ''} onChange={(_, d) => setGekozen([d.value])}>
                {dilemmas.map((d) => (
                  <option key={d.dilemmaId} value={d.dilemmaId}>
                    {d.titel}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <div className={s.rij}>
            <Button
              appearance="primary"
              disabled={!geldig}
              onClick={() => {
                setStap(0);
                setRonde(0);
                setFase('bezig');
              }}
            >
              {t('sessie.start')}
            </Button>
          </div>
        </div>
      </>
    );
  }

  if (fase === 'bezig' && werkvorm === 'moreelBeraadLight' && casus) {
    const st = MOREEL_BERAAD_LIGHT_STAPPEN[stap];
    const laatste = stap === MOREEL_BERAAD_LIGHT_STAPPEN.length - 1;
    return (
      <Card className={s.podium} aria-labelledby="podium-kop">
        <Text as="p" block className={p.zacht}>
          {t('sessie.stapVan', { stap: stap + 1, totaal: MOREEL_BERAAD_LIGHT_STAPPEN.length })}
        </Text>
        <h1 id="podium-kop" className={s.podiumKop} ref={kop} tabIndex={-1}>
          {t(`stap.${st.id}.titel`)}
        </h1>
        <Body1 as="p" block style={{ fontSize: 'inherit', lineHeight: 'inherit' }}>
          {t(`stap.${st.id}.vraag`)}
        </Body1>
        <Card appearance="filled-alternative">
          <h2 className={p.h2}>{casus.titel}</h2>
          <Body1 as="p" block className={p.tekst} style={{ fontSize: 'inherit', lineHeight: 'inherit' }}>
            {casus.tekst}
          </Body1>
        </Card>
        <Timer minuten={st.minuten} sleutel={st.id} />
        <div className={s.rij}>
          <Button onClick={() => setStap(stap - 1)} disabled={stap === 0}>
            {t('sessie.vorige')}
          </Button>
          <Button appearance="primary" onClick={() => (laatste ? setFase('afronden') : setStap(stap + 1))}>
            {laatste ? t('sessie.afronden') : t('sessie.volgende')}
          </Button>
        </div>
      </Card>
    );
  }

  if (fase === 'bezig') {
    const gedeeld = deelDilemmas(gekozen, tafels.length, ronde);
    const minuten = Math.min(60, Math.max(1, Math.floor(Number(minutenPerRonde) || 10)));
    return (
      <Card className={s.podium} ref={podium}>
        <div className={s.rij} style={{ justifyContent: 'space-between' }}>
          <h1 className={s.podiumKop} ref={kop} tabIndex={-1}>
            {t('sessie.ronde', { ronde: ronde + 1 })}
          </h1>
          <VolledigScherm doel={podium} />
        </div>
        <Timer minuten={minuten} sleutel={`ronde-${ronde}`} />
        <div className={s.tafels}>
          {tafels.map((grootte, i) => {
            const d = dilemmas.find((x) => x.dilemmaId === gedeeld[i]);
            return (
              <Card key={i} appearance="filled-alternative">
                <h2 className={p.h2}>{t('sessie.tafel', { nr: i + 1, n: grootte })}</h2>
                {d && (
                  <>
                    <h3 className={p.h3}>{d.titel}</h3>
                    <Body1 as="p" block className={p.tekst}>
                      {d.tekst}
                    </Body1>
                  </>
                )}
              </Card>
            );
          })}
        </div>
        <div className={s.rij}>
          <Button onClick={() => setRonde(ronde + 1)}>{t('sessie.volgendeRonde')}</Button>
          <Button appearance="primary" onClick={() => setFase('afronden')}>
            {t('sessie.afronden')}
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <>
      <h1 className={p.h1} ref={kop} tabIndex={-1}>
        {fase === 'klaar' ? t('sessie.klaarTitel') : t('sessie.afrondenTitel')}
      </h1>
      <div role="status">
        {resultaat && (
          <MessageBar intent={resultaat.intent}>
            <MessageBarBody>
              {resultaat.intent === 'success' && <MessageBarTitle>{t('sessie.bedankt')}</MessageBarTitle>}
              {resultaat.tekst}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {fase === 'afronden' && (
        <div className={s.formulier}>
          <Body1 as="p" block>{t('sessie.privacy')}</Body1>
          <Field label={t('sessie.datum')}>
            <Input type="date" value={datum} onChange={(_, d) => setDatum(d.value)} />
          </Field>
          <Field label={t('sessie.deelnemers')} validationState={deelnemersFout ? 'error' : 'none'} validationMessage={deelnemersFout}>
            <Input type="number" min={1} max={MAX_DEELNEMERS} value={deelnemers} onChange={(_, d) => setDeelnemers(d.value)} />
          </Field>
          <Body1 as="p" block>
            {t('sessie.samenvatting', {
              werkvorm: t(`werkvorm.${werkvorm}`),
              doelgroep: t(`doelgroep.${doelgroep}`),
              dilemmas: gekozenDilemmas.map((d) => d.titel).join(locale === 'en' ? ', ' : ', '),
            })}
          </Body1>
          <div className={s.rij}>
            <Button appearance="primary" onClick={vastleggen} disabled={!!deelnemersFout}>
              {t('sessie.vastleggen')}
            </Button>
          </div>
        </div>
      )}
      {fase === 'klaar' && (
        <div className={s.rij}>
          <Button
            appearance="primary"
            onClick={() => {
              sessieId.current = nieuwSessieId();
              setResultaat(null);
              setStap(0);
              setRonde(0);
              setFase('opzet');
            }}
          >
            {t('sessie.nieuwe')}
          </Button>
        </div>
      )}
    </>
  );
}
