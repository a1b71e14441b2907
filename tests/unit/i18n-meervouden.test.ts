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
      /^In 2026 kwam 1 melding binnen, waarvan 0 anoniem\./,
    );
    expect(t('nl', 'report.meldingen.tekst', { jaar: 2026, totaal: 2, anoniem: 1 })).toMatch(
      /^In 2026 kwamen 2 meldingen binnen, waarvan 1 anoniem\./,
    );
    expect(t('nl', 'report.meldingen.tekst', { jaar: 2026, totaal: '<5', anoniem: '<5' })).toMatch(/^In 2026 kwamen <5 meldingen binnen/);
    expect(t('en', 'report.meldingen.tekst', { jaar: 2026, totaal: 1, anoniem: 0 })).toMatch(/^In 2026, 1 report was received/);
    expect(t('en', 'report.meldingen.tekst', { jaar: 2026, totaal: 0, anoniem: 0 })).toMatch(/^In 2026, 0 reports were received/);
    expect(t('nl', 'report.uitleg.zaken', { n: 1 })).toBe(
      'De tabel beschrijft 1 onderzochte melding in codes, zonder namen of omschrijvingen van personen.',
    );
    expect(t('en', 'report.uitleg.zaken', { n: 4 })).toBe(
      'The table describes 4 investigated reports in codes, without names or descriptions of people.',
    );
  });

  test('no report or tab text keeps the hand-written {n|een|meer} form', () => {
    for (const bestand of ['report.ts', 'tab.ts', 'common.ts']) {
      const tekst = fs.readFileSync(path.join(__dirname, '../../shared/src/i18n/messages', bestand), 'utf8');
      expect(tekst).not.toMatch(/\{\w+\|[^{}|]*\|[^{}]*\}/);
    }
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
