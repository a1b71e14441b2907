/**
 * Free text → triage → meldroute lands on the meldpunten the organisation's own procedure gives.
 * Fixture cases: ../shared/fixtures/meldwijzer-cases.json (expected routes follow the published reports).
 * Own cases below: expected values worked out by hand from config/<org>.yaml routes.
 */
import { fixturePath } from '../support/fixtures';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrgConfig, type OrgConfig } from '@shared/config';
import { meldroute, meldpuntIds, situatieVoorPerspectief } from '@shared/domain/meldroute';
import { triage } from '@shared/domain/triage';
import type { Situatie } from '@shared/lists/definitions';

interface Case {
  org: string;
  vraag: string;
  situatie: Situatie;
  first: string[];
  also: string[];
  anonymous: boolean;
}

const FIXTURE = fixturePath('meldwijzer-cases.json');
const fixtureCases: Case[] = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { cases: Case[] }).cases;

/** Fixture names → meldpunt ids in config/*.yaml. */
const NAAM_NAAR_ID: Record<string, string> = { BING: 'bing', LKOG: 'lkog', 'Huis voor Klokkenluiders': 'huisVoorKlokkenluiders' };
const id = (naam: string) => NAAM_NAAR_ID[naam] ?? naam;

const configs = new Map<string, OrgConfig>();
const config = (org: string) => {
  if (!configs.has(org)) configs.set(org, loadOrgConfig(org, path.resolve(__dirname, '../../config')));
  return configs.get(org)!;
};

const Z = 'zuid-holland';
const H = 'huizen';
const D = 'demo';
const c = (org: string, vraag: string, situatie: Situatie, first: string[], also: string[], anonymous: boolean): Case => ({
  org,
  vraag,
  situatie,
  first,
  also,
  anonymous,
});

/** 45 own cases: every situation type, Dutch and English, typos, diacritics, anonymity, outsiders. */
const ownCases: Case[] = [
  // dilemma
  c(Z, 'Mag ik een kerstpakket van een leverancier aannemen?', 'dilemma', ['leidinggevende', 'vertrouwenspersoon'], [], false),
  c(H, 'Ik twijfel of ik kaartjes voor een concert mag aannemen van een aannemer.', 'dilemma', ['leidinggevende', 'bing'], [], false),
  c(
    D,
    'Is it okay to accept a gift from a supplier?',
    'dilemma',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['integriteitscoordinator'],
    false,
  ),
  c(
    Z,
    'Ik zit in een dilema: een oud-collega vraagt om informatie.',
    'dilemma',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['integriteitsteam'],
    false,
  ),
  c(H, 'Am I allowed to accept a dinner invitation from a contractor?', 'dilemma', ['leidinggevende', 'bing'], [], false),
  c(Z, 'Mag ik een cadeau van een leverancier aannemen?', 'dilemma', ['leidinggevende', 'vertrouwenspersoon'], [], false),
  c(D, 'May I accept a present from a supplier?', 'dilemma', ['leidinggevende', 'vertrouwenspersoon'], ['integriteitscoordinator'], false),
  c(H, 'Mag ik een relatiegeschenk van een aannemer houden?', 'dilemma', ['leidinggevende', 'bing'], [], false),
  // vermoeden van een misstand
  c(
    Z,
    'Er wordt op grote schaal afval geloosd en dat schaadt de volksgezondheid.',
    'vermoedenMisstand',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['secretaris', 'huisVoorKlokkenluiders'],
    false,
  ),
  c(
    H,
    'I suspect wrongdoing that puts public health at risk.',
    'vermoedenMisstand',
    ['leidinggevende', 'bing'],
    ['huisVoorKlokkenluiders'],
    false,
  ),
  c(
    D,
    'Ik heb een vermoeden van een misstand bij de vergunningverlening.',
    'vermoedenMisstand',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['secretaris', 'huisVoorKlokkenluiders'],
    true,
  ),
  c(
    Z,
    'Klokkenluider worden: hoe werkt dat?',
    'vermoedenMisstand',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['huisVoorKlokkenluiders'],
    false,
  ),
  c(
    D,
    'Ik wil anoniem een misstand melden over milieuvervuiling.',
    'vermoedenMisstand',
    ['vertrouwenspersoon'],
    ['huisVoorKlokkenluiders', 'secretaris'],
    true,
  ),
  c(
    H,
    'Mijn afdeling stopt belastinggeld in een project dat niet bestaat, ik vermoed fraude',
    'vermoedenMisstand',
    ['leidinggevende', 'bing'],
    ['huisVoorKlokkenluiders'],
    false,
  ),
  c(
    Z,
    'Veiligheidsregels op de bouwplaats worden stelselmatig genegeerd, er is echt gevaar.',
    'vermoedenMisstand',
    ['leidinggevende', 'vertrouwenspersoon'],
    ['secretaris'],
    false,
  ),
  // zakelijke integriteitsschending
  c(
    Z,
    'Mijn collega declareert privé-etentjes als zakelijke kosten.',
    'zakelijk',
    ['leidinggevende'],
    ['vertrouwenspersoon', 'secretaris'],
    true,
  ),
  c(H, 'Someone in finance is embezzling money.', 'zakelijk', ['leidinggevende', 'bing'], ['secretaris'], false),
  c(
    D,
    'Een collega lekt vertrouwelijke informatie naar de pers.',
    'zakelijk',
    ['leidinggevende'],
    ['vertrouwenspersoon', 'secretaris'],
    true,
  ),
  c(Z, 'Een collega neemt steekpenningen aan van een aannemer.', 'zakelijk', ['leidinggevende'], ['vertrouwenspersoon'], true),
  c(Z, 'mijn colega pleegt fraudee met de urenregistratie', 'zakelijk', ['leidinggevende'], ['secretaris'], true),
  c(H, 'Iemand gebruikt de dienstauto voor privéritten.', 'zakelijk', ['leidinggevende', 'bing'], [], false),
  c(
    D,
    'I want to report anonymously that my manager takes bribes.',
    'zakelijk',
    ['vertrouwenspersoon'],
    ['secretaris'], // the own manager is left out of the anonymous variant's "ook".
    true,
  ),
  c(
    Z,
    'Er verdwijnen laptops; ik denk dat een collega ze steelt.',
    'zakelijk',
    ['leidinggevende'],
    ['vertrouwenspersoon', 'secretaris'],
    true,
  ),
  c(Z, 'Mijn collega bekijkt privégegevens van burgers zonder reden.', 'zakelijk', ['leidinggevende'], ['secretaris'], true),
  // ongewenst gedrag
  // the own manager acts: routes.ongewenstGedrag.bijLeidinggevende
  c(Z, 'Mijn leidinggevende schreeuwt tegen me.', 'ongewenstGedrag', ['vertrouwenspersoon', 'hogerLeidinggevende'], ['lkog'], false),
  c(H, 'My boss keeps belittling me in meetings.', 'ongewenstGedrag', ['bing', 'andereLeidinggevende'], ['lkog'], false),
  c(D, 'Ik word gediscrimineerd vanwege mijn afkomst.', 'ongewenstGedrag', ['vertrouwenspersoon', 'leidinggevende'], ['lkog'], true),
  c(Z, 'Ik voel me geïntimideerd door een collega.', 'ongewenstGedrag', ['vertrouwenspersoon', 'leidinggevende'], ['lkog'], false),
  c(Z, 'een collega intimdeert mij steeds', 'ongewenstGedrag', ['vertrouwenspersoon', 'leidinggevende'], [], false),
  c(H, 'A colleague is sexually harassing me.', 'ongewenstGedrag', ['leidinggevende', 'bing'], ['lkog'], false),
  c(Z, 'Mijn collega maakt racistische grappen over mij.', 'ongewenstGedrag', ['vertrouwenspersoon', 'leidinggevende'], ['lkog'], false),
  c(D, 'Ik word al maanden gepest op mijn werk', 'ongewenstGedrag', ['vertrouwenspersoon', 'leidinggevende'], ['lkog'], true),
  c(H, 'Een collega heeft mij ongewenst aangeraakt.', 'ongewenstGedrag', ['leidinggevende', 'bing'], ['lkog'], false),
  // agressie of geweld van buiten
  c(Z, 'Een burger scheldt me uit aan de balie.', 'agressieExtern', ['leidinggevende'], ['politie', 'vertrouwenspersoon'], false),
  c(H, 'A visitor threatened me at the front desk.', 'agressieExtern', ['leidinggevende'], ['politie', 'bing'], false),
  c(D, 'Een boze inwoner zei dat hij weet waar ik woon.', 'agressieExtern', ['leidinggevende', 'adviseurVpt'], ['politie'], false),
  c(Z, 'Ik ben bij een controle geslagen door een automobilist.', 'agressieExtern', ['leidinggevende'], ['politie'], false),
  c(H, 'Een klant bedreigde mij aan de telefoon.', 'agressieExtern', ['leidinggevende'], ['politie'], false),
  c(
    D,
    'een bezoeker werd agresief tegen mij',
    'agressieExtern',
    ['leidinggevende', 'adviseurVpt'],
    ['politie', 'vertrouwenspersoon'],
    false,
  ),
  // nevenwerkzaamheden en belangen
  c(Z, 'Ik wil penningmeester worden van mijn sportclub.', 'nevenwerkzaamheden', ['leidinggevende'], ['integriteitsteam'], false),
  c(D, 'Can I start my own business next to my job?', 'nevenwerkzaamheden', ['leidinggevende'], ['integriteitscoordinator'], false),
  c(H, 'Moet ik mijn aandelen in een bouwbedrijf melden?', 'nevenwerkzaamheden', ['leidinggevende'], ['po'], false),
  c(Z, 'nevenwerkzaamheeden melden', 'nevenwerkzaamheden', ['leidinggevende'], [], false),
  c(H, 'I have a side job as a freelance photographer.', 'nevenwerkzaamheden', ['leidinggevende'], [], false),
  c(D, 'Ik word bestuurslid van een stichting die subsidie krijgt van de provincie.', 'nevenwerkzaamheden', ['leidinggevende'], [], false),
  // algemene vraag
  c(Z, 'Waar vind ik de gedragscode?', 'algemeen', ['vertrouwenspersoon', 'integriteitsteam'], ['leidinggevende'], false),
  c(H, 'Who is the confidential counsellor here?', 'algemeen', ['bing', 'leidinggevende'], [], false),
  c(D, 'Hoe werkt de procedure voor een VOG?', 'algemeen', ['integriteitscoordinator', 'vertrouwenspersoon'], ['leidinggevende'], false),
];

/**
 * The fixture names "leidinggevende" for the line: when the text is about the employee's own manager, the
 * organisation's procedure means another, more senior manager (Zuid-Holland: "iedere hiërarchisch hogere
 * leidinggevende"; Huizen: "de eigen of een andere leidinggevende"), which the configs call
 * hogerLeidinggevende / andereLeidinggevende.
 */
const LIJN = new Set(['hogerLeidinggevende', 'andereLeidinggevende']);

function check(k: Case, fixture = false) {
  const cfg = config(k.org);
  const uitkomst = triage(k.vraag, cfg);
  const situatie = uitkomst.situatie && situatieVoorPerspectief({ ...uitkomst, situatie: uitkomst.situatie });
  expect(situatie).toBe(k.situatie);
  const ids = meldpuntIds(meldroute(cfg, situatie!, uitkomst.antwoorden, { actor: uitkomst.actor }));
  const eerst = fixture ? ids.eerst.map((m) => (LIJN.has(m) ? 'leidinggevende' : m)) : ids.eerst;
  expect(eerst).toEqual(k.first.map(id));
  const genoemd = [...ids.eerst, ...ids.ook];
  for (const a of k.also.map(id)) expect(genoemd).toContain(a);
  // Every "also" must be mentioned but not offered first.
  for (const a of k.also.map(id)) expect(ids.eerst).not.toContain(a);
  expect(ids.anoniem.length > 0).toBe(k.anonymous);
}

describe('meldwijzer: published fixture cases', () => {
  it('has the fixture cases', () => expect(fixtureCases.length).toBeGreaterThanOrEqual(8));
  test.each(fixtureCases.map((k) => [k.org, k.vraag, k] as const))('%s: %s', (_org, _vraag, k) => check(k, true));
});

describe('meldwijzer: own cases', () => {
  it('has at least 40 cases covering every situation type', () => {
    expect(ownCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ownCases.map((k) => k.situatie)).size).toBe(7);
  });
  test.each(ownCases.map((k) => [k.org, k.vraag, k] as const))('%s: %s', (_org, _vraag, k) => check(k));
});
