import { legeJaarCijfers, type Jaarverslag } from '@shared/report';
import { renderDocx } from '@shared/report/docx';
import { renderHtml } from '@shared/report/html';
import { renderXlsx } from '@shared/report/xlsx';
import { jaarverslagTabellen, onderdruk } from '@shared/report/tabellen';
import { staafdiagramSvg } from '@shared/report/grafiek';
import { report } from '@shared/i18n/messages/report';
import { cel, getal, leesDocxTabellen, leesXlsx, tabel } from '../integration/report-readback';

// jsdom ships no types here (no @types/jsdom installed): type the one constructor we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window } };

/** A hand-made report (2023 and 2024) with numbers chosen to exercise formatting and suppression. */
function verslag(): Jaarverslag {
  const v2023 = legeJaarCijfers(2023);
  v2023.gesprekken.totaal = 7;
  v2023.gesprekken.perOnderwerp.integriteit = 7;
  const c = legeJaarCijfers(2024);
  c.gesprekken = {
    totaal: 1240,
    meldingen: 3,
    perOnderwerp: {
      integriteit: 2,
      ongewensteOmgangsvormen: 1234,
      discriminatie: 0,
      arbeidsconflict: 4,
      onveiligheid: 0,
      adviesAlgemeen: 0,
    },
    meldingenPerOnderwerp: {
      integriteit: 1,
      ongewensteOmgangsvormen: 2,
      discriminatie: 0,
      arbeidsconflict: 0,
      onveiligheid: 0,
      adviesAlgemeen: 0,
    },
    extern: 12,
    doorverwezen: 1,
    meldingenOnbekend: 0,
  };
  c.meldingen.totaal = 6;
  c.meldingen.perSoort.sociaal = 6;
  c.meldingen.perCategorie.ongewensteOmgangsvormen = 6;
  c.meldingen.perUitkomst.gegrond = 6;
  c.meldingen.perMaatregel.teamtraject = 6;
  c.wbk.ontvangstbevestigdBinnen7Dagen = { aantal: 5, van: 6 };
  c.wbk.terugkoppelingBinnen3Maanden = { aantal: 4, van: 6 };
  c.ambtseed = { afgelegd: 190, eed: 120, belofte: 70, integriteitsverklaring: 9, bijeenkomsten: 11, vormOnbekend: 0 };
  c.dilemma.sessies = 14;
  c.dilemma.bereik = 233;
  c.dilemma.perDoelgroep.nieuweMedewerkers = { sessies: 6, deelnemers: 100 };
  c.dilemma.perDoelgroep.afdeling = { sessies: 4, deelnemers: 70 };
  c.dilemma.perDoelgroep.vakgenootschap = { sessies: 4, deelnemers: 63 };
  return {
    ...c,
    organisatie: 'Gemeente Proef & Co',
    zaken: [
      {
        meldpunt: 'leidinggevende',
        soort: 'sociaal',
        categorie: 'ongewensteOmgangsvormen',
        onderzoek: 'intern',
        uitkomst: 'gegrond',
        maatregelen: ['teamtraject', 'dossiernotitie'],
      },
    ],
    vorigeJaren: { '2023': v2023 },
  };
}

const TITELS = {
  onderwerp: 'Gesprekken met vertrouwenspersonen per onderwerp',
  ambtseed: 'Ambtseed en belofte',
  doelgroep: 'Dilemmasessies per doelgroep',
  wbk: 'Termijnen Wbk',
  zaken: 'Onderzochte meldingen',
};

describe('messages', () => {
  test('every report.* key is in Dutch and in English, and the English report renders', () => {
    expect(Object.keys(report.nl).sort()).toEqual(Object.keys(report.en).sort());
    expect(Object.keys(report.nl).every((k) => k.startsWith('report.'))).toBe(true);
    const html = renderHtml(verslag(), { locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Conversations with confidential counsellors by subject');
    expect(html).not.toMatch(/report\.[a-z]+\.[A-Za-z]+/); // no untranslated key shows
  });
});

describe('small-number suppression', () => {
  test('1..N−1 become "<N"; 0 and ≥ N stay numbers; no threshold changes nothing', () => {
    expect([0, 1, 4, 5, 6].map((n) => onderdruk(n, 5))).toEqual([0, '<5', '<5', 5, 6]);
    expect(onderdruk(3)).toBe(3);
    expect(onderdruk(1, 1)).toBe(1);
  });
});

describe('docx', () => {
  test('every table reads back with the JSON numbers; charts are PNG images with alt text', async () => {
    const r = verslag();
    const { tabellen, afbeeldingen, altTeksten, tekst } = await leesDocxTabellen(await renderDocx(r));
    const model = jaarverslagTabellen(r);
    expect(tabellen.map((t) => t.titel)).toEqual(model.map((t) => t.titel));
    expect(tabellen.length).toBe(26); // 17 + anonymous meldingen per soort and per uitkomst + VOG + 6 of the nevenwerkzaamheden section
    const onderwerp = tabel(tabellen, TITELS.onderwerp);
    expect(onderwerp.kop).toEqual(['Onderwerp', '2023', '2024']);
    expect(cel(onderwerp, 'Ongewenste omgangsvormen', '2024')).toBe(r.gesprekken.perOnderwerp.ongewensteOmgangsvormen);
    expect(cel(onderwerp, 'Integriteit', '2023')).toBe(r.vorigeJaren['2023'].gesprekken.perOnderwerp.integriteit);
    expect(cel(onderwerp, 'Totaal', '2024')).toBe(1240);
    const ambtseed = tabel(tabellen, TITELS.ambtseed);
    expect(cel(ambtseed, 'Eed of belofte afgelegd', '2024')).toBe(190);
    expect(cel(ambtseed, 'Integriteitsverklaring getekend', '2024')).toBe(9);
    const dg = tabel(tabellen, TITELS.doelgroep);
    expect(cel(dg, 'Nieuwe medewerkers', 'Sessies')).toBe(6);
    expect(cel(dg, 'Totaal', 'Deelnemers')).toBe(233);
    expect(cel(tabel(tabellen, TITELS.wbk), 'Terugkoppeling binnen 3 maanden', 'Van')).toBe(6);
    // the case table's first column is where the melding was made (meldpunt), not an invented "opdrachtgever"
    expect(tabel(tabellen, TITELS.zaken).kop).toEqual(['Meldpunt', 'Omschrijving', 'Bevindingen', 'Gevolg']);
    expect(tabel(tabellen, TITELS.zaken).rijen).toEqual([
      [
        'Leidinggevende',
        'Sociale integriteit: Ongewenste omgangsvormen',
        'Gegrond na intern onderzoek',
        'Teamtraject, Notitie in personeelsdossier',
      ],
    ]);
    // every number cell equals the model (which is read from the JSON)
    model.forEach((m, i) => m.rijen.forEach((rij, j) => rij.forEach((v, k) => expect(getal(tabellen[i].rijen[j][k])).toBe(v))));
    expect(afbeeldingen).toBe(4);
    expect(altTeksten.some((a) => a.includes('Ongewenste omgangsvormen: 1234'))).toBe(true);
    expect(tekst).toContain('Vooruitblik');
    expect(tekst).toContain('Gemeente Proef & Co');
  });

  test('with --suppress-below 5: small counts show "<5", totals stay true', async () => {
    const r = verslag();
    const { tabellen, altTeksten } = await leesDocxTabellen(await renderDocx(r, { onderDrempel: 5 }));
    const onderwerp = tabel(tabellen, TITELS.onderwerp);
    expect(cel(onderwerp, 'Integriteit', '2024')).toBe('<5');
    expect(cel(onderwerp, 'Arbeidsconflict', '2024')).toBe('<5');
    expect(cel(onderwerp, 'Discriminatie', '2024')).toBe(0);
    expect(cel(onderwerp, 'Integriteit', '2023')).toBe(7);
    expect(cel(onderwerp, 'Totaal', '2024')).toBe(1240);
    expect(altTeksten.join(' ')).not.toMatch(/Integriteit: 2\b/);
    expect(altTeksten.join(' ')).toMatch(/Integriteit: <5/);
  });
});

describe('xlsx', () => {
  test('one sheet per table, header row, frozen panes, numbers as numbers (never suppressed)', async () => {
    const r = verslag();
    const sheets = await leesXlsx(await renderXlsx(r));
    const model = jaarverslagTabellen(r);
    expect(sheets).toHaveLength(model.length);
    for (const s of sheets) expect(s.bevroren).toBe(true);
    const onderwerp = sheets.find((s) => s.naam === 'Gesprekken per onderwerp')!;
    expect(onderwerp.kop).toEqual(['Onderwerp', '2023', '2024']);
    expect(onderwerp.rijen.find((x) => x[0] === 'Integriteit')).toEqual(['Integriteit', 7, 2]);
    expect(onderwerp.rijen.find((x) => x[0] === 'Ongewenste omgangsvormen')![2]).toBe(1234);
    const doelgroep = sheets.find((s) => s.naam === 'Dilemmasessies per doelgroep')!;
    expect(doelgroep.rijen.at(-1)).toEqual(['Totaal', 14, 233]);
    for (const s of sheets.filter((x) => x.naam !== 'Onderzochte meldingen'))
      for (const rij of s.rijen) for (const v of rij.slice(1)) expect(typeof v).toBe('number');
  });

  test('sheet names are readable words in the report language, unique, at most 31 characters, none Excel forbids', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const namen = (await leesXlsx(await renderXlsx(verslag(), { locale }))).map((s) => s.naam);
      expect(new Set(namen).size).toBe(namen.length);
      for (const n of namen) {
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[:\\/?*[\]]/);
        expect(n).toMatch(/^[A-Z][a-z]+( [a-zA-Z]+)*$/); // words with spaces, not a code like gesprekkenKenmerken
      }
      expect(namen).toEqual(
        expect.arrayContaining(
          locale === 'nl'
            ? ['Gesprekken per onderwerp', 'Meldingen per categorie', 'Termijnen Wbk']
            : ['Conversations by subject', 'Reports by category', 'Whistleblower Act deadlines'],
        ),
      );
    }
  });
});

describe('html', () => {
  test('self-contained, tables with caption and header cells, charts with text alternatives', () => {
    const r = verslag();
    const html = renderHtml(r, { onderDrempel: 3 });
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    const doc = new JSDOM(html).window.document;
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.title).toContain('Jaarverslag integriteit 2024');
    const tables = [...doc.querySelectorAll('table')];
    expect(tables.length).toBe(25); // 26 tables minus the case table, left out under suppression
    for (const tb of tables) {
      expect(tb.querySelector('caption')?.textContent).toMatch(/^Tabel \d+\. /);
      expect(tb.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(1);
      for (const tr of tb.querySelectorAll('tbody tr')) expect(tr.querySelector('th[scope="row"]')).not.toBeNull();
    }
    const svgs = [...doc.querySelectorAll('figure svg')];
    expect(svgs.length).toBe(4);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const ids = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(ids.map((id) => doc.getElementById(id)?.textContent?.length ?? 0).every((n) => n > 0)).toBe(true);
    }
    const rij = [...doc.querySelectorAll('#tabel-gesprekkenPerOnderwerp tbody tr')].find(
      (tr) => tr.querySelector('th')!.textContent === 'Integriteit',
    )!;
    expect([...rij.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['7', '<3']);
    expect(doc.querySelector('#tabel-gesprekkenPerOnderwerp tr.totaal td:last-child')!.textContent).toBe('1.240');
    expect(doc.body.textContent).toContain('Gemeente Proef & Co');
  });

  test('suppression also covers counts in the running text (docx and html), years are left alone', async () => {
    const r = verslag();
    const html = renderHtml(r, { onderDrempel: 10 });
    expect(html).toContain('In 2024 kwamen &lt;10 meldingen binnen, waarvan geen anoniem.');
    expect(html).not.toMatch(/kwamen 6 meldingen/);
    const { tekst } = await leesDocxTabellen(await renderDocx(r, { onderDrempel: 10 }));
    expect(tekst).toContain('In 2024 kwamen <10 meldingen binnen, waarvan geen anoniem.');
    expect(renderHtml(r)).toContain('In 2024 kwamen 6 meldingen binnen, waarvan geen anoniem.');
  });
});

describe('the case table under --suppress-below (no individual cases in published docx/html)', () => {
  /** Verslag with two cases, one ending in dismissal: the QA example of an identifying row. */
  function metOntslag(): Jaarverslag {
    const r = verslag();
    r.zaken.push({
      meldpunt: 'vertrouwenspersoon',
      soort: 'zakelijk',
      categorie: 'financieel',
      onderzoek: 'extern',
      uitkomst: 'gegrond',
      maatregelen: ['ontslag'],
    });
    return r;
  }
  const ZIN = 'De tabel met de afzonderlijke onderzoeken van 2024 is weggelaten vanwege kleine aantallen';
  // Row texts that only the case table holds (category/measure labels alone also appear in count tables).
  const RIJTEKSTEN = [
    'Gegrond na intern onderzoek',
    'Gegrond na extern onderzoek',
    'Sociale integriteit: Ongewenste omgangsvormen',
    'Teamtraject, Notitie in personeelsdossier',
  ];

  test('docx without suppression lists every case; with suppression only the sentence, no case rows', async () => {
    const r = metOntslag();
    const open = await leesDocxTabellen(await renderDocx(r));
    const zaken = tabel(open.tabellen, TITELS.zaken);
    expect(zaken.rijen).toHaveLength(2);
    expect(zaken.rijen[1]).toEqual([
      'Vertrouwenspersoon',
      'Zakelijke integriteit: Financiële schending (fraude, diefstal, corruptie)',
      'Gegrond na extern onderzoek',
      'Ontslag',
    ]);
    expect(open.tekst).not.toContain(ZIN);

    const dicht = await leesDocxTabellen(await renderDocx(r, { onderDrempel: 5 }));
    expect(dicht.tabellen.map((t) => t.titel)).not.toContain(TITELS.zaken);
    expect(dicht.tabellen).toHaveLength(open.tabellen.length - 1);
    expect(dicht.tekst).toContain(ZIN);
    for (const rij of RIJTEKSTEN) expect(dicht.tekst).not.toContain(rij);
    // no table row anywhere pairs a case's labels
    for (const tb of dicht.tabellen) for (const rij of tb.rijen) expect(rij).not.toContain('Ontslag, ');
  });

  test('html without suppression has the case table; with suppression only the sentence (nl and en)', () => {
    const r = metOntslag();
    const open = new JSDOM(renderHtml(r)).window.document;
    expect([...open.querySelectorAll('#tabel-zaken tbody tr')].map((tr) => tr.textContent)).toEqual([
      'LeidinggevendeSociale integriteit: Ongewenste omgangsvormenGegrond na intern onderzoekTeamtraject, Notitie in personeelsdossier',
      'VertrouwenspersoonZakelijke integriteit: Financiële schending (fraude, diefstal, corruptie)Gegrond na extern onderzoekOntslag',
    ]);
    const dicht = new JSDOM(renderHtml(r, { onderDrempel: 2 })).window.document;
    expect(dicht.querySelector('#tabel-zaken')).toBeNull();
    const tekst = dicht.querySelector('#h-zaken')!.parentElement!.textContent;
    expect(tekst).toContain(ZIN);
    for (const rij of RIJTEKSTEN) expect(dicht.body.textContent).not.toContain(rij);
    const en = new JSDOM(renderHtml(r, { onderDrempel: 2, locale: 'en' })).window.document;
    expect(en.querySelector('#tabel-zaken')).toBeNull();
    expect(en.body.textContent).toContain('left out because of small numbers');
  });

  test('xlsx and the table model for HR keep every case (suppression never applies there)', async () => {
    const r = metOntslag();
    const sheet = (await leesXlsx(await renderXlsx(r))).find((s) => s.naam === 'Onderzochte meldingen')!;
    expect(sheet.rijen).toHaveLength(2);
    expect(sheet.rijen[1]).toEqual([
      'Vertrouwenspersoon',
      'Zakelijke integriteit: Financiële schending (fraude, diefstal, corruptie)',
      'Gegrond na extern onderzoek',
      'Ontslag',
    ]);
  });
});

describe('singular and plural in the running text', () => {
  /** A year with exactly one of everything the running text counts. */
  function eenVanAlles(): Jaarverslag {
    const r = verslag();
    r.gesprekken.totaal = 1;
    r.gesprekken.extern = 1;
    r.meldingen.totaal = 1;
    r.ambtseed = { afgelegd: 1, eed: 1, belofte: 0, integriteitsverklaring: 1, bijeenkomsten: 1, vormOnbekend: 0 };
    r.onboarding = { nieuweMedewerkers: 1, arbeidsovereenkomst: 1, extern: 0, stagiair: 0, workshopDeelnemers: 1 };
    r.dilemma.sessies = 1;
    r.dilemma.bereik = 1;
    r.agressie.incidenten = 1;
    r.meldwijzer.raadplegingen = 1;
    return r;
  }
  const tekst = (html: string) => new JSDOM(html).window.document.body.textContent.replace(/\s+/g, ' ');

  test('Dutch: "1 melding", never "1 meldingen"; English: "1 report was"', () => {
    const nl = tekst(renderHtml(eenVanAlles()));
    for (const zin of [
      'voerden de vertrouwenspersonen 1 gesprek,',
      '1 gesprek was met een externe vertrouwenspersoon',
      'In 2024 kwam 1 melding binnen',
      'In 2024 legde 1 medewerker de eed of belofte af (1 eed, 0 belofte) in 1 bijeenkomst; 1 externe of stagiair tekende',
      'Er kwam 1 nieuwe medewerker in dienst; 1 medewerker volgde de workshop',
      'Er was 1 dilemmasessie of bijeenkomst moreel beraad met samen 1 deelnemer.',
      'Er is 1 incident van agressie',
    ])
      expect(nl).toContain(zin);
    expect(nl).not.toMatch(/\b1 (gesprekken|meldingen|medewerkers|bijeenkomsten|incidenten|deelnemers|dilemmasessies)\b/);
    const en = tekst(renderHtml(eenVanAlles(), { locale: 'en' }));
    for (const zin of [
      'held 1 conversation,',
      '1 was with an external counsellor',
      'In 2024, 1 report was received',
      '1 employee took the oath',
      'in 1 ceremony;',
      '1 incident of aggression and violence by outsiders was recorded',
      'showed a route 1 time.',
    ])
      expect(en).toContain(zin);
    for (const s of [nl, en]) expect(s).not.toMatch(/\{\w+(\|[^}]*)?\}/);
  });

  test('plural forms stay plural when 1 is suppressed (no hint that it was 1)', () => {
    const nl = tekst(renderHtml(eenVanAlles(), { onderDrempel: 5 }));
    expect(nl).toContain('In 2024 kwamen <5 meldingen binnen');
    expect(nl).toContain('Er zijn <5 incidenten van agressie');
    expect(nl).not.toMatch(/\b1 melding\b/);
  });
});

describe('charts', () => {
  test('an SVG chart escapes labels and leaves suppressed bars out', () => {
    const { svg } = staafdiagramSvg({ id: 'x', titel: 'A <b> & "c"', labels: ['een', 'twee'], waarden: [2, 10] }, { onderDrempel: 3 });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect((svg.match(/<rect /g) ?? []).length).toBe(2); // background + the one unsuppressed bar
    expect(svg).toContain('&lt;3');
  });

  test('one heading per chart: the caption; the image keeps its title and alt text but draws no heading (QA)', async () => {
    const g = { id: 'x', titel: 'Meldingen per jaar', labels: ['2023', '2024'], waarden: [4, 6] };
    const { svg } = staafdiagramSvg(g);
    const doc = new JSDOM(svg).window.document;
    expect(doc.querySelector('title')!.textContent).toBe('Meldingen per jaar');
    expect(doc.querySelector('desc')!.textContent).toBe(
      'Staafdiagram "Meldingen per jaar": 2023: 4, 2024: 6. De cijfers staan ook in de tabel eronder.',
    );
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['2023', '4', '2024', '6']);
    // html: the figure's visible text names the chart once (its caption)
    const html = new JSDOM(renderHtml(verslag())).window.document;
    const figuur = html.querySelector('#figuur-gesprekkenPerJaar')!;
    expect(figuur.querySelector('figcaption')!.textContent).toBe('Figuur 2. Gesprekken met vertrouwenspersonen per jaar');
    expect([...figuur.querySelectorAll('svg text')].some((t) => /per jaar/.test(t.textContent ?? ''))).toBe(false);
    // docx: the caption paragraph once, the image with its alt text
    const { tekst, altTeksten } = await leesDocxTabellen(await renderDocx(verslag()));
    expect(tekst.match(/Gesprekken met vertrouwenspersonen per jaar/g)).toHaveLength(1);
    expect(altTeksten.some((a) => /^Staafdiagram "Gesprekken met vertrouwenspersonen per jaar": 2023: 7, 2024: 1\.?240\./.test(a))).toBe(
      true,
    );
  });
});
