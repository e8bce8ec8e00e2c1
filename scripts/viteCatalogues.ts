/**
 * One module per interface language, `virtual:passerelle-messages/<locale>` (issue 15, cold
 * start): a window loads the strings of the language it shows, not all four. The catalogues stay
 * written as they are (shared/i18n/messages/*.ts, four languages side by side, checked by type);
 * this plugin cuts them per language.
 *
 * In a build, each module is the merged catalogue as `JSON.parse('…')`: V8 parses a JSON string
 * faster than the same object as a literal, and the module holds nothing else. With the dev
 * server and in Vitest, it re-exports `catalogues[locale]` from the source, so an edited message
 * shows at once and tests need nothing built.
 *
 * A build also starts fetching the strings before the window's code runs: the window's code is
 * one large script, and its first statements ask for the language's module, which then came
 * only after all of it was downloaded and parsed. A small classic script (`language-….js`,
 * `async` in the page's head, allowed by the CSP's script-src 'self' where an inline one is not)
 * reads the language this computer last showed from localStorage, as messages.ts does, and
 * imports that module: the same URL, so the window's own import finds it loaded or under way.
 * A language it guesses wrong (a damaged entry) only costs a fetch; the window decides.
 *
 * The same script also opens the window's database once and closes it at once (issue 15, cold
 * start): the browser's first open of a database in a process loads its store from disk, which
 * took 50-250 ms in a started window, and it then happens while the scripts load instead of after
 * them. It opens the database at whatever version it has, never creates one (a first run's
 * creation is aborted, so the window's own code creates it as before), and leaves no connection.
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:passerelle-messages/';
const RESOLVED = `\0${PREFIX}`; // resolved ids start with NUL, as Vite wants of virtual modules
const cataloguesFile = fileURLToPath(new URL('../shared/i18n/catalogues.ts', import.meta.url));
const defineFile = fileURLToPath(new URL('../shared/i18n/define.ts', import.meta.url));
const keysFile = fileURLToPath(new URL('../renderer/app/localeKeys.ts', import.meta.url));
/** The window's database, opened once by the starter to load its store early. */
const DATABASE = 'passerelle'; // renderer/data/db.ts, DB_NAME (checked by coldStartBundle.test)
/** The module whose presence in a page's first load says that page shows the window's strings. */
const FIRST_MESSAGES = '/renderer/app/firstMessages.ts';

/**
 * The starter's code: `files` maps each locale to its module's path from the starter. A classic
 * script, so that it runs as soon as it arrives, not after the page's module scripts.
 */
export const languageStarter = (
  files: Record<string, string>,
  keys: { PREFS_KEY: string; STORAGE_KEY: string },
  fallback: string,
  database?: string,
): string =>
  `(()=>{"use strict";` +
  (database
    ? `try{const r=globalThis.indexedDB.open(${JSON.stringify(database)});` +
      `r.onupgradeneeded=()=>r.transaction.abort();r.onsuccess=()=>r.result.close();` +
      `r.onerror=e=>e.preventDefault()}catch{}`
    : '') +
  `const f=${JSON.stringify(files)},k=l=>typeof l=="string"&&Object.hasOwn(f,l);` +
  `let l,s;try{s=globalThis.localStorage;const p=JSON.parse(s.getItem(${JSON.stringify(keys.PREFS_KEY)})??"null");` +
  `l=p&&typeof p=="object"?p.locale:void 0}catch{}` +
  `if(!k(l))try{l=s.getItem(${JSON.stringify(keys.STORAGE_KEY)})}catch{}` +
  `import(f[k(l)?l:${JSON.stringify(fallback)}]).catch(()=>{})})();\n`;

type Catalogues = Record<string, Record<string, string>>;
type Loaded = {
  catalogues: Catalogues;
  locales: readonly string[];
  fallback: string;
  files: string[];
};

/** The merged catalogues, read once per build from the TypeScript source. */
const readCatalogues = async (): Promise<Loaded> => {
  const [{ module: cat, dependencies }, { module: define }] = await Promise.all([
    runnerImport<{ catalogues: Catalogues }>(cataloguesFile),
    runnerImport<{ LOCALES: readonly string[]; DEFAULT_LOCALE: string }>(defineFile),
  ]);
  const locales = define.LOCALES;
  const catalogues = Object.fromEntries(locales.map((l) => [l, { ...cat.catalogues[l] }]));
  // The types already make every language complete; a build that still got here with a
  // language short of a key would show message ids, so it stops instead.
  const reference = Object.keys(catalogues[locales[0]!] ?? {}).sort();
  for (const l of locales) {
    const keys = Object.keys(catalogues[l] ?? {}).sort();
    if (keys.length === 0 || keys.join('\n') !== reference.join('\n')) {
      throw new Error(`i18n: the ${l} catalogue does not have the same keys as the others`);
    }
  }
  return {
    catalogues,
    locales,
    fallback: define.DEFAULT_LOCALE,
    files: [cataloguesFile, ...dependencies],
  };
};

export const catalogueModules = (): Plugin => {
  let serve = false;
  let loaded: Promise<Loaded> | null = null;
  /** The starter's file in this build, once the strings modules have their names. */
  let starter: string | null = null;
  return {
    name: 'passerelle-catalogue-modules',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      loaded = null; // a watching build reads edited messages again
      starter = null;
    },
    // Filters, so that the bundler calls this plugin only for its own modules.
    resolveId: {
      filter: { id: /^virtual:passerelle-messages\// },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: /^\0virtual:passerelle-messages\// },
      async handler(id) {
        const locale = id.slice(RESOLVED.length);
        if (!/^[a-z]{2}$/.test(locale)) throw new Error(`i18n: no catalogue module ${id.slice(1)}`);
        if (serve) {
          return (
            `import { catalogues } from ${JSON.stringify(cataloguesFile)};\n` +
            `if (!(${JSON.stringify(locale)} in catalogues)) throw new Error('i18n: no catalogue ${locale}');\n` +
            `export default catalogues[${JSON.stringify(locale)}];\n`
          );
        }
        loaded ??= readCatalogues();
        const { catalogues, locales, files } = await loaded;
        if (!locales.includes(locale)) throw new Error(`i18n: no catalogue for ${locale}`);
        for (const f of files) this.addWatchFile(f);
        const json = JSON.stringify(catalogues[locale]);
        return `export default /*#__PURE__*/ JSON.parse(${JSON.stringify(json)});\n`;
      },
    },
    // Runs before Vite's own plugin writes the pages (transformIndexHtml below).
    async generateBundle(_, bundle) {
      const files: Record<string, string> = {};
      for (const c of Object.values(bundle)) {
        const id = c.type === 'chunk' ? c.facadeModuleId : null;
        if (id?.startsWith(RESOLVED))
          files[id.slice(RESOLVED.length)] = `./${posix.basename(c.fileName)}`;
      }
      if (Object.keys(files).length === 0) return;
      const { locales, fallback } = await (loaded ??= readCatalogues());
      const missing = locales.filter((l) => !files[l]);
      if (missing.length > 0) throw new Error(`i18n: no strings module for ${missing.join(', ')}`);
      const { module: keys } = await runnerImport<{ PREFS_KEY: string; STORAGE_KEY: string }>(
        keysFile,
      );
      // Beside the strings modules (assets/), so the paths in `files` resolve from it.
      const dir = posix.dirname(
        Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.startsWith(RESOLVED),
        )!.fileName,
      );
      const ref = this.emitFile({
        type: 'asset',
        name: 'language.js',
        source: languageStarter(files, keys, fallback, DATABASE),
      });
      starter = this.getFileName(ref);
      if (posix.dirname(starter) !== dir) {
        throw new Error(`i18n: the language starter ${starter} is not beside ${dir}/`);
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_, ctx) {
        if (!starter || !ctx.bundle || !ctx.chunk) return;
        // Only a page that shows the window's strings as it starts (not the benchmark's empty one).
        const bundle = ctx.bundle;
        const seen = new Set<string>();
        const shows = (name: string): boolean => {
          if (seen.has(name)) return false;
          seen.add(name);
          const c = bundle[name];
          if (c?.type !== 'chunk') return false;
          return (
            c.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(FIRST_MESSAGES)) ||
            c.imports.some(shows)
          );
        };
        if (!shows(ctx.chunk.fileName)) return;
        const from = posix.dirname(ctx.path);
        const src = posix.relative(from, `/${starter}`);
        return [
          {
            tag: 'script',
            // An async classic script is fetched at low priority by default: this one is tiny,
            // and what it fetches is waited for.
            attrs: {
              src: src.startsWith('.') ? src : `./${src}`,
              async: true,
              fetchpriority: 'high',
            },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
};
