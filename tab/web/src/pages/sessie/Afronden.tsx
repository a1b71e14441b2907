import type { Dispatch, RefObject } from 'react';
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TabDilemma } from '../../../../api/router';
import { api } from '../../api';
import { useTab } from '../../context';
import { lijstTekst } from '@shared/i18n/formaat';
import { usePaginaStyles } from '../Portal';
import { aantalDeelnemers, deelnemersGeldig, MAX_DEELNEMERS, type SessieActie, type SessieStaat } from './staat';
import { useSessieStyles } from './stijlen';

/** Phases `afronden` (date, participants, summary, record) and `klaar` (thanks, start a new session). */
export function Afronden({
  staat,
  dilemmas,
  dispatch,
  kop,
}: {
  staat: SessieStaat;
  dilemmas: TabDilemma[];
  dispatch: Dispatch<SessieActie>;
  kop: RefObject<HTMLHeadingElement | null>;
}) {
  const p = usePaginaStyles();
  const s = useSessieStyles();
  const { t, aanmelding, locale } = useTab();
  const { fase, resultaat, werkvorm, doelgroep, gekozen, datum } = staat;
  const deelnemersFout = deelnemersGeldig(staat.deelnemers) ? undefined : t('sessie.deelnemersOngeldig', { max: MAX_DEELNEMERS });
  const gekozenDilemmas = gekozen.map((id) => dilemmas.find((d) => d.dilemmaId === id)).filter((d): d is TabDilemma => !!d);

  const vastleggen = async () => {
    try {
      await api(aanmelding, '/sessies', {
        method: 'POST',
        body: { sessieId: staat.sessieId, datum, werkvorm, doelgroep, deelnemers: aantalDeelnemers(staat), dilemmaIds: gekozen },
      });
      dispatch({ type: 'vastgelegd', tekst: t('sessie.vastgelegd') });
    } catch (e) {
      dispatch({ type: 'mislukt', tekst: (e as Error).message });
    }
  };

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
          <Body1 as="p" block>
            {t('sessie.privacy')}
          </Body1>
          <Field label={t('sessie.datum')}>
            <Input type="date" value={datum} onChange={(_, d) => dispatch({ type: 'datum', datum: d.value })} />
          </Field>
          <Field label={t('sessie.deelnemers')} validationState={deelnemersFout ? 'error' : 'none'} validationMessage={deelnemersFout}>
            <Input
              type="number"
              min={1}
              max={MAX_DEELNEMERS}
              value={staat.deelnemers}
              onChange={(_, d) => dispatch({ type: 'deelnemers', waarde: d.value })}
            />
          </Field>
          <Body1 as="p" block>
            {t('sessie.samenvatting', {
              werkvorm: t(`werkvorm.${werkvorm}`),
              doelgroep: t(`doelgroepInZin.${doelgroep}`),
              dilemmas: lijstTekst(
                locale,
                gekozenDilemmas.map((d) => d.titel),
              ),
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
          <Button appearance="primary" onClick={() => dispatch({ type: 'nieuw' })}>
            {t('sessie.nieuwe')}
          </Button>
        </div>
      )}
    </>
  );
}
