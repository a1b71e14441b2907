/**
 * Counts and weeks in the running text of the tab, the annual report and the lists CLI (issue 16 item 4):
 * ICU plurals in the catalogue, chosen by Intl.PluralRules, instead of hand-written `n === 1` rules or
 * `{n|een|meer}` texts; ISO weeks ("2026-W49") shown as "week 49". Expected forms are written from the
 * languages: Dutch "1 vraag" / "2 vragen", "1 stem" / "0 stemmen", "1 melding kwam" / "2 meldingen kwamen";
 * English "1 question" / "0 questions" (English 0 is plural); Dutch numbers group thousands with a dot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '@shared/i18n';
import { weekTekst } from '@shared/i18n/formaat';
import { tTab } from '@shared/i18n/tab';
import { aantal } from '@shared/cli/lists';

describe('tab: counts and weeks', () => {
  test('FAQ search: 1 vraag / 2 vragen, 1 question / 0 questions', () => {
    expect(tTab('nl', 'tab.portal.faq.aantal', { n: 1 })).toBe('1 vraag gevonden');
    expect(tTab('nl', 'tab.portal.faq.aantal', { n: 2 })).toBe('2 vragen gevonden');
    expect(tTab('nl', 'tab.portal.faq.aantal', { n: 0 })).toBe('0 vragen gevonden');
    expect(tTab('en', 'tab.portal.faq.aantal', { n: 1 })).toBe('1 question found');
    expect(tTab('en', 'tab.portal.faq.aantal', { n: 0 })).toBe('0 questions found');
  });

  test('dilemma of the week: Uitslag (1 stem) / (3 stemmen), Results (1 vote) / (3 votes)', () => {
    expect(tTab('nl', 'tab.dilemma.uitslag', { n: 1 })).toBe('Uitslag (1 stem)');
    expect(tTab('nl', 'tab.dilemma.uitslag', { n: 3 })).toBe('Uitslag (3 stemmen)');
    expect(tTab('en', 'tab.dilemma.uitslag', { n: 1 })).toBe('Results (1 vote)');
    expect(tTab('en', 'tab.dilemma.uitslag', { n: 3 })).toBe('Results (3 votes)');
  });

  test('the week as people write it: "week 49", "Week 49" on its own, never "2026-W49"', () => {
    expect(weekTekst('nl', '2026-W49', { begin: true })).toBe('Week 49');
    expect(weekTekst('en', '2026-W49', { begin: true, metJaar: true })).toBe('Week 49 of 2026');
    expect(tTab('nl', 'tab.dilemma.week', { week: weekTekst('nl', '2026-W49', { begin: true }) })).toBe('Week 49');
    expect(tTab('nl', 'tab.dilemma.keuze.label', { week: weekTekst('nl', '2026-W50') })).toBe('Dilemma voor week 50');
    expect(tTab('en', 'tab.dilemma.keuze.label', { week: weekTekst('en', '2026-W50') })).toBe('Dilemma for week 50');
    expect(tTab('nl', 'tab.dilemma.keuze.opgeslagen', { week: weekTekst('nl', '2026-W50') })).toBe(
      'Opgeslagen: dit dilemma verschijnt in week 50.',
    );
    expect(tTab('en', 'tab.dilemma.keuze.uitleg', { week: weekTekst('en', '2026-W50') })).toBe(
      'The dilemma rotates every week by itself. Choose a different dilemma for week 50 here.',
    );
  });
});

describe('report: catalogue plurals', () => {
  test('verb and noun agree with the count; a suppressed "<5" reads as plural', () => {
    expect(t('nl', 'report.meldingen.tekst', { jaar: 2026, totaal: 1, anoniem: 0 })).toMatch(
      /^In 2026 kwam 1 melding binnen, waarvan geen anoniem\./,
    );
    expect(t('nl', 'report.meldingen.tekst', { jaar: 2026, totaal: 2, anoniem: 1 })).toMatch(
      /^In 2026 kwamen 2 meldingen binnen, waarvan 1 anoniem\./,
    );
    expect(t('nl', 'report.meldingen.tekst', { jaar: 2026, totaal: '<5', anoniem: '<5' })).toMatch(/^In 2026 kwamen <5 meldingen binnen/);
    expect(t('en', 'report.meldingen.tekst', { jaar: 2026, totaal: 1, anoniem: 0 })).toMatch(/^In 2026, 1 report was received/);
    expect(t('en', 'report.meldingen.tekst', { jaar: 2026, totaal: 0, anoniem: 0 })).toMatch(/^In 2026, no reports were received\./);
    expect(t('nl', 'report.uitleg.zaken', { n: 1 })).toBe(
      'De tabel beschrijft 1 onderzochte melding in codes, zonder namen of omschrijvingen van personen.',
    );
    expect(t('en', 'report.uitleg.zaken', { n: 4 })).toBe(
      'The table describes 4 investigated reports in codes, without names or descriptions of people.',
    );
  });

  test('no catalogue text keeps the hand-written {n|een|meer} form', () => {
    const map = path.join(__dirname, '../../shared/src/i18n/messages');
    for (const bestand of fs.readdirSync(map)) {
      const tekst = fs.readFileSync(path.join(map, bestand), 'utf8');
      expect({ bestand, oudeVorm: /\{\w+\|[^{}|]*\|[^{}]*\}/.test(tekst) }).toEqual({ bestand, oudeVorm: false });
    }
  });
});

describe('report: a count of 0 reads "geen" / "no", not "0 … 0 keer"', () => {
  test('confidential counsellors: no conversations, none external, no referral', () => {
    const nul = { jaar: '2026', totaal: 0, meldingen: 0, extern: 0, doorverwezen: 0 };
    expect(t('nl', 'report.vp.tekst', nul)).toBe(
      'In 2026 voerden de vertrouwenspersonen geen gesprekken. Geen gesprek was met een externe vertrouwenspersoon; er werd niet doorverwezen.',
    );
    expect(t('en', 'report.vp.tekst', nul)).toBe(
      'In 2026 the confidential counsellors held no conversations. None was with an external counsellor; none led to a referral.',
    );
    expect(t('nl', 'report.vp.tekst', { jaar: '2026', totaal: 3, meldingen: 0, extern: 1, doorverwezen: 2 })).toBe(
      'In 2026 voerden de vertrouwenspersonen 3 gesprekken, waarvan geen over een nieuwe kwestie. 1 gesprek was met een externe vertrouwenspersoon; 2 keer werd doorverwezen.',
    );
  });

  test('every other running text of the report with all counts 0', () => {
    const nl = (key: string, p: Record<string, string | number>) => t('nl', `report.${key}`, { jaar: '2026', ...p });
    const en = (key: string, p: Record<string, string | number>) => t('en', `report.${key}`, { jaar: '2026', ...p });
    expect(nl('meldingen.tekst', { totaal: 0, anoniem: 0 })).toMatch(/^In 2026 kwamen geen meldingen binnen\. De tabellen/);
    expect(nl('anoniem.tekst', { ontvangen: 0 })).toMatch(/^In 2026 kwamen geen anonieme meldingen binnen\./);
    expect(en('anoniem.tekst', { ontvangen: 0 })).toMatch(/^In 2026, no anonymous reports were received\./);
    const ambtseed = { afgelegd: 0, eed: 0, belofte: 0, bijeenkomsten: 0, integriteitsverklaring: 0 };
    expect(nl('ambtseed.tekst', ambtseed)).toBe(
      'In 2026 legde geen medewerker de eed of belofte af; geen externe of stagiair tekende een integriteitsverklaring.',
    );
    expect(en('ambtseed.tekst', ambtseed)).toBe(
      'In 2026, no employee took the oath or affirmation; no external or intern signed an integrity declaration.',
    );
    expect(nl('onboarding.tekst', { nieuweMedewerkers: 0, workshopDeelnemers: 0 })).toBe(
      'Er kwamen geen nieuwe medewerkers in dienst; geen medewerker volgde de workshop integriteit.',
    );
    expect(nl('dilemma.tekst', { sessies: 0, bereik: 0 })).toBe('Er waren geen dilemmasessies of bijeenkomsten moreel beraad.');
    expect(en('dilemma.tekst', { sessies: 0, bereik: 0 })).toBe('There were no dilemma sessions or moral deliberations.');
    expect(nl('agressie.tekst', { incidenten: 0 })).toBe('Er zijn geen incidenten van agressie en geweld door externen geregistreerd.');
    expect(en('agressie.tekst', { incidenten: 0 })).toBe('No incidents of aggression and violence by outsiders were recorded.');
    expect(nl('meldwijzer.tekst', { raadplegingen: 0 })).toBe('De meldwijzer in Teams toonde geen enkele keer een route.');
    expect(nl('meldwijzer.tekst', { raadplegingen: 12 })).toBe('De meldwijzer in Teams toonde 12 keer een route.');
    expect(en('meldwijzer.tekst', { raadplegingen: 0 })).toBe('The reporting guide in Teams did not show a route at all.');
    expect(nl('vog.tekst', { gevraagd: 0, ontvangen: 0, nietOntvangen: 0, openstaand: 0 })).toMatch(/In 2026 werd geen VOG gevraagd\.$/);
    expect(nl('vog.tekst', { gevraagd: 1, ontvangen: 1, nietOntvangen: 0, openstaand: 0 })).toMatch(
      /In 2026 werd 1 VOG gevraagd: 1 ontvangen, 0 niet ontvangen en 0 nog open\.$/,
    );
    expect(nl('uitleg.wbkTeLaat', { bevestiging: 0, terugkoppeling: 2 })).toBe(
      'Niet binnen de termijn: geen ontvangstbevestigingen en 2 terugkoppelingen.',
    );
  });

  test('the nevenwerk register: "1 financieel belang", "geen" for 0, plural for a suppressed "<5"', () => {
    const p = (n: number | string, vraag: number | string) => ({
      jaar: '2026',
      geregistreerd: n,
      financieleBelangen: n,
      beoordeeld: n,
      gevraagd: vraag,
      bevestigd: vraag,
      beeindigd: 0,
      openstaand: 0,
    });
    expect(t('nl', 'report.nevenwerk.tekst', p(1, 1))).toBe(
      'In 2026 stond 1 nevenwerkzaamheid en 1 financieel belang geregistreerd; 1 registratie was beoordeeld door de leidinggevende. ' +
        'In de jaarlijkse actualisering werd 1 registratie voorgelegd: 1 bevestigd, 0 beëindigd, 0 zonder antwoord.',
    );
    expect(t('nl', 'report.nevenwerk.tekst', p(0, 0))).toBe(
      'In 2026 stonden geen nevenwerkzaamheden en geen financiële belangen geregistreerd; geen registratie was beoordeeld door de ' +
        'leidinggevende. In de jaarlijkse actualisering werd geen registratie voorgelegd.',
    );
    expect(t('nl', 'report.nevenwerk.tekst', p('<5', '<5'))).toMatch(
      /^In 2026 stonden <5 nevenwerkzaamheden en <5 financiële belangen geregistreerd; <5 registraties waren beoordeeld/,
    );
    expect(t('en', 'report.nevenwerk.tekst', p(1, 0))).toBe(
      'In 2026, 1 outside activity was registered together with 1 financial interest; 1 registration was assessed by the manager. ' +
        'In the yearly update, no registration was put to the employees.',
    );
    expect(t('nl', 'nevenwerk.team.intro', { n: 2, getoond: 2 })).toBe('2 registraties wachten op je beoordeling (hieronder 2).');
    expect(t('en', 'nevenwerk.team.intro', { n: 1, getoond: 1 })).toBe('1 registration is waiting for your assessment (1 below).');
    expect(t('nl', 'publicatie.nevenwerk.cli.geschreven', { html: 'a.html', csv: 'a.csv', n: 0 })).toBe(
      'Geschreven: a.html en a.csv (geen regels).',
    );
    expect(t('nl', 'publicatie.nevenwerk.cli.zonderActiviteit', { n: 3 })).toMatch(
      /^Let op: 3 registraties hebben nog geen publicatietekst/,
    );
  });

  test('hours, days and years in the registers: "1 hour", "1 dag geleden", "elk jaar"', () => {
    expect(t('en', 'nevenwerk.uren', { n: 1 })).toBe('1 hour per month');
    expect(t('en', 'nevenwerk.uren', { n: 6 })).toBe('6 hours per month');
    expect(t('nl', 'nevenwerk.uren', { n: 1 })).toBe('1 uur per maand');
    expect(t('nl', 'vog.verzoek.herinnering', { dagen: 1, functie: 'BOA' })).toMatch(/^Herinnering: 1 dag geleden vroeg ik/);
    expect(t('nl', 'vog.verzoek.herinnering', { dagen: 14, functie: 'BOA' })).toMatch(/^Herinnering: 14 dagen geleden vroeg ik/);
    expect(t('en', 'vog.verzoek.herinnering', { dagen: 1, functie: 'BOA' })).toMatch(/^Reminder: 1 day ago I asked/);
    // A VOG every year or every 3 years ("elk jaar", never "elke 1 jaar"; "every year", never "every 1 years").
    expect(t('nl', 'vog.overzicht.voetnoot', { functies: 'BOA', jaren: 1 })).toBe('Functies die een VOG vragen: BOA; elk jaar een nieuwe.');
    expect(t('nl', 'vog.overzicht.voetnoot', { functies: 'BOA', jaren: 3 })).toBe(
      'Functies die een VOG vragen: BOA; elke 3 jaar een nieuwe.',
    );
    expect(t('en', 'vog.overzicht.voetnoot', { functies: 'BOA', jaren: 1 })).toBe(
      'Positions that require a VOG: BOA; a new one every year.',
    );
    expect(t('en', 'vog.overzicht.voetnoot', { functies: 'BOA', jaren: 3 })).toBe(
      'Positions that require a VOG: BOA; a new one every 3 years.',
    );
  });

  test('a count written with thousands grouped ("1.000", "1,000") is a thousand, never singular', () => {
    expect(t('nl', 'report.meldingen.tekst', { jaar: '2026', totaal: '1.000', anoniem: '1' })).toMatch(
      /^In 2026 kwamen 1\.000 meldingen binnen, waarvan 1 anoniem\./,
    );
    expect(t('en', 'report.meldingen.tekst', { jaar: '2026', totaal: '1,000', anoniem: '0' })).toMatch(
      /^In 2026, 1,000 reports were received, none of them anonymous\./,
    );
    expect(t('nl', 'report.agressie.tekst', { incidenten: '1' })).toBe(
      'Er is 1 incident van agressie en geweld door externen geregistreerd.',
    );
  });
});

describe('lists CLI: aantal', () => {
  test('1 regel / 2 regels, 1 rij / 0 rijen, thousands with a dot', () => {
    expect(aantal(1, 'regel')).toBe('1 regel');
    expect(aantal(2, 'regel')).toBe('2 regels');
    expect(aantal(1, 'rij')).toBe('1 rij');
    expect(aantal(0, 'rij')).toBe('0 rijen');
    expect(aantal(1234, 'item')).toBe('1.234 items');
    expect(aantal(1, 'rij', 'en')).toBe('1 row');
    expect(aantal(1234, 'regel', 'en')).toBe('1,234 lines');
  });
});
