/**
 * The drift report of `npm run lists -- sync` with STORE=postgres (shared/src/store/graph/cli.ts). Dutch first; English
 * second. The CLI prints Dutch (docs/contracts.md "Commands").
 */
export const lijstsync = {
  nl: {
    'cli.sync.geenGraph':
      'lists sync met STORE=postgres vraagt de Graph-instellingen (GRAPH_ACCESS_TOKEN, of GRAPH_TENANT_ID + GRAPH_CLIENT_ID met GRAPH_CLIENT_SECRET of GRAPH_CLIENT_CERT_PATH) en SHAREPOINT_SITE_ID',
    'cli.sync.kop': 'Vergelijking van PostgreSQL (de bron) met SharePoint-site {site}:',
    'cli.sync.lijstGelijk': '  {list}: gelijk ({items})',
    'cli.sync.lijstAfwijkend': '  {list}: {pg} in PostgreSQL, {sp} in SharePoint, {n, plural, one {# afwijking} other {# afwijkingen}}:',
    'cli.sync.ontbreekt': '    {key}: ontbreekt in SharePoint',
    'cli.sync.alleenInSharePoint': '    {key}: alleen in SharePoint, niet in PostgreSQL',
    'cli.sync.verschilt': '    {key}: {kolom}: PostgreSQL {postgres}, SharePoint {sharepoint}',
    'cli.sync.inOutbox': ' (wacht in de outbox)',
    'cli.sync.meer': '    … en nog {n, plural, one {# afwijking} other {# afwijkingen}} in {list}',
    'cli.sync.leeg': '(leeg)',
    'cli.sync.totaal':
      'Afwijkingen: {n} ({ontbreekt} ontbreekt in SharePoint, {verschilt} {verschilt, plural, one {verschilt} other {verschillen}}, {alleen} alleen in SharePoint).',
    'cli.sync.geenAfwijkingen': 'Geen afwijkingen: SharePoint komt overeen met PostgreSQL.',
    'cli.sync.droog': 'Droog (--dry-run): niets in de outbox gezet. Zonder --dry-run gaan de correcties via de outbox naar SharePoint.',
    'cli.sync.gecorrigeerd': '{n, plural, one {# correctie} other {# correcties}} in de outbox gezet (de stand in PostgreSQL).',
    'cli.sync.alleenAdvies':
      'Wat alleen in SharePoint staat, laat sync staan (PostgreSQL is de bron; sync verwijdert niets): importeer het in PostgreSQL met "lists import" of verwijder het in SharePoint.',
    'cli.sync.outbox':
      'Outbox: {geschreven} geschreven, {opnieuw} keer opnieuw geprobeerd, {mislukt} blijvend mislukt, {wachtrij} nog in de wachtrij ({aanvragen} HTTP-aanvragen).',
  },
  en: {
    'cli.sync.geenGraph':
      'lists sync with STORE=postgres needs the Graph settings (GRAPH_ACCESS_TOKEN, or GRAPH_TENANT_ID + GRAPH_CLIENT_ID with GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERT_PATH) and SHAREPOINT_SITE_ID',
    'cli.sync.kop': 'Comparison of PostgreSQL (the source) with SharePoint site {site}:',
    'cli.sync.lijstGelijk': '  {list}: equal ({items})',
    'cli.sync.lijstAfwijkend': '  {list}: {pg} in PostgreSQL, {sp} in SharePoint, {n, plural, one {# difference} other {# differences}}:',
    'cli.sync.ontbreekt': '    {key}: missing in SharePoint',
    'cli.sync.alleenInSharePoint': '    {key}: only in SharePoint, not in PostgreSQL',
    'cli.sync.verschilt': '    {key}: {kolom}: PostgreSQL {postgres}, SharePoint {sharepoint}',
    'cli.sync.inOutbox': ' (waiting in the outbox)',
    'cli.sync.meer': '    … and {n, plural, one {# more difference} other {# more differences}} in {list}',
    'cli.sync.leeg': '(empty)',
    'cli.sync.totaal': 'Differences: {n} ({ontbreekt} missing in SharePoint, {verschilt} differing, {alleen} only in SharePoint).',
    'cli.sync.geenAfwijkingen': 'No differences: SharePoint matches PostgreSQL.',
    'cli.sync.droog': 'Dry run (--dry-run): nothing queued. Without --dry-run the corrections go to SharePoint through the outbox.',
    'cli.sync.gecorrigeerd': '{n, plural, one {# correction} other {# corrections}} queued in the outbox (the state in PostgreSQL).',
    'cli.sync.alleenAdvies':
      'Sync leaves what is only in SharePoint alone (PostgreSQL is the source; sync deletes nothing): import it into PostgreSQL with "lists import" or delete it in SharePoint.',
    'cli.sync.outbox':
      'Outbox: {geschreven} written, {opnieuw} retries, {mislukt} failed permanently, {wachtrij} still queued ({aanvragen} HTTP requests).',
  },
} as const;
