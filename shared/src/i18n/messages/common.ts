/** Messages shared by bot, tab and CLI. Dutch first; English second. Keys: `<area>.<name>`. */
export const common = {
  nl: {
    'app.naam': 'Integriteitsplein',
    'fout.algemeen': 'Er ging iets mis. Je gegevens zijn niet verloren; probeer het opnieuw of begin opnieuw met "menu".',
    'fout.ongeldigeInvoer': 'Dat kon ik niet verwerken: {details}. Er is niets opgeslagen.',
    'fout.nietToegestaan': 'Niet toegestaan: deze actie is alleen voor {rol}.',
    // an unknown or outdated card action (the feature kit's default `onbekend`, bot/src/features/kit.ts)
    'fout.kaartVerouderd':
      'Die knop werkt niet meer: de kaart is verouderd of niet meer geldig. Er is niets opgeslagen. Typ "menu" of "{commando}" om opnieuw te beginnen.',
    'fout.kaartVerouderdMenu':
      'Die knop werkt niet meer: de kaart is verouderd of niet meer geldig. Er is niets opgeslagen. Typ "menu" om opnieuw te beginnen.',
    'privacy.nietAnoniem': 'Let op: een chat in Teams is nooit anoniem. Deze bot bewaart niets over je vraag.',
    // counts in the lists CLI (shared/src/cli/lists.ts)
    'cli.aantal.regel': '{n, plural, one {{getal} regel} other {{getal} regels}}',
    'cli.aantal.rij': '{n, plural, one {{getal} rij} other {{getal} rijen}}',
    'cli.aantal.item': '{n, plural, one {{getal} item} other {{getal} items}}',
  },
  en: {
    'app.naam': 'Integriteitsplein',
    'fout.algemeen': 'Something went wrong. Nothing was lost; try again or start over with "menu".',
    'fout.ongeldigeInvoer': 'I could not process that: {details}. Nothing was saved.',
    'fout.nietToegestaan': 'Not allowed: this action is only for {rol}.',
    'fout.kaartVerouderd':
      'That button no longer works: the card is outdated or no longer valid. Nothing was saved. Type "menu" or "{commando}" to start again.',
    'fout.kaartVerouderdMenu':
      'That button no longer works: the card is outdated or no longer valid. Nothing was saved. Type "menu" to start again.',
    'privacy.nietAnoniem': 'Please note: a Teams chat is never anonymous. This bot stores nothing about your question.',
    'cli.aantal.regel': '{n, plural, one {{getal} line} other {{getal} lines}}',
    'cli.aantal.rij': '{n, plural, one {{getal} row} other {{getal} rows}}',
    'cli.aantal.item': '{n, plural, one {{getal} item} other {{getal} items}}',
  },
} as const;
