import { useMemo, useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Field, SearchBox, Text } from '@fluentui/react-components';
import type { Contact } from '@shared/config/schema';
import { useTab } from '../context';
import { ContactRegels, usePaginaStyles, type PortalData } from './Portal';

/** "Meldpunten en contactpersonen": every meldpunt with its explanation and contacts, folded. */
export function Meldpunten({ data }: { data: PortalData }) {
  const s = usePaginaStyles();
  const { t, tekst } = useTab();
  return (
    <section className={s.sectie} aria-labelledby="kop-meldpunten">
      <h2 id="kop-meldpunten" className={s.h2}>
        {t('portal.meldpunten.titel')}
      </h2>
      <Accordion multiple collapsible>
        {data.meldpunten.map((m) => {
          const cs = m.contacten.map((id) => data.contacten.find((c) => c.id === id)).filter((c): c is Contact => !!c);
          return (
            <AccordionItem key={m.id} value={m.id}>
              <AccordionHeader as="h3">{tekst(m.naam)}</AccordionHeader>
              <AccordionPanel>
                <Body1 as="p" block className={s.alinea}>
                  {tekst(m.uitleg)}
                  {m.anoniem ? ` ${t('portal.meldpunten.anoniem')}` : ''}
                </Body1>
                {cs.length > 0 ? (
                  <ul className={s.kaal}>
                    {cs.map((c) => (
                      <ContactRegels key={c.id} contact={c} />
                    ))}
                  </ul>
                ) : (
                  <Body1 as="p" block className={s.alinea}>
                    {t('portal.meldpunten.eigen')}
                  </Body1>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

/** "Veelgestelde vragen": the FAQ from the config, searchable (accents and case ignored), folded. */
export function Faq({ data }: { data: PortalData }) {
  const s = usePaginaStyles();
  const { t, tekst, locale } = useTab();
  const [zoek, setZoek] = useState('');
  const norm = (x: string) =>
    x
      .toLocaleLowerCase(locale)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  const gevonden = useMemo(() => {
    const q = norm(zoek.trim());
    if (!q) return data.faq;
    return data.faq.filter((f) => [tekst(f.vraag), tekst(f.antwoord), ...f.trefwoorden].some((x) => norm(x).includes(q)));
  }, [zoek, data.faq, locale]);
  return (
    <section className={s.sectie} aria-labelledby="kop-faq">
      <h2 id="kop-faq" className={s.h2}>
        {t('portal.faq.titel')}
      </h2>
      <Field label={t('portal.faq.zoek')}>
        <SearchBox value={zoek} onChange={(_, d) => setZoek(d.value)} />
      </Field>
      <Text role="status" as="p" block className={s.zacht}>
        {t(zoek.trim() ? 'portal.faq.aantal' : 'portal.faq.alle', { n: gevonden.length })}
      </Text>
      <Accordion multiple collapsible>
        {gevonden.map((f, i) => (
          <AccordionItem key={i} value={i}>
            <AccordionHeader as="h3">{tekst(f.vraag)}</AccordionHeader>
            <AccordionPanel>
              <Body1 as="p" block className={s.tekst}>
                {tekst(f.antwoord)}
              </Body1>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
