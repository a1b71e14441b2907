/**
 * The xlsx export neutralises formula triggers in text cells like the CSV export does (OWASP CSV injection:
 * a sheet saved again as CSV, or a label pasted into a formula bar, must not become a formula); counts stay
 * numbers. The labels come from the message catalogue, so a label that starts with a trigger is registered here
 * (this file runs in its own module registry).
 */
import { registerMessages } from '@shared/i18n';
import { buildJaarverslag } from '@shared/report';
import { bladNaam, renderXlsx } from '@shared/report/xlsx';
import { leesXlsx } from '../integration/report-readback';

test('a label starting with = or @ gets a leading quote in the workbook; counts are numbers', async () => {
  registerMessages({
    nl: {
      'report.onderwerp.integriteit': '=HYPERLINK("http://evil.example","Integriteit")',
      'report.onderwerp.discriminatie': '@Discriminatie',
    },
    en: {},
  });
  const verslag = buildJaarverslag(
    {
      Gesprekken: [
        {
          gesprekId: 'G-1',
          datum: '2024-05-01',
          vertrouwenspersoon: 'intern',
          onderwerp: 'integriteit',
          isMelding: false,
          doorverwezen: 'geen',
        },
      ],
    } as never,
    { jaar: 2024, organisatie: 'Provincie', years: 1 },
  );
  const sheets = await leesXlsx(await renderXlsx(verslag));
  const onderwerp = sheets.find((s) => s.naam === bladNaam('gesprekkenPerOnderwerp', 'nl'))!;
  const rij = onderwerp.rijen.find((r) => String(r[0]).includes('HYPERLINK'))!;
  expect(rij).toEqual([`'=HYPERLINK("http://evil.example","Integriteit")`, 1]);
  expect(onderwerp.rijen.find((r) => String(r[0]).includes('Discriminatie'))).toEqual(["'@Discriminatie", 0]);
  for (const s of sheets)
    for (const r of [s.kop, ...s.rijen]) for (const v of r) if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@\t\r]/);
});
