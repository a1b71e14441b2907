/**
 * Tab messages (keys `tab.*`) of the page "Dilemma van de week" (tab/web/src/pages/Dilemma.tsx): loaded with that page.
 * Dutch first; every key also in English (the English object is typed with the Dutch keys, so a missing
 * translation is a type error). `./tab.ts` merges all parts into the tab catalogue.
 */
import { metVoorvoegsel } from '../basis';

const nl = {
  'dilemma.titel': 'Dilemma van de week',
  'dilemma.week': '{week}',
  'dilemma.geen': 'Er is deze week geen dilemma.',
  'dilemma.vraag': 'Wat zou jij doen?',
  'dilemma.stem': 'Stem',
  'dilemma.anoniem': 'Je stem is anoniem: we bewaren niet wie wat stemde. Je kunt één keer per week stemmen.',
  'dilemma.bedankt': 'Bedankt voor je stem. Zo stemden je collega’s tot nu toe:',
  'dilemma.alGestemd': 'Je hebt deze week al gestemd. Volgende week is er een nieuw dilemma.',
  'dilemma.uitslag': 'Uitslag ({n, plural, one {# stem} other {# stemmen}})',
  'dilemma.optieUitslag': '{optie}: {n} ({pct}%)',
  'dilemma.jouwKeuze': '{uitslag} · jouw keuze',
  'dilemma.gespreksvragen': 'Om over door te praten',
  'dilemma.toelichting': 'Toelichting',
  'dilemma.alleenNl': '(alleen in het Nederlands beschikbaar)',
  'dilemma.keuze.titel': 'Dilemma van volgende week kiezen',
  'dilemma.keuze.uitleg': 'Het dilemma rouleert elke week vanzelf. Kies hier een ander dilemma voor {week}.',
  'dilemma.keuze.label': 'Dilemma voor {week}',
  'dilemma.keuze.opslaan': 'Opslaan',
  'dilemma.keuze.opgeslagen': 'Opgeslagen: dit dilemma verschijnt in {week}.',
};

const en: Record<keyof typeof nl, string> = {
  'dilemma.titel': 'Dilemma of the week',
  'dilemma.week': '{week}',
  'dilemma.geen': 'There is no dilemma this week.',
  'dilemma.vraag': 'What would you do?',
  'dilemma.stem': 'Vote',
  'dilemma.anoniem': 'Your vote is anonymous: we do not store who voted for what. You can vote once a week.',
  'dilemma.bedankt': 'Thank you for voting. This is how your colleagues voted so far:',
  'dilemma.alGestemd': 'You have already voted this week. There is a new dilemma next week.',
  'dilemma.uitslag': 'Results ({n, plural, one {# vote} other {# votes}})',
  'dilemma.optieUitslag': '{optie}: {n} ({pct}%)',
  'dilemma.jouwKeuze': '{uitslag} · your choice',
  'dilemma.gespreksvragen': 'To discuss further',
  'dilemma.toelichting': 'Explanation',
  'dilemma.alleenNl': '(only available in Dutch)',
  'dilemma.keuze.titel': 'Choose next week’s dilemma',
  'dilemma.keuze.uitleg': 'The dilemma rotates every week by itself. Choose a different dilemma for {week} here.',
  'dilemma.keuze.label': 'Dilemma for {week}',
  'dilemma.keuze.opslaan': 'Save',
  'dilemma.keuze.opgeslagen': 'Saved: this dilemma appears in {week}.',
};

/** The dilemma part of the tab catalogue, keys prefixed with `tab.`. */
export const tabDilemma = metVoorvoegsel('tab.', { nl, en });
