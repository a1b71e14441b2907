import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '@shared/i18n/basis';
import { tab } from '@shared/i18n/messages/tab';
import { tabApp } from '@shared/i18n/messages/tab-app';
import { tabDashboard } from '@shared/i18n/messages/tab-dashboard';
import { tabDilemma } from '@shared/i18n/messages/tab-dilemma';
import { tabSessie } from '@shared/i18n/messages/tab-sessie';
import { CATEGORIEEN, DOELGROEPEN, MELDING_SOORTEN, ONDERWERPEN, SESSIE_SOORTEN, SITUATIES, UITKOMSTEN } from '@shared/lists/definitions';
import { t } from '@shared/i18n';
import { label } from '@shared/report/tabellen';
import { MOREEL_BERAAD_LIGHT_STAPPEN } from '@shared/domain/dilemmasessie';
import { TOKEN_FOUT_TEKST } from '../../tab/web/src/api';
import { laadBerichten, vertaal } from '../../tab/web/src/berichten';

/**
 * The web app loads the tab messages per page (tab/web/src/berichten.ts): the shell and portal part with the entry,
 * a lazily loaded page's part with that page. A key used on a page must be in the part that page has, or the
 * page would show the bare key.
 */
const WEB = path.resolve(__dirname, '../../tab/web/src');
const lees = (rel: string) => fs.readFileSync(path.join(WEB, rel), 'utf8');
// `t('portal.titel')` in components, `t(locale, 'tab.fout.status')` in api.ts.
const sleutels = (bron: string) => [
  ...[...bron.matchAll(/\bt\(\s*'([A-Za-z0-9.]+)'/g)].map((m) => m[1]),
  ...[...bron.matchAll(/['`]tab\.([A-Za-z0-9.]+)['`]/g)].map((m) => m[1]),
];
const ontbreekt = (keys: string[], delen: Catalogue[]) => keys.filter((k) => !delen.some((d) => `tab.${k}` in d.nl));

describe('tab messages per page', () => {
  test('the parts together are the whole catalogue, without a key in two parts', () => {
    const delen = [tabApp, tabDilemma, tabSessie, tabDashboard];
    const alle = delen.flatMap((d) => Object.keys(d.nl));
    expect(new Set(alle).size).toBe(alle.length);
    expect(alle.sort()).toEqual(Object.keys(tab.nl).sort());
    for (const d of delen) expect(Object.keys(d.en).sort()).toEqual(Object.keys(d.nl).sort());
  });

  test('the shell and the portal use only keys of the first part', () => {
    const bestanden = ['App.tsx', 'api.ts', 'pages/Portal.tsx', 'pages/PortalUitklap.tsx'];
    const keys = bestanden.flatMap((f) => sleutels(lees(f)));
    expect(keys.length).toBeGreaterThan(30);
    expect(ontbreekt(keys, [tabApp])).toEqual([]);
    const dynamisch = [
      ...SITUATIES.map((x) => `situatie.${x}`),
      ...SESSIE_SOORTEN.map((x) => `sessiesoort.${x}`),
      ...['medewerker', 'manager', 'hr', 'integriteitscoordinator', 'vertrouwenspersoon', 'adviseurVpt'].map((r) => `rol.${r}`),
      ...Object.values(TOKEN_FOUT_TEKST),
    ];
    expect(ontbreekt(dynamisch, [tabApp])).toEqual([]);
  });

  test.each([
    ['Dilemma', ['pages/Dilemma.tsx'], tabDilemma, 'tabDilemma', []],
    [
      'Sessie',
      ['pages/Sessie.tsx', ...fs.readdirSync(path.join(WEB, 'pages/sessie')).map((f) => `pages/sessie/${f}`)],
      tabSessie,
      'tabSessie',
      [
        ...DOELGROEPEN.map((x) => `doelgroep.${x}`),
        ...MOREEL_BERAAD_LIGHT_STAPPEN.flatMap((s) => [`stap.${s.id}.titel`, `stap.${s.id}.vraag`]),
        'werkvorm.dilemmaspel',
        'werkvorm.moreelBeraadLight',
      ],
    ],
    [
      'Dashboard',
      ['pages/Dashboard.tsx', 'charts/Staafdiagram.tsx'],
      tabDashboard,
      'tabDashboard',
      // The names of choice values come from the report's messages (see the test below), not from a tab key.
      [],
    ],
  ])('the page %s loads its part and uses only keys of it and the first part', (pagina, bestanden, deel, naam, dynamisch) => {
    expect(lees(`pages/${pagina}.tsx`)).toMatch(new RegExp(`\\blaadBerichten\\(${naam}\\)`));
    const keys = [...bestanden.flatMap((f) => sleutels(lees(f))), ...dynamisch];
    expect(ontbreekt(keys, [tabApp, deel])).toEqual([]);
  });

  test('a page part translates once loaded; before that its key shows as itself', () => {
    expect(vertaal('nl', 'tab.portal.waar.titel')).toBe('Waar kan ik terecht?');
    expect(vertaal('en', 'tab.portal.waar.titel')).toBe('Where can I go?');
    // Sessie's and the dashboard's texts are not in the first part.
    expect(vertaal('nl', 'tab.dash.titel')).toBe('tab.dash.titel');
    laadBerichten(tabDashboard);
    expect(vertaal('nl', 'tab.dash.titel')).toBe('Dashboard integriteit');
    expect(vertaal('en', 'tab.dash.titel')).toBe('Integrity dashboard');
  });

  test("the dashboard names topics, soorten, categories, outcomes and situations with the report's labels, in nl and en", () => {
    // One source: the tab catalogue holds no name of a choice value the report names (the dashboard uses `label()`).
    const keys = Object.keys(tab.nl);
    expect(keys.filter((k) => /^tab\.(onderwerp|meldingsoort|categorie|dash\.uitkomst)\./.test(k))).toEqual([]);
    const web = lees('pages/Dashboard.tsx');
    expect(web).not.toMatch(/t\(`(onderwerp|meldingsoort|categorie|situatie|dash\.uitkomst)\./);
    for (const [groep, waarden] of [
      ['onderwerp', ONDERWERPEN],
      ['soort', MELDING_SOORTEN],
      ['categorie', CATEGORIEEN],
      ['uitkomst', UITKOMSTEN],
      ['situatie', SITUATIES],
    ] as const)
      for (const w of waarden) for (const locale of ['nl', 'en'] as const) expect(label(locale, groep, w)).not.toBe(`report.${groep}.${w}`);
    // The names of the published jaarverslagen (report.ts), where the tab used to say "Onveiligheid" / "Unsafety".
    expect(label('nl', 'onderwerp', 'onveiligheid')).toBe('Gevoel van onveiligheid');
    expect(label('en', 'onderwerp', 'onveiligheid')).toBe('Feeling unsafe');
    expect(t('nl', 'report.geenGegevensCel')).toBe('geen gegevens');
    expect(t('en', 'report.geenGegevensCel')).toBe('no data');
  });
});
