import readXlsx from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../../tests/fixtures/xlsx';
import { centralSizes, safeUnzip } from './zip';

/** The shape of an OCHA 3W workbook that was refused as a bomb: sheets, shared strings, 40+ MB. */
const bigWorkbook = () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => [
    `Organisation ${i % 900}`,
    `Activité ${i}`,
    `Cercle ${i % 50}`,
    `ML0${(i % 9) + 1}01`,
    i,
    `Commentaire libre numéro ${i} pour le suivi`,
  ]);
  return buildXlsx([
    { name: '3W', rows },
    { name: 'Listes', hidden: true, rows },
    { name: 'Archive', hidden: true, rows },
  ]);
};

describe('zip limits on workbooks written with data descriptors', () => {
  it('lets a real 40 MB workbook through, entries sized from the central directory', async () => {
    const bytes = bigWorkbook();
    // Flag bit 3 on the first local header: sizes are in a data descriptor, 0 in the header.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(6, true) & 8).toBe(8);
    expect(view.getUint32(18, true)).toBe(0);
    const sizes = centralSizes(bytes);
    expect(sizes.get('xl/worksheets/sheet1.xml')!.compressed).toBeGreaterThan(100_000);
    const files = safeUnzip(bytes);
    const inflated = [...files.values()].reduce((n, b) => n + b.length, 0);
    expect(inflated).toBeGreaterThan(40 * 1024 * 1024);
    expect(inflated / bytes.length).toBeLessThan(20);
    const sheets = await readXlsx(Buffer.from(bytes));
    expect(sheets.map((s) => s.data.length)).toEqual([60_000, 60_000, 60_000]);
  }, 60_000);

  it('still stops a bomb written with data descriptors', () => {
    const zeros = Array.from({ length: 2 }, () => [
      Array.from({ length: 200_000 }, () => '0000000000').join(''),
    ]);
    const bomb = buildXlsx([{ name: 'x', rows: zeros }]);
    expect(() =>
      safeUnzip(bomb, () => true, { totalBytes: 200 * 1024 * 1024, ratio: 50, entries: 500 }),
    ).toThrow(expect.objectContaining({ code: 'zipBomb' }));
    expect(() =>
      safeUnzip(bomb, () => true, { totalBytes: 1024 * 1024, ratio: 10_000, entries: 500 }),
    ).toThrow(expect.objectContaining({ code: 'zipBomb' }));
  });

  it('a directory claiming a huge compressed size is capped at the file length', () => {
    const bytes = buildXlsx([{ name: 'a', rows: [['x']] }]);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let cd = bytes.length - 22;
    while (view.getUint32(cd, true) !== 0x02014b50) cd--;
    view.setUint32(cd + 20, 0xfffffff0, true);
    const sizes = [...centralSizes(bytes).values()];
    expect(sizes.at(-1)!.compressed).toBe(bytes.length);
    expect(() => safeUnzip(bytes)).not.toThrow();
  });
});
