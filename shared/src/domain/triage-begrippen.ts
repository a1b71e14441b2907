import { ZinIndex } from './triage-tekst';

/**
 * Concepts (begrippen) for the meldwijzer classifier: groups of Dutch and English words that mean the
 * same thing for triage — a gift, money, a side job, a danger to the public, a cover-up, a remark about
 * someone's body, a blow or a threat. A text that names one member yields the concept's token (`#gunst`),
 * so the classifier, trained on a few hundred phrasings, also recognises members it never saw in training
 * ("whisky" as well as "wijn"). Words are normalised (see `normaliseer`); a word matches a member when it
 * equals it, starts with it (member ≥ 4 letters: inflections and compound heads, "cadeau" → "cadeautje")
 * or contains it after a head of at least three letters (member ≥ 6 letters: compound tails, "kerstcadeau";
 * "represent" is no "present"); a member with a space is a phrase.
 * Pure; a per-word cache holds single words only.
 */

/**
 * Gifts (relatiegeschenken) in Dutch and English, normalised, each word with its counterpart: one list for
 * triage's rule "a question about accepting a gift is one's own dilemma" (triage.ts) and for the word family of
 * an FAQ trefwoord such as "geschenk" (triage-vraag.ts), so "Mag ik een kerstpakket houden?" and "May I keep a
 * Christmas hamper?" are the same question. (The concept `#gunst` below is wider: invitations, trips, discounts.)
 */
export const GESCHENKEN: readonly string[] = [
  'geschenk',
  'geschenken',
  'relatiegeschenk',
  'relatiegeschenken',
  'business gift',
  'cadeau',
  'cadeaus',
  'cadeautje',
  'kado',
  'gift',
  'gifts',
  'present',
  'presents',
  'kerstpakket',
  'kerstpakketten',
  'hamper',
  'hampers',
  'fles',
  'bottle',
  'wijn',
  'wine',
  'whisky',
  'champagne',
  'bloemen',
  'bos bloemen',
  'flowers',
  'bouquet',
  'bonbons',
  'chocolade',
  'chocola',
  'chocolates',
  'chocolate',
  'taart',
  'cake',
  'tegoedbon',
  'cadeaubon',
  'cadeaukaart',
  'voucher',
  'gift card',
  'giftcard',
  'kaartjes',
  'tickets',
];

/** Concept → members (normalised), comma-separated. */
const LEDEN: Record<string, string> = {
  gunst:
    'cadeau, kado, geschenk, kerstpakket, bonbon, chocola, wijn, whisky, champagne, bloemen, bos bloemen, taart, ' +
    'tegoedbon, cadeaubon, cadeaukaart, voucher, giftcard, gift card, gift, gifts, present, hamper, kaartjes, ' +
    'ticket, uitnodig, uitgenodigd, invit, diner, etentje, uit eten, lunch, dinner, concert, wedstrijd, match, ' +
    'skybox, golfdag, formule 1, reis, trip, hotel, korting, discount, gratis, for free, bedank, thank, fles, ' +
    'bottle, rondleiding, jubileum, opening, hapjes, drankjes, envelop, conference, congres, all costs paid, ' +
    'alle kosten, vliegtuigmijlen, miles, spaarkaart, punten',
  aanbod: 'aanbied, aangeboden, biedt, bood, offer, wil me, wants to, stuurt, kreeg, gekregen, got a, kwam brengen, ' + 'liet me, left me',
  eigenVraag:
    'mag ik, kan ik, moet ik, mogen we, mogen wij, kunnen we, kunnen wij, houden we, mag k, kan dat, mag dat, ' +
    'is dat een probleem, is dat erg, is dat oke, is dat ok, is het erg, wat moet ik, wat doe ik, wat nu, ' +
    'wat zeg ik, hoe pak ik, gaan of niet, doen of niet, toegestaan, toegelaten, netjes, wat doet ge, wat vind jij, ' +
    'hoe moet ik, may i, can i, should i, am i allowed, is it ok, is it fine, is that allowed, is that a problem, ' +
    'what do i, what should i, what can i tell, how do i handle, keep it, do i need to, do i have to, must i, ' +
    'can she, can he',
  meldplicht:
    'melden, doorgeven, opgeven, aangeven, toestemming, telt dat, moet de werkgever, moet de organisatie, weten, ' +
    'declare, tell anyone, report that, permission, need to tell',
  bijwerk:
    'bijbaan, bijberoep, zzp, freelance, zelfstandig, eenmanszaak, eigen bedrijf, bedrijfje, webshop, startup, ' +
    'bijles, rijles, yoga, docent, gastdocent, les geven, lesgeven, teach, tutor, coach, trainer, scheidsrechter, ' +
    'fluiten, jurylid, muzikant, band, fotograaf, kapper, makelaar, hovenier, consult, boekhouding, bezorg, deliver, ' +
    'in het weekend, in de weekends, weekend, avonden, s avonds, evenings, zaterdag, vrijdag, naast mijn, naast je, ' +
    'on the side, side job, vrije tijd, free time, verdien, vergoeding, tegen betaling, paid, get paid, for money, ' +
    'supermarkt, achter de tap, cafe, boeken, schrijf, vakblad, bruiloft, wedding, b b, eieren, small business, ' +
    'catering, cakes',
  bezit:
    'verhuur, rent out, rental, airbnb, vakantiehuis, holiday home, appartement, flat, huizen, aandel, shares, ' +
    'bitcoin, crypto, beleg, invest, pakket in, mede eigenaar, eigenaar, boerderij, energiebedrijf',
  functie:
    'bestuur, board, voorzitter, penningmeester, treasurer, commissaris, raad van toezicht, gemeenteraad, kandidaat, ' +
    'running for, vrijwillig, volunteer, brandweer, vereniging, club, ondernemingsraad, charity, wethouder worden, ' +
    'word wethouder, lid van',
  relatie:
    'neef, nicht, broer, zus, zwager, schoonzoon, schoonvader, schoonfamilie, mijn vrouw, mijn man, partner, ' +
    'husband, wife, cousin, friend, vriend, vriendin, vrienden, bevriend, buurman, buurvrouw, neighbour, neighbor, ' +
    'ex, klasgenoot, kennis, kennissen, maatje, golfmaatje, familie, dochter, zoon, brother, sister, in law, ' +
    'bekende, bekenden, oud werkgever, business partner, zijn eigen, his own, eigen huis',
  geld:
    'geld, euro, cash, contant, factur, invoice, declar, onkost, expense, kilometer, tankpas, tanken, tankt, ' +
    'fuel card, creditcard, credit card, kas, kassa, budget, betaal, paying, money, bonnetjes, receipt, meerwerk, ' +
    'uren, overuren, hours, inklok, clock in, clocks in, reiskosten, woz, aanslag, boete, fine, fines, funds, fonds, ' +
    'projectgeld, subsidie, grant, miljoen, million, tonnen',
  spullen:
    'laptop, printpapier, toner, kantoorspullen, spullen, materiaal, equipment, supplies, bus van, de bus, ' +
    'dienstauto, auto van de zaak, gereedschap, mee naar huis, take home, taking, verkoopt, verkocht, selling, ' +
    'marktplaats, online verkopen, storage room, leent, van het werk, van de zaak, van de gemeente, gemeentelijke, ' +
    'council equipment, zijn eigen verbouwing, verhuizen',
  informatie:
    'systeem, system, dossier, gegevens, data, brp, register, adressen, address, opzoek, zoekt, kijkt in, looked up, ' +
    'looks up, look up, mail, inlog, login, wachtwoord, vertrouwelijk, confidential, stukken, documenten, ' +
    'doorgestuurd, stuurt door, doorgespeeld, geeft door, leak, journalist, pers, concurrent, telefoonnummers, ' +
    'namen en adressen, neuzen, meelezen, leest mee, draft, offertes, informatie, information, status, hoe ver',
  bevoordeling:
    'gegund, gunnen, opdracht, contract, aanbesteding, tender, offerte, zonder offerte, quotes, voorrang, regelt, ' +
    'sneller, speed up, tip, zonder boete, pushed through, bezorgd, plek, job to, gives every job, steeds gekozen, ' +
    'hetzelfde bedrijf, dure auto, iets voor terug, iets voor me te doen, nooit bonnen, never fines, verscheurt, ' +
    'scheurt, kleiner, lager, verlaagd',
  gevaar:
    'gevaar, gevaarlijk, gezond, ziek, veilig, veiligheid, safety, brand, fire, asbest, chemic, chemisch, stoffen, ' +
    'giftig, toxic, vervuil, pollut, lozen, geloosd, dump, stort, afval, waste, olie, riool, riolering, sloot, ' +
    'kanaal, canal, water, lucht, air, grondwater, bodem, soil, legionella, chloor, schimmel, ratten, scheur, crack, ' +
    'brug, bridge, dijk, lift, beton, plafond, speeltuin, playground, kinderen, kids, ouderen, clienten, patient, ' +
    'buurt, wijk, omwonend, duizenden, thousands, miljoenen, millions, keuring, inspectie, inspection, meetwaard, ' +
    'meting, samples, norm, milieu, natuur, nature, jeugdzorg, zorg, care, opvang, verkeerslicht, hurt, slachtoffer, ' +
    'dupe, verbrand, ruikt, geluidsoverlast, onbeveiligd, unsecured, zonder beveiliging, lek als, brandveilig, ' +
    'staal',
  doofpot:
    'stil, verzwijg, weggemoffeld, in de la, op de plank, geheim, cover, hide, delete, verwijder, aangepast, ' +
    'changed, signed off, afgetekend, niemand doet, gebeurt niks, gebeurt niets, doet niks, nobody, knoei, rommel, ' +
    'geschoven, mooier, andere kant op, kept quiet, keep quiet, niet naar buiten, niet onderzocht, genegeerd, ' +
    'ignored, get lost, getting lost, weggooien, verdwijnen, verdwijnt, niemand iets van weet, nowhere, cant find, ' +
    'weet van niks, heeft gezet, afgegeven, doordraaien, goedkoper, controleert, al jaren, in years, al maanden, ' +
    'al weken, said they were, paperwork, op verzoek van boven, knows about it, end up somewhere',
  lichaam:
    'lichaam, body, hand op, aanraak, aan me zitten, aan mijn, zit aan, touch, grabbed my waist, waist, vastpak, ' +
    'te dicht, dichtbij, kijkt me raar, toespeling, seks, sexual, schatje, meisje, what i wear, wat ik draag, foto, ' +
    'creepy, shoulder, schouder',
  kwetsen:
    'opmerking, comment, grap, joke, meme, lach, laugh, mock, belachelijk, afkraak, zwart, klein gemaakt, roddel, ' +
    'gossip, negeer, lucht ben, buitengesloten, niet uitgenodigd, nooit meer uitgenodigd, valt iedereen stil, ' +
    'praat nog, frozen out, ignor, afkomst, huidskleur, hoofddoek, accent, gewicht, weight, leeftijd, te oud, age, ' +
    'zwanger, pregnant, beperking, stotter, vrouwen, mannen, men, women, gay, homo, racist, anders behandeld, appen, ' +
    'berichten, messages, gemene, dom, lui, idioot, idiot, nergens goed, aanstellen, uitpraten, meiden, afgezeken, ' +
    'rare tekst, prikbord, doen na, behandelen, durf niet, uitroepen, roept mij, op de kap, uncomfortable, ' +
    'ongemakkelijk, worst shifts, contract niet, ontslaan, fire me, promotes, koffie halen, geen leuke projecten, ' +
    'cursussen, doet raar, zo raar, afgewezen, sist',
  geweld:
    'sla, slaat, sloeg, geslagen, klap, vuist, fist, duw, geduwd, push, omvergeduwd, schop, geschopt, kick, spuug, ' +
    'gespuugd, bespuwd, spat, spit, gooi, gooide, throw, threw, mes, knife, kogel, dreig, threat, opwacht, ' +
    'opgewacht, wachten, waiting, staat te wachten, achtervolg, volgt me, volgde me, gevolgd, followed me, follows me, following me, stalk, te grazen, boeten, in brand, aanpakken, ' +
    'aan te pakken, kort en klein, keel, grijp, gegrepen, grabbed, hield me vast, vastgehouden, blocked, ' +
    'liet me niet, wouldnt let me, hond, dog, tier, sakker, bekrast, ei, egg, inreed, reed, run me over, oppassen, ' +
    'deserve, weet waar, knows where, thuis komt, voor mijn huis, op me af, dreigend, woedend, omver, schreeuw, ' +
    'scream, yell, shout, schold, scheld, uitgescholden, kankerhoer, roepen, nageroepen, portier, vuisten',
  publiek:
    'loket, balie, counter, front desk, receptie, reception, receptioniste, huisbezoek, home visit, keukentafel, ' +
    'inspectie, controle, parkeer, parking, boa, boete, ticket, uitkering, benefits, aanvraag, permit, markt, ' +
    'op straat, strand, milieustraat, schoolplein, wegafzetting, road block, uniform, aan de telefoon, on the phone, ' +
    'belde, belt, facebook, twitter, tiktok, social media, online, filmpje, filmde, filmed, posted, posting, ' +
    'in de hal, kwam binnen, woninginspectie, aanbelde, gemeentehuis, home address, mijn adres, mijn naam, scooter, ' +
    'demonstr, leerling, leerplicht, school meeting, security, hangjongeren, jongeren, ouder, parent, vader',
  wegwijs:
    'waar vind, waar kan ik, waar staat, waar staan, waar is, where do i find, where can i find, regels, rules, ' +
    'gedragscode, code of conduct, protocol, procedure, regeling, klachtenregeling, training, cursus, dilemmaspel, ' +
    'vertrouwenspersoon, vertrouwenspersonen, integriteitscoordinator, counsellor, wat gebeurt, what happens, ' +
    'hoe lang, hoeveel, jaarverslag, vog, verklaring omtrent, eed, belofte, oath, verschil, wat is, who is, wie is, ' +
    'wie zijn, how do i report, hoe meld, hoe werkt, in vertrouwen, in confidence, bij wie, met wie, who can i talk, ' +
    'nalezen, aanvullen, integriteitsschending, integriteit, integrity, melding doen, iets melden, report something, ' +
    'deugt, niet klopt',
};

/** Concept → members (normalised). */
export const BEGRIPPEN: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(LEDEN).map(([begrip, leden]) => [begrip, leden.split(', ')]),
);

interface Lid {
  norm: string;
  begrip: string;
}
const ZINNEN: [string, string][] = [];
const PER_LETTER = new Map<string, Lid[]>();
const LANG: Lid[] = [];
for (const [begrip, leden] of Object.entries(BEGRIPPEN)) {
  for (const norm of leden) {
    const lid = { norm, begrip };
    if (norm.includes(' ')) ZINNEN.push([norm, begrip]);
    else {
      PER_LETTER.set(norm[0], [...(PER_LETTER.get(norm[0]) ?? []), lid]);
      if (norm.length >= 6) LANG.push(lid);
    }
  }
}

const ZIN_INDEX = new ZinIndex(ZINNEN);
const MAX_CACHE = 50_000;
const woordCache = new Map<string, readonly string[]>();

/** Concepts one normalised word names (cached per word). */
function begrippenVanWoord(w: string): readonly string[] {
  let uit = woordCache.get(w);
  if (uit) return uit;
  const set = new Set<string>();
  for (const l of PER_LETTER.get(w[0]) ?? []) if (w === l.norm || (l.norm.length >= 4 && w.startsWith(l.norm))) set.add(l.begrip);
  // A compound tail follows a head of at least three letters ("kerst-cadeau"), so "re-present" is no gift.
  if (w.length > 6) for (const l of LANG) if (w.indexOf(l.norm, 3) >= 3) set.add(l.begrip);
  uit = [...set];
  if (woordCache.size >= MAX_CACHE) woordCache.clear();
  woordCache.set(w, uit);
  return uit;
}

/** The concept tokens (`#gunst`, …) the words of a normalised text name, each once. */
export function begrippen(woorden: readonly string[]): string[] {
  const set = new Set<string>();
  for (const { waarde } of ZIN_INDEX.vind(woorden)) set.add(waarde);
  for (const w of woorden) if (w) for (const b of begrippenVanWoord(w)) set.add(b);
  return [...set].map((b) => `#${b}`);
}
