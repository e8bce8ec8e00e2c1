// National server scale, by simulation (issue 15): 200 offices × 500 documents through one
// express-pouchdb (standing in for CouchDB) on 127.0.0.1, with per-office filtered replication:
// a district office pulls its region's and the national records, not the whole country.
// Bounded: in-memory databases, loopback only, a fixed number of offices and documents, and a
// time limit. Run by scripts/bench.mjs (`npm run bench -- national`); prints rows like the others.
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce);

const REGIONS = Number(process.env.NAT_REGIONS ?? 20);
const OFFICES_PER_REGION = 10; // 200 offices, the first of region 0 being the ministry
const DOCS_PER_OFFICE = 500;
const PULLING_OFFICES = Math.ceil(REGIONS / 2); // one district office in every other region // one district office per region pulls (a bounded sample)
const PUSH_CONCURRENCY = 8;
const TIME_LIMIT_MS = 8 * 60_000;

const Local = PouchDB.defaults({ adapter: 'memory' });
const officeCode = (r, o) => `R${String(r).padStart(2, '0')}-${String(o).padStart(2, '0')}`;
const NATIONAL = officeCode(0, 0);

/** A district office's documents: its region's directory records; the ministry's are national. */
const docsOf = (region, office) =>
  Array.from({ length: DOCS_PER_OFFICE }, (_, i) => ({
    _id: `service:${office}-${String(i).padStart(4, '0')}`,
    table: 'services',
    office,
    region: `REG-${region}`,
    scope: office === NATIONAL ? 'national' : 'region',
    name: `Service ${i} (${office}, fictional)`,
    updatedAt: '2026-12-02T06:00:00.000Z',
  }));

// The filter a CouchDB design document would carry (resources/couchdb/README.md).
const design = {
  _id: '_design/scope',
  filters: {
    office: `function (doc, req) {
      return doc.scope === 'national' || doc.region === req.query.region || doc._id.indexOf('_design/') === 0;
    }`,
  },
};

const limited = async (items, n, fn) => {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (queue.length) await fn(queue.shift());
    }),
  );
};

export const runNational = async () => {
  const ServerPouch = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  if (process.env.NAT_LOG) app.use((req, _res, next) => (console.log(req.method, req.url), next()));
  app.use('/', expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}/passerelle`;
  const deadline = Date.now() + TIME_LIMIT_MS;
  const rows = [];
  try {
    const remote = new PouchDB(url);
    await remote.put(design);
    const offices = [];
    for (let r = 0; r < REGIONS; r++)
      for (let o = 0; o < OFFICES_PER_REGION; o++)
        offices.push({ region: r, code: officeCode(r, o) });

    // Every office writes its documents locally, then pushes them (8 offices at a time).
    const locals = new Map();
    for (const o of offices) {
      const db = new Local(`office-${o.code}`);
      await db.bulkDocs(docsOf(o.region, o.code));
      locals.set(o.code, db);
    }
    let t0 = performance.now();
    await limited(offices, PUSH_CONCURRENCY, async (o) => {
      if (Date.now() > deadline) throw new Error('time limit');
      // A PouchDB object, not the URL: a URL would open a memory database of that name here.
      await locals.get(o.code).replicate.to(new PouchDB(url), { batch_size: 500 });
    });
    const pushMs = performance.now() - t0;
    const total = offices.length * DOCS_PER_OFFICE;
    const info = await remote.info();

    // Baseline: PouchDB bulkDocs of the same documents into one local database.
    const base = new Local('baseline');
    t0 = performance.now();
    for (const o of offices) await base.bulkDocs(docsOf(o.region, o.code));
    const bulkMs = performance.now() - t0;

    // A sample of district offices pull, filtered: their region and the national records.
    const pullers = Array.from({ length: PULLING_OFFICES }, (_, r) =>
      offices.find((o) => o.region === (r * 2) % REGIONS && o.code.endsWith('-01')),
    );
    const stored = [];
    let pulled = 0;
    t0 = performance.now();
    for (const o of pullers) {
      if (Date.now() > deadline) break;
      const db = new Local(`pull-${o.code}`);
      const res = await db.replicate.from(new PouchDB(url), {
        filter: 'scope/office',
        query_params: { region: `REG-${o.region}` },
        batch_size: 500,
      });
      pulled += res.docs_written;
      const all = await db.allDocs({ include_docs: true });
      const docs = all.rows.filter((row) => !row.id.startsWith('_design/'));
      const foreign = docs.filter(
        (row) => row.doc.scope !== 'national' && row.doc.region !== `REG-${o.region}`,
      ).length;
      const expected =
        OFFICES_PER_REGION * DOCS_PER_OFFICE + (o.region === 0 ? 0 : DOCS_PER_OFFICE);
      stored.push({ office: o.code, docs: docs.length, foreign, exact: docs.length === expected });
      await db.destroy();
    }
    const pullMs = performance.now() - t0;
    const perOffice = stored.map((s) => s.docs);
    const leaked = stored.reduce((n, s) => n + s.foreign, 0);

    const bulk = 'PouchDB bulkDocs, local, per 1k docs (baseline)';
    rows.push(
      { label: bulk, value: (bulkMs / total) * 1000, unit: 'ms' },
      {
        label: `push: ${offices.length} offices × ${DOCS_PER_OFFICE} docs`,
        value: total / (pushMs / 1000),
        unit: 'docs/s',
      },
      {
        label: 'push, per 1k docs',
        value: (pushMs / total) * 1000,
        unit: 'ms',
        baseline: bulk,
      },
      { label: 'documents on the server', value: info.doc_count, unit: 'docs' },
      {
        label: `filtered pull, ${stored.length} district offices`,
        value: pulled / (pullMs / 1000),
        unit: 'docs/s',
      },
      {
        label: 'stored per district office (min–max)',
        value: Math.max(...perOffice),
        unit: `docs (min ${Math.min(...perOffice)}) of ${total}`,
      },
      {
        label: 'offices storing exactly region + national',
        value: stored.filter((s) => s.exact).length,
        unit: `of ${stored.length}`,
      },
      { label: 'documents of another region received', value: leaked, unit: 'docs' },
    );
    for (const db of [...locals.values(), base]) await db.destroy();
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
  return rows;
};
