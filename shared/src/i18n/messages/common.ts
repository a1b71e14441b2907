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
    // names looked up for one turn (bot/src/features/namen.ts)
    'namen.code': 'code {code}',
    'namen.geenBron':
      'Namen zijn niet beschikbaar: de bot kan geen gebruikersnamen opzoeken in Microsoft Graph (toepassingsmachtiging User.ReadBasic.All). Je ziet codes in plaats van namen.',
    'namen.geenToestemming':
      'Namen zijn niet beschikbaar: Microsoft Graph weigert het opzoeken, omdat de app de machtiging User.ReadBasic.All mist. Je ziet codes; vraag de beheerder die machtiging te verlenen.',
    'namen.onbereikbaar':
      'Niet alle namen konden nu worden opgehaald (Microsoft Graph antwoordt niet). Je ziet daar codes; probeer het later opnieuw.',
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
    'namen.code': 'code {code}',
    'namen.geenBron':
      'Names are not available: the bot cannot look up user names in Microsoft Graph (application permission User.ReadBasic.All). You see codes instead of names.',
    'namen.geenToestemming':
      'Names are not available: Microsoft Graph refuses the lookup because the app lacks the User.ReadBasic.All permission. You see codes; ask the administrator to grant it.',
    'namen.onbereikbaar': 'Not every name could be looked up now (Microsoft Graph does not answer). You see codes there; try again later.',
    'privacy.nietAnoniem': 'Please note: a Teams chat is never anonymous. This bot stores nothing about your question.',
    'cli.aantal.regel': '{n, plural, one {{getal} line} other {{getal} lines}}',
    'cli.aantal.rij': '{n, plural, one {{getal} row} other {{getal} rows}}',
    'cli.aantal.item': '{n, plural, one {{getal} item} other {{getal} items}}',
  },
} as const;
