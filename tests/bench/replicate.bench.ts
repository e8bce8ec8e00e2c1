/**
 * Where PouchDB's replication between two local databases spends its time (issue 15: push and
 * pull ≤ 1.5× bulkDocs per document), on the replica's own adapter, in one run: the bulkDocs
 * baseline of the sync bench, push and pull of 10k documents of two revisions at several
 * replicate options, and the replicator's four steps measured one by one in batches of 1000 —
 * the source's changes feed, the target's revsDiff (a transaction per document), the source's
 * bulkGet (no IndexedDB adapter has its own: core runs a get per document, six at a time) and
 * the target's bulkDocs new_edits:false. The steps' sum is the floor any replicate option can
 * reach.
 */
import { openLocalPouch } from '../../renderer/data/sync/browserPouch';
import type { Pouch, PouchDoc } from '../../renderer/data/sync/pouch';
import { SERVER_BATCH } from '../../renderer/data/sync/server';
import type { Bench, Row } from './harness';
import { now } from './harness';
import { organizations } from './sync.bench';

const N = 10_000;
const BASELINE_N = 20_000;
const STEP = 1000;
/** PouchDB's defaults are batch_size 100 and batches_limit 10. */
const OPTIONS: readonly [string, Record<string, number>][] = [
  [`batch_size ${SERVER_BATCH} (SERVER_BATCH)`, { batch_size: SERVER_BATCH }],
  ['batch_size 1000', { batch_size: 1000 }],
  ['batch_size 2000', { batch_size: 2000 }],
  ['batch_size 5000', { batch_size: 5000 }],
  ['batch_size 1000, batches_limit 1', { batch_size: 1000, batches_limit: 1 }],
];

/** PouchDB itself, for revsDiff and bulkGet as the replicator calls them. */
type Raw = Pouch & {
  revsDiff: (req: Record<string, string[]>) => Promise<unknown>;
  bulkGet: (o: {
    docs: { id: string; rev: string }[];
    revs: boolean;
    latest: boolean;
  }) => Promise<unknown>;
};

/** Documents of the size the sync bench writes (its organizations). */
const docsOf = (n: number): PouchDoc[] =>
  organizations('BKO', n).map((o) => ({ _id: `organizations:BKO:${o.id}`, record: o }));

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = now();
  await fn();
  return now() - t0;
};
const perDoc = (ms: number, n: number) => (ms / n) * 1000;

const run = `${Date.now()}`;
let serial = 0;
const fresh = (what: string) => {
  const name = `bench-replicate-${what}-${run}-${++serial}`;
  return [openLocalPouch(name), name] as const;
};

export const replicateBench: Bench = {
  name: 'replicate',
  async run() {
    const rows: Row[] = [];
    const baselineLabel = 'PouchDB bulkDocs 20k (baseline), per doc';
    const [base] = fresh('baseline');
    rows.push({
      label: baselineLabel,
      value: perDoc(await timed(() => base.bulkDocs(docsOf(BASELINE_N))), BASELINE_N),
      unit: 'µs',
    });
    await base.destroy();
    const row = (label: string, ms: number): Row => ({
      label: `${label}, per doc`,
      value: perDoc(ms, N),
      unit: 'µs',
      baseline: baselineLabel,
    });

    // The source: 10k documents edited once, as a replica holds them after an update.
    const [src, srcName] = fresh('source');
    const first = docsOf(N);
    const written = await src.bulkDocs(first);
    await src.bulkDocs(
      first.map((d, i) => ({
        ...d,
        _rev: written[i]!.rev,
        record: { ...(d.record as object), demo: true },
      })),
    );

    const PouchDb = (await import('pouchdb-browser')).default as unknown as new (
      name: string,
      options: object,
    ) => Raw;
    const rawSrc = new PouchDb(srcName, { auto_compaction: false });
    const [target] = fresh('steps');
    const rawTarget = new PouchDb(`${srcName}-steps-raw`, { auto_compaction: false });
    const pages: { id: string; rev: string }[][] = [];
    let since: number | string = 0;
    rows.push(
      row(
        `step 1, changes 10k (style all_docs, pages of ${STEP})`,
        await timed(async () => {
          for (;;) {
            const page = await src.changes({ since, limit: STEP, style: 'all_docs' });
            if (page.results.length === 0) break;
            pages.push(page.results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })));
            since = page.last_seq;
          }
        }),
      ),
    );
    rows.push(
      row(
        'step 2, revsDiff 10k on an empty target',
        await timed(async () => {
          for (const p of pages)
            await rawTarget.revsDiff(Object.fromEntries(p.map((d) => [d.id, [d.rev]])));
        }),
      ),
    );
    const fetched: PouchDoc[][] = [];
    rows.push(
      row(
        'step 3, bulkGet 10k (revs, latest)',
        await timed(async () => {
          for (const p of pages) {
            const got = (await rawSrc.bulkGet({ docs: p, revs: true, latest: true })) as {
              results: { docs: ({ ok: PouchDoc } | { error: unknown })[] }[];
            };
            fetched.push(
              got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : []))),
            );
          }
        }),
      ),
    );
    rows.push(
      row(
        'step 4, bulkDocs new_edits:false 10k',
        await timed(async () => {
          for (const docs of fetched) await target.bulkDocs(docs, { new_edits: false });
        }),
      ),
    );
    if ((await target.info()).doc_count !== N) throw new Error('steps: not all written');
    await target.destroy();
    await rawTarget.destroy();

    for (const [label, options] of OPTIONS) {
      const [peer] = fresh('peer');
      rows.push(row(`push 10k, ${label}`, await timed(() => src.replicate.to(peer, options))));
      const [puller] = fresh('puller');
      rows.push(row(`pull 10k, ${label}`, await timed(() => puller.replicate.from(peer, options))));
      if ((await puller.info()).doc_count !== N) throw new Error(`${label}: not all pulled`);
      await peer.destroy();
      await puller.destroy();
    }
    await src.destroy();
    return rows;
  },
};
