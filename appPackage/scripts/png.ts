/**
 * A small PNG reader for the package rules: size and RGBA pixels of the app icons, so that
 * `npm run package` can check "192×192", "32×32" and "white on transparent" without an image library.
 * Supports non-interlaced 8-bit greyscale, RGB, palette (with tRNS), greyscale+alpha and RGBA images
 * (what @resvg/resvg-js, image editors and the Teams samples write). Source: PNG specification
 * (W3C, 2nd ed.), sections 5 (chunks), 7.3 (scanline filters) and 11.2 (IHDR).
 */
import zlib from 'node:zlib';

/** A decoded PNG. `rgba` has width*height*4 bytes (straight alpha), or is undefined when unsupported. */
export interface PngImage {
  width: number;
  height: number;
  bitDepth: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  /** True when the image can carry transparency (alpha channel or tRNS chunk). */
  hasAlphaChannel: boolean;
  rgba?: Uint8Array;
  /** Why `rgba` is missing (Dutch), e.g. for 16-bit or interlaced files. */
  unsupported?: string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Error thrown by `readPng` for a file that is not a PNG at all (message in Dutch). */
export class PngError extends Error {}

/**
 * Decodes a PNG file.
 * @param data the file's bytes
 * @returns size, colour type and (when supported) straight RGBA pixels, row by row from the top left
 * @throws PngError when the bytes are not a PNG or the image data is damaged
 */
export function readPng(data: Uint8Array): PngImage {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new PngError('geen PNG-bestand');
  let offset = 8;
  let width = 0,
    height = 0,
    bitDepth = 0,
    colorType = -1,
    interlace = 0;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset + 8 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new PngError('PNG-bestand is afgebroken');
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8];
      colorType = body[9];
      interlace = body[12];
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (colorType < 0 || !(colorType in CHANNELS)) throw new PngError('PNG zonder geldige IHDR-kop');
  const hasAlphaChannel = colorType === 4 || colorType === 6 || transparency !== undefined;
  const image: PngImage = { width, height, bitDepth, colorType, hasAlphaChannel };
  if (bitDepth !== 8) return { ...image, unsupported: `${bitDepth}-bit PNG; sla het op als 8-bit RGBA` };
  if (interlace !== 0) return { ...image, unsupported: 'interlaced PNG; sla het op zonder interlacing' };

  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat));
  } catch {
    throw new PngError('PNG-beeldgegevens zijn beschadigd');
  }
  const channels = CHANNELS[colorType];
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new PngError('PNG-beeldgegevens zijn te kort');
  const pixels = unfilter(raw, width, height, channels);
  return { ...image, rgba: toRgba(pixels, width * height, colorType, palette, transparency) };
}

/** Reverses the per-scanline filters (None, Sub, Up, Average, Paeth); 8-bit samples only. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[prev + x] : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new PngError(`onbekend PNG-filter ${filter}`);
      out[row + x] = (raw[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function toRgba(px: Uint8Array, count: number, colorType: number, palette?: Buffer, trns?: Buffer): Uint8Array {
  if (colorType === 6) return px;
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    let r: number,
      g: number,
      b: number,
      a = 255;
    if (colorType === 0) {
      r = g = b = px[i];
      if (trns && trns.length >= 2 && trns.readUInt16BE(0) === px[i]) a = 0;
    } else if (colorType === 4) {
      r = g = b = px[i * 2];
      a = px[i * 2 + 1];
    } else if (colorType === 2) {
      r = px[i * 3];
      g = px[i * 3 + 1];
      b = px[i * 3 + 2];
      if (trns && trns.length >= 6 && trns.readUInt16BE(0) === r && trns.readUInt16BE(2) === g && trns.readUInt16BE(4) === b) a = 0;
    } else {
      const idx = px[i];
      if (!palette || idx * 3 + 2 >= palette.length) throw new PngError('PNG-palet ontbreekt of is te kort');
      r = palette[idx * 3];
      g = palette[idx * 3 + 1];
      b = palette[idx * 3 + 2];
      if (trns && idx < trns.length) a = trns[idx];
    }
    out.set([r, g, b, a], i * 4);
  }
  return out;
}
