/**
 * The Word report opens in LibreOffice as a publishable document: converted to PDF with
 * `soffice --headless --convert-to pdf` and read back per page with `pdftotext` (poppler-utils), it has a
 * cover page, a contents page whose page numbers point at the pages the chapters are on, a running header
 * and "Pagina X van Y" on every page after the cover, a sentence under the tables, and no word broken in a
 * table cell. Without soffice the test is skipped with a message, except in CI (CI=true), where it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { legeJaarCijfers, type Jaarverslag } from '@shared/report';
import { renderDocx } from '@shared/report/docx';

const heeft = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const beschikbaar = heeft('soffice') && heeft('pdftotext');
if (!beschikbaar) {
  const melding =
    'LibreOffice (soffice) of pdftotext ontbreekt: apt-get install -y --no-install-recommends libreoffice-writer poppler-utils fonts-crosextra-carlito';
  if (process.env.CI === 'true') throw new Error(`${melding} (CI=true: de PDF-test mag niet worden overgeslagen).`);
  console.warn(`PDF-test van het jaarverslag overgeslagen: ${melding}.`);
}

/** A report with the long labels that used to break ("Vertrouwensperso-on") in the case table. */
function verslag(): Jaarverslag {
  const vorig = legeJaarCijfers(2024);
  vorig.gesprekken.totaal = 9;
  vorig.gesprekken.perOnderwerp.integriteit = 4;
  vorig.gesprekken.perOnderwerp.arbeidsconflict = 5;
  const c = legeJaarCijfers(2025);
  c.gesprekken.totaal = 12;
  c.gesprekken.perOnderwerp.integriteit = 7;
  c.gesprekken.perOnderwerp.arbeidsconflict = 5;
  c.meldingen.totaal = 6;
  c.meldingen.perSoort.zakelijk = 6;
  c.meldingen.perCategorie.misbruikPositie = 6;
  c.wbk.ontvangstbevestigdBinnen7Dagen = { aantal: 5, van: 6 };
  c.wbk.terugkoppelingBinnen3Maanden = { aantal: 6, van: 6 };
  const zaak = {
    soort: 'zakelijk',
    categorie: 'misbruikPositie',
    onderzoek: 'intern',
    uitkomst: 'nietOnderzoekswaardig',
    maatregelen: ['voorwaardelijkStrafontslag', 'dossiernotitie'],
  } as const;
  return {
    ...c,
    organisatie: 'Provincie Demoland',
    zaken: [
      { ...zaak, meldpunt: 'vertrouwenspersoon', maatregelen: [...zaak.maatregelen] },
      { ...zaak, meldpunt: 'integriteitscoordinator', maatregelen: [...zaak.maatregelen] },
      { ...zaak, meldpunt: 'vertrouwenspersoon', maatregelen: ['geen'] },
    ],
    vorigeJaren: { '2024': vorig },
  };
}

(beschikbaar ? describe : describe.skip)('jaarverslag docx in LibreOffice (PDF read back)', () => {
  let tmp = '';
  let paginas: string[] = [];
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    const docx = path.join(tmp, 'jaarverslag-2025.docx');
    fs.writeFileSync(docx, await renderDocx(verslag(), { nu: new Date('2026-12-02T10:00:00Z') }));
    // A profile of its own, so a running LibreOffice of the user is not used.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(tmp, 'profiel')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx],
      { stdio: 'pipe', timeout: 90000 },
    );
    const tekst = execFileSync('pdftotext', ['-layout', path.join(tmp, 'jaarverslag-2025.pdf'), '-'], { encoding: 'utf8' });
    paginas = tekst.split('\f').filter((p, i, a) => i < a.length - 1 || p.trim() !== '');
  }, 120000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a cover page without header or page number, then a contents page with page numbers', () => {
    expect(paginas.length).toBeGreaterThan(5);
    expect(paginas[0]).toContain('Jaarverslag integriteit 2025');
    expect(paginas[0]).toContain('Provincie Demoland');
    expect(paginas[0]).toContain('Samengesteld op 2 december 2026');
    expect(paginas[0]).not.toMatch(/Pagina \d/);
    expect(paginas[1]).toContain('Inhoud');
  });

  test('every contents line points at the page its chapter starts on', () => {
    const regels = [...paginas[1].matchAll(/^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ titel: m[1], pagina: Number(m[2]) }));
    expect(regels.map((r) => r.titel)).toEqual(expect.arrayContaining(['Inleiding', 'Vertrouwenspersonen', 'Vooruitblik']));
    expect(regels.length).toBeGreaterThanOrEqual(10);
    for (const r of regels) {
      expect(r.pagina).toBeGreaterThanOrEqual(3);
      expect(r.pagina).toBeLessThanOrEqual(paginas.length);
      // the chapter heading is a line of its own on that page
      expect({ titel: r.titel, op: paginas[r.pagina - 1].split('\n').some((l) => l.trim() === r.titel) }).toEqual({
        titel: r.titel,
        op: true,
      });
    }
    // chapters are in order
    expect(regels.map((r) => r.pagina)).toEqual([...regels.map((r) => r.pagina)].sort((a, b) => a - b));
  });

  test('a running header and "Pagina X van Y" on every page after the cover', () => {
    paginas.slice(1).forEach((p, i) => {
      expect(p).toContain('Jaarverslag integriteit 2025 · Provincie Demoland');
      expect(p).toContain(`Pagina ${i + 2} van ${paginas.length}`);
    });
  });

  test('no word is broken in a table cell; sentences under the tables come from the figures', () => {
    const alles = paginas.join('\n');
    expect(alles.match(/\bVertrouwenspersoon\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(alles).toMatch(/\bIntegriteitscoördinator\b/);
    expect(alles).toMatch(/\bbelangenverstrengeling\b/);
    expect(alles).toMatch(/\bstrafontslag\b/);
    expect(alles).not.toMatch(/Vertrouwensperso\s*-?\s*\n/);
    // 2024 → 2025: total 9 → 12, integriteit 4 → 7
    expect(alles.replace(/\s+/g, ' ')).toContain('Het totaal steeg van 9 in 2024 naar 12 in 2025.');
    expect(alles.replace(/\s+/g, ' ')).toContain('Gestegen ten opzichte van 2024: Integriteit (van 4 naar 7).');
    expect(alles.replace(/\s+/g, ' ')).toContain('Niet binnen de termijn: 1 ontvangstbevestiging en geen terugkoppelingen.');
  });
});
