/**
 * App icons: the committed PNGs are the sizes Teams requires (color 192×192, outline 32×32), the outline is
 * white on transparent, both come from appPackage/icon.svg, and the PNG reader the package rules use
 * decodes hand-made PNGs correctly.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readPng, PngError } from '../../appPackage/scripts/png';
import { renderIcons, renderPng, outlineSvg, ICON_SOURCE } from '../../appPackage/scripts/icons';
import { checkIcon } from '../../appPackage/scripts/app-package';

jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const DIR = path.resolve(__dirname, '..', '..', 'appPackage');
const committed = (f: string) => fs.readFileSync(path.join(DIR, f));
const pixel = (rgba: Uint8Array, width: number, x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];

/** A PNG from raw (already filtered) scanlines; CRCs are zero (the reader does not check them). */
function makePng(width: number, height: number, colorType: number, raw: number[], extra: [string, number[]][] = []): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])));
    return Buffer.concat([len, Buffer.from(type, 'latin1'), body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra.map(([t, b]) => chunk(t, Buffer.from(b))),
    chunk('IDAT', zlib.deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('committed icons', () => {
  it('color.png is 192×192 in the accent colour with a white glyph', () => {
    const png = readPng(committed('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    // Corner: the background rect fill #1B5E7A (icon.svg), opaque.
    expect(pixel(png.rgba!, 192, 0, 0)).toEqual([0x1b, 0x5e, 0x7a, 255]);
    // Inside the shield, above the check mark (96, 50 in the SVG's 192 grid): white.
    expect(pixel(png.rgba!, 192, 96, 50)).toEqual([255, 255, 255, 255]);
    // Accent colour in the manifest equals the icon background.
    expect(JSON.parse(committed('manifest.json').toString()).accentColor).toBe('#1B5E7A');
  });

  it('outline.png is 32×32, only white and transparent, with a transparent background', () => {
    const png = readPng(committed('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(pixel(png.rgba!, 32, 0, 0)[3]).toBe(0);
    expect(pixel(png.rgba!, 31, 31, 0)[3]).toBe(0);
    // (96, 50) in the SVG maps to ((96-30)/132*32, (50-32)/132*32) ≈ (16, 4.4) in the outline's crop box.
    expect(pixel(png.rgba!, 32, 16, 5)).toEqual([255, 255, 255, 255]);
    for (let i = 0; i < png.rgba!.length; i += 4) {
      if (png.rgba![i + 3] > 0) expect([...png.rgba!.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(checkIcon('outline.png', committed('outline.png'), 'outline')).toEqual([]);
    expect(checkIcon('color.png', committed('color.png'), 'color')).toEqual([]);
  });

  it('are up to date with icon.svg (rerun appPackage/scripts/icons.ts after editing it)', () => {
    const fresh = renderIcons(fs.readFileSync(ICON_SOURCE, 'utf8'));
    for (const kind of ['color', 'outline'] as const) {
      const a = readPng(fresh[kind]).rgba!;
      const b = readPng(committed(`${kind}.png`)).rgba!;
      expect(a.length).toBe(b.length);
      let differing = 0;
      for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 2) differing++;
      expect(differing).toBe(0);
    }
  });

  it('the outline variant drops the background and crops to the glyph', () => {
    const svg = outlineSvg(fs.readFileSync(ICON_SOURCE, 'utf8'));
    expect(svg).not.toMatch(/<rect[^>]*id="achtergrond"/);
    expect(svg).toContain('<path id="schild"');
    expect(svg).toContain('viewBox="30 32 132 132"');
    expect(() => outlineSvg('<svg viewBox="0 0 1 1"/>')).toThrow(/data-outline-viewbox ontbreekt/);
  });
});

describe('icon rules', () => {
  const svg = (body: string, size = 32) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${body}</svg>`;

  it('rejects a coloured outline icon', () => {
    const red = renderPng(svg('<circle cx="16" cy="16" r="10" fill="#D13438"/>'), 32);
    expect(checkIcon('outline.png', red, 'outline')).toEqual([expect.stringMatching(/^outline\.png: \d+ pixels zijn niet wit/)]);
  });

  it('rejects an outline icon without a transparent background', () => {
    const white = renderPng(svg('<rect width="32" height="32" fill="#FFFFFF"/>'), 32);
    expect(checkIcon('outline.png', white, 'outline')).toEqual([
      'outline.png: geen transparante achtergrond; het outline-icoon moet wit op transparant zijn',
    ]);
  });

  it('rejects an RGB outline icon (no alpha at all)', () => {
    const rgb = makePng(1, 1, 2, [0, 255, 255, 255]);
    expect(checkIcon('outline.png', rgb, 'outline')).toEqual([
      'outline.png: is 1×1 pixels; icons.outline moet 32×32 zijn',
      'outline.png: heeft geen transparantie; het outline-icoon moet wit op transparant zijn',
    ]);
  });

  it('rejects a file that is not a PNG', () => {
    expect(checkIcon('color.png', Buffer.from('<svg/>'), 'color')).toEqual([
      'color.png: geen PNG-bestand (icons.color moet een PNG van 192×192 zijn)',
    ]);
    expect(() => readPng(Buffer.from('GIF89a'))).toThrow(PngError);
  });
});

describe('PNG reader', () => {
  it('undoes the Sub filter (RGB)', () => {
    // Two pixels (10,20,30) and (15,25,35): Sub stores the second as the difference (5,5,5).
    const png = readPng(makePng(2, 1, 2, [1, 10, 20, 30, 5, 5, 5]));
    expect([...png.rgba!]).toEqual([10, 20, 30, 255, 15, 25, 35, 255]);
    expect(png.hasAlphaChannel).toBe(false);
  });

  it('undoes the Up filter (greyscale)', () => {
    // Column of two grey pixels 100 and 150: Up stores the second as 150 - 100 = 50.
    const png = readPng(makePng(1, 2, 0, [0, 100, 2, 50]));
    expect([...png.rgba!]).toEqual([100, 100, 100, 255, 150, 150, 150, 255]);
  });

  it('undoes the Average and Paeth filters (RGBA)', () => {
    // Row 0 (None): A=(10,20,30,40), B=(50,60,70,80). Row 1: C=(12,22,32,42), D=(60,70,80,90).
    // Average: C - floor((0 + A)/2) = (7,12,17,22); D - floor((C + B)/2) = (29,29,29,29).
    const avg = readPng(makePng(2, 2, 6, [0, 10, 20, 30, 40, 50, 60, 70, 80, 3, 7, 12, 17, 22, 29, 29, 29, 29]));
    expect([...avg.rgba!]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 12, 22, 32, 42, 60, 70, 80, 90]);
    // Paeth for C: a=0, b=A, c=0 → predictor b: C - A = (2,2,2,2). For D: a=C, b=B, c=A; p = C + B - A =
    // (52,62,72,82); |p-a| = 40, |p-b| = 2, |p-c| = 42 → predictor B: D - B = (10,10,10,10).
    const paeth = readPng(makePng(2, 2, 6, [0, 10, 20, 30, 40, 50, 60, 70, 80, 4, 2, 2, 2, 2, 10, 10, 10, 10]));
    expect([...paeth.rgba!]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 12, 22, 32, 42, 60, 70, 80, 90]);
  });

  it('applies a palette with tRNS transparency', () => {
    const png = readPng(
      makePng(
        2,
        1,
        3,
        [0, 0, 1],
        [
          ['PLTE', [255, 0, 0, 255, 255, 255]],
          ['tRNS', [0]],
        ],
      ),
    );
    expect([...png.rgba!]).toEqual([255, 0, 0, 0, 255, 255, 255, 255]);
    expect(png.hasAlphaChannel).toBe(true);
  });
});
