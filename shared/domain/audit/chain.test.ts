import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEntries, canonicalJson, GENESIS, verifyChain, type AuditRecord } from './chain';
import { auditCsv, csvCell } from './csv';
import { matchesAudit } from './filter';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const trail = (n: number, start = 0): AuditRecord[] =>
  chainEntries(
    sha256,
    undefined,
    Array.from({ length: n }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 23, 10, 0, start + i)).toISOString(),
      actor: i % 2 ? 'awa' : 'moussa',
      action: i % 3 ? 'service.update' : 'referral.view',
      table: i % 3 ? 'services' : 'referrals',
      recordId: `r-${i}`,
      ...(i % 4 === 0 ? { why: 'consent override' } : {}),
    })),
  );

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('audit chain', () => {
  it('chains from the genesis and continues from a head', () => {
    const first = trail(3);
    expect(first.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(first[0]!.prev).toBe(GENESIS);
    expect(first[1]!.prev).toBe(first[0]!.hash);
    const more = chainEntries(sha256, first[2], [
      { at: '2026-11-23T11:00:00.000Z', actor: 'awa', action: 'x', table: 't', recordId: '1' },
    ]);
    expect(more[0]).toMatchObject({ seq: 4, prev: first[2]!.hash });
    expect(verifyChain(sha256, [...first, ...more])).toEqual({
      ok: true,
      count: 4,
      head: { seq: 4, hash: more[0]!.hash },
    });
    expect(verifyChain(sha256, [])).toEqual({ ok: true, count: 0, head: null });
  });

  it('names the seq of an edited entry', () => {
    const t = trail(10);
    t[4] = { ...t[4]!, actor: 'someone-else' };
    expect(verifyChain(sha256, t)).toMatchObject({ ok: false, seq: 5, problem: 'edited' });
  });

  it('names the seq of a deleted entry, also when later entries were renumbered', () => {
    const t = trail(10);
    expect(
      verifyChain(
        sha256,
        t.filter((e) => e.seq !== 6),
      ),
    ).toMatchObject({
      ok: false,
      seq: 6,
      problem: 'deleted',
    });
    const renumbered = t
      .filter((e) => e.seq !== 6)
      .map((e) => (e.seq > 6 ? { ...e, seq: e.seq - 1 } : e));
    expect(verifyChain(sha256, renumbered)).toMatchObject({
      ok: false,
      seq: 6,
      problem: 'deleted',
    });
    expect(verifyChain(sha256, t.slice(1))).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'deleted',
    });
  });

  it('names the seq of reordered entries', () => {
    const t = trail(10);
    const swapped = t.map((e) =>
      e.seq === 3 ? { ...t[3]!, seq: 3 } : e.seq === 4 ? { ...t[2]!, seq: 4 } : e,
    );
    expect(verifyChain(sha256, swapped)).toMatchObject({ ok: false, seq: 3, problem: 'reordered' });
  });

  it('reports entries written before the chain existed', () => {
    const t = trail(3);
    const { hash: _h, prev: _p, ...legacy } = t[1]!;
    expect(verifyChain(sha256, [t[0]!, legacy as AuditRecord, t[2]!])).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'unchained',
    });
  });

  it('detects any single edit, deletion or swap, at or before the place it happened', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.nat(),
        fc.constantFrom('edit', 'delete', 'swap'),
        fc.string({ minLength: 1, maxLength: 5 }),
        (n, pick, op, text) => {
          const t = trail(n);
          const i = pick % (op === 'swap' ? n - 1 : n);
          const tampered =
            op === 'edit'
              ? t.map((e, j) => (j === i ? { ...e, detail: `${e.detail ?? ''}${text}` } : e))
              : op === 'delete'
                ? t.filter((_, j) => j !== i)
                : t.map((e, j) =>
                    j === i
                      ? { ...t[i + 1]!, seq: e.seq }
                      : j === i + 1
                        ? { ...t[i]!, seq: e.seq }
                        : e,
                  );
          const result = verifyChain(sha256, tampered);
          if (op === 'delete' && i === n - 1) return result.ok; // the tail: see the head
          return !result.ok && result.seq === i + 1;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('audit CSV', () => {
  it('neutralises formulas and quotes what needs quoting', () => {
    expect(['=1+1', '+33', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+33",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('Ségou')).toBe('Ségou');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes a header, one CRLF line per entry and a BOM', () => {
    const csv = auditCsv(trail(2));
    expect(
      csv.startsWith('\uFEFFseq,at,actor,action,table,recordId,detail,why,prev,hash\r\n'),
    ).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toContain(',consent override,');
  });
});

describe('audit filter', () => {
  it('filters by who, what, table and a half-open time range', () => {
    const t = trail(6);
    const hits = t.filter((e) =>
      matchesAudit(e, { actor: 'awa', from: t[1]!.at, to: t[5]!.at, table: 'services' }),
    );
    expect(hits.map((e) => e.seq)).toEqual([2, 6].filter((s) => s < 6));
  });
});
