/**
 * A bundle import gives the main thread back as it goes (issue 15: no task over 100 ms during a
 * sync of 10k changes). Counted, not timed: every turn given back (yieldToMain, through
 * `scheduler.yield`) records how far the import has got, and no stretch between two turns may
 * hold more than a slice of documents noted as checked or written to PouchDB. Noting 10k
 * documents in one loop was one task of over 100 ms in the benchmark.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
// First: it installs fake-indexeddb, which Dexie looks for as it loads.
import { makeReplica, organizations, trustAll } from './kit';
import { importBundle } from '../../../renderer/data/sync/bundles';
import type { CheckedRevisions } from '../../../renderer/data/sync/trust';
import { SLICE } from '../../../renderer/data/sync/yield';

/** Not a multiple of the slice, so the last stretch is a partial one. */
const N = 3 * SLICE + 17;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The largest step between two successive counts (the stretch of one task). */
const largestStep = (counts: readonly number[]) =>
  Math.max(...counts.slice(1).map((c, i) => c - counts[i]!));

describe('bundle import in slices', () => {
  it('notes and writes at most one slice of documents between two turns given back', async () => {
    const a = await makeReplica('BKO');
    const b = await makeReplica('SEG');
    await trustAll([a, b]);
    await a.writeAll('organizations', organizations(N, 'BKO'));
    const file = (await a.service.exportFile())!;
    const trust = await b.service.trust();
    // Signatures checked: the bundle's own first, then one per document.
    let verified = 0;
    const documentsVerified = () => Math.max(0, verified - 1);
    const counted = {
      ...trust,
      verify: (...args: Parameters<typeof trust.verify>) => {
        verified++;
        return trust.verify(...args);
      },
    };

    const checked: CheckedRevisions = new Map();
    let written = 0;
    const bulkDocs = b.pouch.bulkDocs.bind(b.pouch);
    const writes = vi.spyOn(b.pouch, 'bulkDocs').mockImplementation(async (docs, options) => {
      const out = await bulkDocs(docs, options);
      written += docs.length;
      return out;
    });
    // Where the import stood at each turn it gave back.
    const checks: number[] = [0];
    const noted: number[] = [0];
    const wrote: number[] = [0];
    vi.stubGlobal('scheduler', {
      yield: () => {
        checks.push(documentsVerified());
        noted.push(checked.size);
        wrote.push(written);
        return new Promise<void>((r) => setTimeout(r, 0));
      },
    });

    const outcome = await importBundle(b.db, b.pouch, counted, file.bytes, {
      channel: 'file',
      now: b.now,
      checked,
    });
    checks.push(documentsVerified());
    noted.push(checked.size);
    wrote.push(written);

    expect(outcome).toMatchObject({ status: 'applied', count: N });
    // Every document noted whole, with the document the apply will take from memory.
    expect(checked.size).toBe(N);
    expect([...checked.values()].every((e) => e.doc?._rev === e.rev)).toBe(true);
    expect(verified).toBe(N + 1);
    expect(written).toBe(N);
    expect(largestStep(checks)).toBeLessThanOrEqual(SLICE);
    expect(largestStep(noted)).toBeLessThanOrEqual(SLICE);
    expect(largestStep(wrote)).toBeLessThanOrEqual(SLICE);
    expect(Math.max(...writes.mock.calls.map(([docs]) => docs.length))).toBeLessThanOrEqual(SLICE);
    // All or nothing as before, only cut into tasks: nothing is noted before every document's
    // signature has been checked, nor written before every document is noted.
    const firstNoted = noted.findIndex((n) => n > 0);
    const firstWritten = wrote.findIndex((n) => n > 0);
    expect(checks[firstNoted]).toBe(N);
    expect(noted[firstWritten]).toBe(N);
  });
});
