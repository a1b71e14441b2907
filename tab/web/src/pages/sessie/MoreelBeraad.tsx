import type { Dispatch, RefObject } from 'react';
import { Body1, Button, Card, Text } from '@fluentui/react-components';
import { MOREEL_BERAAD_LIGHT_STAPPEN } from '@shared/domain/dilemmasessie';
import type { TabDilemma } from '../../../../api/router';
import { useTab } from '../../context';
import { usePaginaStyles } from '../Portal';
import { Timer } from './bediening';
import { DilemmaKaart } from './DilemmaKaart';
import type { SessieActie } from './staat';
import { useSessieStyles } from './stijlen';

/** Phase `bezig` of a moreel beraad light: one step at a time with its question, the casus (with its choices and `gespreksvragen`) and a timer. */
export function MoreelBeraad({
  stap,
  casus,
  dispatch,
  kop,
}: {
  stap: number;
  casus: TabDilemma;
  dispatch: Dispatch<SessieActie>;
  kop: RefObject<HTMLHeadingElement | null>;
}) {
  const p = usePaginaStyles();
  const s = useSessieStyles();
  const { t } = useTab();
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
        <DilemmaKaart dilemma={casus} kop="h2" groot />
      </Card>
      <Timer minuten={st.minuten} sleutel={st.id} />
      <div className={s.rij}>
        <Button onClick={() => dispatch({ type: 'stap', stap: stap - 1 })} disabled={stap === 0}>
          {t('sessie.vorige')}
        </Button>
        <Button appearance="primary" onClick={() => dispatch(laatste ? { type: 'afronden' } : { type: 'stap', stap: stap + 1 })}>
          {laatste ? t('sessie.afronden') : t('sessie.volgende')}
        </Button>
      </div>
    </Card>
  );
}
