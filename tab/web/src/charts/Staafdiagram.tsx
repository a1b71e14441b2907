import { useEffect, useRef, useState, type RefObject } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * One group of bars (e.g. one category) with one value per series (e.g. per year). A value that is text (the
 * report's "geen gegevens" for a year whose section has no data) gets no bar, only that text.
 */
export interface StaafGroep {
  label: string;
  waarden: (number | string)[];
}

const KLEUREN = [tokens.colorNeutralForeground3, tokens.colorPaletteDarkOrangeForeground1, tokens.colorBrandForeground1];

/**
 * Fill of series `si` of `n`: the last series (the chosen year) solid, the one before hatched, older ones
 * outlined — so the series differ by pattern, not only by colour (WCAG 1.4.1; high contrast has one colour).
 */
function vulling(id: string, si: number, n: number): { kleur: string; fill: string; stijl: 'vol' | 'arcering' | 'omlijning' } {
  const vanAf = n - 1 - si;
  const kleur = KLEUREN[Math.max(0, KLEUREN.length - 1 - vanAf)];
  if (vanAf === 0) return { kleur, fill: kleur, stijl: 'vol' };
  if (vanAf === 1) return { kleur, fill: `url(#${id}-arcering)`, stijl: 'arcering' };
  return { kleur, fill: 'none', stijl: 'omlijning' };
}

function Patronen({ id, n }: { id: string; n: number }) {
  const v = vulling(id, n - 2, n);
  return (
    <defs>
      <pattern id={`${id}-arcering`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" style={{ fill: 'none' }} />
        <line x1="0" y1="0" x2="0" y2="6" style={{ stroke: v.kleur, strokeWidth: 3 }} />
      </pattern>
    </defs>
  );
}

function Staaf({ id, si, n, x, y, w, h }: { id: string; si: number; n: number; x: number; y: number; w: number; h: number }) {
  const v = vulling(id, si, n);
  return (
    <rect x={x + 0.5} y={y + 0.5} width={Math.max(0, w - 1)} height={h - 1} style={{ fill: v.fill, stroke: v.kleur, strokeWidth: 1 }} />
  );
}

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  kop: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  as: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tekst: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  legenda: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: 'none',
  },
  stip: { display: 'inline-block', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

/** Below this width (px) the labels go above their bars instead of beside them (Teams mobile: 375 px). */
const SMAL = 480;

/**
 * Longest label (characters) that fits the 190 px label column beside the bars at 12 px. A chart with a longer
 * label (the report's category names, "Misbruik van positie en belangenverstrengeling") puts its labels above the
 * bars at every width, so no label runs out of the chart on the left.
 */
const LABEL_NAAST = 28;

/** Width in px of the element `ref` points at, following resizes (640 until measured, e.g. in server rendering). */
function useBreedte<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [breedte, setBreedte] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measure at once (not only on the observer's first callback), so a phone never sees the 640 px drawing scaled down.
    setBreedte(Math.round(el.getBoundingClientRect().width) || 640);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setBreedte(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, breedte];
}

/**
 * Accessible grouped horizontal bar chart as plain SVG: a visible caption (`<figcaption>` with an `<h3>`, so
 * the title is seen and reachable by heading navigation), `role="img"` with a `<title>` and a `<desc>` that
 * lists every value (screen readers read the desc), a visible legend and value labels on the bars.
 * Colours come from Fluent tokens, so the chart follows the light, dark and high-contrast themes. Narrower than
 * 480 px, the chart is drawn at its real width with each label on its own line above the bars, so text stays
 * 12 px and nothing is cut or scrolls sideways; a label too long for the column beside the bars (`LABEL_NAAST`)
 * puts the labels above the bars at any width. `toon` is the small-number suppression of the report (`onderdruk`): a
 * value it turns into text ("<5") gets no bar, only that text, as in the report's charts.
 */
export function Staafdiagram({
  id,
  titel,
  series,
  groepen,
  toon = (n) => n,
}: {
  id: string;
  titel: string;
  series: string[];
  groepen: StaafGroep[];
  toon?: (n: number) => number | string;
}) {
  const s = useStyles();
  const [figuur, beschikbaar] = useBreedte<HTMLElement>();
  const smal = beschikbaar < SMAL;
  const boven = smal || groepen.some((g) => g.label.length > LABEL_NAAST);
  const getoond = groepen.map((g) => ({ label: g.label, waarden: g.waarden.map((w) => (typeof w === 'number' ? toon(w) : w)) }));
  const max = Math.max(1, ...getoond.flatMap((g) => g.waarden.filter((w): w is number => typeof w === 'number')));
  const labelBreedte = boven ? 0 : 190;
  const labelHoogte = boven ? 18 : 0;
  const breedte = smal ? Math.max(200, beschikbaar) : 640;
  const staaf = 14;
  const groepHoogte = labelHoogte + series.length * (staaf + 2) + 10;
  const hoogte = groepen.length * groepHoogte + 8;
  const schaal = (breedte - labelBreedte - 50) / max;
  const desc = getoond.map((g) => `${g.label}: ${g.waarden.map((w, i) => `${series[i]} ${w}`).join(', ')}`).join('; ');
  return (
    <figure ref={figuur} style={{ margin: 0, minWidth: 0 }} aria-labelledby={`${id}-kop`}>
      <figcaption>
        <h3 id={`${id}-kop`} className={s.kop}>
          {titel}
        </h3>
      </figcaption>
      <svg className={s.svg} viewBox={`0 0 ${breedte} ${hoogte}`} role="img" aria-labelledby={`${id}-titel ${id}-desc`}>
        <title id={`${id}-titel`}>{titel}</title>
        <Patronen id={id} n={series.length} />
        <desc id={`${id}-desc`}>{desc}</desc>
        {getoond.map((g, gi) => {
          const y0 = gi * groepHoogte + 4;
          return (
            <g key={g.label} aria-hidden="true">
              {boven ? (
                <text className={s.tekst} x={0} y={y0 + 12}>
                  {g.label}
                </text>
              ) : (
                <text className={s.tekst} x={labelBreedte - 8} y={y0 + groepHoogte / 2} textAnchor="end" dominantBaseline="middle">
                  {g.label}
                </text>
              )}
              {g.waarden.map((w, si) => {
                const y = y0 + labelHoogte + si * (staaf + 2);
                const lengte = typeof w === 'number' ? w * schaal : 0;
                return (
                  <g key={si}>
                    {lengte > 0 && <Staaf id={id} si={si} n={series.length} x={labelBreedte} y={y} w={Math.max(lengte, 3)} h={staaf} />}
                    <text className={s.tekst} x={labelBreedte + lengte + 4} y={y + staaf / 2} dominantBaseline="middle">
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
            <svg className={s.stip} width="14" height="14" viewBox="0 0 14 14">
              <Staaf id={id} si={si} n={series.length} x={0} y={0} w={14} h={14} />
            </svg>
            {naam}
          </li>
        ))}
      </ul>
    </figure>
  );
}
