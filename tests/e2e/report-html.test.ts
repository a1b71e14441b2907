/**
 * The HTML jaarverslag in headless Chromium (issue 8): no WCAG 2.1 A/AA violations (axe-core), no request
 * leaves the file (self-contained), charts are images with a text alternative, it prints to PDF, and a
 * screenshot lands in tests/e2e/artifacts for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { buildJaarverslag } from '@shared/report';
import { renderHtml } from '@shared/report/html';
import type { ListItem } from '@shared/lists/schemas';
import { ARTIFACTS, describeWithChromium, launchBrowser } from '../support/browser';

/** A small but complete report: every section has numbers, two previous years, a case table. */
function voorbeeld(): string {
  const gesprekken: ListItem<'Gesprekken'>[] = [];
  const onderwerpen = ['integriteit', 'ongewensteOmgangsvormen', 'arbeidsconflict', 'onveiligheid', 'adviesAlgemeen'] as const;
  for (let i = 0; i < 60; i++)
    gesprekken.push({
      gesprekId: `g${i}`,
      datum: `${2022 + (i % 3)}-0${1 + (i % 9)}-1${i % 9}`,
      vertrouwenspersoon: i % 4 ? 'intern' : 'extern',
      onderwerp: onderwerpen[i % 5],
      isMelding: i % 2 === 0,
      doorverwezen: i % 7 ? 'geen' : 'mediation',
      verwijderdOp: null,
    });
  const meldingen: ListItem<'Meldingen'>[] = [
    {
      meldingId: 'M-2024-0001',
      ontvangenOp: '2024-02-01',
      kanaal: 'gesprek',
      meldpunt: 'leidinggevende',
      soort: 'zakelijk',
      categorie: 'informatie',
      betrokkene: 'ambtenaar',
      anoniem: false,
      onderzoek: 'intern',
      uitkomst: 'geenSchending',
      maatregelen: ['geen'],
      ontvangstbevestigdOp: '2024-02-03',
      terugkoppelingOp: '2024-04-01',
      afgeslotenOp: null,
      bewaarTot: null,
    },
    {
      meldingId: 'M-2024-0002',
      ontvangenOp: '2024-05-01',
      kanaal: 'teams',
      meldpunt: 'integriteitscoordinator',
      soort: 'sociaal',
      categorie: 'ongewensteOmgangsvormen',
      betrokkene: 'ambtenaar',
      anoniem: true,
      onderzoek: 'extern',
      uitkomst: 'gegrond',
      maatregelen: ['teamtraject', 'dossiernotitie'],
      ontvangstbevestigdOp: '2024-05-10',
      terugkoppelingOp: null,
      afgeslotenOp: null,
      bewaarTot: null,
    },
  ];
  const verslag = buildJaarverslag(
    {
      Gesprekken: gesprekken,
      Meldingen: meldingen,
      DilemmaSessies: [
        { datum: '2024-03-01', doelgroep: 'nieuweMedewerkers', deelnemers: 16 },
        { datum: '2024-09-01', doelgroep: 'afdeling', deelnemers: 7 },
      ],
      AgressieIncidenten: [{ datum: '2024-06-06', soort: ['verbaal'], maatregelen: ['waarschuwingsbrief'] }],
      MeldwijzerGebruik: [{ week: '2024-W10', situatie: 'dilemma', aantal: 40 }],
    },
    { jaar: 2024, organisatie: 'Provincie Demoland', years: 3 },
  );
  return renderHtml(verslag, { onderDrempel: 3 });
}

describeWithChromium('jaarverslag HTML (e2e, Chromium)', () => {
  let browser: BrowserContext;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-report-html-'));
    file = path.join(dir, 'jaarverslag-2024.html');
    fs.writeFileSync(file, voorbeeld());
    // launchBrowser() makes the artifacts folder and removes its own profile after close (with retries).
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test('no WCAG 2.1 AA violations, self-contained, charts with text alternatives, printable', async () => {
    const page = await browser.newPage();
    const verzoeken: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) verzoeken.push(r.url());
    });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`file://${file}`);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expect(verzoeken).toEqual([]);
    const figuren = page.getByRole('img');
    expect(await figuren.count()).toBe(4);
    expect(await page.getByRole('img', { name: /Gesprekken per onderwerp in 2024/ }).count()).toBe(1);
    // Rendered with suppression (onderDrempel 3): the case table is left out and the report says why.
    expect(await page.getByRole('table', { name: /Onderzochte meldingen/ }).count()).toBe(0);
    expect(await page.getByText(/weggelaten vanwege kleine aantallen/).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'jaarverslag-html.png'), fullPage: false });
    await page.evaluate(() => document.getElementById('h-meldingen')!.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'jaarverslag-html-meldingen.png') });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
