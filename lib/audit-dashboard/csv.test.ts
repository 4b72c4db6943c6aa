import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '@/lib/csv';
import { tableCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['학교', '지연'], [['대치중학교', 3]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}학교,지연\r\n대치중학교,3\r\n`);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('never lets a text cell run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes shares as percentages and days with one decimal, and marks the share column', () => {
    const csv = tableCsv({
      id: 'keys',
      title: 't',
      columns: [
        { id: 'a', label: '기한' },
        { id: 'b', label: '지연 비율' },
        { id: 'c', label: '중앙값' },
      ],
      rows: [
        [
          { value: '위원회', format: 'text' },
          { value: 0.42716, format: 'pct' },
          { value: 22.04166, format: 'days' },
        ],
      ],
    });
    expect(csv).toBe(`${BOM}기한,지연 비율 (%),중앙값\r\n위원회,42.7,22\r\n`);
  });
});
