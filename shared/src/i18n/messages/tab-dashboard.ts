/**
 * Tab messages (keys `tab.*`) of the dashboard (tab/web/src/pages/Dashboard.tsx): loaded with that page.
 * Dutch first; every key also in English (the English object is typed with the Dutch keys, so a missing
 * translation is a type error). `./tab.ts` merges all parts into the tab catalogue.
 * The names of choice values (onderwerp, soort, categorie, uitkomst, situatie) and of the figures the report names
 * on their own row are not here: the dashboard takes them from the report (`report.*`, `label()` of
 * `@shared/report/tabellen`), so a figure carries the same name on the dashboard and in the jaarverslag.
 */
import { metVoorvoegsel } from '../basis';

const nl = {
  'dash.titel': 'Dashboard integriteit',
  'dash.alleenHr': 'Het dashboard is voor HR en de integriteitscoördinator.',
  'dash.jaar': 'Verslagjaar',
  'dash.downloadDocx': 'Download jaarverslag (.docx)',
  'dash.downloadXlsx': 'Download cijfers (.xlsx)',
  'dash.onderdrukken': 'Kleine aantallen (hier en in het Word-verslag)',
  'dash.onderdrukken.geen': 'Niet verbergen (voor HR)',
  'dash.onderdrukken.onder': 'Aantallen onder {n} verbergen (publicatie)',
  'dash.onderdrukken.hint':
    'Zoals in het gepubliceerde jaarverslag: 1 tot en met {max} wordt “<{n}”, in de tabellen en grafieken hieronder en in het Word-verslag. De Excel-cijfers zijn voor HR en blijven volledig.',
  'dash.jaar.leeg': '{jaar} (nog geen cijfers)',
  'dash.inhoud': 'Op deze pagina',
  'dash.jaar.lopend': 'Dit jaar loopt nog: de cijfers gaan tot en met vandaag.',
  'dash.registerLeeg': 'Nog niets geregistreerd in {jaren}.',
  'dash.geenCijfers.titel': 'Nog geen cijfers over {jaar}',
  'dash.geenCijfers.tekst':
    'In de lijsten staat over {jaar} nog niets: geen gesprekken, meldingen, eden of beloften, sessies of registraties. Zodra er iets is vastgelegd, staan de cijfers hier.',
  'dash.geenCijfers.recent': 'De meest recente cijfers zijn van {jaar}.',
  'dash.geenCijfers.nooit':
    'Er is nog over geen enkel jaar iets vastgelegd. De cijfers verschijnen zodra er gesprekken, meldingen, eden of beloften, sessies of registraties zijn vastgelegd, via de bot of een import door de beheerder.',
  'dash.geenCijfers.toon': 'Toon {jaar}',
  'dash.jarenZonderCijfers':
    '{n, plural, one {Over {jaren} zijn geen cijfers vastgelegd; dat jaar staat} other {Over {jaren} zijn geen cijfers vastgelegd; die jaren staan}} niet in de tabellen en grafieken.',
  'dash.kerncijfers': 'Kerncijfers {jaar} en voorgaande jaren',
  'dash.tabelBijschrift': 'Kerncijfers integriteit van {organisatie} per jaar',
  'dash.cijfer': 'Cijfer',
  'dash.grafieken': 'Grafieken',
  'dash.bron': 'Bron: de lijsten van het Integriteitsplein, geteld zoals in het jaarverslag (kalenderjaar, Europe/Amsterdam).',
  'dash.gesprekken': 'Gesprekken met vertrouwenspersonen',
  'dash.gesprekkenMelding': 'waarvan nieuwe kwesties',
  'dash.meldingen': 'Meldingen',
  'dash.anoniem': 'waarvan anoniem',
  'dash.sessies': 'Dilemmasessies',
  'dash.bereik': 'Deelnemers dilemmasessies',
  'dash.agressie': 'Incidenten agressie en geweld',
  'dash.meldwijzer': 'Raadplegingen meldwijzer',
  'dash.g.soort': 'Meldingen per soort',
  'dash.g.onderwerp': 'Gesprekken per onderwerp',
  'dash.g.categorie': 'Meldingen per categorie',
  'dash.g.meldwijzer': 'Meldwijzer per situatie',
  'dash.registers': 'Registers: VOG en anonieme meldingen',
  'dash.vog.titel': 'VOG in kwetsbare functies (gevraagd in het jaar, en hoe het nu staat)',
  'dash.anoniemTabel.titel': 'Anonieme meldingen per soort en uitkomst',
  'dash.anoniemTabel.ontvangen': 'Anonieme meldingen ontvangen',
  'dash.anoniemTabel.uitkomst': 'Uitkomst: {uitkomst}',
};

const en: Record<keyof typeof nl, string> = {
  'dash.titel': 'Integrity dashboard',
  'dash.alleenHr': 'The dashboard is for HR and the integrity coordinator.',
  'dash.jaar': 'Report year',
  'dash.downloadDocx': 'Download annual report (.docx)',
  'dash.downloadXlsx': 'Download figures (.xlsx)',
  'dash.onderdrukken': 'Small counts (here and in the Word report)',
  'dash.onderdrukken.geen': 'Do not hide (for HR)',
  'dash.onderdrukken.onder': 'Hide counts below {n} (publication)',
  'dash.onderdrukken.hint':
    'As in the published annual report: 1 to {max} becomes “<{n}”, in the tables and charts below and in the Word report. The Excel figures are for HR and stay complete.',
  'dash.jaar.leeg': '{jaar} (no figures yet)',
  'dash.inhoud': 'On this page',
  'dash.jaar.lopend': 'This year is not over yet: the figures run up to today.',
  'dash.registerLeeg': 'Nothing registered in {jaren} yet.',
  'dash.geenCijfers.titel': 'No figures for {jaar} yet',
  'dash.geenCijfers.tekst':
    'The lists hold nothing for {jaar} yet: no conversations, reports, oaths or affirmations, sessions or registrations. The figures appear here once something is recorded.',
  'dash.geenCijfers.recent': 'The most recent figures are for {jaar}.',
  'dash.geenCijfers.nooit':
    'Nothing has been recorded for any year yet. The figures appear once conversations, reports, oaths or affirmations, sessions or registrations are recorded, through the bot or an import by the administrator.',
  'dash.geenCijfers.toon': 'Show {jaar}',
  'dash.jarenZonderCijfers':
    '{n, plural, one {Nothing was recorded for {jaren}; that year is} other {Nothing was recorded for {jaren}; those years are}} left out of the tables and charts.',
  'dash.kerncijfers': 'Key figures {jaar} and previous years',
  'dash.tabelBijschrift': 'Key integrity figures of {organisatie} per year',
  'dash.cijfer': 'Figure',
  'dash.grafieken': 'Charts',
  'dash.bron': 'Source: the Integriteitsplein lists, counted as in the annual report (calendar year, Europe/Amsterdam).',
  'dash.gesprekken': 'Conversations with confidential counsellors',
  'dash.gesprekkenMelding': 'of which new matters',
  'dash.meldingen': 'Reports',
  'dash.anoniem': 'of which anonymous',
  'dash.sessies': 'Dilemma sessions',
  'dash.bereik': 'Dilemma session participants',
  'dash.agressie': 'Aggression and violence incidents',
  'dash.meldwijzer': 'Reporting guide consultations',
  'dash.g.soort': 'Reports by type',
  'dash.g.onderwerp': 'Conversations by subject',
  'dash.g.categorie': 'Reports by category',
  'dash.g.meldwijzer': 'Reporting guide by situation',
  'dash.registers': 'Registers: certificates of conduct and anonymous reports',
  'dash.vog.titel': 'Certificates of conduct in vulnerable positions (requested in the year, and where they stand)',
  'dash.anoniemTabel.titel': 'Anonymous reports by type and outcome',
  'dash.anoniemTabel.ontvangen': 'Anonymous reports received',
  'dash.anoniemTabel.uitkomst': 'Outcome: {uitkomst}',
};

/** The dashboard part of the tab catalogue, keys prefixed with `tab.`. */
export const tabDashboard = metVoorvoegsel('tab.', { nl, en });
