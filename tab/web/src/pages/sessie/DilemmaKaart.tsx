import { Body1, tokens } from '@fluentui/react-components';
import type { TabDilemma } from '../../../../api/router';
import { useTab } from '../../context';
import { usePaginaStyles } from '../Portal';

/**
 * A dilemma as a table discusses it: title, text, the possible choices (list `opties`) and the discussion
 * questions from the config (`gespreksvragen`), all rendered as text. `kop` is the heading level of the title.
 */
export function DilemmaKaart({ dilemma, kop, groot = false }: { dilemma: TabDilemma; kop: 'h2' | 'h3'; groot?: boolean }) {
  const p = usePaginaStyles();
  const { t } = useTab();
  const Kop = kop;
  const Sub = kop === 'h2' ? 'h3' : 'h4';
  // Text, choices and questions in one size: the podium's large text (`groot`), else body text (a table card;
  // the lists used to inherit the podium's size while the text beside them was body size).
  const tekstStijl = groot
    ? { fontSize: 'inherit', lineHeight: 'inherit' }
    : { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 };
  return (
    <>
      <Kop className={kop === 'h2' ? p.h2 : p.h3}>{dilemma.titel}</Kop>
      <Body1 as="p" block className={p.tekst} style={tekstStijl}>
        {dilemma.tekst}
      </Body1>
      {dilemma.opties.length > 0 && (
        <>
          <Sub className={p.h3}>{t('sessie.opties')}</Sub>
          <ol className={p.lijst} style={tekstStijl}>
            {dilemma.opties.map((o, i) => (
              <li key={i} className={p.tekst}>
                {o}
              </li>
            ))}
          </ol>
        </>
      )}
      {dilemma.gespreksvragen.length > 0 && (
        <>
          <Sub className={p.h3}>{t('sessie.gespreksvragen')}</Sub>
          <ul className={p.lijst} style={tekstStijl}>
            {dilemma.gespreksvragen.map((v, i) => (
              <li key={i} className={p.tekst}>
                {v}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
