/** Messages shared by bot, tab and CLI. Dutch first; English second. Keys: `<area>.<name>`. */
export const common = {
  nl: {
    'app.naam': 'Integriteitsplein',
    'fout.algemeen': 'Er ging iets mis. Je gegevens zijn niet verloren; probeer het opnieuw of begin opnieuw met "menu".',
    'fout.ongeldigeInvoer': 'Dat kon ik niet verwerken: {details}. Er is niets opgeslagen.',
    'fout.nietToegestaan': 'Niet toegestaan: deze actie is alleen voor {rol}.',
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
    'privacy.nietAnoniem': 'Please note: a Teams chat is never anonymous. This bot stores nothing about your question.',
    'cli.aantal.regel': '{n, plural, one {{getal} line} other {{getal} lines}}',
    'cli.aantal.rij': '{n, plural, one {{getal} row} other {{getal} rows}}',
    'cli.aantal.item': '{n, plural, one {{getal} item} other {{getal} items}}',
  },
} as const;
