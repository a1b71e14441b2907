import { useRef, type Dispatch, type RefObject } from 'react';
import { Button, Card, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { deelDilemmas, dilemmasKomenTerug, MAX_PER_TAFEL, verdeelTafels } from '@shared/domain/dilemmasessie';
import type { TabDilemma } from '../../../../api/router';
import { useTab } from '../../context';
import { usePaginaStyles } from '../Portal';
import { Timer, VolledigScherm } from './bediening';
import { DilemmaKaart } from './DilemmaKaart';
import { aantalDeelnemers, type SessieActie, type SessieStaat } from './staat';
import { useSessieStyles } from './stijlen';

/**
 * Phase `bezig` of a dilemmaspel: the round, a timer and one card per table with its dilemma (rotated per round
 * by `deelDilemmas`), its choices and discussion questions; says so when one dilemma is played at every table
 * or when the dilemmas come back.
 */
export function Dilemmaspel({
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
  const { t } = useTab();
  const podium = useRef<HTMLDivElement>(null);
  const { ronde } = staat;
  const tafels = verdeelTafels(aantalDeelnemers(staat), MAX_PER_TAFEL);
  const ids = staat.gekozen.filter((id) => dilemmas.some((d) => d.dilemmaId === id));
  const gedeeld = deelDilemmas(ids, tafels.length, ronde);
  const melding = ids.length === 1 ? t('sessie.eenDilemma') : dilemmasKomenTerug(ids.length, ronde) ? t('sessie.dilemmasTerug') : null;
  const minuten = Math.min(60, Math.max(1, Math.floor(Number(staat.minutenPerRonde) || 10)));
  return (
    <Card className={s.podium} ref={podium}>
      <div className={s.rij} style={{ justifyContent: 'space-between' }}>
        <h1 className={s.podiumKop} ref={kop} tabIndex={-1}>
          {t('sessie.ronde', { ronde: ronde + 1 })}
        </h1>
        <VolledigScherm doel={podium} />
      </div>
      <Timer minuten={minuten} sleutel={`ronde-${ronde}`} />
      <div role="status">
        {melding && (
          <MessageBar intent="info">
            <MessageBarBody>{melding}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={s.tafels}>
        {tafels.map((grootte, i) => {
          const d = dilemmas.find((x) => x.dilemmaId === gedeeld[i]);
          return (
            <Card key={i} appearance="filled-alternative">
              <h2 className={p.h2}>{t('sessie.tafel', { nr: i + 1, n: grootte })}</h2>
              {d && <DilemmaKaart dilemma={d} kop="h3" />}
            </Card>
          );
        })}
      </div>
      <div className={s.rij}>
        <Button onClick={() => dispatch({ type: 'volgendeRonde' })}>{t('sessie.volgendeRonde')}</Button>
        <Button appearance="primary" onClick={() => dispatch({ type: 'afronden' })}>
          {t('sessie.afronden')}
        </Button>
      </div>
    </Card>
  );
}
