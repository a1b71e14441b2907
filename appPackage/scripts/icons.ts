/**
 * Renders the Teams app icons from the one SVG source `appPackage/icon.svg` with @resvg/resvg-js:
 * - `color.png`: 192×192, the full icon (accent-colour background, white glyph);
 * - `outline.png`: 32×32, white glyph on transparent (Teams' rule for the outline icon): the element with
 *   `id="achtergrond"` is removed and the view box is cropped to the root's `data-outline-viewbox`.
 * Sizes: Microsoft Learn, "App icons for Teams" (color 192×192, outline 32×32 white with transparent background).
 *
 * Run: `npx tsx appPackage/scripts/icons.ts` (the PNGs are committed; rerun after editing icon.svg).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** Pixel sizes Teams requires for the two icons. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** The committed SVG source of both icons. */
export const ICON_SOURCE = path.resolve(__dirname, '..', 'icon.svg');

/**
 * Derives the outline variant of the icon SVG: background element removed, view box cropped to the glyph.
 * @param svg the source SVG text (must contain `id="achtergrond"` and `data-outline-viewbox="x y w h"`)
 * @throws Error (Dutch) when either marker is missing, so a redesigned icon cannot silently lose its outline
 */
export function outlineSvg(svg: string): string {
  const viewBox = /data-outline-viewbox="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox) throw new Error('icon.svg: attribuut data-outline-viewbox ontbreekt op <svg>');
  const background = /<(\w+)\b[^>]*\bid="achtergrond"[^>]*\/>/;
  if (!background.test(svg)) throw new Error('icon.svg: element met id="achtergrond" ontbreekt');
  return svg
    .replace(background, '')
    .replace(/\sviewBox="[^"]*"/, ` viewBox="${viewBox}"`)
    .replace(/\swidth="[^"]*"/, ` width="${ICON_SIZES.outline}"`)
    .replace(/\sheight="[^"]*"/, ` height="${ICON_SIZES.outline}"`);
}

/**
 * Renders an SVG to a PNG of `size`×`size` pixels (transparent where the SVG paints nothing).
 * @returns the PNG file bytes (8-bit RGBA)
 */
export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** Renders both icons from an SVG source text. */
export function renderIcons(svg: string): { color: Buffer; outline: Buffer } {
  return { color: renderPng(svg, ICON_SIZES.color), outline: renderPng(outlineSvg(svg), ICON_SIZES.outline) };
}

/** Writes color.png and outline.png next to the SVG source (into `dir`, default `appPackage/`). */
export function writeIcons(dir = path.dirname(ICON_SOURCE)): { color: string; outline: string } {
  const icons = renderIcons(fs.readFileSync(ICON_SOURCE, 'utf8'));
  const color = path.join(dir, 'color.png');
  const outline = path.join(dir, 'outline.png');
  fs.writeFileSync(color, icons.color);
  fs.writeFileSync(outline, icons.outline);
  return { color, outline };
}

if (require.main === module) {
  const written = writeIcons();
  console.log(`Iconen geschreven: ${path.relative(process.cwd(), written.color)}, ${path.relative(process.cwd(), written.outline)}`);
}
