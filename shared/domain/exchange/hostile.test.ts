import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planHsds, readFlat } from './importFile';
import { ExchangeError, LIMITS } from './limits';
import { decodeText, neutralise, safeJsonParse, unneutralise } from './text';
import { testContext } from './testing';
import { safeUnzip } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);
const noSheet = () => Promise.reject(new Error('unused'));
const codeOf = async (f: () => unknown) => {
  try {
    await f();
  } catch (e) {
    return e instanceof ExchangeError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
};

describe('hostile files are refused quickly, with a reason, and change nothing', () => {
  it('a file over the size limit (e.g. a 1 GB CSV) is refused before it is read', async () => {
    // A view of the limit + 1 byte: the check looks at the length, never at the content.
    const big = new Uint8Array(LIMITS.fileBytes + 1);
    expect(
      await codeOf(() =>
        readFlat({ name: 'big.csv', bytes: big }, 'csv', { encoding: 'auto' }, noSheet),
      ),
    ).toBe('tooLarge');
    expect(
      await codeOf(() => planHsds([{ name: 'big.json', bytes: big }], 'hsds-json', testContext())),
    ).toBe('tooLarge');
  });

  it('a zip bomb stops while inflating: ratio and total size', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync({ 'services.csv': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => safeUnzip(bomb)).toThrow(expect.objectContaining({ code: 'zipBomb' }));
    // Many ordinary entries adding up past the total.
    const many = zipSync(
      Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [
          `t${i}.csv`,
          crypto.getRandomValues(new Uint8Array(60_000)),
        ]),
      ),
    );
    expect(() =>
      safeUnzip(many, () => true, { totalBytes: 300_000, ratio: 100, entries: 50 }),
    ).toThrow(expect.objectContaining({ code: 'zipBomb' }));
    expect(() =>
      safeUnzip(many, () => true, { totalBytes: 10_000_000, ratio: 100, entries: 5 }),
    ).toThrow(expect.objectContaining({ code: 'zipEntries' }));
  });

  it('a zip whose header declares more than the limit is refused before inflating', () => {
    const zip = zipSync({ 'services.csv': enc('id,name\n') }, { level: 0 });
    // Local header: uncompressed size at offset 22.
    new DataView(zip.buffer).setUint32(22, 0xfffffff0, true);
    expect(() => safeUnzip(zip)).toThrow(expect.objectContaining({ code: 'zipBomb' }));
  });

  it('a broken zip is "invalid", not a crash', () => {
    const zip = zipSync({ 'services.csv': enc('x'.repeat(5000)) });
    expect(() => safeUnzip(zip.slice(0, 60))).toThrow(
      expect.objectContaining({ code: 'zipInvalid' }),
    );
  });

  it('JSON nested 100k deep is refused before JSON.parse recurses', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => safeJsonParse(deep)).toThrow(expect.objectContaining({ code: 'tooDeep' }));
    expect(
      await codeOf(() =>
        planHsds([{ name: 'deep.json', bytes: enc(deep) }], 'hsds-json', testContext()),
      ),
    ).toBe('tooDeep');
    // Brackets inside strings are text, not depth.
    expect(safeJsonParse(JSON.stringify({ a: '['.repeat(1000) }))).toEqual({ a: '['.repeat(1000) });
  });

  it('__proto__ and constructor keys are dropped and pollute nothing', () => {
    const text =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"name":"ok","nested":{"__proto__":{"x":1}}}';
    const v = safeJsonParse(text) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['name', 'nested']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v.nested)).toBe(Object.prototype);
    const plan = planHsds(
      [
        {
          name: 'p.json',
          bytes: enc(
            `[{"__proto__":{"isAdmin":true},"id":"ac148810-d857-441c-9679-408f346de14b","name":"S","status":"active","organization":{"id":"d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610","name":"O","description":""}}]`,
          ),
        },
      ],
      'hsds-json',
      testContext(),
    );
    expect(plan.services).toHaveLength(1);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect('isAdmin' in plan.services[0]!).toBe(false);
  });

  it('a "__proto__" CSV header is data, not a prototype', async () => {
    const t = await readFlat(
      { name: 'p.csv', bytes: enc('__proto__,Nom\nx,y\n') },
      'csv',
      { encoding: 'auto' },
      noSheet,
    );
    expect(t.header).toEqual(['__proto__', 'Nom']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('invalid UTF-8: refused for JSON and for a CSV said to be UTF-8; a CSV on auto is read as Windows-1252', async () => {
    const bad = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    expect(
      await codeOf(() => planHsds([{ name: 'x.json', bytes: bad }], 'hsds-json', testContext())),
    ).toBe('invalidUtf8');
    expect(() => decodeText(bad, 'utf-8')).toThrow(
      expect.objectContaining({ code: 'invalidUtf8', params: { offset: 6 } }),
    );
    expect(decodeText(Uint8Array.from([0x53, 0xe9, 0x67, 0x6f, 0x75]), 'auto')).toEqual({
      text: 'Ségou',
      encoding: 'windows-1252',
    });
    // With a UTF-8 BOM, a bad byte is damage, not another encoding.
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff]), 'auto')).toThrow(
      expect.objectContaining({ code: 'invalidUtf8' }),
    );
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x53, 0xc3, 0xa9]), 'auto')).toEqual({
      text: 'Sé',
      encoding: 'utf-8',
    });
    // Overlong encodings and surrogates are invalid too.
    expect(() => decodeText(Uint8Array.from([0xc0, 0xaf]), 'utf-8')).toThrow();
    expect(() => decodeText(Uint8Array.from([0xed, 0xa0, 0x80]), 'utf-8')).toThrow();
  });

  it('not HSDS, or not JSON at all: a clear refusal', async () => {
    expect(
      await codeOf(() =>
        planHsds([{ name: 'x.json', bytes: enc('{"hello":') }], 'hsds-json', testContext()),
      ),
    ).toBe('invalidJson');
    expect(
      await codeOf(() =>
        planHsds([{ name: 'x.json', bytes: enc('42') }], 'hsds-json', testContext()),
      ),
    ).toBe('notHsds');
    expect(
      await codeOf(() =>
        planHsds(
          [{ name: 'x.zip', bytes: zipSync({ 'a.txt': enc('x') }) }],
          'hsds-package',
          testContext(),
        ),
      ),
    ).toBe('notHsds');
  });

  it('formula neutralisation covers = + - @ tab and CR, and is undone exactly', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) {
      expect(neutralise(s)).toBe(`'${s}`);
      expect(unneutralise(neutralise(s))).toBe(s);
    }
    for (const s of ['abc', "'abc", '', "'"]) expect(unneutralise(neutralise(s))).toBe(s);
  });
});
