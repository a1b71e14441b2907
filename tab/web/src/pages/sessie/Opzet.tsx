import type { Dispatch, RefObject } from 'react';
import { Body1, Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { MAX_PER_TAFEL, verdeelTafels } from '@shared/domain/dilemmasessie';
import { DOELGROEPEN } from '@shared/lists/definitions';
import type { TabDilemma } from '../../../../api/router';
import { useTab } from '../../context';
import { usePaginaStyles } from '../Portal';
import {
  aantalDeelnemers,
  deelnemersGeldig,
  MAX_DEELNEMERS,
  type Doelgroep,
  type SessieActie,
  type SessieStaat,
  type Werkvorm,
} from './staat';
import { useSessieStyles } from './stijlen';

/** Phase `opzet`: choose the werkvorm, doelgroep, number of participants and the dilemma(s), then start. */
export function Opzet({
  staat,
  dispatch,
  dilemmas,
  kop,
}: {
  staat: SessieStaat;
  dispatch: Dispatch<SessieActie>;
  dilemmas: TabDilemma[];
  kop: RefObject<HTMLHeadingElement | null>;
}) {
  const p = usePaginaStyles();
  const s = useSessieStyles();
  const { t } = useTab();
  const { werkvorm, gekozen } = staat;
  const deelnemersFout = deelnemersGeldig(staat.deelnemers) ? undefined : t('sessie.deelnemersOngeldig', { max: MAX_DEELNEMERS });
  const tafels = verdeelTafels(aantalDeelnemers(staat), MAX_PER_TAFEL);
  const geldig = !deelnemersFout && gekozen.some((id) => dilemmas.some((d) => d.dilemmaId === id));
  return (
    <>
      <h1 className={p.h1} ref={kop} tabIndex={-1}>
        {t('sessie.titel')}
      </h1>
      <Body1 as="p" block>
        {t('sessie.intro')}
      </Body1>
      <div className={s.formulier}>
        <Field label={t('sessie.werkvorm')}>
          <RadioGroup value={werkvorm} onChange={(_, d) => dispatch({ type: 'werkvorm', werkvorm: d.value as Werkvorm })}>
            <Radio value="moreelBeraadLight" label={t('werkvorm.moreelBeraadLight')} />
            <Radio value="dilemmaspel" label={t('werkvorm.dilemmaspel')} />
          </RadioGroup>
        </Field>
        <Field label={t('sessie.doelgroep')}>
          <Select value={staat.doelgroep} onChange={(_, d) => dispatch({ type: 'doelgroep', doelgroep: d.value as Doelgroep })}>
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
          hint={
            werkvorm === 'dilemmaspel' && !deelnemersFout
              ? t(tafels.length === 1 ? 'sessie.tafelsHint.een' : 'sessie.tafelsHint', { tafels: tafels.length, max: MAX_PER_TAFEL })
              : undefined
          }
        >
          <Input
            type="number"
            min={1}
            max={MAX_DEELNEMERS}
            value={staat.deelnemers}
            onChange={(_, d) => dispatch({ type: 'deelnemers', waarde: d.value })}
          />
        </Field>
        {werkvorm === 'dilemmaspel' ? (
          <>
            <Field label={t('sessie.minutenPerRonde')}>
              <Input
                type="number"
                min={1}
                max={60}
                value={staat.minutenPerRonde}
                onChange={(_, d) => dispatch({ type: 'minutenPerRonde', waarde: d.value })}
              />
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
                    onChange={(_, c) => dispatch({ type: 'wisselDilemma', id: d.dilemmaId, aan: !!c.checked })}
                  />
                ))}
              </div>
              {gekozen.length === 1 && (
                <Text as="p" block id="een-dilemma" className={p.zacht}>
                  {t('sessie.eenDilemma')}
                </Text>
              )}
            </fieldset>
          </>
        ) : (
          <Field label={t('sessie.kiesCasus')}>
            <Select value={gekozen[0] ?? ''} onChange={(_, d) => dispatch({ type: 'kies', ids: [d.value] })}>
              {dilemmas.map((d) => (
                <option key={d.dilemmaId} value={d.dilemmaId}>
                  {d.titel}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className={s.rij}>
          <Button appearance="primary" disabled={!geldig} onClick={() => dispatch({ type: 'start' })}>
            {t('sessie.start')}
          </Button>
        </div>
      </div>
    </>
  );
}
