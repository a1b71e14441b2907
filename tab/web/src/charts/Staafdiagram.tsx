import { makeStyles, tokens } from '@fluentui/react-components';

/** One group of bars (e.g. one category) with one value per series (e.g. per year). */
export interface StaafGroep {
  label: string;
  waarden: number[];
}

const KLEUREN = [tokens.colorNeutralForeground3, tokens.colorPaletteDarkOrangeForeground1, tokens.colorBrandForeground1];

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  as: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tekst: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  legenda: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0, listStyleType: 'none' },
  stip: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle', border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/**
 * Accessible grouped horizontal bar chart as plain SVG: `role="img"` with a `<title>` and a `<desc>` that
 * lists every value (screen readers read the desc), a visible legend and value labels on the bars.
 * Colours come from Fluent tokens, so the chart follows the light, dark and high-contrast themes.
 */
export function Staafdiagram({ id, titel, series, groepen }: { id: string; titel: string; series: string[]; groepen: StaafGroep[] }) {
  const s = useStyles();
  const max = Math.max(1, ...groepen.flatMap((g) => g.waarden));
  const labelBreedte = 190;
  const breedte = 640;
  const staaf = 14;
  const groepHoogte = series.length * (staaf + 2) + 10;
  const hoogte = groepen.length * groepHoogte + 8;
  const schaal = (breedte - labelBreedte - 50) / max;
  const desc = groepen.map((g) => `${g.label}: ${g.waarden.map((w, i) => `${series[i]} ${w}`).join(', ')}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg className={s.svg} viewBox={`0 0 ${breedte} ${hoogte}`} role="img" aria-labelledby={`${id}-titel ${id}-desc`}>
        <title id={`${id}-titel`}>{titel}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {groepen.map((g, gi) => {
          const y0 = gi * groepHoogte + 4;
          return (
            <g key={g.label} aria-hidden="true">
              <text className={s.tekst} x={labelBreedte - 8} y={y0 + groepHoogte / 2} textAnchor="end" dominantBaseline="middle">
                {g.label}
              </text>
              {g.waarden.map((w, si) => {
                const y = y0 + si * (staaf + 2);
                return (
                  <g key={si}>
                    <rect x={labelBreedte} y={y} width={Math.max(w * schaal, w > 0 ? 2 : 0)} height={staaf} fill={KLEUREN[(KLEUREN.length - series.length + si + KLEUREN.length) % KLEUREN.length]} />
                    <text className={s.tekst} x={labelBreedte + w * schaal + 4} y={y + staaf / 2} dominantBaseline="middle">
                      {w}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line className={s.as} x1={labelBreedte} x2={labelBreedte} y1={0} y2={hoogte} aria-hidden="true" />
      </svg>
      <ul className={s.legenda} aria-hidden="true">
        {series.map((naam, si) => (
          <li key={naam}>
            <span className={s.stip} style={{ backgroundColor: KLEUREN[(KLEUREN.length - series.length + si + KLEUREN.length) % KLEUREN.length] }} />
            {naam}
          </li>
        ))}
      </ul>
    </figure>
  );
}
