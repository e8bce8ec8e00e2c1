/** Directory search over 50k generated services: per-keystroke query time vs a linear scan. */
import type { SearchDoc } from '@shared/domain/directory/search';
import {
  applySearchChanges,
  buildSearchIndex,
  linearScan,
  prepareLinearScan,
  searchIndex,
} from '@shared/domain/directory/search';
import { POPULATIONS, SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import { synonymGroups } from '@shared/domain/directory/synonyms';
import { restoreIndexSteps, serializeIndexSteps } from '@shared/domain/directory/searchIndexStore';
import type { Steps } from '@shared/domain/steps';
import { runInSlices } from '@shared/domain/steps';
import type { Bench, Row } from './harness';
import { now, percentile, pick, rng, sample } from './harness';

const KINDS = [
  'Centre d’accueil',
  'Clinique juridique',
  'Centre de santé',
  'Maison de la femme',
  'Point focal',
  'Ligne verte',
  'Service social',
  'Cellule psychosociale',
  'Refuge',
  'Hôpital',
];
const WORDS = [
  'Espoir',
  'Solidarité',
  'Bénkadi',
  'Jigiya',
  'Lumière',
  'Sabati',
  'Kènèya',
  'Nyèsigi',
  'Horizon',
  'Dambé',
  'Santé',
  'Avenir',
  'Hèrè',
  'Sinji',
  'Tounkan',
];
const PLACES = [
  'Bamako',
  'Ségou',
  'Sikasso',
  'Mopti',
  'Kayes',
  'Koulikoro',
  'Tombouctou',
  'Gao',
  'Kidal',
  'San',
  'Koutiala',
  'Bougouni',
  'Djenné',
  'Niono',
  'Kita',
  'Nioro',
];
const ORGS = [
  'Association',
  'ONG',
  'Ministère de la Santé',
  'Direction régionale',
  'Fondation',
  'Réseau',
  'Coopérative',
];

export const generateDocs = (n: number): SearchDoc[] => {
  const r = rng(42);
  return Array.from({ length: n }, (_, i) => {
    const place = pick(r, PLACES);
    const digits = String(70_000_000 + Math.floor(r() * 9_999_999));
    return {
      id: String(i),
      name: `${pick(r, KINDS)} ${pick(r, WORDS)} ${place} ${i % 97}`,
      organization: `${pick(r, ORGS)} ${pick(r, WORDS)}`,
      locality: `${place} ${pick(r, PLACES)}`,
      phones: [
        `+223 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`,
      ],
      labels: pick(r, [
        'Hébergement refuge',
        'Aide juridique',
        'Soins médicaux',
        'Soutien psychosocial',
      ]),
      // As the directory indexes them: every language's synonyms for a category and population.
      groups: synonymGroups(pick(r, SERVICE_CATEGORIES), [pick(r, POPULATIONS)]),
      description: `Service ${pick(r, WORDS)} pour les victimes à ${place}, ${pick(r, WORDS)} et ${pick(r, WORDS)}.`,
    };
  });
};

/** What a coordinator types, one keystroke at a time. */
const typed = (words: string[]) => words.flatMap((w) => Array.from(w, (_, i) => w.slice(0, i + 1)));
const QUERIES = typed([
  'segou',
  'centre d',
  'sante bamako',
  'refuge femm',
  'jigiya',
  '76 12',
  'clinique juridique mopti',
  'foyer segou',
  'abrigo raparigas',
  'دار إيواء',
]);

/** Runs `steps` in slices of 12 ms as the directory does: the work's total and longest slice. */
const sliced = async <T>(steps: Steps<T>) => {
  let longest = 0;
  let total = 0;
  let since = now();
  const value = await runInSlices(
    steps,
    async () => {
      const slice = now() - since;
      longest = Math.max(longest, slice);
      total += slice;
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = now();
    },
    12,
  );
  const last = now() - since;
  return { value, longest: Math.max(longest, last), total: total + last };
};

export const searchBench: Bench = {
  name: 'search',
  async run() {
    const docs = generateDocs(50_000);
    let t0 = now();
    const index = buildSearchIndex(docs);
    const buildMs = now() - t0;
    t0 = now();
    const hay = prepareLinearScan(docs);
    const prepMs = now() - t0;
    const indexed = sample(QUERIES, (q) => searchIndex(index, q, { limit: 50 }));
    const scan = sample(QUERIES, (q) => linearScan(hay, q));
    const allowed = Uint8Array.from(docs, (_, i) => (i % 3 === 0 ? 1 : 0));
    const filtered = sample(QUERIES, (q) => searchIndex(index, q, { limit: 50, allowed }));
    // One service at a time, as an edit or a bed update: add, change, remove, each timed.
    const extra = generateDocs(51_000).slice(50_000);
    const r = rng(7);
    const one = (fn: () => void) => {
      const t = now();
      fn();
      return now() - t;
    };
    const adds = extra.map((d) =>
      one(() => applySearchChanges(index, [{ ...d, id: `new-${d.id}` }])),
    );
    const changes = extra.map((d) => {
      const target = docs[Math.floor(r() * docs.length)]!;
      return one(() => applySearchChanges(index, [{ ...d, id: target.id }]));
    });
    const removes = extra.map((d) => one(() => applySearchChanges(index, [], [`new-${d.id}`])));
    // A sync batch: 10k changed services in one call.
    const batch = generateDocs(60_000)
      .slice(50_000)
      .map((d, i) => ({ ...d, id: String((i * 5) % 50_000) }));
    t0 = now();
    applySearchChanges(index, batch);
    const batchMs = now() - t0;
    const after = sample(QUERIES, (q) => searchIndex(index, q, { limit: 50 }));
    // Stored for the next start and restored from storage, as the directory does: in slices of
    // 12 ms between which the window may paint, then one clone (IndexedDB's put or get).
    const store = await sliced(serializeIndexSteps(index));
    t0 = now();
    const cloned = structuredClone(store.value);
    const cloneMs = now() - t0;
    const restore = await sliced(restoreIndexSteps(cloned));
    return [
      { label: 'linear scan p95 (baseline)', value: percentile(scan, 95), unit: 'ms' },
      { label: 'linear scan p50', value: percentile(scan, 50), unit: 'ms' },
      {
        label: 'ranked search p95',
        value: percentile(indexed, 95),
        unit: 'ms',
        baseline: 'linear scan p95 (baseline)',
        target: '≤ 1× baseline',
      },
      {
        label: 'ranked search p50',
        value: percentile(indexed, 50),
        unit: 'ms',
        baseline: 'linear scan p50',
      },
      {
        label: 'ranked search + filter p95',
        value: percentile(filtered, 95),
        unit: 'ms',
        baseline: 'linear scan p95 (baseline)',
      },
      {
        label: 'index build (50k)',
        value: buildMs,
        unit: 'ms',
        baseline: 'scan text preparation (50k)',
      },
      { label: 'scan text preparation (50k)', value: prepMs, unit: 'ms' },
      { label: 'full index rebuild (50k, baseline)', value: buildMs, unit: 'ms' },
      ...(
        [
          ['add', adds],
          ['change', changes],
          ['remove', removes],
        ] as const
      ).map(([what, times]): Row => ({
        label: `${what} one service, p95`,
        value: percentile(times, 95),
        unit: 'ms',
        baseline: 'full index rebuild (50k, baseline)',
        target: '< 1 ms',
      })),
      {
        label: 'sync batch of 10k changed services',
        value: batchMs,
        unit: 'ms',
        baseline: 'full index rebuild (50k, baseline)',
        target: '≤ 1× baseline',
      },
      ...(
        [
          ['save index (50k)', store],
          ['restore index (50k)', restore],
        ] as const
      ).flatMap(([what, r]): Row[] => [
        {
          label: `${what}, sliced: work`,
          value: r.total,
          unit: 'ms',
          baseline: 'full index rebuild (50k, baseline)',
        },
        {
          label: `${what}, sliced: longest slice`,
          value: r.longest,
          unit: 'ms',
          target: '< 50 ms',
        },
      ]),
      {
        label: 'stored index cloned (IndexedDB put)',
        value: cloneMs,
        unit: 'ms',
        baseline: 'full index rebuild (50k, baseline)',
        target: '< 50 ms',
      },
      {
        label: 'ranked search p95 after 13k changes',
        value: percentile(after, 95),
        unit: 'ms',
        baseline: 'linear scan p95 (baseline)',
        target: '≤ 1× baseline',
      },
    ];
  },
};
