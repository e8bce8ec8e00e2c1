/**
 * Issue 15, cold start: the first screen of the day is the directory, so the scripts a window
 * loads before it (the entry chunk and what it imports statically) must not carry the heavy
 * libraries of other screens, nor the strings of the languages it does not show. Builds the
 * renderer as `npm run build:renderer` does (in memory, unminified for speed) and reads which
 * source modules and which strings land in the first load. Fails if someone imports one of them
 * eagerly again, e.g. `import { MapScreen }` back into App.tsx, or the catalogues of all
 * languages through a repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { DEFAULT_LOCALE, LOCALES } from '../../../shared/i18n/define';
import { PREFS_KEY, STORAGE_KEY } from '../../../renderer/app/localeKeys';
import { storedPrefs } from '../../../renderer/app/messages';
import { DB_NAME } from '../../../renderer/data/db';
import { IDBFactory } from 'fake-indexeddb';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Each on-demand library, by a path every one of its modules contains. */
const LATER = {
  leaflet: '/node_modules/leaflet/',
  recharts: '/node_modules/recharts/',
  docx: '/node_modules/docx/',
  pouchdb: '/node_modules/pouchdb-browser/',
  'dexie-export-import': '/node_modules/dexie-export-import/',
  'write-excel-file': '/node_modules/write-excel-file/',
  supercluster: '/node_modules/supercluster/',
  'topojson-client': '/node_modules/topojson-client/',
  basemap: '/resources/map/',
  'map screen': '/renderer/features/map/MapScreen.tsx',
  'statistics screen': '/renderer/features/statistics/StatisticsScreen.tsx',
  'letters preview': '/renderer/features/letters/LetterPreview.tsx',
  'exchange screen': '/renderer/features/exchange/ExchangeScreen.tsx',
  // Used on demand: importing a file, backups and bundle files, the first run's demo, letters.
  papaparse: '/node_modules/papaparse/',
  fflate: '/node_modules/fflate/',
  'catalogues of every language': '/shared/i18n/catalogues.ts',
  'message files (four languages each)': '/shared/i18n/messages/',
  'value matching': '/shared/domain/exchange/valueMatch.ts',
  'survey reader': '/shared/domain/exchange/survey.ts',
  'letter words': '/shared/domain/letters/letterLocale.ts',
  'letter model': '/shared/domain/letters/build.ts',
  'demo directory': '/shared/domain/directory/demo.ts',
  'demo capacity': '/shared/domain/capacity/demo.ts',
  // Repositories only on-demand screens use: loaded with the first of them (repositories.ts).
  'referrals repository': '/renderer/data/repositories/referrals.ts',
  'letters repository': '/renderer/data/repositories/letters.ts',
  'screening repository': '/renderer/data/repositories/screening.ts',
  'statistics repository': '/renderer/data/repositories/statistics.ts',
  'exchange repository': '/renderer/data/repositories/exchange.ts',
  'backups (made or restored)': '/renderer/data/repositories/backupRestore.ts',
  'audit repository': '/renderer/data/repositories/audit.ts',
  'handover repository': '/renderer/data/repositories/handover.ts',
  // The sync service: loaded once the first screen is up (SyncProvider.tsx, loadSyncRuntime).
  'sync engine': '/renderer/data/sync/engine.ts',
  'sync tables registry': '/shared/domain/sync/tables.ts',
  // Passwords (argon2id) and the audit chain's SHA-256: loaded with the first hash.
  'hash-wasm': '/node_modules/hash-wasm/',
} as const;

/** Text only these libraries contain, should they come back some way the paths above miss. */
const LIBRARY_TEXT = { papaparse: 'IS_PAPA_WORKER', fflate: 'invalid zip data' } as const;

let first: string[] = [];
let later: string[] = [];
let firstCode = '';
/** Each module of the first load, by id: its code as rendered into its chunk. */
const firstModules = new Map<string, string>();
let laterCode = '';
/** Each language's strings module, by locale: its chunk's code. */
const messageChunks = new Map<string, string>();
/** Each language's strings module, by locale: its file. */
const messageFiles = new Map<string, string>();
const styles: string[] = [];
/** Scripts that are not chunks (the language starter), by file. */
const scriptAssets = new Map<string, string>();
let html = '';

beforeAll(async () => {
  const chunks: Rolldown.OutputChunk[] = [];
  await build({
    configFile: `${root}/vite.config.ts`,
    logLevel: 'silent',
    // Vitest sets VITEST, which the config reads to drop the window's `events` shim: put it back.
    resolve: { alias: { events: `${root}/renderer/data/sync/events.ts` } },
    build: { write: false, minify: false, sourcemap: false, reportCompressedSize: false },
    plugins: [
      {
        name: 'cold-start-chunks',
        // After Vite's own plugins have added the stylesheets and the page.
        generateBundle: {
          order: 'post',
          handler(_, bundle) {
            for (const c of Object.values(bundle)) {
              if (c.type === 'chunk') chunks.push(c);
              else if (c.fileName.endsWith('.css')) styles.push(c.fileName);
              else if (c.fileName.endsWith('.js') && typeof c.source === 'string')
                scriptAssets.set(c.fileName, c.source);
              else if (c.fileName === 'index.html' && typeof c.source === 'string') html = c.source;
            }
          },
        },
      },
    ],
  });
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.filter(
    (c) => c.isEntry && c.moduleIds.some((id) => id.endsWith('/renderer/main.tsx')),
  );
  expect(entry).toHaveLength(1);
  // Everything the window loads before running the entry: static imports, transitively.
  const loaded = new Set<string>();
  const visit = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const i of byName.get(name)?.imports ?? []) visit(i);
  };
  visit(entry[0]!.fileName);
  const norm = (ids: string[]) => ids.map((id) => id.replaceAll('\\', '/'));
  first = norm(chunks.filter((c) => loaded.has(c.fileName)).flatMap((c) => c.moduleIds));
  for (const c of chunks.filter((c) => loaded.has(c.fileName))) {
    for (const [id, m] of Object.entries(c.modules))
      firstModules.set(id.replaceAll('\\', '/'), m.code ?? '');
  }
  firstCode = chunks
    .filter((c) => loaded.has(c.fileName))
    .map((c) => c.code)
    .join('\n');
  laterCode = chunks
    .filter((c) => !loaded.has(c.fileName))
    .map((c) => c.code)
    .join('\n');
  for (const c of chunks) {
    const id = c.moduleIds.find((m) => m.startsWith('\0virtual:passerelle-messages/'));
    if (id) messageChunks.set(id.slice(id.lastIndexOf('/') + 1), c.code);
    if (id) messageFiles.set(id.slice(id.lastIndexOf('/') + 1), c.fileName);
  }
  later = norm(chunks.filter((c) => !loaded.has(c.fileName)).flatMap((c) => c.moduleIds));
}, 120_000);

describe('the first load of the window (the directory)', () => {
  it('holds the directory screen and the login, so the check reads the right chunks', () => {
    expect(
      first.some((id) => id.endsWith('/renderer/features/directory/DirectoryScreen.tsx')),
    ).toBe(true);
    expect(first.some((id) => id.endsWith('/renderer/features/accounts/LoginScreen.tsx'))).toBe(
      true,
    );
  });

  // V8 reads a JSON string much faster than the same data as an object literal: the countries'
  // areas (~100 kB) are in the first load, so they are shipped as `JSON.parse('…')`.
  it.each(['BH', 'ML', 'MZ', 'PK', 'SA'])('carries the %s areas as a JSON string', (code) => {
    const id = [...firstModules.keys()].find((m) => m.endsWith(`/resources/areas/${code}.json`));
    expect(id, `resources/areas/${code}.json is not in the first load`).toBeDefined();
    const code_ = firstModules.get(id!)!;
    expect(code_).toMatch(/JSON\.parse\(/);
    expect(code_.length).toBeGreaterThan(1000);
    expect(code_).not.toMatch(/\bcode:\s*["'`]/); // no object literal of areas beside it
  });

  it.each(Object.entries(LATER))('leaves %s to a chunk loaded on demand', (_, path) => {
    expect(first.filter((id) => id.includes(path))).toEqual([]);
    // …and the library is still in the build, so the check above is not vacuous.
    expect(later.some((id) => id.includes(path))).toBe(true);
  });
});

/**
 * Strings only one language has (not a name or a code the languages share), long enough not to
 * turn up by chance, and written the same in a JSON string as in the catalogue.
 */
const ownStrings = (locale: (typeof LOCALES)[number]): string[] => {
  const elsewhere = new Set(
    LOCALES.filter((l) => l !== locale).flatMap((l) => Object.values(catalogues[l])),
  );
  return Object.values(catalogues[locale]).filter(
    (v) => v.length >= 16 && !/["\\\n]/.test(v) && !elsewhere.has(v),
  );
};

describe('the interface languages', () => {
  it('no language’s strings module is imported by the first load', () => {
    expect(first.filter((id) => id.includes('virtual:passerelle-messages/'))).toEqual([]);
  });

  it.each(LOCALES)('%s: none of its strings is in the first load', (locale) => {
    // Data with names of its own in four languages (the default screening form, the countries'
    // areas) is not a catalogue: its words are left out of the check.
    const data = first
      .filter((id) => !id.startsWith('\0') && !id.includes('/node_modules/') && existsSync(id))
      .map((id) => readFileSync(id, 'utf8'))
      .join('\n');
    const own = ownStrings(locale).filter((v) => !data.includes(v));
    expect(own.length).toBeGreaterThan(500);
    expect(own.filter((v) => firstCode.includes(v))).toEqual([]);
  });

  it.each(LOCALES)('%s: its strings are a module of their own, with no other language', (l) => {
    const code = messageChunks.get(l);
    expect(code, `no chunk for virtual:passerelle-messages/${l}`).toBeDefined();
    expect(ownStrings(l).filter((v) => !code!.includes(v))).toEqual([]);
    const others = LOCALES.filter((o) => o !== l).flatMap(ownStrings);
    expect(others.filter((v) => code!.includes(v))).toEqual([]);
  });

  it.each(Object.entries(LIBRARY_TEXT))('the first load has no %s code', (_, text) => {
    expect(firstCode).not.toContain(text);
    expect(laterCode).toContain(text);
  });
});

describe('the language starter', () => {
  /** The starter script linked from the page: its file and code. */
  const starter = () => {
    const src = /<script src="\.\/([^"]+)" async fetchpriority="high"><\/script>/.exec(html)?.[1];
    expect(src, 'no async script in the page').toBeDefined();
    const code = scriptAssets.get(src!);
    expect(code, `${src} is not in the build`).toBeDefined();
    return { src: src!, code: code! };
  };

  type Items = Record<string, string> | 'throws';
  const fakeStorage = (items: Items) => ({
    getItem: (k: string) => {
      if (items === 'throws') throw new Error('storage disabled');
      return items[k] ?? null;
    },
  });

  /** The module file the starter imports when localStorage holds `items` (or throws). */
  const startedWith = (items: Items): string => {
    const { src, code } = starter();
    const storage = fakeStorage(items);
    const asked: string[] = [];
    const load = (u: string) => {
      asked.push(u);
      return Promise.resolve();
    };
    // The classic script as shipped, with its one import() and its globalThis handed in.
    const run = new Function('globalThis', 'load', code.replace(/\bimport\(/g, 'load(')) as (
      g: unknown,
      l: typeof load,
    ) => void;
    run({ localStorage: storage }, load);
    expect(asked).toHaveLength(1);
    return `${src.slice(0, src.lastIndexOf('/') + 1)}${asked[0]!.replace(/^\.\//, '')}`;
  };

  /** Runs the starter as shipped with `indexedDB` in its globalThis; waits for its open to end. */
  const runWith = async (idb: IDBFactory) => {
    const { code } = starter();
    const run = new Function('globalThis', 'load', code.replace(/\bimport\(/g, 'load(')) as (
      g: unknown,
      l: () => Promise<void>,
    ) => void;
    run({ localStorage: fakeStorage({}), indexedDB: idb }, () => Promise.resolve());
    await new Promise((r) => setTimeout(r, 50));
  };

  it('opens the window’s database once, to load its store early, and creates none', async () => {
    expect(starter().code).toContain(JSON.stringify(DB_NAME));
    // A first run: no database afterwards (the window's own code creates it, with its stores).
    const fresh = new IDBFactory();
    await runWith(fresh);
    expect((await fresh.databases()).map((d) => d.name)).toEqual([]);
  });

  it('leaves an existing database as it was, and no connection that would block an upgrade', async () => {
    const idb = new IDBFactory();
    await new Promise<void>((resolve) => {
      const r = idb.open(DB_NAME, 3);
      r.onupgradeneeded = () => r.result.createObjectStore('services');
      r.onsuccess = () => (r.result.close(), resolve());
    });
    await runWith(idb);
    expect(await idb.databases()).toEqual([{ name: DB_NAME, version: 3 }]);
    // The next version opens without waiting: the starter's connection is closed.
    const upgraded = await new Promise<number>((resolve, reject) => {
      const r = idb.open(DB_NAME, 4);
      r.onblocked = () => reject(new Error('blocked by the starter'));
      r.onsuccess = () => (resolve(r.result.version), r.result.close());
    });
    expect(upgraded).toBe(4);
  });

  it('is a classic async script, first in the head, before the window’s module script', () => {
    const { code } = starter();
    expect(html.indexOf('<script src="./assets/language-')).toBeLessThan(
      html.indexOf('<script type="module"'),
    );
    // Nothing it imports statically: it runs as soon as it arrives.
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bexport\b/);
  });

  // Damage to a preference other than the language (digits, calendar) the starter does not judge:
  // it may then fetch a language the window does not show, which costs a fetch, nothing else.
  const cases: [string, Items][] = [
    ['nothing stored', {}],
    [
      'Arabic chosen',
      { [PREFS_KEY]: JSON.stringify({ locale: 'ar', digits: 'latn', hijri: false }) },
    ],
    ['Portuguese, the older key only', { [STORAGE_KEY]: 'pt' }],
    [
      'damaged preferences, English by the older key',
      { [PREFS_KEY]: '{oops', [STORAGE_KEY]: 'en' },
    ],
    ['an unknown language', { [PREFS_KEY]: JSON.stringify({ locale: 'de' }), [STORAGE_KEY]: 'de' }],
    ['a key of every object', { [PREFS_KEY]: JSON.stringify({ locale: 'toString' }) }],
    ['preferences that are not an object', { [PREFS_KEY]: '"ar"', [STORAGE_KEY]: '__proto__' }],
    ['storage that throws', 'throws'],
  ];

  it.each(cases)('%s: fetches the language the window will show', (_, items) => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: fakeStorage(items),
    });
    let shown: string;
    try {
      shown = (() => {
        try {
          return storedPrefs().locale;
        } catch {
          return DEFAULT_LOCALE; // firstMessages: the default language when storage fails
        }
      })();
    } finally {
      if (saved) Object.defineProperty(globalThis, 'localStorage', saved);
      else Reflect.deleteProperty(globalThis, 'localStorage');
    }
    expect(startedWith(items)).toBe(messageFiles.get(shown));
  });

  it('maps every language to its own strings module', () => {
    expect(new Set(LOCALES.map((l) => messageFiles.get(l))).size).toBe(LOCALES.length);
    for (const l of LOCALES) {
      expect(startedWith({ [STORAGE_KEY]: l })).toBe(messageFiles.get(l));
    }
  });
});

describe('the styles', () => {
  // A screen loaded on demand must not bring styles that other screens (or the header) rely on:
  // split per chunk, the header's sync status went unstyled (dark on dark) until the sync screen
  // was opened, and the login box, the referral panels and the letter preview likewise.
  it('are one stylesheet, linked from the page the window opens', () => {
    expect(styles).toHaveLength(1);
    expect(html).toContain(`href="./${styles[0]}"`);
  });
});
