import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, for assertions on the notices lib/notices/render-pdf.ts
 * writes. pdfkit embeds a subset of Noto Sans KR (Identity-H), so the content
 * streams hold glyph ids, not characters; each font carries a ToUnicode CMap
 * mapping those ids back. This reads exactly what pdfkit produces: numbered
 * objects with a direct /Length, FlateDecode streams, `/Fn size Tf` and
 * `[<hex> kern …] TJ` text, and bfrange CMaps. Not a general PDF parser.
 */

type PdfObject = { dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    if (end < 0) break;
    const body = raw.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
    } else {
      const dict = body.slice(0, streamAt);
      const length = /\/Length (\d+)/.exec(dict);
      const dataStart = start + streamAt + (/\bstream\r\n/.test(body.slice(streamAt, streamAt + 8)) ? 8 : 7);
      const bytes = pdf.subarray(dataStart, dataStart + (length ? Number(length[1]) : 0));
      objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : Buffer.from(bytes) });
    }
    header.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap (bfrange and bfchar sections) as code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => {
    const clean = hex.replace(/\s+/g, '');
    const units: number[] = [];
    for (let i = 0; i < clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(r[1]!, 16);
      const to = parseInt(r[2]!, 16);
      const target = r[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) => map.set(from + i, text(t[1]!)));
      } else {
        const base = text(target.slice(1, -1));
        for (let code = from; code <= to; code++) map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(c[1]!, 16), text(c[2]!));
  }
  return map;
}

/** Every text run of every content stream, in drawing order, decoded through its font's CMap. */
export function pdfTextRuns(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const raw = pdf.toString('latin1');
  // Font resource names (pdfkit: F1, F2, …) to their ToUnicode maps.
  const fonts = new Map<string, Map<number, string>>();
  for (const ref of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(ref[2]));
    const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
    const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
    if (cmap) fonts.set(ref[1]!, parseCMap(cmap.toString('latin1')));
  }
  const runs: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bTJ\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        cmap = fonts.get(op[1]);
        continue;
      }
      let run = '';
      for (const hex of op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i < hex[1]!.length; i += 4) {
          const code = parseInt(hex[1]!.slice(i, i + 4), 16);
          run += cmap?.get(code) ?? '\uFFFD';
        }
      }
      runs.push(run);
    }
  }
  return runs;
}

/**
 * The PDF's text with all whitespace removed: pdfkit breaks long lines into
 * separate runs wherever a space falls, so assertions compare without spaces
 * (see `squeeze`).
 */
export function pdfText(pdf: Buffer): string {
  return squeeze(pdfTextRuns(pdf).join(''));
}

export const squeeze = (s: string) => s.replace(/\s+/g, '');
