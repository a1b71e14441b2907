import { AlignmentType, Document, Packer, Paragraph, TextRun, BorderStyle } from 'docx';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';

/**
 * What goes on a certificate. No name is stored anywhere: `naam` is looked up when the document is made
 * (`shared/src/graph/gebruikers.ts`); without it the name line is left blank ("(naam)") to fill in by hand.
 */
export interface OorkondeGegevens {
  organisatie: string;
  /** The person's display name at download time, if a name source gave one. */
  naam?: string;
  vorm: 'eed' | 'belofte';
  /** `YYYY-MM-DD` (the session's Amsterdam date). */
  datum: string;
  /** The official's function, e.g. "de provinciesecretaris". */
  afnemer: string;
  locale: Locale;
}

/**
 * A printable certificate (oorkonde) as a .docx (docx 9): organisation, "Oorkonde", a blank name line,
 * "heeft op <datum> de ambtseed/ambtsbelofte afgelegd ten overstaan van <afnemer>", place and date.
 * @returns the .docx bytes.
 */
export async function oorkondeDocx(g: OorkondeGegevens): Promise<Buffer> {
  const datum = datumTekst(g.locale, g.datum);
  const p = (text: string, size: number, opts: { bold?: boolean; spacing?: number } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: opts.spacing ?? 300 },
      children: [new TextRun({ text, size, bold: opts.bold, font: 'Calibri' })],
    });
  const doc = new Document({
    creator: 'Integriteitsplein',
    title: t(g.locale, 'ambtseed.oorkonde.titel'),
    sections: [
      {
        children: [
          p(g.organisatie, 32, { spacing: 800 }),
          p(t(g.locale, 'ambtseed.oorkonde.titel'), 72, { bold: true, spacing: 800 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 4 } },
            children: [
              g.naam
                ? new TextRun({ text: g.naam, size: 36, bold: true, font: 'Calibri' })
                : new TextRun({ text: t(g.locale, 'ambtseed.oorkonde.naam'), size: 28, color: '999999' }),
            ],
          }),
          p(
            t(g.locale, 'ambtseed.oorkonde.tekst', { datum, vorm: t(g.locale, `ambtseed.oorkonde.vorm.${g.vorm}`), afnemer: g.afnemer }),
            28,
            { spacing: 1200 },
          ),
          p(t(g.locale, 'ambtseed.oorkonde.plaats', { organisatie: g.organisatie, datum }), 24),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
