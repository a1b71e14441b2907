/**
 * The publication of senior staff's nevenwerkzaamheden (Ambtenarenwet art. 8 lid 3), through the real lists CLI
 * (`publiceer-nevenwerk`) on Zuid-Holland's organisation file (schaal 14 and higher published). Only functions the
 * config marks `publiceren`; nothing of other staff, of financial interests, of ended or refused activities, and never
 * an id or the organisation the employee typed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { listsCli } from '../support/lists-cli';

// jsdom ships no types here (no @types/jsdom installed): type the one constructor we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window } };

const basis = { register: 'nevenwerkzaamheid', mogelijkConflict: false, status: 'beoordeeld' };
const ITEMS = [
  // directeur (schaal 16, published), permitted with conditions; HR entered the activity text
  {
    ...basis,
    registratieId: 'NW-2026-0001',
    medewerker: 'oid-directeur-1',
    functie: 'directeur',
    soortNevenwerk: 'toezichthouder',
    organisatie: 'Woningcorporatie Getypt Door Medewerker',
    betaald: true,
    urenPerMaand: 6,
    gemeldOp: '2026-01-10',
    beoordeling: 'toegestaanMetVoorwaarden',
    voorwaarden: ['buitenWerktijd', 'nietBetrokkenBijBesluitvorming'],
    beoordeeldOp: '2026-01-20',
    publicatieActiviteit: 'Lid raad van toezicht woningcorporatie',
  },
  // afdelingshoofd (schaal 14, published), not assessed yet, no HR text: the kind's label is shown
  {
    ...basis,
    registratieId: 'NW-2026-0002',
    medewerker: 'oid-afdelingshoofd-1',
    functie: 'afdelingshoofd',
    soortNevenwerk: 'docent',
    betaald: false,
    urenPerMaand: 2,
    gemeldOp: '2026-03-01',
    status: 'gemeld',
  },
  // a medewerker (schaal 9, not published): never on the page
  {
    ...basis,
    registratieId: 'NW-2026-0003',
    medewerker: 'oid-medewerker-1',
    functie: 'medewerker',
    soortNevenwerk: 'bestuurslid',
    organisatie: 'Voetbalvereniging Geheim',
    betaald: false,
    urenPerMaand: 10,
    gemeldOp: '2026-02-01',
    beoordeling: 'toegestaan',
    beoordeeldOp: '2026-02-05',
    publicatieActiviteit: 'Penningmeester voetbalvereniging',
  },
  // the directeur's financial interest: registered, not published
  {
    ...basis,
    registratieId: 'NW-2026-0004',
    medewerker: 'oid-directeur-1',
    functie: 'directeur',
    register: 'financieelBelang',
    soortBelang: 'aandelen',
    organisatie: 'Bouwbedrijf Aandelen BV',
    gemeldOp: '2026-01-10',
    beoordeling: 'toegestaan',
  },
  // a directeur's activity that ended before the peildatum, and one that was refused
  {
    ...basis,
    registratieId: 'NW-2025-0001',
    medewerker: 'oid-directeur-2',
    functie: 'directeur',
    soortNevenwerk: 'adviseur',
    gemeldOp: '2025-01-10',
    beoordeling: 'toegestaan',
    beeindigdOp: '2026-05-31',
    status: 'beeindigd',
    publicatieActiviteit: 'Adviseur beëindigd',
  },
  {
    ...basis,
    registratieId: 'NW-2026-0005',
    medewerker: 'oid-directeur-2',
    functie: 'directeur',
    soortNevenwerk: 'eigenOnderneming',
    gemeldOp: '2026-02-10',
    beoordeling: 'nietToegestaan',
    publicatieActiviteit: 'Adviesbureau geweigerd',
  },
];

describe('publicatie nevenwerkzaamheden topfunctionarissen (lists publiceer-nevenwerk)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nevenwerk-publicatie-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes an HTML page and a CSV with the published functions only', async () => {
    const cli = listsCli(path.join(dir, 'lijsten.db'));
    fs.writeFileSync(path.join(dir, 'nw.json'), JSON.stringify(ITEMS));
    expect((await cli('import', path.join(dir, 'nw.json'), '--list', 'Nevenwerkzaamheden')).code).toBe(0);
    const out = path.join(dir, 'publicatie');
    const run = await cli('publiceer-nevenwerk', '--out', out, '--org', 'zuid-holland', '--peildatum', '2026-06-30');
    expect(run.code).toBe(0);
    expect(run.out).toContain('(2 regels)');
    expect(run.err).toContain('1 registratie heeft nog geen publicatietekst van HR');

    const html = fs.readFileSync(path.join(out, 'nevenwerkzaamheden-2026-06-30.html'), 'utf8');
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('h1')?.textContent).toBe('Nevenwerkzaamheden topfunctionarissen Provincie Zuid-Holland');
    // The peildatum in words, as people write dates (the file name keeps ISO).
    expect(doc.querySelector('caption')?.textContent).toBe('Nevenwerkzaamheden per functie, stand per 30 juni 2026');
    expect(doc.body.textContent).toContain('Stand per 30 juni 2026.');
    const rijen = [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rijen).toEqual([
      [
        'Directeur',
        'Lid raad van toezicht woningcorporatie',
        'Toezichthouder (raad van toezicht, commissaris)',
        'ja',
        '6',
        'Toegestaan met voorwaarden',
        'Alleen buiten werktijd; Niet betrokken bij besluiten over de organisatie',
      ],
      ['Afdelingshoofd', 'Docent, trainer of examinator', 'Docent, trainer of examinator', 'nee', '2', 'Nog niet beoordeeld', ''],
    ]);
    // Nothing of other staff, of the financial interest, of ended or refused activities; no ids, no employee text.
    for (const verboden of [
      'Medewerker',
      'Penningmeester',
      'Voetbalvereniging',
      'Aandelen',
      'Bouwbedrijf',
      'Woningcorporatie Getypt',
      'beëindigd',
      'geweigerd',
      'oid-',
      'NW-20',
    ])
      expect(html).not.toContain(verboden);

    const csvTekst = fs.readFileSync(path.join(out, 'nevenwerkzaamheden-2026-06-30.csv'), 'utf8');
    expect(csvTekst.startsWith('\uFEFF')).toBe(true);
    const csv: string[][] = parse(csvTekst, { bom: true, delimiter: ';' });
    expect(csv[0]).toEqual(['Functie', 'Nevenwerkzaamheid', 'Soort', 'Bezoldigd', 'Uren per maand', 'Beoordeling', 'Voorwaarden']);
    expect(csv.slice(1)).toEqual(rijen);
    expect(csvTekst).not.toMatch(/Penningmeester|oid-|Bouwbedrijf/);
  });

  it('before the ended activity ended it is still published; a bad peildatum is a Dutch usage error', async () => {
    const cli = listsCli(path.join(dir, 'lijsten.db'));
    const out = path.join(dir, 'publicatie-mei');
    expect((await cli('publiceer-nevenwerk', '--out', out, '--org', 'zuid-holland', '--peildatum', '2026-05-30')).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'nevenwerkzaamheden-2026-05-30.html'), 'utf8')).toContain('Adviseur beëindigd');
    const fout = await cli('publiceer-nevenwerk', '--out', out, '--org', 'zuid-holland', '--peildatum', '2026-02-30');
    expect(fout.code).toBe(2);
    expect(fout.err).toContain('ongeldige --peildatum "2026-02-30"');
  });
});
