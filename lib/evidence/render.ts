import 'server-only';
import sharp from 'sharp';

/**
 * Images drawn on the server from the decrypted original, never stored.
 * The blurred preview starts from a 24-pixel copy, so there is no detail
 * left for anyone to sharpen back, whatever the browser does with it.
 */

/** Large enough for any phone photo or screenshot, small enough that a crafted image cannot exhaust memory. */
const MAX_INPUT_PIXELS = 100_000_000;
const PREVIEW_SOURCE_PX = 24;
const PREVIEW_PX = 320;
const THUMBNAIL_PX = 160;

function decode(bytes: Buffer) {
  // `rotate()` applies the EXIF orientation; the output carries no metadata (sharp drops it unless asked).
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false }).rotate();
}

export async function blurredPreview(original: Buffer): Promise<Buffer> {
  const tiny = await decode(original).resize(PREVIEW_SOURCE_PX, PREVIEW_SOURCE_PX, { fit: 'inside' }).flatten({ background: '#808080' }).toBuffer();
  return sharp(tiny).resize(PREVIEW_PX, PREVIEW_PX, { fit: 'inside', kernel: 'cubic' }).blur(12).jpeg({ quality: 60 }).toBuffer();
}

export async function thumbnail(original: Buffer): Promise<Buffer> {
  return decode(original)
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70 })
    .toBuffer();
}

export const RENDERED_MIME = 'image/jpeg';
