import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, teamsHighContrastTheme } from '@fluentui/react-components';
import { tab } from '@shared/i18n/messages/tab';
import { t } from '@shared/i18n';
import { DOELGROEPEN, SITUATIES, SESSIE_SOORTEN } from '@shared/lists/definitions';
import { MOREEL_BERAAD_LIGHT_STAPPEN } from '@shared/domain/dilemmasessie';
import { onderdruk } from '@shared/report/tabellen';
import { Staafdiagram } from '../../tab/web/src/charts/Staafdiagram';
import { themaUitTeams, uitQuery } from '../../tab/web/src/omgeving';
import { deelnemersGeldig, MAX_DEELNEMERS } from '../../tab/web/src/pages/Sessie';

const WEB = path.resolve(__dirname, '../../tab/web/src');
const bronnen = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? bronnen(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('tab message catalogue', () => {
  test('every key exists in Dutch and English, non-empty, with the same placeholders', () => {
    expect(Object.keys(tab.en).sort()).toEqual(Object.keys(tab.nl).sort());
    for (const k of Object.keys(tab.nl)) {
      expect(k).toMatch(/^tab\./);
      expect(tab.nl[k].trim()).not.toBe('');
      expect(tab.en[k].trim()).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect({ k, en: ph(tab.en[k]) }).toEqual({ k, en: ph(tab.nl[k]) });
    }
  });

  test('every literal t("…") key used by the web app is in the catalogue', () => {
    const gebruikt = new Set<string>();
    for (const f of bronnen(WEB)) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9.]+)'/g)) gebruikt.add(m[1]);
    expect(gebruikt.size).toBeGreaterThan(50);
    const ontbreekt = [...gebruikt].filter((k) => !(`tab.${k}` in tab.nl));
    expect(ontbreekt).toEqual([]);
  });

  test('keys built from list choices exist for every choice', () => {
    const dynamisch = [
      ...SITUATIES.map((x) => `situatie.${x}`),
      ...DOELGROEPEN.map((x) => `doelgroep.${x}`),
      ...SESSIE_SOORTEN.map((x) => `sessiesoort.${x}`),
      ...MOREEL_BERAAD_LIGHT_STAPPEN.flatMap((s) => [`stap.${s.id}.titel`, `stap.${s.id}.vraag`]),
      ...['medewerker', 'manager', 'hr', 'integriteitscoordinator', 'vertrouwenspersoon', 'adviseurVpt'].map((r) => `rol.${r}`),
      'werkvorm.dilemmaspel',
      'werkvorm.moreelBeraadLight',
    ];
    expect(dynamisch.filter((k) => !(`tab.${k}` in tab.nl))).toEqual([]);
  });

  test('placeholders are filled and English is used for en', () => {
    expect(t('nl', 'tab.sessie.tafel', { nr: 2, n: 6 })).toBe('Tafel 2 (6 personen)');
    expect(t('en', 'tab.sessie.tafel', { nr: 2, n: 6 })).toBe('Table 2 (6 people)');
  });
});

describe('tab texts found by QA', () => {
  test('singular and plural: one vote, one question, one table', () => {
    expect(t('nl', 'tab.dilemma.uitslag', { n: 1 })).toBe('Uitslag (1 stem)');
    expect(t('en', 'tab.dilemma.uitslag', { n: 1 })).toBe('Results (1 vote)');
    expect(t('nl', 'tab.dilemma.uitslag', { n: 2 })).toBe('Uitslag (2 stemmen)');
    expect(t('nl', 'tab.portal.faq.aantal', { n: 1 })).toBe('1 vraag gevonden');
    expect(t('en', 'tab.portal.faq.aantal', { n: 1 })).toBe('1 question found');
    expect(t('en', 'tab.portal.faq.aantal', { n: 3 })).toBe('3 questions found');
    expect(t('nl', 'tab.sessie.tafelsHint.een', { max: 8 })).toBe('1 tafel van maximaal 8 personen');
    expect(t('en', 'tab.sessie.tafelsHint', { tafels: 3, max: 8 })).toBe('3 tables of at most 8 people');
    const web = bronnen(WEB)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    // The plural is the catalogue's (ICU, Intl.PluralRules), not a choice between two keys in a component.
    expect(web).not.toContain("'dilemma.uitslag.een'");
    expect(web).not.toContain("'portal.faq.aantal.een'");
  });
  test('the brand name Integriteitsplein stays in English; upcoming sessions are not all ceremonies', () => {
    expect(t('en', 'tab.nav.portal')).toBe('Integriteitsplein');
    expect(t('en', 'tab.portal.titel')).toBe('Integriteitsplein');
    expect(t('en', 'tab.portal.eed.sessies')).toBe('Upcoming sessions');
    expect(t('nl', 'tab.portal.eed.sessies')).toBe('Komende bijeenkomsten');
    expect(Object.values(tab.en).join(' ')).not.toMatch(/Integrity square|ceremon/i);
  });
  test('participants: whole numbers from 1 to 500 only, with a message in both languages', () => {
    for (const ok of ['1', '8', '500']) expect(deelnemersGeldig(ok)).toBe(true);
    for (const fout of ['-3', '0', '', ' ', '2.5', '501', 'abc']) expect(deelnemersGeldig(fout)).toBe(false);
    expect(MAX_DEELNEMERS).toBe(500);
    expect(t('nl', 'tab.sessie.deelnemersOngeldig', { max: 500 })).toBe('Vul een heel getal in van 1 tot en met 500.');
    expect(t('en', 'tab.sessie.deelnemersOngeldig', { max: 500 })).toBe('Enter a whole number from 1 to 500.');
  });
});

describe('tab environment from the query string', () => {
  test('theme and language outside Teams', () => {
    expect(uitQuery('?theme=dark&lang=en')).toEqual({ thema: 'dark', locale: 'en' });
    expect(uitQuery('?theme=contrast')).toEqual({ thema: 'contrast', locale: 'nl' });
    expect(uitQuery('?theme=neon&lang=fr')).toEqual({ thema: 'default', locale: 'nl' });
    expect(uitQuery('')).toEqual({ thema: 'default', locale: 'nl' });
  });
  test('Teams theme names', () => {
    expect(themaUitTeams('dark')).toBe('dark');
    expect(themaUitTeams('contrast')).toBe('contrast');
    expect(themaUitTeams('default')).toBe('default');
    expect(themaUitTeams(undefined)).toBe('default');
  });
});

describe('Staafdiagram (accessible SVG chart)', () => {
  const html = renderToStaticMarkup(
    <FluentProvider theme={teamsHighContrastTheme}>
      <Staafdiagram
        id="g"
        titel="Meldingen per soort"
        series={['2024', '2025']}
        groepen={[
          { label: 'Zakelijk', waarden: [2, 4] },
          { label: 'Sociaal <b>', waarden: [0, 6] },
        ]}
      />
    </FluentProvider>,
  );
  test('is an image with a title and a description that lists every value', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="g-titel g-desc"/);
    expect(html).toContain('<title id="g-titel">Meldingen per soort</title>');
    expect(html).toContain('<desc id="g-desc">Zakelijk: 2024 2, 2025 4; Sociaal &lt;b&gt;: 2024 0, 2025 6</desc>');
  });
  test('shows its title visibly as a caption heading, and keeps the SVG title as accessible name', () => {
    expect(html).toMatch(/<figure[^>]*aria-labelledby="g-kop"/);
    expect(html).toMatch(/<figcaption><h3 id="g-kop"[^>]*>Meldingen per soort<\/h3><\/figcaption>/);
  });
  test('draws one bar per non-zero value; the older series is hatched, the chosen year solid', () => {
    // three non-zero values in the chart plus two legend swatches
    expect((html.match(/<rect x=/g) ?? []).length).toBe(3 + 2);
    expect(html).toContain('url(#g-arcering)');
    expect(html).toContain('<pattern id="g-arcering"');
  });
});

describe('Staafdiagram: a year without data, and labels too long for the column beside the bars', () => {
  // 2023: no data for this section (the report's "geen gegevens"); 2024: counts. Suppression below 5 as on the dashboard.
  const html = renderToStaticMarkup(
    <FluentProvider theme={teamsHighContrastTheme}>
      <Staafdiagram
        id="c"
        titel="Meldingen per categorie"
        series={['2023', '2024']}
        toon={(n) => onderdruk(n, 5)}
        groepen={[
          { label: 'Misbruik van positie en belangenverstrengeling', waarden: ['geen gegevens', 7] },
          { label: 'Misbruik van bevoegdheden', waarden: ['geen gegevens', 0] },
        ]}
      />
    </FluentProvider>,
  );
  test('a year without data gets no bar and says "geen gegevens", in the chart and in its description', () => {
    // one bar (7) plus two legend swatches; no bar for either "geen gegevens"
    expect((html.match(/<rect x=/g) ?? []).length).toBe(1 + 2);
    expect((html.match(/>geen gegevens<\/text>/g) ?? []).length).toBe(2);
    expect(html).toContain(
      '<desc id="c-desc">Misbruik van positie en belangenverstrengeling: 2023 geen gegevens, 2024 7; Misbruik van bevoegdheden: 2023 geen gegevens, 2024 0</desc>',
    );
  });
  test('a label longer than the column beside the bars puts every label above its bars, from the left edge', () => {
    expect(html).toMatch(/<text[^>]*x="0"[^>]*>Misbruik van positie en belangenverstrengeling<\/text>/);
    expect(html).toMatch(/<text[^>]*x="0"[^>]*>Misbruik van bevoegdheden<\/text>/);
    expect(html).not.toContain('text-anchor="end"');
  });
  test('short labels stay beside the bars at full width', () => {
    const kort = renderToStaticMarkup(
      <Staafdiagram id="k" titel="Meldingen per soort" series={['2024']} groepen={[{ label: 'Zakelijke integriteit', waarden: [3] }]} />,
    );
    expect(kort).toMatch(/<text[^>]*x="182"[^>]*text-anchor="end"[^>]*>Zakelijke integriteit<\/text>/);
  });
});

describe("Staafdiagram with the report's small-number suppression", () => {
  // Suppression below 5 (the report's --suppress-below 5): 1..4 become "<5", 0 and 5+ stay as they are.
  const html = renderToStaticMarkup(
    <FluentProvider theme={teamsHighContrastTheme}>
      <Staafdiagram
        id="o"
        titel="Meldingen per soort"
        series={['2024', '2025']}
        toon={(n) => onderdruk(n, 5)}
        groepen={[
          { label: 'Zakelijk', waarden: [2, 4] },
          { label: 'Sociaal', waarden: [0, 6] },
        ]}
      />
    </FluentProvider>,
  );
  test('a suppressed value gets no bar, only "<5"; the description says "<5" too', () => {
    // one bar (6) plus two legend swatches
    expect((html.match(/<rect x=/g) ?? []).length).toBe(1 + 2);
    expect((html.match(/>&lt;5<\/text>/g) ?? []).length).toBe(2);
    expect(html).toContain('<desc id="o-desc">Zakelijk: 2024 &lt;5, 2025 &lt;5; Sociaal: 2024 0, 2025 6</desc>');
  });
});
