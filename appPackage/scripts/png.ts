/**
 * Reads PNG files for the package rules: size and RGBA pixels of the app icons, so that `npm run package`
 * can check "192×192", "32×32" and "white on transparent". Decoding is pngjs's (every colour type, bit
 * depth and interlacing of the PNG specification, W3C 2nd ed.); this module only gives its result the
 * shape the rules read and its errors a Dutch message.
 */
import { PNG } from 'pngjs';

/** A decoded PNG. `rgba` has width*height*4 bytes (straight alpha, 8 bits per channel). */
export interface PngImage {
  width: number;
  height: number;
  /** Bits per channel in the file (1, 2, 4, 8 or 16). */
  bitDepth: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  /** True when the image can carry transparency (alpha channel or tRNS chunk). */
  hasAlphaChannel: boolean;
  rgba?: Uint8Array;
  /** Why `rgba` is missing (Dutch). pngjs decodes every standard PNG, so this stays empty today. */
  unsupported?: string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Error thrown by `readPng` for a file that is not a PNG or is damaged (message in Dutch). */
export class PngError extends Error {}

/**
 * Decodes a PNG file.
 * @param data the file's bytes
 * @returns size, colour type and straight RGBA pixels, row by row from the top left
 * @throws PngError when the bytes are not a PNG or the image data is damaged
 */
export function readPng(data: Uint8Array): PngImage {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new PngError('geen PNG-bestand');
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(buf);
  } catch (e) {
    throw new PngError(`PNG-bestand is beschadigd (${e instanceof Error ? e.message : 'onleesbaar'})`);
  }
  return {
    width: png.width,
    height: png.height,
    bitDepth: png.depth,
    colorType: png.colorType,
    hasAlphaChannel: png.alpha,
    rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
  };
}
