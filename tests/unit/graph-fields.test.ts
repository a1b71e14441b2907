/**
 * Conversions between canonical items and Graph `fields` (shared/src/store/graph/fields.ts). Expected
 * values are worked out by hand from the Graph and SharePoint behaviour described in docs/contracts.md "SharePoint lists".
 */
import { getListDefinition } from '@shared/lists/definitions';
import { columnFromGraph, dateFromGraph, fromGraphFields, odataString, toGraphFields } from '@shared/store/graph/fields';
import { serverFilter, sortItems, matches } from '@shared/store/graph/graph-list-store';

const meldingen = getListDefinition('Meldingen');
const melding = {
  meldingId: 'M-2024-0007',
  ontvangenOp: '2024-03-05',
  kanaal: 'gesprek',
  meldpunt: 'vertrouwenspersoon',
  soort: 'sociaal',
  categorie: 'ongewensteOmgangsvormen',
  betrokkene: 'ambtenaar',
  anoniem: false,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['teamtraject', 'dossiernotitie'],
  ontvangstbevestigdOp: null,
  terugkoppelingOp: null,
  afgeslotenOp: null,
  bewaarTot: null,
};

test('writing: multichoice carries @odata.type Collection(Edm.String); dates at noon UTC; typed booleans; empties left out on create', () => {
  const f = toGraphFields(meldingen, melding, 'create');
  expect(f['maatregelen@odata.type']).toBe('Collection(Edm.String)');
  expect(f.maatregelen).toEqual(['teamtraject', 'dossiernotitie']);
  expect(f.ontvangenOp).toBe('2024-03-05T12:00:00Z');
  expect(f.anoniem).toBe(false);
  expect('ontvangstbevestigdOp' in f).toBe(false);
});

test('writing a patch clears empty columns with null', () => {
  const f = toGraphFields(meldingen, melding, 'patch');
  expect(f.ontvangstbevestigdOp).toBeNull();
  expect(f.bewaarTot).toBeNull();
});

test('date-only values: local midnight in UTC is read back as the Amsterdam calendar date', () => {
  // 5 March 2024 00:00 in Amsterdam (CET, UTC+1) is 4 March 23:00 UTC.
  expect(dateFromGraph('2024-03-04T23:00:00Z')).toBe('2024-03-05');
  // 15 July 2024 00:00 in Amsterdam (CEST, UTC+2) is 14 July 22:00 UTC.
  expect(dateFromGraph('2024-07-14T22:00:00Z')).toBe('2024-07-15');
  // A UTC-midnight value (site in UTC) and the noon value we write keep their day too.
  expect(dateFromGraph('2024-03-05T00:00:00Z')).toBe('2024-03-05');
  expect(dateFromGraph('2024-03-05T12:00:00Z')).toBe('2024-03-05');
  expect(dateFromGraph('2024-03-05')).toBe('2024-03-05');
});

test('reading: numbers and booleans that Graph returns as strings become typed', () => {
  const sessie = getListDefinition('AmbtseedSessies');
  const item = fromGraphFields(sessie, {
    '@odata.etag': '"x,1"',
    Title: null,
    sessieId: 'S-1',
    start: '2026-03-29T08:00:00Z',
    eind: '2026-03-29T09:30:00Z',
    soort: 'ambtseed',
    online: '1',
    afnemer: 'provinciesecretaris',
    capaciteit: '12',
  });
  expect(item).toEqual({
    sessieId: 'S-1',
    start: '2026-03-29T08:00:00.000Z',
    eind: '2026-03-29T09:30:00.000Z',
    soort: 'ambtseed',
    online: true,
    afnemer: 'provinciesecretaris',
    capaciteit: 12,
  });
  const online = sessie.columns.find((c) => c.name === 'online')!;
  // An absent Yes/No value is unknown (null, "onbekend" in the report), not "nee" (issue 15).
  expect(['true', 'Yes', '0', 'false', 0, undefined].map((v) => columnFromGraph(online, v))).toEqual([
    true,
    true,
    false,
    false,
    false,
    null,
  ]);
  const maatregelen = meldingen.columns.find((c) => c.name === 'maatregelen')!;
  expect(columnFromGraph(maatregelen, ';#geen;#overig;#')).toEqual(['geen', 'overig']);
});

test('OData string literals double single quotes', () => {
  expect(odataString("O'Brien")).toBe("'O''Brien'");
});

test('server $filter uses only indexed columns, dates widened by a day; the exact filter runs locally', () => {
  const f = serverFilter(meldingen, {
    range: { column: 'ontvangenOp', from: '2024-01-01', to: '2024-12-31' },
    where: { soort: ['zakelijk', 'sociaal'], kanaal: 'teams' },
  });
  // kanaal is not indexed: not in the server filter.
  expect(f).toBe(
    "fields/ontvangenOp ge '2023-12-31T00:00:00Z' and fields/ontvangenOp le '2025-01-02T00:00:00Z' and (fields/soort eq 'zakelijk' or fields/soort eq 'sociaal')",
  );
  expect(
    matches(meldingen, melding, {
      range: { column: 'ontvangenOp', from: '2024-03-05', to: '2024-03-05' },
      where: { maatregelen: 'teamtraject' },
    }),
  ).toBe(true);
  expect(matches(meldingen, melding, { where: { kanaal: 'teams' } })).toBe(false);
});

test('sorting matches the SQLite store: by column then key, descending reverses both', () => {
  const a = { ...melding, meldingId: 'M-2', ontvangenOp: '2024-01-01' };
  const b = { ...melding, meldingId: 'M-1', ontvangenOp: '2024-01-01' };
  const c = { ...melding, meldingId: 'M-3', ontvangenOp: '2023-06-01' };
  expect(sortItems(meldingen, [a, b, c], {}).map((x) => x.meldingId)).toEqual(['M-1', 'M-2', 'M-3']);
  expect(sortItems(meldingen, [a, b, c], { orderBy: 'ontvangenOp' }).map((x) => x.meldingId)).toEqual(['M-3', 'M-1', 'M-2']);
  expect(sortItems(meldingen, [a, b, c], { orderBy: 'ontvangenOp', descending: true }).map((x) => x.meldingId)).toEqual([
    'M-2',
    'M-1',
    'M-3',
  ]);
});
