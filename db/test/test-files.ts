import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Small real files for the vault's tests, made on the spot: images drawn by
 * sharp, and ZIP containers (docx, hwpx) written entry by entry, stored
 * without compression as HWPX requires of its `mimetype` entry.
 */

/** A noisy photo-like image, so its bytes have no long repeats and a blur visibly changes it. */
export async function samplePhoto(format: 'png' | 'jpeg' = 'png', size = 64): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + ((i * i) % 251)) & 0xff;
  const image = sharp(raw, { raw: { width: size, height: size, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 95 }).toBuffer();
}

export function zipStored(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const sampleDocx = () =>
  zipStored([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<w:document/>'],
  ]);

export const sampleHwpx = () =>
  zipStored([
    ['mimetype', 'application/hwp+zip'],
    ['Contents/content.hpf', '<opf:package/>'],
  ]);

/** An OLE compound file header with the HWP 5.0 FileHeader signature in a later sector. */
export const sampleHwp = () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('HWP Document File'), Buffer.alloc(32)]);

export const sampleHtml = () => Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/evidence")</script></body></html>');
/** The start of a Windows program: "MZ" and a DOS header. */
export const sampleExe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126), Buffer.from('PE\0\0')]);
