import 'server-only';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { NoticeModel } from './decision-notice';

/**
 * Noto Sans KR (SIL OFL) from its npm package. The standard PDF fonts have no
 * Hangul, so the font is embedded; pdfkit subsets it to the glyphs used, which
 * keeps a notice in the tens of kilobytes. Resolved from the app's root at run
 * time rather than through the bundler, which would not copy a 6 MB TTF.
 */
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-kr';
const FONT_FILES = { regular: '400Regular/NotoSansKR_400Regular.ttf', bold: '700Bold/NotoSansKR_700Bold.ttf' } as const;

let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;
function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  if (!fonts) {
    const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
    fonts = { regular: readFileSync(resolve(`${FONT_PACKAGE}/${FONT_FILES.regular}`)), bold: readFileSync(resolve(`${FONT_PACKAGE}/${FONT_FILES.bold}`)) };
  }
  return fonts;
}

const INK = '#111111';
const MUTED = '#555555';

/** The notice as an A4 PDF with the Korean font embedded, in either language. */
export function renderNoticePdf(model: NoticeModel): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    lang: model.lang,
    displayTitle: true,
    info: { Title: model.title, Creator: 'Dolbom' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('bold').fontSize(17).fillColor(INK).text(model.title, { align: 'center' });
  doc.moveDown(1.2);

  for (const { label, value } of model.meta) {
    const y = doc.y;
    doc.font('bold').fontSize(10).text(label, doc.page.margins.left, y, { width: 90 });
    doc
      .font('regular')
      .fontSize(10)
      .text(value, doc.page.margins.left + 96, y, { width: width - 96 });
    doc.moveDown(0.3);
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
  doc.font('regular').fontSize(10.5).text(model.intro, { width });

  for (const section of model.sections) {
    doc.moveDown(1);
    doc.font('bold').fontSize(12).fillColor(INK).text(section.heading, { width });
    doc.moveDown(0.3);
    doc.font('regular').fontSize(10.5);
    for (const line of section.lines) doc.text(`·  ${line}`, { width, indent: 0, paragraphGap: 3 });
  }

  doc.moveDown(1.5);
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  for (const line of model.footer) doc.text(line, { width, paragraphGap: 2 });

  doc.end();
  return done;
}
