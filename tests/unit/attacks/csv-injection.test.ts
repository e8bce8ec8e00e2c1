/**
 * Item 10 (issue 13): a directory record whose name starts with a NUL, CR, LF or TAB (or spaces)
 * before = + - @ went out of CSV/XLSX export unneutralised, and a spreadsheet that skips those
 * characters ran it as a formula. Each payload goes through the real export cell writer and the
 * real import reader.
 */
import { describe, expect, it } from 'vitest';
import { toCsvCells } from '../../../shared/domain/exchange/flatExport';
import { neutralise, unneutralise } from '../../../shared/domain/exchange/text';

const PREFIXES = ['', '\0', '\r', '\n', '\t', '\0\r\n', '  ', '\t '];
const FORMULAS = ['=HYPERLINK("https://evil.example","Ouvrir")', '+1', '-2+3', '@SUM(A1)'];

describe('attack: a formula behind invisible characters in an exported cell', () => {
  it('neutralises every payload in CSV cells, and the importer gets the exact value back', () => {
    for (const p of PREFIXES)
      for (const f of FORMULAS) {
        const value = `${p}${f}`;
        const [, [cell]] = toCsvCells([['name'], [value]]) as [string[], string[]];
        expect(cell, JSON.stringify(value)).toBe(`'${value}`);
        expect(unneutralise(cell!)).toBe(value);
      }
  });

  it('a lone control character first is neutralised too; plain text is left alone', () => {
    for (const s of ['\0x', '\nx', '\rx', '\tx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Ségou', ' Ségou', 'a=b', '']) expect(unneutralise(neutralise(s))).toBe(s);
    expect(neutralise(' Ségou')).toBe(' Ségou');
  });
});
