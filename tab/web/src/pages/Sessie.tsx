import { useEffect, useReducer, useRef, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { tabSessie } from '@shared/i18n/messages/tab-sessie';
import type { TabDilemma } from '../../../api/router';
import { magPagina } from '../../../api/pagina-rollen';
import { api } from '../api';
import { laadBerichten } from '../berichten';
import { useTab } from '../context';
import { usePaginaStyles } from './Portal';
import { Afronden } from './sessie/Afronden';
import { Dilemmaspel } from './sessie/Dilemmaspel';
import { MoreelBeraad } from './sessie/MoreelBeraad';
import { Opzet } from './sessie/Opzet';
import { beginStaat, sessieReducer } from './sessie/staat';

// This page's texts come with its chunk (the portal does not load them).
laadBerichten(tabSessie);

export { deelnemersGeldig, MAX_DEELNEMERS } from './sessie/staat';

/**
 * Sessie leiden (`/sessie`): set up a dilemmaspel or moreel beraad light, present it, record it. This component
 * loads the dilemmas and holds the session state (sessie/staat.ts); each phase is its own component.
 */
export function Sessie() {
  const p = usePaginaStyles();
  const { t, aanmelding, rollen } = useTab();
  const mag = magPagina(rollen, '/sessie');
  const [dilemmas, setDilemmas] = useState<TabDilemma[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [staat, dispatch] = useReducer(sessieReducer, undefined, beginStaat);
  const kop = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!mag) return;
    api<{ dilemmas: TabDilemma[] }>(aanmelding, '/dilemmas').then(
      (r) => {
        setDilemmas(r.dilemmas);
        dispatch({ type: 'dilemmasGeladen', ids: r.dilemmas.map((d) => d.dilemmaId) });
      },
      (e: Error) => setFout(e.message),
    );
  }, [aanmelding, mag]);
  useEffect(() => {
    kop.current?.focus();
  }, [staat.fase, staat.stap, staat.ronde]);

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

  const casus = dilemmas.find((d) => d.dilemmaId === staat.gekozen.find((id) => dilemmas.some((x) => x.dilemmaId === id)));
  if (staat.fase === 'opzet') return <Opzet staat={staat} dispatch={dispatch} dilemmas={dilemmas} kop={kop} />;
  if (staat.fase === 'bezig' && staat.werkvorm === 'moreelBeraadLight' && casus)
    return <MoreelBeraad stap={staat.stap} casus={casus} dispatch={dispatch} kop={kop} />;
  if (staat.fase === 'bezig') return <Dilemmaspel staat={staat} dilemmas={dilemmas} dispatch={dispatch} kop={kop} />;
  return <Afronden staat={staat} dilemmas={dilemmas} dispatch={dispatch} kop={kop} />;
}
