/**
 * Reading lists from SharePoint never drops an item silently (issue: Graph leaves empty columns out of `fields`
 * and returns no `fields` at all without `$expand`; an item without a required column was dropped with one log
 * line, items without `fields` were all dropped, and the report from Graph came out too low — all zeros — with
 * exit 0; an absent yes/no column was read as "nee").
 * The real report and lists CLIs run with STORE=graph against the HTTP-level Graph fake.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReportCli } from '@shared/cli/report';
import { runListsCli } from '@shared/cli/lists';
import { queryAll } from '@shared/store/list-store';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake } from '../support/graph-store';

const ROOT = path.resolve(__dirname, '../..');
const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

let dir: string;
beforeEach(async () => {
  fake.reset();
  fake.resetStats();
  fake.setFaults(undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-graph-lezen-'));
  await provisionFake(fake);
  fake.seedItems(
    'Meldingen',
    [1, 2, 3, 4].map((n) => ({
      meldingId: `M-2024-000${n}`,
      ontvangenOp: `2024-0${n}-10`,
      kanaal: 'teams',
      meldpunt: 'vertrouwenspersoon',
      soort: 'sociaal',
      categorie: 'ongewensteOmgangsvormen',
      betrokkene: 'ambtenaar',
      anoniem: n === 1,
      onderzoek: 'geen',
      uitkomst: 'lopend',
      maatregelen: ['geen'],
      'maatregelen@odata.type': 'Collection(Edm.String)',
    })),
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = () =>
  ({
    STORE: 'graph',
    GRAPH_BASE_URL: FAKE_BASE_URL,
    GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
    SHAREPOINT_SITE_ID: FAKE_SITE_ID,
    INTEGRITEITSPLEIN_DB: path.join(dir, 'lokaal.db'),
  }) as NodeJS.ProcessEnv;
async function report() {
  let stdout = '';
  let stderr = '';
  const out = path.join(dir, 'uit');
  const code = await runReportCli(['--year', '2024', '--format', 'json', '--out', out, '--org', 'demo', '--years', '1'], {
    env: env(),
    configDir: path.join(ROOT, 'config'),
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  const file = path.join(out, 'jaarverslag-2024.json');
  return { code, stdout, stderr, json: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined };
}
async function exporteer(list: string) {
  let stdout = '';
  let stderr = '';
  const code = await runListsCli(['export', '--list', list, '--format', 'json'], {
    env: env(),
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}
/** Remove a stored column value of the fake's item `n` (1-based, as SharePoint leaves an empty column out). */
function leegKolom(list: string, n: number, kolom: string) {
  const item = [...fake.list(list)!.items.values()][n - 1];
  delete item.fields[kolom];
  return String(item.id);
}

test('Graph returning items without fields: they are asked again with $expand=fields and all counted', async () => {
  fake.gedrag.collectieZonderFields = true;
  const r = await report();
  expect(r.code).toBe(0);
  expect(r.json.meldingen.totaal).toBe(4);
  expect(r.json.meldingen.anoniem).toBe(1);
  expect(fake.log.filter((l) => /items\/\d+\?\$expand=fields/.test(l)).length).toBeGreaterThanOrEqual(4);
});

test('an item without a required column is named (list, id, column); report and export exit non-zero in Dutch', async () => {
  const id = leegKolom('Meldingen', 3, 'soort');
  const r = await report();
  expect(r.code).toBe(1);
  expect(r.json).toBeUndefined();
  expect(r.stderr).toContain(`Lijst Meldingen: 1 item kon niet worden gelezen: item ${id} (kolom soort)`);
  expect(r.stderr).toMatch(/Er is niets overgeslagen/);
  const e = await exporteer('Meldingen');
  expect(e.code).toBe(1);
  expect(e.stdout).toBe('');
  expect(e.stderr).toContain(`item ${id} (kolom soort)`);
});

test('an absent yes/no column is null and counts as onbekend, not as nee', async () => {
  leegKolom('Meldingen', 2, 'anoniem');
  const r = await report();
  expect(r.code).toBe(0);
  expect(r.json.meldingen).toMatchObject({ totaal: 4, anoniem: 1, anoniemOnbekend: 1 });
  const store = fakeStore();
  const items = await queryAll(store, 'Meldingen');
  expect(items.map((m) => m.anoniem)).toEqual([true, null, false, false]);
  await store.close();
});

test("SharePoint's list view threshold refusal becomes a Dutch message for the admin, exit non-zero", async () => {
  fake.gedrag.lijstdrempel = new Set(['Meldingen']);
  const r = await report();
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/SharePoint weigert de lijst Meldingen te lezen: de lijst is groter dan de drempel voor lijstweergaven/);
  expect(r.stderr).toMatch(/Beheerder: controleer in Lijstinstellingen → Geïndexeerde kolommen/);
  expect(r.stderr).not.toMatch(/attempted operation is prohibited/);
});

test('a filter on a column that is not indexed in SharePoint becomes a Dutch message naming the column', async () => {
  // The admin created the list by hand, without the index on ontvangenOp that provisioning sets.
  fake.list('Meldingen')!.columns.find((c) => c.name === 'ontvangenOp')!.indexed = false;
  const r = await report();
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('SharePoint weigert een zoekopdracht op de lijst Meldingen: de kolom ontvangenOp is niet geïndexeerd.');
  expect(r.stderr).toMatch(/npm run lists -- provision/);
  expect(r.stderr).not.toMatch(/cannot be referenced/);
});
