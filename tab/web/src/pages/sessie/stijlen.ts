import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles shared by the session phases (set-up form, presentation podium, tables). */
export const useSessieStyles = makeStyles({
  formulier: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  rij: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  podium: {
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    overflowY: 'auto',
  },
  podiumKop: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  timer: {
    fontSize: tokens.fontSizeHero900,
    lineHeight: tokens.lineHeightHero900,
    fontVariantNumeric: 'tabular-nums',
    fontWeight: tokens.fontWeightSemibold,
  },
  tafels: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))', gap: tokens.spacingHorizontalL },
  // A dilemma title with a long compound wraps inside its checkbox label at 375 px instead of widening the page.
  dilemmas: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere', minWidth: 0 },
});
