import { fileTypeFromBuffer } from 'file-type';

/**
 * What an evidence file is, read from its bytes. The name a browser sends is
 * whatever the uploader typed, so an HTML page or a program renamed
 * "photo.jpg" must not pass as a photo: the type is the one its magic bytes
 * show (file-type), checked against an allowlist, and what is recorded and
 * later served is that type, never the extension.
 *
 * Plain text is accepted, because chat exports (KakaoTalk's "대화 내보내기")
 * are the most common written evidence and arrive as .txt; it must be valid
 * UTF-8 without markup, so a web page cannot pass as text. Legacy binary
 * Office files (.doc/.xls/.ppt) are refused: they share their container with
 * installers, and the schools' current formats (docx/xlsx/pptx, hwp, hwpx)
 * are accepted instead.
 */

export type EvidenceKind = 'image' | 'video' | 'audio' | 'pdf' | 'document' | 'text';
export type DetectedType = { mime: string; ext: string; kind: EvidenceKind };

/** Accepted types, each with the extension a download is named with. */
const ALLOWED: Record<string, { kind: EvidenceKind; ext: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/apng': { kind: 'image', ext: 'png' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/avif': { kind: 'image', ext: 'avif' },
  'image/heic': { kind: 'image', ext: 'heic' },
  'image/heif': { kind: 'image', ext: 'heif' },
  'image/bmp': { kind: 'image', ext: 'bmp' },
  'image/tiff': { kind: 'image', ext: 'tif' },
  'video/mp4': { kind: 'video', ext: 'mp4' },
  'video/x-m4v': { kind: 'video', ext: 'm4v' },
  'video/quicktime': { kind: 'video', ext: 'mov' },
  'video/webm': { kind: 'video', ext: 'webm' },
  'video/matroska': { kind: 'video', ext: 'mkv' },
  'video/vnd.avi': { kind: 'video', ext: 'avi' },
  'video/3gpp': { kind: 'video', ext: '3gp' },
  'video/3gpp2': { kind: 'video', ext: '3g2' },
  'video/mpeg': { kind: 'video', ext: 'mpg' },
  'video/mp2t': { kind: 'video', ext: 'mts' },
  'audio/mpeg': { kind: 'audio', ext: 'mp3' },
  'audio/mp4': { kind: 'audio', ext: 'm4a' },
  'audio/x-m4a': { kind: 'audio', ext: 'm4a' },
  'audio/aac': { kind: 'audio', ext: 'aac' },
  'audio/wav': { kind: 'audio', ext: 'wav' },
  'audio/ogg': { kind: 'audio', ext: 'ogg' },
  'audio/flac': { kind: 'audio', ext: 'flac' },
  'audio/amr': { kind: 'audio', ext: 'amr' },
  'application/pdf': { kind: 'pdf', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', ext: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', ext: 'pptx' },
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow': { kind: 'document', ext: 'ppsx' },
};

export const HWP_MIME = 'application/x-hwp';
export const HWPX_MIME = 'application/hwp+zip';
export const TEXT_MIME = 'text/plain; charset=utf-8';

/** HWP 5.0 is an OLE compound file whose "FileHeader" stream starts with this signature. */
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');
/** HWPX, like ODF and EPUB, opens with an uncompressed `mimetype` entry naming the format. */
const HWPX_MIMETYPE = Buffer.from(`mimetype${HWPX_MIME}`, 'latin1');

function isHwp(bytes: Buffer): boolean {
  return bytes.includes(HWP_SIGNATURE);
}

function isHwpx(bytes: Buffer): boolean {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return false;
  const stored = bytes.readUInt16LE(8) === 0;
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (!stored || nameLength !== 'mimetype'.length) return false;
  const name = bytes.subarray(30, 30 + nameLength);
  const data = bytes.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + HWPX_MIME.length);
  return Buffer.concat([name, data]).equals(HWPX_MIMETYPE);
}

/** Tags, doctypes and processing instructions: anything a browser or an XML reader would treat as markup. */
const MARKUP = /<[!?/]?[a-z]/i;

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function isPlainText(bytes: Buffer): boolean {
  // Control bytes other than tab, newline, form feed and carriage return mean a binary file.
  for (const b of bytes) if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const body = text.replace(/^\ufeff/, '').trimStart();
  return !body.startsWith('#!') && !MARKUP.test(body);
}

/** The file's type from its content, or null when it is not one the vault accepts. */
export async function detectEvidenceType(bytes: Buffer): Promise<DetectedType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const allowed = ALLOWED[found.mime];
    if (allowed) return { mime: found.mime, ...allowed };
    if (found.mime === 'application/x-cfb' && isHwp(bytes)) return { mime: HWP_MIME, ext: 'hwp', kind: 'document' };
    if (found.mime === 'application/zip' && isHwpx(bytes)) return { mime: HWPX_MIME, ext: 'hwpx', kind: 'document' };
    return null;
  }
  return isPlainText(bytes) ? { mime: TEXT_MIME, ext: 'txt', kind: 'text' } : null;
}

const OTHERS: Record<string, { kind: EvidenceKind; ext: string }> = {
  [HWP_MIME]: { kind: 'document', ext: 'hwp' },
  [HWPX_MIME]: { kind: 'document', ext: 'hwpx' },
  [TEXT_MIME]: { kind: 'text', ext: 'txt' },
};

/** The kind and extension of a recorded type. */
export function typeInfo(mime: string): { kind: EvidenceKind; ext: string } {
  return ALLOWED[mime] ?? OTHERS[mime] ?? { kind: 'document', ext: 'bin' };
}

/** Images the server can decode to draw a blurred preview or a thumbnail (sharp's prebuilt formats). */
const RASTER = new Set(['image/jpeg', 'image/png', 'image/apng', 'image/gif', 'image/webp', 'image/avif', 'image/tiff']);

export function canRenderPreview(mime: string): boolean {
  return RASTER.has(mime);
}

/** What a browser shows by itself; anything else can only be downloaded, which is a narrower right. */
const INLINE = new Set([
  'image/jpeg',
  'image/png',
  'image/apng',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/aac',
  'audio/wav',
  'audio/ogg',
  'audio/flac',
  'application/pdf',
  TEXT_MIME,
]);

export function canShowInline(mime: string): boolean {
  return INLINE.has(mime);
}
