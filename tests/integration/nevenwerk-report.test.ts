/**
 * The nevenwerkzaamheden section of the jaarverslag and the "samenvattend overzicht registratie nevenwerkzaamheden
 * en financiële belangen" (as Huizen 2020 publishes it as an annex), from data imported with the real lists CLI.
 * Expected counts are worked out by hand from the items below (docs/contracts.md, counting rule `nevenwerk`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteListStore } from '@shared/store';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { jaarverslagTabellen } from '@shared/report/tabellen';
import { leesViaPoort } from '@shared/report/bronnen';
import { renderHtml } from '@shared/report/html';
import { renderDocx } from '@shared/report/docx';
import { cel, leesDocxTabellen, tabel } from './report-readback';
import { listsCli } from '../support/lists-cli';

// jsdom ships no types here (no @types/jsdom installed): type the one constructor we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window } };

const reg = (id: string, o: Record<string, unknown>) => ({
  registratieId: id,
  medewerker: `mw-${id}`,
  functie: 'beleidsmedewerker',
  register: 'nevenwerkzaamheid',
  mogelijkConflict: false,
  status: o.beoordeling ? 'beoordeeld' : 'gemeld',
  ...o,
});

const REGISTRATIES = [
  // in force 2025 and 2026, permitted in 2025
  reg('NW-2025-0001', {
    soortNevenwerk: 'bestuurslid',
    betaald: false,
    urenPerMaand: 4,
    gemeldOp: '2025-03-01',
    beoordeling: 'toegestaan',
    beoordeeldOp: '2025-03-10',
  }),
  // permitted with two conditions, ended 1 February 2026: still in force (and ended) in 2026
  reg('NW-2025-0002', {
    soortNevenwerk: 'docent',
    betaald: true,
    urenPerMaand: 8,
    gemeldOp: '2025-06-01',
    beoordeling: 'toegestaanMetVoorwaarden',
    voorwaarden: ['buitenWerktijd', 'geenDienstmiddelen'],
    beoordeeldOp: '2025-06-20',
    beeindigdOp: '2026-02-01',
    status: 'beeindigd',
  }),
  // ended on the last day of 2024: in neither year
  reg('NW-2024-0001', {
    soortNevenwerk: 'toezichthouder',
    gemeldOp: '2024-05-01',
    beoordeling: 'toegestaan',
    beoordeeldOp: '2024-05-02',
    beeindigdOp: '2024-12-31',
    status: 'beeindigd',
  }),
  // not permitted, ended
  reg('NW-2026-0001', {
    soortNevenwerk: 'eigenOnderneming',
    betaald: true,
    urenPerMaand: 20,
    mogelijkConflict: true,
    gemeldOp: '2026-04-01',
    beoordeling: 'nietToegestaan',
    beoordeeldOp: '2026-04-15',
    beeindigdOp: '2026-05-01',
    status: 'beeindigd',
  }),
  // not assessed yet
  reg('NW-2026-0002', { soortNevenwerk: 'vrijwilligerswerk', betaald: false, urenPerMaand: 2, gemeldOp: '2026-11-01' }),
  // financial interests (designated functions)
  reg('NW-2026-0003', {
    functie: 'inkoper',
    register: 'financieelBelang',
    soortBelang: 'aandelen',
    gemeldOp: '2026-01-20',
    beoordeling: 'toegestaan',
    beoordeeldOp: '2026-01-25',
  }),
  reg('NW-2025-0003', {
    functie: 'inkoper',
    register: 'financieelBelang',
    soortBelang: 'vastgoed',
    mogelijkConflict: true,
    gemeldOp: '2025-09-01',
    beoordeling: 'toegestaanMetVoorwaarden',
    voorwaarden: ['nietBetrokkenBijBesluitvorming'],
    beoordeeldOp: '2026-01-05',
  }),
  // after the report year
  reg('NW-2027-0001', { soortNevenwerk: 'adviseur', gemeldOp: '2027-01-10' }),
];

const HERBEVESTIGINGEN = [
  { ronde: '2025', registratieId: 'NW-2024-0001', gevraagdOp: '2025-01-15', antwoord: 'bevestigd', beantwoordOp: '2025-01-20' },
  { ronde: '2026', registratieId: 'NW-2025-0001', gevraagdOp: '2026-01-15', antwoord: 'bevestigd', beantwoordOp: '2026-01-16' },
  { ronde: '2026', registratieId: 'NW-2025-0002', gevraagdOp: '2026-01-15', antwoord: 'beeindigd', beantwoordOp: '2026-02-01' },
  { ronde: '2026', registratieId: 'NW-2025-0003', gevraagdOp: '2026-01-15', antwoord: 'openstaand' },
];

describe('jaarverslag: nevenwerkzaamheden en financiële belangen uit een import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nevenwerk-report-'));
  const db = path.join(dir, 'lijsten.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports with the lists CLI and counts the register per year, the outcomes, the conditions and the refresh round', async () => {
    const cli = listsCli(db);
    fs.writeFileSync(path.join(dir, 'nw.json'), JSON.stringify(REGISTRATIES));
    fs.writeFileSync(path.join(dir, 'hb.json'), JSON.stringify(HERBEVESTIGINGEN));
    expect((await cli('import', path.join(dir, 'nw.json'), '--list', 'Nevenwerkzaamheden')).code).toBe(0);
    expect((await cli('import', path.join(dir, 'hb.json'), '--list', 'NevenwerkHerbevestigingen')).code).toBe(0);

    const store = new SqliteListStore(db);
    try {
      const bronnen = await leesJaarverslagBronnen(store, { jaar: 2026, years: 2 });
      const r = buildJaarverslag(bronnen, { jaar: 2026, organisatie: 'Gemeente Huizen', years: 2 });
      expect(r.nevenwerk).toEqual({
        geregistreerd: 4, // 2025-0001, 2025-0002 (until February), 2026-0001, 2026-0002
        nieuw: 2,
        beeindigd: 2, // 2025-0002 and 2026-0001
        perSoort: {
          bestuurslid: 1,
          toezichthouder: 0,
          adviseur: 0,
          docent: 1,
          eigenOnderneming: 1,
          loondienst: 0,
          politiekeFunctie: 0,
          vrijwilligerswerk: 1,
          overig: 0,
        },
        financieleBelangen: 2,
        perSoortBelang: { aandelen: 1, opties: 0, obligaties: 0, vastgoed: 1, deelneming: 0, vordering: 0, overigBelang: 0 },
        beoordeeld: 5,
        nietBeoordeeld: 1,
        perUitkomst: { toegestaan: 2, toegestaanMetVoorwaarden: 2, nietToegestaan: 1 },
        perVoorwaarde: {
          buitenWerktijd: 1,
          geenDienstmiddelen: 1,
          geenZakelijkeRelatie: 0,
          nietBetrokkenBijBesluitvorming: 1,
          geheimhouding: 0,
          wijzigingMelden: 0,
          herbeoordelingNaJaar: 0,
        },
        herbevestiging: { gevraagd: 3, bevestigd: 1, beeindigd: 1, openstaand: 1 },
      });
      const v = r.vorigeJaren['2025'].nevenwerk;
      // 2025: two nevenwerkzaamheden, both new and assessed; the vastgoed interest was assessed only in January 2026.
      expect([v.geregistreerd, v.nieuw, v.beeindigd, v.financieleBelangen, v.beoordeeld, v.nietBeoordeeld]).toEqual([2, 2, 0, 1, 2, 1]);
      expect(v.perUitkomst).toEqual({ toegestaan: 1, toegestaanMetVoorwaarden: 1, nietToegestaan: 0 });
      expect(v.herbevestiging).toEqual({ gevraagd: 1, bevestigd: 1, beeindigd: 0, openstaand: 0 });

      // The port path (Graph, PostgreSQL) reads the same items as the SQLite fast path.
      const viaPoort = buildJaarverslag(await leesViaPoort(store, { jaar: 2026, years: 2 }), {
        jaar: 2026,
        organisatie: 'Gemeente Huizen',
        years: 2,
      });
      expect(viaPoort.nevenwerk).toEqual(r.nevenwerk);
      expect(viaPoort.vorigeJaren['2025'].nevenwerk).toEqual(v);

      // The summary overview: kinds, outcomes, conditions and response, one column per year.
      const tabellen = jaarverslagTabellen(r);
      const soort = tabellen.find((t) => t.id === 'nevenwerkPerSoort')!;
      expect(soort.kolommen).toEqual(['Soort', '2025', '2026']);
      expect(soort.rijen.find((x) => x[0] === 'Docent, trainer of examinator')).toEqual(['Docent, trainer of examinator', 1, 1]);
      expect(soort.rijen.at(-1)).toEqual(['Totaal', 2, 4]);
      const uitkomst = tabellen.find((t) => t.id === 'nevenwerkPerUitkomst')!;
      expect(uitkomst.rijen).toEqual([
        ['Toegestaan', 1, 2],
        ['Toegestaan met voorwaarden', 1, 2],
        ['Niet toegestaan', 0, 1],
        ['Nog niet beoordeeld', 1, 1],
        ['Totaal', 3, 6],
      ]);
      // Financial interests per kind: the vastgoed interest (reported 2025) in both years, the shares only in 2026.
      const belangen = tabellen.find((t) => t.id === 'belangenPerSoort')!;
      expect(belangen.kolommen).toEqual(['Soort', '2025', '2026']);
      expect(belangen.rijen).toEqual([
        ['Aandelen', 0, 1],
        ['Opties of andere afgeleide producten', 0, 0],
        ['Obligaties', 0, 0],
        ['Onroerend goed', 1, 1],
        ['Deelneming in een onderneming', 0, 0],
        ['Vordering of lening', 0, 0],
        ['Overig belang', 0, 0],
        ['Totaal', 1, 2],
      ]);
      const respons = tabellen.find((t) => t.id === 'nevenwerkHerbevestiging')!;
      expect(respons.rijen).toEqual([
        ['Bevestigd', 1, 1],
        ['Beëindigd', 0, 1],
        ['Geen antwoord', 0, 1],
        ['Voorgelegd', 1, 3],
      ]);

      const html = new JSDOM(renderHtml(r, {})).window.document;
      expect(html.body.textContent).toContain('Samenvattend overzicht registratie nevenwerkzaamheden en financiële belangen');
      const captions = [...html.querySelectorAll('caption')].map((c) => c.textContent ?? '');
      expect(captions.some((c) => c.includes('Financiële belangen per soort'))).toBe(true);

      // The section opens with what the register is (Ambtenarenwet art. 8) and who is in it, then the year's figures
      // in words: 4 nevenwerkzaamheden and 2 financial interests in force, 5 assessed, 3 put to the holders.
      const intro = 'Op grond van artikel 8 van de Ambtenarenwet melden medewerkers nevenwerkzaamheden';
      const cijfers =
        'In 2026 stonden 4 nevenwerkzaamheden en 2 financiële belangen geregistreerd; 5 registraties waren beoordeeld door de ' +
        'leidinggevende. In de jaarlijkse actualisering werden 3 registraties voorgelegd: 1 bevestigd, 1 beëindigd, 1 zonder antwoord.';
      const htmlTekst = html.body.textContent.replace(/\s+/g, ' ');
      expect(htmlTekst).toContain(cijfers);
      expect(htmlTekst.indexOf(intro)).toBeGreaterThan(0);
      expect(htmlTekst.indexOf(intro)).toBeLessThan(htmlTekst.indexOf(cijfers));
      expect(htmlTekst).toContain('In het register staat iedere medewerker die een nevenwerkzaamheid of financieel belang meldde');
      const { tekst: docx, tabellen: docxTabellen } = await leesDocxTabellen(await renderDocx(r, {}));
      // The Word document carries the same summary overview, read back from its XML.
      expect(cel(tabel(docxTabellen, 'Nevenwerkzaamheden per soort'), 'Totaal', '2026')).toBe(4);
      expect(cel(tabel(docxTabellen, 'Financiële belangen per soort'), 'Onroerend goed', '2026')).toBe(1);
      expect(cel(tabel(docxTabellen, 'Registraties per beoordeling'), 'Niet toegestaan', '2026')).toBe(1);
      expect(cel(tabel(docxTabellen, 'Jaarlijkse actualisering: respons'), 'Voorgelegd', '2026')).toBe(3);
      expect(docx.indexOf(intro)).toBeGreaterThan(0);
      expect(docx.indexOf(intro)).toBeLessThan(docx.indexOf(cijfers));
      const en = new JSDOM(renderHtml(r, { locale: 'en' })).window.document.body.textContent.replace(/\s+/g, ' ');
      expect(en).toContain('Under article 8 of the Civil Servants Act, employees report outside activities');
      expect(en).toContain(
        'In 2026, 4 outside activities were registered together with 2 financial interests; 5 registrations were assessed by the manager.',
      );
      // Under --suppress-below 5 every count reads as "<5" and stays plural ("1 financieel belang" must not show through).
      const onderdrukt = new JSDOM(renderHtml(r, { onderDrempel: 5 })).window.document.body.textContent.replace(/\s+/g, ' ');
      expect(onderdrukt).toContain('In 2026 stonden <5 nevenwerkzaamheden en <5 financiële belangen geregistreerd; 5 registraties waren');
    } finally {
      await store.close();
    }
  });

  it('refuses an import whose organisation contains an e-mail address or phone number, and writes nothing', async () => {
    const cli = listsCli(path.join(dir, 'pii.db'));
    fs.writeFileSync(
      path.join(dir, 'pii.json'),
      JSON.stringify([
        reg('NW-2026-0009', { soortNevenwerk: 'adviseur', gemeldOp: '2026-03-01', organisatie: 'Stichting Buurtzorg' }),
        reg('NW-2026-0010', { soortNevenwerk: 'adviseur', gemeldOp: '2026-03-01', organisatie: 'bel 06-12345678' }),
      ]),
    );
    const run = await cli('import', path.join(dir, 'pii.json'), '--list', 'Nevenwerkzaamheden');
    expect(run.code).toBe(1);
    expect(run.err).toContain('organisatie: Dit veld mag geen telefoonnummer bevatten');
    const exp = await cli('export', '--list', 'Nevenwerkzaamheden', '--format', 'json');
    expect(JSON.parse(exp.out)).toEqual([]);
  });
});
